import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { createRng, normalArray } from '../geometry/random';
import { DEFAULT_MODEL } from '../training/presets';
import { flatMlpConfigFromModel, flatMlpForward, flatMlpInit, flatMlpLayout, flatMlpLogits, flatMlpModel, type FlatMlpConfig } from './flatMlp';

/** Float64 reference forward (W_l row-major fanIn x fanOut at the slot offset, b_l right after): every layer's output. */
function referenceLayers(theta: Float32Array, x: Float32Array, B: number, cfg: FlatMlpConfig): Float64Array[] {
  const { layers } = flatMlpLayout(cfg.widths);
  const outputs = [Float64Array.from(x)];
  layers.forEach(({ fanIn, fanOut, offset }, l) => {
    const a = outputs[outputs.length - 1];
    const z = new Float64Array(B * fanOut);
    for (let i = 0; i < B; i++) {
      for (let o = 0; o < fanOut; o++) {
        let s = theta[offset + fanIn * fanOut + o];
        for (let k = 0; k < fanIn; k++) s += a[i * fanIn + k] * theta[offset + k * fanOut + o];
        z[i * fanOut + o] = l + 1 === layers.length ? s : Math.tanh(s);
      }
    }
    outputs.push(z);
  });
  return outputs;
}

describe('flat MLP', () => {
  it('lays out [W_l, b_l] per layer: 784-200-200-10 has 199,210 parameters', () => {
    const { layers, numParams } = flatMlpLayout([784, 200, 200, 10]);
    expect(numParams).toBe(199210);
    expect(layers.map((l) => l.offset)).toEqual([0, 157000, 197200]);
    expect(() => flatMlpLayout([5])).toThrow(RangeError);
  });

  it('maps Train mode model settings (linear head, no batch norm) and refuses the others', () => {
    const cfg = flatMlpConfigFromModel(784, 10, { ...DEFAULT_MODEL, depth: 2, width: 200, featureWidth: 200 });
    expect(cfg).toEqual({ widths: [784, 200, 200, 10], activation: 'relu' });
    expect(() => flatMlpConfigFromModel(16, 4, { ...DEFAULT_MODEL, batchNorm: true })).toThrow(RangeError);
    expect(() => flatMlpConfigFromModel(16, 4, { ...DEFAULT_MODEL, head: { kind: 'etf' } })).toThrow(RangeError);
  });

  it('initialises He-scaled weights and zero biases, reproducibly from the seed', () => {
    const cfg: FlatMlpConfig = { widths: [300, 100, 10], activation: 'relu' };
    const theta = flatMlpInit(cfg, 4);
    const again = flatMlpInit(cfg, 4);
    const other = flatMlpInit(cfg, 5);
    expect(theta.every((v, t) => v === again[t])).toBe(true);
    expect(theta.some((v, t) => v !== other[t])).toBe(true);
    const { layers } = flatMlpLayout(cfg.widths);
    const variance = (o: number, n: number) => {
      let s = 0;
      for (let t = 0; t < n; t++) s += theta[o + t] ** 2;
      return s / n;
    };
    expect(variance(0, 300 * 100) / (2 / 300)).toBeCloseTo(1, 1);
    expect(variance(layers[1].offset, 100 * 10) / (1 / 100)).toBeCloseTo(1, 0);
    expect(theta.subarray(300 * 100, 300 * 100 + 100).every((v) => v === 0)).toBe(true);
    expect(theta.subarray(theta.length - 10).every((v) => v === 0)).toBe(true);
  });

  it('computes the logits of the reference forward pass, and its model loss and accuracy agree', async () => {
    const cfg: FlatMlpConfig = { widths: [5, 7, 6, 3], activation: 'tanh' };
    const model = flatMlpModel(cfg, 2);
    const theta = model.initialParams();
    const rng = createRng(8);
    for (let t = 0; t < theta.length; t++) theta[t] += 0.1 * rng.normal();
    const B = 4;
    const x = normalArray(rng, B * 5);
    const outputs = referenceLayers(theta, x, B, cfg);
    const ref = outputs[3];
    const thetaT = tf.tensor1d(theta);
    const xT = tf.tensor2d(x, [B, 5]);
    const logits = tf.tidy(() => flatMlpLogits(thetaT, xT, cfg));
    const features = tf.tidy(() => flatMlpForward(thetaT, xT, cfg).features);
    expect(features.shape).toEqual([B, 6]);
    const got = await logits.data();
    for (let t = 0; t < ref.length; t++) expect(Math.abs(got[t] - ref[t])).toBeLessThan(1e-5);
    const feat = await features.data();
    for (let t = 0; t < outputs[2].length; t++) expect(Math.abs(feat[t] - outputs[2][t])).toBeLessThan(1e-5);
    const labels = [0, 1, 2, 2];
    const targets = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), 'float32') as tf.Tensor2D);
    let ce = 0;
    let hits = 0;
    for (let i = 0; i < B; i++) {
      const row = Array.from(ref.subarray(i * 3, i * 3 + 3));
      const m = Math.max(...row);
      ce -= row[labels[i]] - m - Math.log(row.reduce((s, z) => s + Math.exp(z - m), 0));
      if (row.indexOf(m) === labels[i]) hits++;
    }
    const loss = model.loss(thetaT, { x: xT, targets });
    const acc = model.accuracy!(thetaT, { x: xT, targets });
    expect((await loss.data())[0]).toBeCloseTo(ce / B, 5);
    expect((await acc.data())[0]).toBeCloseTo(hits / B, 6);
    tf.dispose([thetaT, xT, logits, features, targets, loss, acc]);
  });
});
