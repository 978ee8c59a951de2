/**
 * The sizes that used to hang the app and the CLI (issue 16), written as seeded files: 10,000 x 16
 * in 5,000 classes (many-classes.npy + many-classes-labels.txt) and 10 x 100,000 (wide.npy).
 * e2e/reliability.spec.ts loads them through the app; scripts/bench/reliability.ts times the CLI.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../src/geometry/random.ts';
import { writeNpy } from '../../src/io/npy.ts';

/** Seeded standard normal n x d (float32). */
function normal(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * d }, () => rng.normal());
}

/** Writes the files into `dir`; returns their paths. */
export function writeReliabilityFiles(dir: string): { manyClasses: string; manyLabels: string; wide: string } {
  mkdirSync(dir, { recursive: true });
  const paths = { manyClasses: join(dir, 'many-classes.npy'), manyLabels: join(dir, 'many-classes-labels.txt'), wide: join(dir, 'wide.npy') };
  writeFileSync(paths.manyClasses, writeNpy(normal(10_000, 16, 5), [10_000, 16]));
  writeFileSync(paths.manyLabels, `${Array.from({ length: 10_000 }, (_, i) => `id${i % 5000}`).join('\n')}\n`);
  writeFileSync(paths.wide, writeNpy(normal(10, 100_000, 6), [10, 100_000]));
  return paths;
}
