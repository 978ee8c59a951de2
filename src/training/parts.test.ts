import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { createRng } from '../geometry/random';
import { effectiveRank, subspacePairs } from './featureGeometry';
import { simplexEtf } from './heads';
import { lossAndHits, lossOp, smoothedTargets } from './losses';
import { gelu, layerWidths, Mlp } from './mlp';
import { Network } from './network';
import { BatchSampler, fixedSample, sampleBeta, sampleGamma } from './random';
import { DEFAULT_MODEL } from './presets';

describe('losses', () => {
  it('smoothed targets are (1 - eps) onehot + eps/K', () => {
    expect(Array.from(smoothedTargets(Int32Array.from([2, 0]), 4, 0.2))).toEqual(
      [0.05, 0.05, 0.85, 0.05, 0.85, 0.05, 0.05, 0.05].map(Math.fround),
    );
  });

  it.each(['ce', 'mse'] as const)('%s: the tfjs batch loss equals the float64 evaluation loss', async (kind) => {
    const rng = createRng(2);
    const [n, K, eps] = [7, 3, 0.1];
    const Z = Float32Array.from({ length: n * K }, () => 3 * rng.normal());
    const y = Int32Array.from({ length: n }, (_, i) => i % K);
    const t = tf.tidy(() => lossOp(kind, tf.tensor2d(Z, [n, K]), tf.tensor2d(smoothedTargets(y, K, eps), [n, K])));
    const batch = (await t.data())[0];
    t.dispose();
    expect(batch).toBeCloseTo(lossAndHits(kind, Z, y, K, eps).loss / n, 5);
  });

  it('counts argmax hits and computes cross-entropy of known logits', () => {
    const Z = Float32Array.from([0, Math.log(3), 5, 1]);
    const r = lossAndHits('ce', Z, Int32Array.from([1, 1]), 2, 0);
    expect(r.hits).toBe(1);
    expect(r.loss).toBeCloseTo(Math.log(4 / 3) + Math.log(1 + Math.exp(4)), 5);
  });
});

describe('random', () => {
  it('Beta(a, b) samples have mean a/(a+b) and variance ab/((a+b)^2 (a+b+1))', () => {
    for (const [a, b] of [[0.4, 0.4], [2, 5]]) {
      const rng = createRng(3);
      const xs = Array.from({ length: 20000 }, () => sampleBeta(rng, a, b));
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
      expect(mean).toBeCloseTo(a / (a + b), 2);
      expect(v).toBeCloseTo((a * b) / ((a + b) ** 2 * (a + b + 1)), 2);
      expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
    }
    expect(() => sampleGamma(createRng(1), 0)).toThrow(RangeError);
  });

  it('batches: floor(n/B) per epoch, each epoch a permutation with the remainder dropped', () => {
    const s = new BatchSampler(10, 3, 1);
    expect(s.batchesPerEpoch).toBe(3);
    for (let epoch = 0; epoch < 2; epoch++) {
      const seen = new Set<number>();
      for (let b = 0; b < 3; b++) {
        const batch = s.nextBatch();
        expect(batch.length).toBe(3);
        batch.forEach((i) => seen.add(i));
      }
      expect(seen.size).toBe(9);
    }
    expect(() => new BatchSampler(4, 5, 1)).toThrow(RangeError);
  });

  it('fixedSample: m sorted distinct indices, or all rows', () => {
    const s = fixedSample(100, 10, createRng(4));
    expect(s.length).toBe(10);
    expect(new Set(s).size).toBe(10);
    expect(Array.from(s)).toEqual(Array.from(s).sort((a, b) => a - b));
    expect(Array.from(fixedSample(3, 10, createRng(4)))).toEqual([0, 1, 2]);
  });
});

