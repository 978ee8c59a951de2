import { describe, expect, it } from 'vitest';
import type { Mat } from '../types';
import { frobenius, identity, logdetSpd, mat, matmul, matmulTN, pinv, pinvSym, procrustesRotation, qr, svd, symEig, transpose } from './index';
import { filled } from './testing';

function symmetric(n: number, seed: number): Mat {
  const a = filled(n, n, seed);
  return matmul(a, transpose(a));
}

function maxAbsDiff(a: Mat, b: Mat): number {
  let d = 0;
  for (let i = 0; i < a.data.length; i++) d = Math.max(d, Math.abs(a.data[i] - b.data[i]));
  return d;
}

function diag(values: ArrayLike<number>): Mat {
  const n = values.length;
  const m = mat(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = values[i];
  return m;
}

describe('symEig', () => {
  it.each([1, 2, 3, 7, 40, 130])('reconstructs a random %i x %i symmetric matrix with orthonormal vectors', (n) => {
    const a = symmetric(n, 11 + n);
    const { values, vectors } = symEig(a);
    expect(maxAbsDiff(matmul(matmul(vectors, diag(values)), transpose(vectors)), a)).toBeLessThan(1e-10 * n);
    expect(maxAbsDiff(matmulTN(vectors, vectors), identity(n))).toBeLessThan(1e-12 * n);
    for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
  });

  it('finds known eigenvalues of a rotated diagonal matrix, including repeated and zero ones', () => {
    const lambdas = [5, 3, 3, 1e-9, 0, -2];
    const { q } = qr(filled(6, 6, 3));
    const a = matmul(matmul(q, diag(lambdas)), transpose(q));
    const { values } = symEig(a);
    const sorted = [...lambdas].sort((x, y) => y - x);
    sorted.forEach((l, i) => expect(values[i]).toBeCloseTo(l, 12));
  });

  it('handles an already diagonal and an all-zero matrix', () => {
    expect(Array.from(symEig(diag([1, 4, 2])).values)).toEqual([4, 2, 1]);
    expect(Array.from(symEig(mat(3, 3)).values)).toEqual([0, 0, 0]);
  });
});

describe('svd', () => {
  it.each([
    [9, 4],
    [4, 9],
    [30, 30],
    [1, 5],
  ])('reconstructs a %i x %i matrix', (m, n) => {
    const a = filled(m, n, m * 100 + n);
    const { u, s, v } = svd(a);
    const p = Math.min(m, n);
    expect(u.cols).toBe(p);
    expect(v.cols).toBe(p);
    expect(maxAbsDiff(matmul(matmul(u, diag(s)), transpose(v)), a)).toBeLessThan(1e-12);
    expect(maxAbsDiff(matmulTN(u, u), identity(p))).toBeLessThan(1e-12);
    expect(maxAbsDiff(matmulTN(v, v), identity(p))).toBeLessThan(1e-12);
  });

  it('keeps tiny singular values to relative precision', () => {
    const { q: u } = qr(filled(8, 3, 5));
    const { q: v } = qr(filled(3, 3, 6));
    const sigma = [1, 1e-5, 1e-9];
    const { s } = svd(matmul(matmul(u, diag(sigma)), transpose(v)));
    sigma.forEach((x, i) => expect(Math.abs(s[i] - x) / x).toBeLessThan(1e-6));
  });

  it('returns an orthonormal U for a rank-deficient matrix', () => {
    const a = mat(4, 3, [1, 2, 0, 2, 4, 0, 0, 0, 0, 3, 6, 0]);
    const { u, s } = svd(a);
    expect(s[1]).toBeLessThan(1e-12);
    expect(maxAbsDiff(matmulTN(u, u), identity(3))).toBeLessThan(1e-12);
  });
});

describe('qr', () => {
  it('gives orthonormal Q, upper-triangular R with a non-negative diagonal, and A = QR', () => {
    const a = filled(12, 5, 9);
    const { q, r } = qr(a);
    expect(maxAbsDiff(matmul(q, r), a)).toBeLessThan(1e-13);
    expect(maxAbsDiff(matmulTN(q, q), identity(5))).toBeLessThan(1e-13);
    for (let i = 0; i < 5; i++) {
      expect(r.data[i * 5 + i]).toBeGreaterThanOrEqual(0);
      for (let j = 0; j < i; j++) expect(r.data[i * 5 + j]).toBe(0);
    }
  });
});

describe('pseudo-inverses, logdet and Procrustes', () => {
  it('pinvSym satisfies the Penrose conditions and truncates rank', () => {
    const b = filled(6, 3, 21);
    const a = matmul(b, transpose(b)); // rank 3
    const p = pinvSym(a);
    expect(maxAbsDiff(matmul(matmul(a, p), a), a)).toBeLessThan(1e-10);
    expect(maxAbsDiff(matmul(matmul(p, a), p), p)).toBeLessThan(1e-8);
    const p1 = pinvSym(a, 1);
    const { values } = symEig(p1);
    expect(values.filter((x) => Math.abs(x) > 1e-12).length).toBe(1);
  });

  it('pinv of a full-column-rank matrix is its left inverse', () => {
    const a = filled(7, 3, 4);
    expect(maxAbsDiff(matmul(pinv(a), a), identity(3))).toBeLessThan(1e-12);
  });

  it('logdetSpd matches the sum of log eigenvalues and rejects indefinite input', () => {
    const a = symmetric(5, 8);
    for (let i = 0; i < 5; i++) a.data[i * 5 + i] += 0.5;
    const direct = Array.from(symEig(a).values).reduce((s, l) => s + Math.log(l), 0);
    expect(logdetSpd(a)).toBeCloseTo(direct, 10);
    expect(() => logdetSpd(diag([1, -1]))).toThrow(/positive definite/);
  });

  it('procrustesRotation recovers a known rotation', () => {
    const { q: rot } = qr(filled(4, 4, 17));
    const x = filled(20, 4, 2);
    const y = matmul(x, rot);
    const r = procrustesRotation(matmulTN(x, y));
    expect(maxAbsDiff(r, rot)).toBeLessThan(1e-12);
    expect(frobenius(r)).toBeCloseTo(2, 12);
  });
});

describe('svd of a matrix with exactly zero rows', () => {
  it('keeps U orthonormal when some singular values are round-off small, not exactly zero', () => {
    const x = filled(40, 6, 31);
    for (let i = 0; i < 40; i++) x.data[i * 6 + 2] = 0; // a zero column, like a blank pixel
    const { q } = qr(filled(6, 6, 32));
    const m = matmulTN(x, matmul(x, q)); // rank 5, one singular value at round-off level
    const { u, s, v } = svd(m);
    expect(s[5]).toBeLessThan(1e-12 * s[0]);
    expect(maxAbsDiff(matmulTN(u, u), identity(6))).toBeLessThan(1e-12);
    expect(maxAbsDiff(matmul(matmul(u, diag(s)), transpose(v)), m)).toBeLessThan(1e-10);
  });
});
