import { describe, expect, it } from 'vitest';
import { useBackend } from '../../tests/setup';
import { pca, projectPca } from './pca';
import { createRng, normalArray } from './random';
import { mat, qr, symEig } from './linalg';
import { centredGram, columnMean } from './rows';

/** n rows whose covariance (1/n normalisation) is exactly V diag(lambda) V^T for a random orthogonal V. */
function constructed(seed: number, n: number, lambda: number[]) {
  const d = lambda.length;
  const rng = createRng(seed);
  const G = mat(n, d, normalArray(rng, n * d));
  for (let j = 0; j < d; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += G.data[i * d + j] / n;
    for (let i = 0; i < n; i++) G.data[i * d + j] -= m;
  }
  const Z = qr(G).q;
  const V = qr(mat(d, d, normalArray(rng, d * d))).q;
  const X = new Float32Array(n * d);
  const scores = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) scores[i * d + c] = Z.data[i * d + c] * Math.sqrt(n * lambda[c]);
    for (let t = 0; t < d; t++) {
      let s = 7 - t / d;
      for (let c = 0; c < d; c++) s += scores[i * d + c] * V.data[t * d + c];
      X[i * d + t] = s;
    }
  }
  return { X, V, scores };
}

const lambda = Array.from({ length: 24 }, (_, i) => 10 * 0.7 ** i);
const total = lambda.reduce((a, b) => a + b);
const pr = total ** 2 / lambda.reduce((a, b) => a + b * b, 0);
const pcId90 = lambda.findIndex((_, i) => lambda.slice(0, i + 1).reduce((a, b) => a + b) >= 0.9 * total) + 1;

describe('pca', () => {
  const n = 400;
  const d = lambda.length;
  const { X, V, scores } = constructed(1, n, lambda);

  it('recovers the ratios, axes, pcId90 and participation ratio of a constructed covariance', async () => {
    const p = await pca(X, n, d, { components: 4 });
    expect(p.method).toBe('exact');
    expect(p.eigenvalues.length).toBe(d);
    for (let i = 0; i < d; i++) expect(Math.abs(p.explainedVarianceRatio[i] - lambda[i] / total)).toBeLessThan(2e-6);
    expect(p.pcId90).toBe(pcId90);
    expect(p.participationRatio).toBeCloseTo(pr, 4);
    expect(p.mean[0]).toBeCloseTo(7, 5);
    for (let c = 0; c < 4; c++) {
      let dot = 0;
      let big = 0;
      for (let t = 0; t < d; t++) {
        dot += p.components.data[c * d + t] * V.data[t * d + c];
        if (Math.abs(p.components.data[c * d + t]) > Math.abs(big)) big = p.components.data[c * d + t];
      }
      expect(Math.abs(dot)).toBeGreaterThan(1 - 1e-6);
      expect(big).toBeGreaterThan(0);
    }
    const coords = projectPca(X, n, d, p, 2);
    for (const i of [0, 17, 399]) {
      expect(Math.abs(Math.abs(coords[i * 2]) - Math.abs(scores[i * d]))).toBeLessThan(1e-3);
    }
    expect(() => projectPca(X, n, d, p, 5)).toThrow(RangeError);
  });

  it('randomized agrees with exact on the leading spectrum, and exactly on trace-based summaries', async () => {
    const p = await pca(X, n, d, { components: 3, method: 'randomized' });
    expect(p.method).toBe('randomized');
    for (let i = 0; i < 8; i++) expect(Math.abs(p.explainedVarianceRatio[i] - lambda[i] / total)).toBeLessThan(1e-5);
    expect(p.pcId90).toBe(pcId90);
    expect(p.participationRatio).toBeCloseTo(pr, 4);
    expect(p.components.rows).toBe(3);
  });

  it('randomized above 2048 dimensions matches the dual Gram spectrum (which auto picks for n < d)', async () => {
    const [m, D] = [60, 2100];
    const rng = createRng(5);
    const X2 = normalArray(rng, m * D);
    for (let i = 0; i < m; i++) for (let t = 0; t < 40; t++) X2[i * D + t] *= 6;
    const p = await pca(X2, m, D, { method: 'randomized' });
    expect(p.method).toBe('randomized');
    const auto = await pca(X2, m, D);
    expect(auto.method).toBe('exact');
    for (let i = 0; i < 10; i++) expect(p.explainedVarianceRatio[i]).toBeCloseTo(auto.explainedVarianceRatio[i], 5);
    const gram = symEig(centredGram(X2, D, Array.from({ length: m }, (_, i) => i), columnMean(X2, m, D), false));
    const trace = gram.values.reduce((a, b) => a + b);
    for (let i = 0; i < 10; i++) expect(p.explainedVarianceRatio[i]).toBeCloseTo(gram.values[i] / trace, 5);
    const frob2 = gram.values.reduce((a, b) => a + b * b, 0);
    expect(p.participationRatio).toBeCloseTo((trace * trace) / frob2, 3);
    let cum = 0;
    const want = gram.values.findIndex((v) => (cum += v) >= 0.9 * trace) + 1;
    expect(p.pcId90).toBe(want);
  });

  it('takes the n x n Gram when n < d, padding the spectrum with zeros and completing the axes', async () => {
    const [m, D] = [6, 40];
    const X2 = normalArray(createRng(6), m * D);
    const p = await pca(X2, m, D, { components: 8 });
    expect(p.method).toBe('exact');
    expect(p.eigenvalues.length).toBe(D);
    const gram = symEig(centredGram(X2, D, Array.from({ length: m }, (_, i) => i), columnMean(X2, m, D), true));
    const trace = gram.values.reduce((a, b) => a + b);
    for (let i = 0; i < D; i++) expect(p.explainedVarianceRatio[i]).toBeCloseTo(Math.max(gram.values[i], 0) / trace, 6);
    const frob2 = gram.values.reduce((a, b) => a + b * b, 0);
    expect(p.participationRatio).toBeCloseTo((trace * trace) / frob2, 5);
    for (let a = 0; a < 8; a++) {
      for (let b = 0; b < 8; b++) {
        let dot = 0;
        for (let t = 0; t < D; t++) dot += p.components.data[a * D + t] * p.components.data[b * D + t];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 6);
      }
    }
    for (let c = 0; c < 5; c++) {
      let dot = 0;
      for (let t = 0; t < D; t++) dot += p.components.data[c * D + t] * gram.vectors.data[t * D + c];
      expect(Math.abs(dot)).toBeGreaterThan(1 - 1e-6);
    }
  });

  it('agrees between the wasm and cpu backends', async () => {
    const wasm = await pca(X, n, d);
    await useBackend('cpu');
    try {
      const cpu = await pca(X, n, d);
      for (let i = 0; i < d; i++) expect(Math.abs(cpu.explainedVarianceRatio[i] - wasm.explainedVarianceRatio[i])).toBeLessThan(1e-6);
      expect(cpu.participationRatio).toBeCloseTo(wasm.participationRatio, 5);
    } finally {
      await useBackend('wasm');
    }
  });

  it('stops with an AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(pca(X, n, d, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