describe('model parts', () => {
  it('GELU (tanh form) at known points', async () => {
    const g = tf.tidy(() => gelu(tf.tensor1d([-3, -1, 0, 1, 2])));
    const v = await g.data();
    g.dispose();
    const ref = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
    [-3, -1, 0, 1, 2].forEach((x, i) => expect(v[i]).toBeCloseTo(ref(x), 5));
    expect(v[3]).toBeCloseTo(0.8412, 3);
  });

  it('layer widths: input -> width x (depth - 1) -> featureWidth', () => {
    expect(layerWidths(10, { ...DEFAULT_MODEL, depth: 3, width: 32, featureWidth: 2 })).toEqual([10, 32, 32, 2]);
    expect(layerWidths(10, { ...DEFAULT_MODEL, depth: 1, featureWidth: 5 })).toEqual([10, 5]);
  });

  it('batch norm normalises batches in training and uses running statistics in eval', async () => {
    const mlp = new Mlp(3, { ...DEFAULT_MODEL, depth: 1, featureWidth: 4, activation: 'tanh', batchNorm: true }, createRng(1));
    const x = tf.tensor2d(Float32Array.from({ length: 8 * 3 }, (_, i) => 5 + Math.sin(i)), [8, 3]);
    const moments: { mean: tf.Tensor; variance: tf.Tensor }[] = [];
    const pre = tf.tidy(() => tf.atanh(tf.clipByValue(mlp.forward(x, 'train', false, moments).features, -0.999999, 0.999999)));
    const z = await pre.data();
    for (let j = 0; j < 4; j++) {
      let mean = 0;
      for (let r = 0; r < 8; r++) mean += z[r * 4 + j] / 8;
      expect(Math.abs(mean)).toBeLessThan(1e-3);
    }
    expect(moments).toHaveLength(1);
    const before = tf.memory().numTensors;
    mlp.updateRunningStats(moments);
    expect(tf.memory().numTensors).toBe(before - 2);
    const evalOut = tf.tidy(() => mlp.forward(x, 'eval').features);
    expect(await evalOut.data()).not.toEqual(await tf.tidy(() => mlp.forward(x, 'train').features).data());
    tf.dispose([x, pre, evalOut]);
    mlp.dispose();
  });

  it('a network has one trainable set per layer and rejects out-of-range settings', () => {
    const net = new Network(5, 3, { ...DEFAULT_MODEL, depth: 3, batchNorm: true }, 1);
    expect(net.euclidean).toHaveLength(3 * 4 + 2);
    net.dispose();
    expect(() => new Network(5, 3, { ...DEFAULT_MODEL, depth: 7 }, 1)).toThrow(/depth/);
    expect(() => new Network(5, 3, { ...DEFAULT_MODEL, width: 4 }, 1)).toThrow(/width/);
    expect(() => new Network(5, 3, { ...DEFAULT_MODEL, featureWidth: 4, head: { kind: 'gcr', k: 5, gamma: 25, subspaceLearningRate: 0.1 } }, 1)).toThrow(/head.k/);
  });
});

describe('simplexEtf', () => {
  it.each([[4, 16], [5, 4], [3, 2]])('K = %i in F = %i: unit rows, pairwise cosine -1/(K-1), rows sum to 0', (K, F) => {
    const W = simplexEtf(K, F, createRng(K));
    expect([W.rows, W.cols]).toEqual([K, F]);
    const dot = (a: number, b: number) => W.data.subarray(a * F, a * F + F).reduce((s, v, t) => s + v * W.data[b * F + t], 0);
    for (let a = 0; a < K; a++) {
      expect(dot(a, a)).toBeCloseTo(1, 10);
      for (let b = a + 1; b < K; b++) expect(dot(a, b)).toBeCloseTo(-1 / (K - 1), 10);
    }
    for (let t = 0; t < F; t++) expect(Array.from({ length: K }, (_, a) => W.data[a * F + t]).reduce((s, v) => s + v, 0)).toBeCloseTo(0, 10);
  });

  it('narrower than K - 1: the projection of a simplex onto F of its axes', () => {
    const W = simplexEtf(5, 2, createRng(1));
    expect([W.rows, W.cols]).toEqual([5, 2]);
    const norms = Array.from({ length: 5 }, (_, a) => Math.hypot(W.data[2 * a], W.data[2 * a + 1]));
    expect(Math.max(...norms)).toBeLessThan(1 + 1e-12);
  });
});

describe('feature geometry', () => {
  it('effective rank: r equal singular values give r; one dominant direction gives about 1', () => {
    const m = 36;
    const d = 6;
    const X = new Float32Array(m * d);
    for (let i = 0; i < m; i++) for (let j = 0; j < 3; j++) X[i * d + j] = (i % 2 === 0 ? 1 : -1) * ((Math.floor(i / 2) % 3) === j ? 1 : 0);
    expect(effectiveRank(X, m, d)).toBeCloseTo(3, 6);
    const wide = new Float32Array(4 * 10);
    for (let i = 0; i < 4; i++) wide[i * 10] = i;
    expect(effectiveRank(wide, 4, 10)).toBeCloseTo(1, 6);
    expect(effectiveRank(new Float32Array(12), 3, 4)).toBe(0);
  });

  it('principal angles between class subspaces: identical 0, orthogonal pi/2', () => {
    const bases = new Float32Array(3 * 4 * 1);
    bases[0] = 1;
    bases[4] = 1;
    bases[8 + 1] = 1;
    const pairs = subspacePairs(bases, 3, 4, 1);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(pairs[0].angles[0]).toBeCloseTo(0, 6);
    expect(pairs[1].angles[0]).toBeCloseTo(Math.PI / 2, 6);
  });
});
