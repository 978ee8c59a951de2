/**
 * Runs every Train preset (seeded, wasm backend in Node) for its stated number of steps and prints
 * the phenomenon its note states, measured: the numbers of the README's "Train presets" table.
 *
 *   npx tsx scripts/presets/measure.ts            # every preset
 *   npx tsx scripts/presets/measure.ts spirals    # some presets by id
 *
 * Snapshots are taken at each preset's own snapshotEvery; layer-ID profiles are skipped (they do
 * not enter any of the numbers printed).
 */
import { readFile } from 'node:fs/promises';
import '../../tests/setup';
import { buildDataset } from '../../src/datasets/build';
import { PRESETS, type Preset } from '../../src/training/presets';
import { createTrainer } from '../../src/training/trainer';
import { probePositions } from '../../src/training/mixupProbe';
import type { RunConfig, Snapshot } from '../../src/training/types';
import { rowCosine } from '../../src/training/featureGeometry';

const PUBLIC = new URL('../../public/', import.meta.url);
const read = async (p: string) => new Uint8Array(await readFile(new URL(p, PUBLIC)));

async function run(config: RunConfig, steps: number): Promise<Snapshot[]> {
  const train = { ...config.train, profileEvery: config.train.snapshotEvery * Math.ceil(steps / config.train.snapshotEvery + 1) };
  const trainer = createTrainer(await buildDataset(config.data, read), config.model, train);
  const snaps: Snapshot[] = [await trainer.snapshot(false)];
  await trainer.step(steps, { onSnapshot: (s) => snaps.push(s) });
  trainer.dispose();
  return snaps;
}

const g = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? String(x) : x.toPrecision(3));
const pct = (x: number | null | undefined) => (x == null ? '-' : `${(100 * x).toFixed(1)}%`);


/** The terminal-phase start (first snapshot with train accuracy 1), its index, and the last snapshot. */
function phases(snaps: Snapshot[]) {
  const i = snaps.findIndex((s) => s.trainAccuracy === 1);
  return { i, first: i >= 0 ? snaps[i] : null, last: snaps[snaps.length - 1] };
}

async function measure(p: Preset): Promise<string> {
  const snaps = await run(p.config, p.steps);
  const { i, first, last } = phases(snaps);
  const end = `step ${last.step}: train ${pct(last.trainAccuracy)}, test ${pct(last.testAccuracy)}`;
  const fall = (k: 'nc1' | 'etfDistance' | 'nc3') => (first && first[k] != null && last[k] != null ? `${k} ${g(first[k])} -> ${g(last[k])} (${g(first[k]! / last[k]!)}x)` : `${k} -`);
  switch (p.id) {
    case 'blobs-collapse': {
      const later = first ? snaps.find((s) => s.step >= first.step + 500) : undefined;
      return `${i - 1} snapshots before 100% train accuracy (step ${first?.step}); NC1 ${g(first?.nc1)} -> ${g(later?.nc1)} 500 steps later (${first && later ? g(first.nc1 / later.nc1) : '-'}x); ${fall('etfDistance')}; ${end}`;
    }
    case 'blobs-etf':
    case 'blobs-mse':
      return `100% train accuracy at step ${first?.step}; ${fall('nc1')}; ${fall('etfDistance')}; ${fall('nc3')}; ${end}`;
    case 'blobs-gcr':
    case 'subspaces': {
      const after = snaps.filter((s) => s.step >= 1000);
      const min = after.length > 0 ? Math.min(...after.map((s) => s.trainAccuracy)) : NaN;
      return `min train accuracy from step 1,000 to ${last.step}: ${pct(min)}; ${end}; divergence ${last.divergence?.kind ?? 'none'}`;
    }
    case 'blobs-imbalanced': {
      const parts: string[] = [];
      for (const ratio of [10, 100]) {
        const s = ratio === p.config.data.imbalanceRatio ? last : (await run({ ...p.config, data: { ...p.config.data, imbalanceRatio: ratio } }, p.steps)).at(-1)!;
        const K = s.classes;
        const w = s.classifier ? rowCosine(s.classifier.weights, s.featureDim, K - 2, K - 1) : NaN;
        const m = rowCosine(s.means, s.featureDim, K - 2, K - 1, s.globalMean);
        parts.push(`ratio ${ratio}: minority classifier-row cosine ${g(w)}, centred-mean cosine ${g(m)}, train ${pct(s.trainAccuracy)}, test ${pct(s.testAccuracy)}`);
      }
      return parts.join('; ');
    }
    case 'blobs-mixup': {
      const at = (s: Snapshot) => {
        const probe = s.mixupProbe!;
        const { t } = probePositions(probe, s.means, s.featureDim);
        const inside = Array.from(t).filter((v) => v >= -0.05 && v <= 1.05).length / t.length;
        const mean = (a: ArrayLike<number>) => Array.from(a).reduce((x, v) => x + v, 0) / a.length;
        const ml = mean(probe.lambda), mt = mean(t);
        let sxy = 0, sxx = 0, syy = 0;
        for (let q = 0; q < t.length; q++) {
          sxy += (probe.lambda[q] - ml) * (t[q] - mt);
          sxx += (probe.lambda[q] - ml) ** 2;
          syy += (t[q] - mt) ** 2;
        }
        return `step ${s.step}: ${pct(inside)} of ${t.length} probe features between their class means, corr(position, lambda) ${g(sxy / Math.sqrt(sxx * syy))}`;
      };
      const s250 = snaps.find((s) => s.step >= 250)!;
      return `${at(snaps[0])}; ${at(s250)}; ${at(last)}; ${end}`;
    }
    case 'spirals':
    case 'checkerboard': {
      const half = snaps.filter((s) => s.step >= last.step / 2);
      return `min train accuracy over steps ${half[0]?.step}-${last.step}: ${pct(Math.min(...half.map((s) => s.trainAccuracy)))}; ${end}`;
    }
    default:
      return `${end}; NC1 ${g(last.nc1)}, ETF distance ${g(last.etfDistance)}`;
  }
}

const ids = process.argv.slice(2);
for (const p of PRESETS.filter((q) => ids.length === 0 || ids.includes(q.id))) {
  const t0 = performance.now();
  const line = await measure(p);
  console.log(`${p.id} (${p.steps} steps, ${((performance.now() - t0) / 1000).toFixed(0)} s): ${line}`);
}
