import { describe, expect, it } from 'vitest';
import { createRng } from '../geometry/random';
import { mat, matmul, symEig } from '../geometry/linalg';
import { helmertBasis } from '../geometry/etf';
import type { Mat } from '../geometry/types';
import { drawFrame, FrameTracker, orthonormalize, topAxes, type FrameInput } from './frames';

/** K well-separated Gaussian classes in F dims (means on a simplex of radius 5, noise 0.3); rows interleaved. */
function classes(m: number, F: number, K: number, seed = 3): FrameInput {
  const rng = createRng(seed);
  const B = helmertBasis(K);
  const means = new Float32Array(K * F);
  for (let k = 0; k < K; k++) for (let t = 0; t < K - 1 && t < F; t++) means[k * F + t] = 5 * Math.sqrt(K / (K - 1)) * B.data[k * (K - 1) + t] + 1;
  const features = new Float32Array(m * F);
  for (let i = 0; i < m; i++) for (let t = 0; t < F; t++) features[i * F + t] = means[(i % K) * F + t] + 0.3 * rng.normal();
  const globalMean = new Float32Array(F);
  for (let k = 0; k < K; k++) for (let t = 0; t < F; t++) globalMean[t] += means[k * F + t] / K;
  return { classes: K, featureDim: F, features, means, globalMean, classifierWeights: null };
}

/** A random F x F rotation (orthonormalised Gaussian). */
function rotation(F: number, seed: number): Mat {
  const rng = createRng(seed);
  const Q = mat(F, F, Array.from({ length: F * F }, () => rng.normal()));
  orthonormalize(Q);
  return Q;
}

/** The rows of X (n x F float32) times R. */
function rotateRows(X: Float32Array, F: number, R: Mat): Float32Array {
  return Float32Array.from(matmul(mat(X.length / F, F, X), R).data);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

describe('orthonormalize / topAxes', () => {
  it('orthonormalises columns and replaces a vanished one', () => {
    const Q = mat(4, 3, [1, 2, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0]);
    orthonormalize(Q);
    const G = matmul(mat(3, 4, Array.from({ length: 12 }, (_, i) => Q.data[(i % 4) * 3 + Math.floor(i / 4)])), Q);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) expect(G.data[a * 3 + b]).toBeCloseTo(a === b ? 1 : 0, 12);
  });

  it('finds the top-3 principal axes of C^T C (same subspace as the eigenvectors)', () => {
    const { features, globalMean } = classes(200, 10, 4);
    const F = 10;
    const C = Float64Array.from(features, (x, i) => x - globalMean[i % F]);
    const Q = topAxes(C, 200, F, 3, null);
    const S = mat(F, F);
    for (let i = 0; i < 200; i++) for (let a = 0; a < F; a++) for (let b = 0; b < F; b++) S.data[a * F + b] += C[i * F + a] * C[i * F + b];
    const { vectors } = symEig(S);
    // ||U3^T Q||_F^2 = 3 when span(Q) = span(top-3 eigenvectors).
    let overlap = 0;
    for (let e = 0; e < 3; e++) {
      for (let c = 0; c < 3; c++) {
        let s = 0;
        for (let t = 0; t < F; t++) s += vectors.data[t * F + e] * Q.data[t * 3 + c];
        overlap += s * s;
      }
    }
    expect(overlap).toBeCloseTo(3, 6);
  });
});

describe('drawFrame', () => {
  it('fits the cloud in the unit ball, centres it at mu_G, and overlays the simplex on simplex means', () => {
    const input = classes(240, 8, 4);
    const tracker = new FrameTracker();
    const { procrustes: f } = tracker.next(input);
    expect(f.points).toHaveLength(240 * 3);
    expect(f.means).toHaveLength(4 * 3);
    const radii = Array.from({ length: 4 }, (_, k) => Math.hypot(f.means[3 * k], f.means[3 * k + 1], f.means[3 * k + 2]));
    expect(Math.max(...radii)).toBeLessThanOrEqual(1 + 1e-6);
    expect(Math.max(...radii)).toBeGreaterThan(0.8);
    const sum = [0, 1, 2].map((c) => radii.reduce((s, _, k) => s + f.means[3 * k + c], 0));
    for (const v of sum) expect(Math.abs(v)).toBeLessThan(1e-5);
    // The means are an exact simplex: the nearest ETF is the means themselves.
    expect(maxAbsDiff(f.simplex!, f.means)).toBeLessThan(1e-5);
    expect(f.captured).toBeGreaterThan(0.95);
    expect(f.classifier).toBeNull();
  });

  it('rescales classifier rows to the longest mean: W = Mc gives the means', () => {
    const input = classes(120, 6, 3);
    const W = Float32Array.from(input.means, (x, i) => 2.5 * (x - input.globalMean[i % 6]));
    const f = new FrameTracker().next({ ...input, classifierWeights: W }).fixed;
    expect(maxAbsDiff(f.classifier!, f.means)).toBeLessThan(1e-5);
  });

  it('has no simplex when F < K - 1, and a zero third axis when F = 2', () => {
    const input = classes(100, 2, 5);
    const f = new FrameTracker().next(input).procrustes;
    expect(f.simplex).toBeNull();
    for (let i = 0; i < 100; i++) expect(f.points[3 * i + 2]).toBe(0);
  });

  it('draws non-finite features without throwing', () => {
    const input = classes(50, 4, 2);
    input.features[7] = NaN;
    const { fixed } = new FrameTracker().next(input);
    expect(fixed.points).toHaveLength(150);
  });
});

describe('FrameTracker', () => {
  it('a rigid rotation of the feature space does not move the Procrustes frame; the fixed frame follows the old axes', () => {
    const F = 12;
    const a = classes(300, F, 4, 5);
    const tracker = new FrameTracker();
    const first = tracker.next(a);
    expect(maxAbsDiff(first.fixed.points, first.procrustes.points)).toBeLessThan(1e-6);
    const R = rotation(F, 9);
    const b: FrameInput = { ...a, features: rotateRows(a.features, F, R), means: rotateRows(a.means, F, R), globalMean: rotateRows(a.globalMean, F, R) };
    const second = tracker.next(b);
    expect(maxAbsDiff(second.procrustes.points, first.procrustes.points)).toBeLessThan(1e-3);
    expect(maxAbsDiff(second.procrustes.means, first.procrustes.means)).toBeLessThan(1e-3);
    // On the first snapshot's axes the rotated cloud is mostly out of view.
    expect(second.fixed.captured).toBeLessThan(0.8);
  });

  it('a small change of the features moves the Procrustes frame a little, with no flip', () => {
    const F = 8;
    const a = classes(200, F, 4, 11);
    const tracker = new FrameTracker();
    const first = tracker.next(a).procrustes;
    const rng = createRng(4);
    const b = { ...a, features: Float32Array.from(a.features, (x) => x + 0.01 * rng.normal()) };
    const second = tracker.next(b).procrustes;
    expect(maxAbsDiff(second.points, first.points)).toBeLessThan(0.05);
    expect(drawFrame(b, topAxes(Float64Array.from(b.features, (x, i) => x - b.globalMean[i % F]), 200, F, 3, null), 'fixed').points).toHaveLength(600);
  });
});
