import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { gaussianBlobs } from '../datasets/blobs';
import { splitDataset } from '../datasets/split';
import type { LabelledPoints } from '../datasets/types';
import { classificationTask } from './classification';
import { normaliseDims, planSweep, runSweep } from './sweep';
import { intrinsicDimension } from './threshold';
import type { RunProgress, SweepConfig } from './types';

const blobs = gaussianBlobs({ n: 600, dim: 16, classes: 4, separation: 3, noise: 1, seed: 3 }) as LabelledPoints;
const dataset = splitDataset(blobs, { testFraction: 0.3, imbalanceRatio: 1, minorityClasses: 0, labelNoise: 0, seed: 1 });
const mlp = { widths: [16, 32, 4], activation: 'relu' } as const;
const config: SweepConfig = {
  dims: [64, 2, 8, 256, 8],
  steps: 300,
  optimizer: { kind: 'adam', learningRate: 0.05, momentum: 0, schedule: 'constant' },
  projection: 'auto',
  seed: 2,
};

describe('runSweep on Gaussian blobs with a 16-32-4 MLP (D = 676)', () => {
  it('runs the baseline then each d ascending, with progress, projections and d_int90', async () => {
    const before = tf.memory().numTensors;
    const task = classificationTask(dataset, mlp, { batchSize: 32, seed: 1 });
    const starts: [number, number | null, string][] = [];
    const progress: RunProgress[] = [];
    const trained: [number, number][] = [];
    const result = await runSweep(task, config, {
      onRunStart: (i, d, p) => starts.push([i, d, p.kind]),
      onProgress: (p) => progress.push(p),
      onTrained: async (i, _d, theta) => {
        await theta.data();
        trained.push([i, theta.size]);
      },
    });
    task.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(result.numParams).toBe(676);
    expect(starts).toEqual([[0, null, 'identity'], [1, 2, 'dense'], [2, 8, 'dense'], [3, 64, 'dense'], [4, 256, 'dense']]);
    expect(trained).toEqual([0, 1, 2, 3, 4].map((i) => [i, 676]));
    expect(progress.filter((p) => p.run === 2).map((p) => p.step)).toEqual([25, 50, 75, 100, 125, 150, 175, 200, 225, 250, 275, 300]);
    expect(progress.every((p) => p.steps === 300 && Number.isFinite(p.batchLoss))).toBe(true);
    const baseline = result.baseline!;
    expect(baseline.d).toBeNull();
    expect(baseline.projection.memoryBytes).toBe(0);
    expect(baseline.evaluation.accuracy!).toBeGreaterThan(0.85);
    expect(result.runs.map((r) => r.d)).toEqual([2, 8, 64, 256]);
    expect(result.runs.map((r) => r.projection.memoryBytes)).toEqual([2, 8, 64, 256].map((d) => 4 * 676 * d));
    for (const r of result.runs) {
      expect(r.steps).toBe(300);
      expect(r.seconds).toBeGreaterThan(0);
      expect(r.evaluation.score).toBe(r.evaluation.accuracy);
    }
    const acc = result.runs.map((r) => r.evaluation.accuracy!);
    expect(acc[0]).toBeLessThan(0.9 * baseline.evaluation.accuracy!);
    expect(acc[3]).toBeGreaterThanOrEqual(0.9 * baseline.evaluation.accuracy!);
    expect(acc[3]).toBeGreaterThan(acc[0] + 0.3);
    expect(result.cancelled).toBe(false);
    expect(result.dInt90).toBe(intrinsicDimension(result.runs, baseline, 0.9));
    expect(result.dInt90!).toBeGreaterThan(2);
    expect(result.dInt90!).toBeLessThanOrEqual(256);
    expect(result.compression).toBeCloseTo(676 / result.dInt90!, 9);
  });

  it('keeps the completed runs when cancelled between runs or mid-run', async () => {
    const before = tf.memory().numTensors;
    const task = classificationTask(dataset, mlp, { batchSize: 32, seed: 1 });
    const short = { ...config, steps: 60, dims: [2, 8, 64] };
    const ac = new AbortController();
    const between = await runSweep(task, short, { signal: ac.signal, onResult: (i) => i === 1 && ac.abort() });
    expect(between.cancelled).toBe(true);
    expect(between.baseline).not.toBeNull();
    expect(between.runs.map((r) => r.d)).toEqual([2]);

    const ac2 = new AbortController();
    const mid = await runSweep(task, short, { signal: ac2.signal, onProgress: (p) => p.run === 2 && p.step === 25 && ac2.abort() });
    expect(mid.cancelled).toBe(true);
    expect(mid.runs.map((r) => r.d)).toEqual([2]);
    expect(mid.runs[0].evaluation).toEqual(between.runs[0].evaluation);

    const ac3 = new AbortController();
    setTimeout(() => ac3.abort(), 300);
    const t0 = performance.now();
    const timed = await runSweep(task, { ...short, steps: 1_000_000 }, { signal: ac3.signal });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(timed.cancelled).toBe(true);
    expect(timed.baseline).toBeNull();
    expect(timed.dInt90).toBeNull();
    task.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('runSweep with batch norm and with a GCR head (blobs, 16-32-8-4)', () => {
  const models = [
    { name: 'batch norm, linear head', cfg: { widths: [16, 32, 8, 4], activation: 'relu', batchNorm: true } },
    { name: 'GCR head (k = 2), batch norm', cfg: { widths: [16, 32, 8, 4], activation: 'relu', batchNorm: true, head: { kind: 'gcr', k: 2, gamma: 10, subspaceLearningRate: 0.1 } } },
  ] as const;
  for (const { name, cfg } of models) {
    it(`${name}: the baseline trains, and a larger d beats a tiny d`, async () => {
      const before = tf.memory().numTensors;
      const task = classificationTask(dataset, cfg, { batchSize: 32, seed: 1 });
      const features: number[] = [];
      const result = await runSweep(task, { ...config, dims: [1, 128], steps: 200 }, {
        onTrained: (_i, _d, theta, state) => {
          expect(state).not.toBeNull();
          const f = tf.tidy(() => task.net.forward(theta, tf.slice(tf.tensor2d(dataset.xTrain, [dataset.yTrain.length, 16]), [0, 0], [10, 16]), 'eval', state).features);
          features.push(f.shape[1]);
          f.dispose();
        },
      });
      task.dispose();
      expect(tf.memory().numTensors).toBe(before);
      expect(features).toEqual([8, 8, 8]);
      const baseline = result.baseline!.evaluation.accuracy!;
      const [tiny, large] = result.runs.map((r) => r.evaluation.accuracy!);
      expect(baseline).toBeGreaterThan(0.85);
      expect(large).toBeGreaterThan(tiny + 0.15);
      expect(large).toBeGreaterThanOrEqual(0.8 * baseline);
    });
  }
});

describe('planSweep', () => {
  it('plans identity for the baseline and each d by the projection choice, sorted and deduplicated', () => {
    const plans = planSweep(199210, { dims: [5000, 10, 100, 10], projection: 'auto' });
    expect(plans.map((p) => [p.kind, p.d])).toEqual([['identity', 199210], ['dense', 10], ['sparse', 100], ['sparse', 5000]]);
    expect(Math.max(...plans.map((p) => p.memoryBytes))).toBeLessThan(256 * 2 ** 20);
    expect(() => planSweep(199210, { dims: [1000], projection: 'dense' })).toThrow(RangeError);
    expect(() => normaliseDims([0, 3], 10)).toThrow(RangeError);
    expect(() => normaliseDims([2.5], 10)).toThrow(RangeError);
    expect(normaliseDims([3, 1, 3], 10)).toEqual([1, 3]);
  });
});
