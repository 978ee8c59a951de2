import { describe, expect, it } from 'vitest';
import { collapseMetrics } from './collapse';
import { classStatistics } from './classStats';
import { createRng } from './random';
import { gaussianClasses } from '../../tests/gaussianClasses';
import { mat, matmul, pinvSym, transpose } from './linalg';
import type { Mat } from './types';

/** Simplex ETF means of radius r (plus an offset) in D >= K dims; class k's samples are mu_k +- s e_j. */
function etfSamples(K: number, D: number, r: number, s: number, shift = 5) {
  const scale = r * Math.sqrt(K / (K - 1));
  const Mc = mat(K, D);
  for (let k = 0; k < K; k++) for (let j = 0; j < K; j++) Mc.data[k * D + j] = scale * ((k === j ? 1 : 0) - 1 / K);
  const offset = Array.from({ length: D }, (_, j) => shift * (1 - j / 5));
  const n = K * 2 * D;
  const X = new Float32Array(n * D);
  const labels = new Int32Array(n);
  let i = 0;
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < D; j++) {
      for (const sign of [1, -1]) {
        for (let t = 0; t < D; t++) X[i * D + t] = Mc.data[k * D + t] + offset[t] + (t === j ? sign * s : 0);
        labels[i++] = k;
      }
    }
  }
  return { X, labels, n, Mc, offset };
}

/** nc1 straight from the definition with D x D matrices: Tr(Sigma_W pinv(Sigma_B, rank min(K-1, D)))/K. */
function nc1Direct(X: Float32Array, n: number, D: number, labels: Int32Array, K: number): number {
  const st = classStatistics(X, n, D, labels, K);
  const Sw = mat(D, D);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < D; a++) {
      for (let b = 0; b < D; b++) {
        const ra = X[i * D + a] - st.means.data[labels[i] * D + a];
        const rb = X[i * D + b] - st.means.data[labels[i] * D + b];
        Sw.data[a * D + b] += (ra * rb) / n;
      }
    }
  }
  const Sb = matmul(transpose(st.centredMeans), st.centredMeans);
  for (let t = 0; t < D * D; t++) Sb.data[t] /= K;
  const prod = matmul(Sw, pinvSym(Sb, Math.min(K - 1, D), 1e-8));
  let tr = 0;
  for (let a = 0; a < D; a++) tr += prod.data[a * D + a];
  return tr / K;
}

describe('collapseMetrics on a simplex ETF with samples mu_k +- s e_j', () => {
  const K = 5;
  const D = 8;
  const r = 2;
  const s = 0.3;
  const { X, labels, n, Mc, offset } = etfSamples(K, D, r, s);
  const W: Mat = mat(K, D, Mc.data.map((v) => 3 * v));
  /** With mu_G = offset, argmax(W x + b) is the nearest mean when b_k = -3 mc_k . mu_G. */
  const bias = Float64Array.from({ length: K }, (_, k) => -3 * offset.reduce((a, o, t) => a + o * Mc.data[k * D + t], 0));

  it('matches the closed forms', () => {
    const m = collapseMetrics(X, n, D, labels, K, { weights: W, bias });
    expect(m.nc1).toBeCloseTo(((s * s) / D) * ((K - 1) ** 2 / (K * r * r)), 6);
    expect(m.nc1Quotient).toBeCloseTo((s * s) / (r * r), 6);
    expect(m.cdnv).toBeCloseTo((s * s * (K - 1)) / (2 * r * r * K), 6);
    expect(m.equinorm).toBeLessThan(1e-6);
    expect(m.equinormClassifier).toBeLessThan(1e-6);
    expect(m.equiangularity).toBeLessThan(1e-6);
    expect(m.etfDistance).toBeLessThan(1e-6);
    expect(m.nc3).toBeLessThan(1e-12);
    expect(m.nc4).toBe(0);
    const centred = etfSamples(K, D, r, s, 0);
    expect(collapseMetrics(centred.X, n, D, centred.labels, K, { weights: W }).nc4).toBe(0);
  });

  it('nc3 and nc4 move when the classifier does not match the means', () => {
    const swapped = mat(K, D, W.data);
    for (let t = 0; t < D; t++) [swapped.data[t], swapped.data[D + t]] = [W.data[D + t], W.data[t]];
    const swappedBias = Float64Array.from([bias[1], bias[0], ...bias.slice(2)]);
    const m = collapseMetrics(X, n, D, labels, K, { weights: swapped, bias: swappedBias });
    expect(m.nc3).toBeGreaterThan(0.5);
    expect(m.nc4).toBeCloseTo(2 / K, 12);
    const biased = collapseMetrics(X, n, D, labels, K, { weights: W, bias: bias.map((b, k) => (k === 0 ? b + 1e3 : b)) });
    expect(biased.nc4).toBeCloseTo((K - 1) / K, 12);
  });

  it('without a classifier leaves the classifier metrics null', () => {
    const m = collapseMetrics(X, n, D, labels, K);
    expect([m.nc3, m.nc4, m.equinormClassifier]).toEqual([null, null, null]);
  });
});

describe('collapseMetrics against the D x D definition', () => {
  it('nc1 agrees when D >= K - 1 (general means)', () => {
    const [n, D, K] = [300, 12, 6];
    const { X, labels } = gaussianClasses(7, n, D, K);
    const nc1 = collapseMetrics(X, n, D, labels, K).nc1;
    expect(Math.abs(nc1 / nc1Direct(X, n, D, labels, K) - 1)).toBeLessThan(1e-8);
  });

  it('nc1 agrees when D < K - 1 (rank D pseudo-inverse)', () => {
    const [n, D, K] = [400, 3, 10];
    const { X, labels } = gaussianClasses(8, n, D, K);
    const nc1 = collapseMetrics(X, n, D, labels, K).nc1;
    expect(Math.abs(nc1 / nc1Direct(X, n, D, labels, K) - 1)).toBeLessThan(1e-8);
  });

  it('nc4 equals the brute-force disagreement rate of nearest mean and argmax(Wx + b)', () => {
    const [n, D, K] = [200, 4, 3];
    const { X, labels } = gaussianClasses(9, n, D, K);
    const rng = createRng(10);
    const W = mat(K, D, Array.from({ length: K * D }, () => rng.normal()));
    const bias = Float64Array.from([0.5, -0.2, 0.1]);
    const st = classStatistics(X, n, D, labels, K);
    let disagree = 0;
    for (let i = 0; i < n; i++) {
      const dist = Array.from({ length: K }, (_, k) =>
        Array.from({ length: D }, (_, t) => (X[i * D + t] - st.means.data[k * D + t]) ** 2).reduce((a, b) => a + b),
      );
      const logit = Array.from({ length: K }, (_, k) =>
        bias[k] + Array.from({ length: D }, (_, t) => W.data[k * D + t] * X[i * D + t]).reduce((a, b) => a + b),
      );
      if (dist.indexOf(Math.min(...dist)) !== logit.indexOf(Math.max(...logit))) disagree++;
    }
    expect(disagree).toBeGreaterThan(0);
    expect(collapseMetrics(X, n, D, labels, K, { weights: W, bias }).nc4).toBe(disagree / n);
  });

  it('rejects a classifier of the wrong shape', () => {
    const { X, labels } = gaussianClasses(11, 30, 4, 3);
    expect(() => collapseMetrics(X, 30, 4, labels, 3, { weights: mat(3, 5) })).toThrow(/3 x 5/);
    expect(() => collapseMetrics(X, 30, 4, labels, 3, { weights: mat(3, 4), bias: new Float64Array(2) })).toThrow(/bias/);
  });
});
