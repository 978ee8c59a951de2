import { describe, expect, it } from 'vitest';
import { mat, matmul, qr, transpose } from './linalg';
import { alignedEtf, cosineMatrix, etfCosines, helmertBasis } from './etf';
import { createRng } from './random';
import type { Mat } from './types';

function randomOrthonormalRows(rows: number, cols: number, seed: number): Mat {
  const rng = createRng(seed);
  const A = mat(cols, rows, Array.from({ length: rows * cols }, () => rng.normal()));
  return transpose(qr(A).q);
}

function frob(A: Mat, B: Mat): number {
  let s = 0;
  for (let t = 0; t < A.data.length; t++) s += (A.data[t] - B.data[t]) ** 2;
  return Math.sqrt(s);
}

describe('etf', () => {
  it('helmertBasis is orthonormal and orthogonal to the ones vector', () => {
    const K = 6;
    const B = helmertBasis(K);
    const BtB = matmul(transpose(B), B);
    for (let a = 0; a < K - 1; a++) {
      let sum = 0;
      for (let i = 0; i < K; i++) sum += B.data[i * (K - 1) + a];
      expect(sum).toBeCloseTo(0, 12);
      for (let b = 0; b < K - 1; b++) expect(BtB.data[a * (K - 1) + b]).toBeCloseTo(a === b ? 1 : 0, 12);
    }
  });

  it('an ideal ETF has the target cosines, and alignedEtf returns it unchanged', () => {
    const K = 5;
    const d = 9;
    const Mc = matmul(helmertBasis(K), randomOrthonormalRows(K - 1, d, 2));
    for (let t = 0; t < Mc.data.length; t++) Mc.data[t] *= 3.5;
    const cos = cosineMatrix(Mc);
    const target = etfCosines(K);
    cos.data.forEach((v, t) => expect(v).toBeCloseTo(target.data[t], 10));
    const got = alignedEtf(Mc)!;
    expect(got.scale).toBeCloseTo(3.5, 10);
    expect(got.residual).toBeLessThan(1e-10);
    expect(frob(got.vertices, Mc)).toBeLessThan(1e-9);
  });

  it('for random means: the result is an ETF, and no rotated ETF of any scale is closer', () => {
    const K = 4;
    const d = 6;
    const rng = createRng(9);
    const M = mat(K, d, Array.from({ length: K * d }, () => rng.normal()));
    for (let t = 0; t < d; t++) {
      let m = 0;
      for (let k = 0; k < K; k++) m += M.data[k * d + t] / K;
      for (let k = 0; k < K; k++) M.data[k * d + t] -= m;
    }
    const got = alignedEtf(M)!;
    const gram = matmul(got.vertices, transpose(got.vertices));
    for (let k = 0; k < K; k++) {
      for (let l = 0; l < K; l++) expect(gram.data[k * K + l]).toBeCloseTo(got.scale ** 2 * ((k === l ? 1 : 0) - 1 / K), 9);
    }
    const best = frob(got.vertices, M);
    for (let seed = 20; seed < 60; seed++) {
      const other = matmul(helmertBasis(K), randomOrthonormalRows(K - 1, d, seed));
      for (const s of [0.5, 1, 2]) {
        const scaled = mat(K, d, other.data.map((v) => v * s * got.scale));
        expect(frob(scaled, M)).toBeGreaterThanOrEqual(best - 1e-12);
      }
    }
  });

  it('is null when the simplex does not fit (d < K - 1)', () => {
    expect(alignedEtf(mat(5, 3))).toBeNull();
    expect(alignedEtf(mat(1, 3))).toBeNull();
  });
});
