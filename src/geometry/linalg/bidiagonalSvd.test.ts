import { describe, expect, it } from 'vitest';
import type { Mat } from '../types';
import { mat, matmul, matmulTN, svd, svdRight, transpose } from './index';
import { createRng } from '../random';

function gaussian(rows: number, cols: number, seed: number): Mat {
  const rng = createRng(seed);
  return mat(rows, cols, Array.from({ length: rows * cols }, () => rng.normal()));
}

/** U diag(s) V^T with Haar-like U (m x p), V (n x p) and the given singular values. */
function withSpectrum(m: number, n: number, s: number[], seed: number): Mat {
  const p = s.length;
  const U = svd(gaussian(m, p, seed)).u;
  const V = svd(gaussian(n, p, seed + 1)).u;
  const US = mat(m, p, U.data.map((x, t) => x * s[t % p]));
  return matmul(US, transpose(V));
}

/** max_i | ||A v_i|| - s_i | / s_1 and max |V^T V - I|: the factorisation holds and V is orthonormal. */
function residuals(a: Mat, r: { s: Float64Array; v: Mat }): { value: number; orth: number } {
  const p = r.s.length;
  const AV = matmul(a, r.v);
  let value = 0;
  for (let i = 0; i < p; i++) {
    let norm = 0;
    for (let t = 0; t < a.rows; t++) norm += AV.data[t * p + i] ** 2;
    value = Math.max(value, Math.abs(Math.sqrt(norm) - r.s[i]) / r.s[0]);
  }
  const G = matmulTN(r.v, r.v);
  let orth = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) orth = Math.max(orth, Math.abs(G.data[i * p + j] - (i === j ? 1 : 0)));
  return { value, orth };
}

describe('svdRight by bidiagonalization and implicit QR', () => {
  it.each([[240, 160], [160, 240], [130, 130], [97, 200]])('matches the Jacobi SVD on a Gaussian %i x %i', (m, n) => {
    const a = gaussian(m, n, m + n);
    const b = svdRight(a, 'bidiagonal');
    const j = svdRight(a, 'jacobi');
    const res = residuals(a, b);
    expect(res.value).toBeLessThan(1e-13);
    expect(res.orth).toBeLessThan(1e-12);
    b.s.forEach((s, i) => expect(Math.abs(s - j.s[i]) / j.s[0]).toBeLessThan(1e-13));
  });

  it('keeps singular values falling to 1e-7 of the largest (no squared condition number)', () => {
    const s = Array.from({ length: 150 }, (_, i) => 10 ** ((-7 * i) / 149));
    for (const a of [withSpectrum(320, 150, s, 3), transpose(withSpectrum(320, 150, s, 3))]) {
      const b = svdRight(a, 'bidiagonal');
      expect(residuals(a, b).orth).toBeLessThan(1e-12);
      s.forEach((want, i) => expect(Math.abs(b.s[i] - want)).toBeLessThan(1e-14));
      expect(Math.abs(b.s[149] / 1e-7 - 1)).toBeLessThan(1e-6);
    }
  });

  it('handles exact rank deficiency (zero and repeated columns)', () => {
    const a = gaussian(200, 120, 9);
    for (let t = 0; t < 200; t++) {
      a.data[t * 120 + 5] = 0;
      a.data[t * 120 + 7] = a.data[t * 120 + 8];
    }
    const b = svdRight(a, 'bidiagonal');
    expect(residuals(a, b).orth).toBeLessThan(1e-12);
    expect(b.s[118] / b.s[0]).toBeLessThan(1e-14);
    expect(b.s[119] / b.s[0]).toBeLessThan(1e-14);
    expect(b.s[117] / b.s[0]).toBeGreaterThan(1e-3);
    expect(svdRight(mat(150, 100), 'bidiagonal').s.every((x) => x === 0)).toBe(true);
  });
});
