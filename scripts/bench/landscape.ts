/**
 * Landscape section of `npm run bench`: seconds per subspace training step for d in {100, 1,000,
 * 5,000} with the dense and the sparse projection, against an ordinary step of the same
 * 784-200-200-10 MLP (batch 128, Fashion-MNIST) in the same run. Dense P over the 256 MiB cap
 * is not built and is listed as such.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDataset } from '../../src/datasets/build';
import { benchSubspaceSteps, classificationTask } from '../../src/landscape/index';

const publicDir = join(import.meta.dirname, '..', '..', 'public');

/** Markdown rows: projection, d, memory for P, ms/step, ratio to the ordinary step. */
export async function benchLandscape(quick: boolean): Promise<string[]> {
  const dataset = await buildDataset(
    { source: { kind: 'fashion-mnist', limit: quick ? 2000 : 10000 }, testFraction: 0.2, imbalanceRatio: 1, minorityClasses: 0, labelNoise: 0, seed: 1 },
    async (path) => new Uint8Array(await readFile(join(publicDir, path))),
  );
  const cfg = { widths: [784, 200, 200, 10], activation: 'relu' as const };
  const task = classificationTask(dataset, cfg, { batchSize: 128, seed: 1 });
  const dims = [100, 1000, 5000];
  try {
    const timings = await benchSubspaceSteps(task, dims, ['dense', 'sparse'], quick ? 3 : 10, 2, quick ? 2 : 3);
    const D = task.model.numParams;
    const rows = timings.map(({ projection: p, secondsPerStep, ratio }) => {
      const kind = p.kind === 'identity' ? 'ordinary step' : p.kind;
      const d = p.kind === 'identity' ? '-' : p.d.toLocaleString('en');
      return `| ${kind} | ${d} | ${(p.memoryBytes / 2 ** 20).toFixed(1)} MiB | ${(secondsPerStep * 1000).toFixed(1)} ms | ${ratio.toFixed(2)}x |`;
    });
    for (const d of dims) {
      if (timings.some((t) => t.projection.kind === 'dense' && t.projection.d === d)) continue;
      const bytes = 4 * D * d; // dense P: D x d float32
      rows.push(`| dense | ${d.toLocaleString('en')} | ${(bytes / 2 ** 20).toFixed(0)} MiB: over the 256 MiB cap, not built | - | - |`);
    }
    return [`D = ${D.toLocaleString('en')} parameters`, '| projection | d | memory for P | time per step | vs ordinary |', '| --- | --- | --- | --- | --- |', ...rows];
  } finally {
    task.dispose();
  }
}
