import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { createRng } from '../geometry/random';
import { buildDataset } from '../datasets/build';
import { DeviceRows, penultimateFeatures } from './evaluate';
import { layerWidths } from './mlp';
import { Network } from './network';
import { DEFAULT_GCR_HEAD, DEFAULT_PRESET } from './presets';
import { createTrainer } from './trainer';
import type { Activation, ModelConfig, Snapshot, TrainConfig } from './types';

const { data, model, train } = DEFAULT_PRESET.config;
const small = (over: Partial<TrainConfig> = {}): TrainConfig => ({ ...train, snapshotEvery: 10, profileEvery: 20, sampleSize: 60, ...over });

/**
 * The MLP's eval-mode features computed in float64 plain JS from the weights read back: per layer
 * z = a W + b, batch norm (z - running mean) / sqrt(running var + 1e-5) * gamma + beta, activation.
 */
function referenceFeatures(X: Float32Array, n: number, widths: number[], layers: { w: Float32Array; b: Float32Array; bn?: { gamma: Float32Array; beta: Float32Array; mean: Float32Array; variance: Float32Array } }[], act: Activation): Float64Array {
  let a = Float64Array.from(X);
  for (let l = 0; l < layers.length; l++) {
    const [fi, fo] = [widths[l], widths[l + 1]];
    const { w, b, bn } = layers[l];
    const z = new Float64Array(n * fo);
    for (let i = 0; i < n; i++) {
      for (let o = 0; o < fo; o++) {
        let v = b[o];
        for (let k = 0; k < fi; k++) v += a[i * fi + k] * w[k * fo + o];
        if (bn) v = ((v - bn.mean[o]) / Math.sqrt(bn.variance[o] + 1e-5)) * bn.gamma[o] + bn.beta[o];
        z[i * fo + o] = act === 'relu' ? Math.max(0, v) : act === 'tanh' ? Math.tanh(v) : 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));
      }
    }
    a = z;
  }
  return a;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('penultimateFeatures', () => {
  it('equals an independent float64 forward pass over every row (ragged last chunk, batch norm with moved running statistics), leaking nothing', async () => {
    const rng = createRng(11);
    const [n, D, K] = [23, 7, 3];
    const X = Float32Array.from({ length: n * D }, () => rng.normal());
    for (const [activation, batchNorm] of [['relu', false], ['tanh', true], ['gelu', true]] as [Activation, boolean][]) {
      const cfg: ModelConfig = { ...model, depth: 3, width: 9, featureWidth: 5, activation, batchNorm, head: { kind: 'linear' } };
      const net = new Network(D, K, cfg, 4);
      // Move every parameter off its initialisation, and the running statistics off (0, 1).
      for (const v of net.mlp.variables) v.assign(tf.tidy(() => tf.add(v, tf.randomNormal(v.shape, 0, 0.3, 'float32', 9))));
      const widths = layerWidths(D, cfg);
      if (batchNorm) {
        net.mlp.updateRunningStats(widths.slice(1).map((w, l) => ({ mean: tf.fill([w], 0.5 * l - 0.2), variance: tf.fill([w], 0.6 + l) })));
      }
      const vars = await Promise.all(net.mlp.variables.map(async (v) => (await v.data()) as Float32Array));
      const per = batchNorm ? 4 : 2;
      const layers = widths.slice(1).map((w, l) => {
        const [W, b, gamma, beta] = vars.slice(l * per, l * per + per);
        // updateRunningStats: running <- 0.9 running + 0.1 batch, from mean 0 and variance 1.
        const bn = batchNorm ? { gamma, beta, mean: new Float32Array(w).fill(0.1 * (0.5 * l - 0.2)), variance: new Float32Array(w).fill(0.9 + 0.1 * (0.6 + l)) } : undefined;
        return { w: W, b, bn };
      });
      const expected = referenceFeatures(X, n, widths, layers, activation);

      const before = tf.memory().numTensors;
      const rows = new DeviceRows(X, n, D, 10);
      let chunks = 0;
      const got = await penultimateFeatures(net, rows, { onChunk: () => chunks++ });
      expect(chunks).toBe(3);
      expect(got).toHaveLength(n * 5);
      expect(maxAbsDiff(got, expected)).toBeLessThan(2e-5);
      // The same rows in one unpadded eval pass give the same numbers.
      const whole = tf.tidy(() => net.mlp.forward(tf.tensor2d(X, [n, D]), 'eval').features);
      expect(maxAbsDiff(got, await whole.data())).toBeLessThan(1e-6);
      whole.dispose();
      rows.dispose();
      expect(tf.memory().numTensors).toBe(before);
      net.dispose();
    }
  });

  it('stops with an AbortError between chunks and frees what it held', async () => {
    const cfg: ModelConfig = { ...model, depth: 2, width: 8, featureWidth: 4 };
    const net = new Network(5, 3, cfg, 1);
    const rows = new DeviceRows(new Float32Array(40 * 5).fill(0.5), 40, 5, 8);
    const before = tf.memory().numTensors;
    const ctl = new AbortController();
    let chunks = 0;
    const pass = penultimateFeatures(net, rows, { signal: ctl.signal, onChunk: () => ++chunks === 2 && ctl.abort() });
    await expect(pass).rejects.toMatchObject({ name: 'AbortError' });
    expect(chunks).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
    rows.dispose();
    net.dispose();
  });
});

