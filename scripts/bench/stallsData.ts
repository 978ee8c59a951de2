/** The stalls benches' data: n x d labelled Gaussian blobs (10 classes, seed 13) as a .npy and a labels file, written once to the temp folder. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gaussianBlobs } from '../../src/datasets/blobs';
import { writeNpy } from '../../src/io/npy';

export function stallsFiles(n: number, d: number): { file: string; labels: string } {
  const dir = join(tmpdir(), 'subspace-lab-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `stalls-${n}x${d}.npy`);
  const labels = join(dir, `stalls-${n}x${d}-labels.txt`);
  if (!existsSync(file) || !existsSync(labels)) {
    const emb = gaussianBlobs({ n, dim: d, classes: 10, separation: 6, noise: 1, seed: 13 });
    writeFileSync(file, writeNpy(emb.vectors, [n, d]));
    writeFileSync(labels, `${Array.from(emb.labels ?? [], (y) => `class ${y}`).join('\n')}\n`);
  }
  return { file, labels };
}
