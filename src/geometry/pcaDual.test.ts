import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { pca } from './pca';
import { gramPanelColumns } from './pcaDual';
import { createRng, normalArray } from './random';
import { mat, qr } from './linalg';

/**
 * n rows in d dimensions whose centred covariance (1/n) is exactly V diag(lambda) V^T: scores from
 * orthonormal columns orthogonal to the all-ones vector, axes V orthonormal (d x r), r <= n - 1.
 */
function wide(n: number, d: number, lambda: number[], seed: number) {
  const r = lambda.length;
  const rng = createRng(seed);
  const G = mat(n, r + 1, normalArray(rng, n * (r + 1)));
  for (let i = 0; i < n; i++) G.data[i * (r + 1)] = 1;
  const Z = qr(G).q;
  const V = qr(mat(d, r, normalArray(rng, d * r))).q;
  const X = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) {
      let s = 3;
      for (let c = 0; c < r; c++) s += Z.data[i * (r + 1) + c + 1] * Math.sqrt(n * lambda[c]) * V.data[t * r + c];
      X[i * d + t] = s;
    }
  }
  return { X, V };
}

describe('pca of wide data (the n x n Gram)', () => {
  it('10 x 100,000: the exact ratios, pcId90, participation ratio and axes of a constructed spectrum', async () => {
    const [n, d] = [10, 100_000];
    const lambda = [9, 7, 5, 3, 2, 1, 0.5, 0.25, 0.125];
    const total = lambda.reduce((a, b) => a + b);
    const { X, V } = wide(n, d, lambda, 21);
    const p = await pca(X, n, d, { components: 10 });
    expect(p.method).toBe('exact');
    expect(p.eigenvalues.length).toBe(d);
    lambda.forEach((l, i) => expect(Math.abs(p.explainedVarianceRatio[i] - l / total)).toBeLessThan(1e-5));
    for (let i = lambda.length; i < 20; i++) expect(p.explainedVarianceRatio[i]).toBeLessThan(1e-9);
    expect(p.pcId90).toBe(5);
    const pr = total ** 2 / lambda.reduce((a, b) => a + b * b, 0);
    expect(Math.abs(p.participationRatio - pr) / pr).toBeLessThan(1e-5);
    for (let c = 0; c < lambda.length; c++) {
      let dot = 0;
      for (let t = 0; t < d; t++) dot += p.components.data[c * d + t] * V.data[t * lambda.length + c];
      expect(Math.abs(dot)).toBeGreaterThan(1 - 1e-5);
    }
    let norm = 0;
    for (let t = 0; t < d; t++) norm += p.components.data[9 * d + t] ** 2;
    expect(norm).toBeCloseTo(1, 10);
  });

  it('sums the Gram over column panels when n x d is large (same spectrum as one panel)', async () => {
    const [n, d] = [300, 5_000];
    expect(gramPanelColumns(n, d)).toBeLessThan(d);
    const lambda = Array.from({ length: 40 }, (_, i) => 2 * 0.8 ** i);
    const total = lambda.reduce((a, b) => a + b);
    const { X } = wide(n, d, lambda, 4);
    const p = await pca(X, n, d, { components: 3 });
    lambda.forEach((l, i) => expect(Math.abs(p.explainedVarianceRatio[i] - l / total)).toBeLessThan(1e-5));
  });
});
