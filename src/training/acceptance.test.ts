/**
 * Scientific acceptance of the Train presets (issues 4 and 10), wasm backend, seeded: each
 * preset's note is asserted on its own run, with margins (never exact numbers). Snapshot and
 * profile intervals are widened where the phenomenon does not need them, and long runs are cut
 * to the steps where the phenomenon already shows (said per test).
 */
import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { buildDataset } from '../datasets/build';
import { DEFAULT_TRAIN, findPreset, type Preset } from './presets';
import { createTrainer } from './trainer';
import type { RunConfig, Snapshot, TrainConfig } from './types';
import { rowCosine } from './featureGeometry';

function get(id: string): Preset {
  const p = findPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

/** Every snapshot (step 0 first) of a seeded run of `steps` steps. */
async function run(config: RunConfig, steps: number, train: Partial<TrainConfig> = {}): Promise<Snapshot[]> {
  const t = { ...config.train, ...train };
  const trainer = createTrainer(await buildDataset(config.data), config.model, t);
  const snaps: Snapshot[] = [await trainer.snapshot(false)];
  await trainer.step(steps, { onSnapshot: (s) => snaps.push(s) });
  trainer.dispose();
  expect(snaps[snaps.length - 1].step).toBe(steps);
  return snaps;
}


const terminal = (snaps: Snapshot[]) => {
  const i = snaps.findIndex((s) => s.trainAccuracy === 1);
  expect(i).toBeGreaterThan(0);
  return i;
};

describe('preset acceptance (each note holds on its own seeded run)', () => {
  it('blobs-collapse: >= 5 snapshots before 100% train accuracy, then NC1 >= 10x lower 500 steps later', async () => {
    const p = get('blobs-collapse');
    const snaps = await run(p.config, p.steps, { profileEvery: 1000 });
    const i = terminal(snaps);
    expect(i - 1).toBeGreaterThanOrEqual(5);
    const first = snaps[i];
    expect(first.step).toBeLessThanOrEqual(200);
    const later = snaps.find((s) => s.step >= first.step + 500)!;
    expect(later.trainAccuracy).toBe(1);
    expect(later.nc1).toBeLessThan(first.nc1 / 10);
    const last = snaps[snaps.length - 1];
    expect(last.etfDistance).toBeLessThan(first.etfDistance / 2);
    expect(last.nc4).toBe(0);
  });

  it('blobs-etf: ETF distance and NC3 fall >= 5x after the terminal phase starts', async () => {
    const p = get('blobs-etf');
    expect(p.config.model.head.kind).toBe('etf');
    const snaps = await run(p.config, p.steps, { profileEvery: 1500 });
    const first = snaps[terminal(snaps)];
    const last = snaps[snaps.length - 1];
    expect(last.trainAccuracy).toBe(1);
    expect(last.etfDistance).toBeLessThan(first.etfDistance / 5);
    expect(last.nc3!).toBeLessThan(first.nc3! / 5);
  });

  it('blobs-mse: NC1 and the ETF distance both fall >= 5x after train accuracy reaches 100%', async () => {
    const p = get('blobs-mse');
    expect(p.config.train.loss).toBe('mse');
    const snaps = await run(p.config, p.steps, { profileEvery: 1500 });
    const first = snaps[terminal(snaps)];
    const last = snaps[snaps.length - 1];
    expect(last.trainAccuracy).toBe(1);
    expect(last.nc1).toBeLessThan(first.nc1 / 5);
    expect(last.etfDistance).toBeLessThan(first.etfDistance / 5);
  });

  it('blobs-gcr: train accuracy 100% at every snapshot from step 1,000 to 2,000, bases orthonormal, no divergence', async () => {
    const p = get('blobs-gcr');
    expect(p.config.model.head.kind).toBe('gcr');
    expect(p.config.train.weightDecay).toBe(0);
    // The profile (with the subspace angles and the bases' orthonormality) at the last step only.
    const snaps = await run(p.config, p.steps, { snapshotEvery: 100, profileEvery: p.steps });
    const late = snaps.filter((s) => s.step >= 1000);
    expect(late.length).toBeGreaterThanOrEqual(10);
    for (const s of late) expect(s.trainAccuracy, `step ${s.step}`).toBe(1);
    const last = snaps[snaps.length - 1];
    expect(last.subspaceAngles!.orthonormalityError).toBeLessThan(1e-4);
    expect(last.divergence).toBeNull();
  }, 300_000);

  it('blobs-narrow: F = 2 < K - 1: NC1 falls >= 10x while the ETF distance stays undefined with its reason', async () => {
    const p = get('blobs-narrow');
    const K = p.config.data.source.kind === 'blobs' ? p.config.data.source.classes : 0;
    expect(p.config.model.featureWidth).toBeLessThan(K - 1);
    const snaps = await run(p.config, p.steps, { snapshotEvery: 100, profileEvery: p.steps * 2 });
    const last = snaps[snaps.length - 1];
    expect(last.trainAccuracy).toBe(1);
    expect(last.nc1).toBeLessThan(snaps[0].nc1 / 10);
    for (const s of snaps) {
      expect(Number.isNaN(s.etfDistance)).toBe(true);
      expect(s.collapse.etfDistance).toBeNull();
      expect(s.collapse.reasons?.etfDistance).toMatch(/no simplex ETF fits/);
    }
  });

  // The preset's note covers 10,000 steps (scripts/presets/measure.ts runs them all); with
  // weight decay the run fell to chance at step ~2,400, so 3,000 steps cover that failure.
  it('subspaces (GCR): train accuracy >= 95% at every snapshot from step 1,000 to 3,000, bases orthonormal', async () => {
    const p = get('subspaces');
    expect(p.config.model.head.kind).toBe('gcr');
    const snaps = await run(p.config, 3000, { snapshotEvery: 250, profileEvery: 3000 });
    for (const s of snaps.filter((q) => q.step >= 1000)) expect(s.trainAccuracy).toBeGreaterThanOrEqual(0.95);
    const last = snaps[snaps.length - 1];
    expect(last.subspaceAngles!.orthonormalityError).toBeLessThan(1e-4);
    expect(last.divergence).toBeNull();
  });

  it('blobs-imbalanced: the minority classifier rows crowd together as the imbalance ratio grows (10 vs 100)', async () => {
    const p = get('blobs-imbalanced');
    expect(p.config.data.imbalanceRatio).toBe(100);
    const cosAt = async (ratio: number) => {
      const snaps = await run({ ...p.config, data: { ...p.config.data, imbalanceRatio: ratio } }, p.steps, { snapshotEvery: p.steps, profileEvery: p.steps });
      const s = snaps[snaps.length - 1];
      expect(s.trainAccuracy).toBe(1);
      return rowCosine(s.classifier!.weights, s.featureDim, s.classes - 2, s.classes - 1);
    };
    const c10 = await cosAt(10);
    const c100 = await cosAt(100);
    expect(c10).toBeLessThan(-0.05);
    expect(c100).toBeGreaterThan(c10 + 0.1);
  });

  // 30-95 s on wasm in Node (29 s alone, 93 s on a loaded machine): the whole stated run, every snapshot.
  it('spirals: train accuracy above 90% at every snapshot from step 1,500 to 3,000, 100% at the end', async () => {
    const p = get('spirals');
    expect(p.config.train.optimizer).toBe('adam');
    const snaps = await run(p.config, p.steps, { profileEvery: p.steps * 2 });
    const late = snaps.filter((s) => s.step >= 1500);
    expect(late.length).toBeGreaterThanOrEqual(50);
    for (const s of late) expect(s.trainAccuracy, `step ${s.step}`).toBeGreaterThan(0.9);
    expect(snaps[snaps.length - 1].trainAccuracy).toBe(1);
  }, 600_000);

  // ~30 s per run on wasm in Node (snapshots every 250 steps): Adam's stated run, then the same run with the default SGD (lr 0.05, momentum 0.9).
  it('checkerboard: Adam reaches test accuracy above 90% within 3,000 steps; SGD with the default settings stays below', async () => {
    const p = get('checkerboard');
    const final = async (train: Partial<TrainConfig>) => {
      const snaps = await run(p.config, p.steps, { profileEvery: p.steps * 2, snapshotEvery: 250, ...train });
      return snaps[snaps.length - 1];
    };
    const adam = await final({});
    expect(adam.testAccuracy!).toBeGreaterThan(0.9);
    const sgd = await final({ optimizer: 'sgd', learningRate: DEFAULT_TRAIN.learningRate, momentum: DEFAULT_TRAIN.momentum });
    expect(sgd.testAccuracy!).toBeLessThan(0.9);
  }, 600_000);
});
