import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { linearCka, mutualKnn, orthogonalProcrustes } from './similarity';
import { createRng, normalArray } from './random';
import { mat, qr } from './linalg';
import type { Mat } from './types';

function randomRotation(d: number, seed: number): Mat {
  return qr(mat(d, d, normalArray(createRng(seed), d * d))).q;
}

/** Y = s X R + shift, row-major float32. */
function transform(X: Float32Array, n: number, d: number, R: Mat, s: number, shift: number): Float32Array {
  const Y = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) {
      let v = 0;
      for (let t = 0; t < d; t++) v += X[i * d + t] * R.data[t * d + c];
      Y[i * d + c] = s * v + shift + c;
    }
  }
  return Y;
}

describe('linearCka', () => {
  for (const [n, d] of [[200, 6], [10, 30]] as const) {
    it(`is 1 under rotation, isotropic scale and shift, < 1 when unrelated (n = ${n}, d = ${d})`, () => {
      const rng = createRng(n);
      const X = normalArray(rng, n * d);
      for (let i = 0; i < n; i++) X[i * d] *= 4;
      expect(linearCka(X, X, n, d, d)).toBeCloseTo(1, 12);
      const Y = transform(X, n, d, randomRotation(d, 2), 3.5, 100);
      expect(linearCka(X, Y, n, d, d)).toBeCloseTo(1, 5);
      const Z = normalArray(rng, n * 4);
      const unrelated = linearCka(X, Z, n, d, 4);
      expect(unrelated).toBeLessThan(0.9);
      expect(unrelated).toBeGreaterThan(0);
    });
  }

  it('agrees between the feature and sample Gram routes', () => {
    const rng = createRng(9);
    const n = 40;
    const X = normalArray(rng, n * 25);
    const Y = normalArray(rng, n * 30);
    for (let i = 0; i < n; i++) Y[i * 30] += 2 * X[i * 25];
    const gram = linearCka(X, Y, n, 25, 30);
    const big = linearCka(
      Float32Array.from({ length: 2 * n * 25 }, (_, t) => X[t % (n * 25)]),
      Float32Array.from({ length: 2 * n * 30 }, (_, t) => Y[t % (n * 30)]),
      2 * n,
      25,
      30,
    );
    expect(big).toBeCloseTo(gram, 10);
    expect(gram).toBeGreaterThan(0.05);
  });
});

describe('mutualKnn', () => {
  it('is 1 for a rotated, rescaled copy and near k/n for unrelated data', async () => {
    const n = 300;
    const d = 8;
    const rng = createRng(4);
    const X = normalArray(rng, n * d);
    const R = randomRotation(d, 5);
    const Y = new Float32Array(n * d);
    const rotated = transform(X, n, d, R, 1, 0);
    for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) Y[i * d + c] = (rotated[i * d + c] - c) * (1 + i);
    expect(await mutualKnn(X, Y, n, d, d, 10)).toBe(1);
    const unrelated = await mutualKnn(X, normalArray(rng, n * 5), n, d, 5, 10);
    expect(unrelated).toBeLessThan(0.15);
  });
});

describe('orthogonalProcrustes', () => {
  it('recovers a known rotation with zero residual, and reports the residual of noise', () => {
    const n = 100;
    const d = 5;
    const X = normalArray(createRng(6), n * d);
    const R = randomRotation(d, 7);
    const Y = transform(X, n, d, R, 1, 0).map((v, t) => v - (t % d));
    const { rotation, residual } = orthogonalProcrustes(X, Y, n, d);
    for (let t = 0; t < d * d; t++) expect(rotation.data[t]).toBeCloseTo(R.data[t], 6);
    expect(residual).toBeLessThan(1e-6);
    const noisy = Y.map((v, t) => v + (t % 2 ? 0.1 : -0.1));
    expect(orthogonalProcrustes(X, noisy, n, d).residual).toBeGreaterThan(0.03);
  });

  it('stays exact when X has all-zero columns (rank-deficient X^T Y)', () => {
    const n = 80;
    const d = 6;
    const X = normalArray(createRng(8), n * d);
    for (let i = 0; i < n; i++) X[i * d + 2] = 0;
    const Y = transform(X, n, d, randomRotation(d, 9), 1, 0).map((v, t) => v - (t % d));
    const { rotation, residual } = orthogonalProcrustes(X, Y, n, d);
    expect(residual).toBeLessThan(1e-6);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += rotation.data[t * d + a] * rotation.data[t * d + b];
        expect(s).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    }
  });
});
