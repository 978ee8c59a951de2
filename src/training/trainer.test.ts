import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { buildDataset } from '../datasets/build';
import type { Dataset } from '../datasets/types';
import { DEFAULT_GCR_HEAD, DEFAULT_PRESET } from './presets';
import { checkTrainConfig, createTrainer } from './trainer';
import { SNAPSHOT_METRIC_KEYS, snapshotMetrics } from './metricKeys';
import type { ModelConfig, Snapshot, TrainConfig } from './types';

const { data, model, train } = DEFAULT_PRESET.config;
const small = (over: Partial<TrainConfig> = {}): TrainConfig => ({ ...train, snapshotEvery: 10, profileEvery: 20, sampleSize: 60, ...over });

async function run(ds: Dataset, m: ModelConfig, t: TrainConfig, steps: number): Promise<Snapshot[]> {
  const trainer = createTrainer(ds, m, t);
  const snaps = [await trainer.snapshot()];
  await trainer.step(steps, { onSnapshot: (s) => snaps.push(s) });
  trainer.dispose();
  return snaps;
}

describe('createTrainer', () => {
  it('same seed, same backend: identical snapshots; another seed differs', async () => {
    const ds = await buildDataset(data);
    const variants: [ModelConfig, TrainConfig][] = [
      [model, small()],
      [{ ...model, batchNorm: true, activation: 'gelu', head: DEFAULT_GCR_HEAD }, small({ mixupAlpha: 0.4, optimizer: 'adam', learningRate: 0.01, labelSmoothing: 0.1 })],
    ];
    for (const [m, t] of variants) {
      const a = await run(ds, m, t, 40);
      const b = await run(ds, m, t, 40);
      expect(a.map((s) => s.step)).toEqual([0, 10, 20, 30, 40]);
      expect(b).toEqual(a);
      const c = await run(ds, m, { ...t, seed: t.seed + 1 }, 40);
      expect(c[4].features).not.toEqual(a[4].features);
    }
  });

  it('tf.memory().numTensors is flat over 1,000 steps (linear head; GCR + batch norm + mixup)', async () => {
    const ds = await buildDataset(data);
    const variants: [ModelConfig, TrainConfig][] = [
      [model, small({ snapshotEvery: 100, profileEvery: 500 })],
      [{ ...model, batchNorm: true, head: DEFAULT_GCR_HEAD }, small({ snapshotEvery: 100, profileEvery: 500, mixupAlpha: 1 })],
    ];
    for (const [m, t] of variants) {
      const before = tf.memory().numTensors;
      const trainer = createTrainer(ds, m, t);
      await trainer.step(5);
      await trainer.snapshot(true);
      const warm = tf.memory().numTensors;
      let emitted = 0;
      await trainer.step(1000, { onSnapshot: () => emitted++ });
      expect(emitted).toBe(10);
      expect(tf.memory().numTensors).toBe(warm);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('snapshots carry the view buffers; profiles every profileEvery steps; GCR has angles and no nc3/nc4', async () => {
    const ds = await buildDataset(data);
    const [s0, s10, s20] = await run(ds, model, small(), 20);
    const K = ds.classes;
    const F = model.featureWidth;
    expect([s0.classes, s0.featureDim]).toEqual([K, F]);
    expect(s10.epoch).toBeCloseTo(10 / Math.floor(ds.yTrain.length / train.batchSize), 12);
    expect(s10.sampleIndices).toEqual(s0.sampleIndices);
    expect(s10.features.length).toBe(60 * F);
    expect(s10.means.length).toBe(K * F);
    expect(s10.globalMean.length).toBe(F);
    expect(s10.classifier?.weights.length).toBe(K * F);
    expect(s10.classifier?.bias?.length).toBe(K);
    expect(s10.nc3).not.toBeNull();
    expect(s10.testAccuracy).not.toBeNull();
    expect(s10.layerIds).toBeNull();
    expect(s20.layerIds?.map((l) => l.name)).toEqual(['input', 'hidden 1', 'features', 'logits']);
    expect(s20.layerIds?.map((l) => l.dim)).toEqual([ds.dim, model.width, F, K]);
    expect(s20.subspaceAngles).toBeNull();
    for (let i = 0; i < 60; i++) expect(s10.sampleLabels[i]).toBe(ds.yTrain[s10.sampleIndices[i]]);

    const gcr = await run(ds, { ...model, head: DEFAULT_GCR_HEAD }, small(), 20);
    const g = gcr[2];
    expect([g.nc3, g.nc4, g.equinormClassifier, g.classifier]).toEqual([null, null, null, null]);
    expect(g.subspaceAngles?.pairs).toHaveLength((K * (K - 1)) / 2);
    expect(g.subspaceAngles?.pairs[0].angles.length).toBe(DEFAULT_GCR_HEAD.kind === 'gcr' ? DEFAULT_GCR_HEAD.k : 0);
    expect(g.subspaceAngles?.orthonormalityError).toBeLessThan(1e-4);
  });

  it('the fixed ETF head reports its simplex as the classifier and never changes it', async () => {
    const ds = await buildDataset(data);
    const [s0, , s20] = await run(ds, { ...model, head: { kind: 'etf' } }, small(), 20);
    expect(s20.classifier).toEqual(s0.classifier);
    expect(s20.classifier?.bias).toBeNull();
    expect(s20.equinormClassifier).toBeLessThan(1e-6);
  });

  it('stops early on abort, refuses a second concurrent step() and use after dispose', async () => {
    const ds = await buildDataset(data);
    const trainer = createTrainer(ds, model, small());
    const ctrl = new AbortController();
    const first = trainer.step(10_000, { signal: ctrl.signal, onSnapshot: (s) => s.step >= 30 && ctrl.abort() });
    await expect(trainer.step(1)).rejects.toThrow(/already running/);
    expect(await first).toBe(30);
    expect(trainer.stepCount).toBe(30);
    expect(trainer.running).toBe(false);
    trainer.dispose();
    await expect(trainer.step(1)).rejects.toThrow(/disposed/);
    await expect(trainer.snapshot()).rejects.toThrow(/disposed/);
  });

  it('a diverging run still yields snapshots (NaN metrics, null IDs) instead of throwing', async () => {
    const ds = await buildDataset(data);
    const [, s] = await run(ds, { ...model, head: DEFAULT_GCR_HEAD, batchNorm: true }, small({ learningRate: 1e4, snapshotEvery: 20 }), 20);
    expect(s.step).toBe(20);
    const diverged = await run(ds, model, small({ learningRate: 1e4, snapshotEvery: 20 }), 20);
    expect(Number.isNaN(diverged[1].nc1)).toBe(true);
    expect(diverged[1].twoNN).toBeNull();
    expect(Object.keys(snapshotMetrics(diverged[1]))).toEqual([...SNAPSHOT_METRIC_KEYS]);
  });

  it('rejects invalid training settings', () => {
    expect(() => checkTrainConfig({ ...train, profileEvery: 30, snapshotEvery: 20 })).toThrow(/profileEvery/);
    expect(() => checkTrainConfig({ ...train, learningRate: 0 })).toThrow(/learningRate/);
    expect(() => checkTrainConfig({ ...train, momentum: 1 })).toThrow(/momentum/);
  });
});