describe('Trainer.features', () => {
  it('gives every training and test row with its label; the training rows are the snapshot features the metrics are computed on', async () => {
    const ds = await buildDataset(data);
    const trainer = createTrainer(ds, model, small());
    const F = model.featureWidth;
    const nTrain = ds.yTrain.length;
    const nTest = ds.yTest.length;
    expect(nTest).toBeGreaterThan(0);

    // Step 0: the weights are the seeded initialisation, so an independently built network of the
    // same seed, run in plain JS, must give the same features for every row of both splits.
    const progress: number[] = [];
    const f0 = await trainer.features({ onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toBe(1);
    const net = new Network(ds.dim, ds.classes, model, small().seed);
    const vars = await Promise.all(net.mlp.variables.map(async (v) => (await v.data()) as Float32Array));
    const widths = layerWidths(ds.dim, model);
    const layers = widths.slice(1).map((_, l) => ({ w: vars[2 * l], b: vars[2 * l + 1] }));
    net.dispose();
    expect(maxAbsDiff(f0.train.features, referenceFeatures(ds.xTrain, nTrain, widths, layers, model.activation))).toBeLessThan(1e-4);
    expect(maxAbsDiff(f0.test.features, referenceFeatures(ds.xTest, nTest, widths, layers, model.activation))).toBeLessThan(1e-4);

    // After training: the same numbers the snapshot measured, bit for bit.
    await trainer.step(30);
    const before = tf.memory().numTensors;
    const f = await trainer.features();
    expect(tf.memory().numTensors).toBe(before);
    const s = await trainer.snapshot();
    expect(f.step).toBe(30);
    expect(f.featureDim).toBe(F);
    expect(f.train.features).toHaveLength(nTrain * F);
    expect(f.test.features).toHaveLength(nTest * F);
    expect(f.train.labels).toEqual(ds.yTrain);
    expect(f.test.labels).toEqual(ds.yTest);
    expect(f.train.features).not.toEqual(f0.train.features);
    const sample = new Float32Array(s.sampleIndices.length * F);
    s.sampleIndices.forEach((r, i) => sample.set(f.train.features.subarray(r * F, (r + 1) * F), i * F));
    expect(sample).toEqual(s.features);
    // Class means of the exported training rows are the snapshot's means.
    const sums = new Float64Array(ds.classes * F);
    const counts = new Float64Array(ds.classes);
    for (let i = 0; i < nTrain; i++) {
      counts[ds.yTrain[i]]++;
      for (let t = 0; t < F; t++) sums[ds.yTrain[i] * F + t] += f.train.features[i * F + t];
    }
    expect(Float32Array.from(sums, (v, j) => v / counts[Math.floor(j / F)])).toEqual(s.means);
    trainer.dispose();
  });

  it('a run continued after an export is bit-identical to one never exported (same seed, same backend)', async () => {
    const ds = await buildDataset(data);
    const variants: [ModelConfig, TrainConfig][] = [
      [model, small()],
      // Batch norm (running statistics), mixup (its random stream) and a GCR head (Riemannian state).
      [{ ...model, batchNorm: true, activation: 'gelu', head: DEFAULT_GCR_HEAD }, small({ mixupAlpha: 0.4, optimizer: 'adam', learningRate: 0.01 })],
    ];
    for (const [m, t] of variants) {
      const exported = createTrainer(ds, m, t);
      const plain = createTrainer(ds, m, t);
      const a: Snapshot[] = [];
      const b: Snapshot[] = [];
      await exported.step(25, { onSnapshot: (s) => a.push(s) });
      const mid = await exported.features();
      expect(mid.step).toBe(25);
      await exported.features();
      await exported.step(25, { onSnapshot: (s) => a.push(s) });
      await plain.step(50, { onSnapshot: (s) => b.push(s) });
      expect(a.map((s) => s.step)).toEqual([10, 20, 30, 40, 50]);
      expect(a).toEqual(b);
      expect(await exported.features()).toEqual(await plain.features());
      exported.dispose();
      plain.dispose();
    }
  });
});
