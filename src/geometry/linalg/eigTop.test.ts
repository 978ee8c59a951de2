import { describe, expect, it } from 'vitest';
import type { Mat } from '../types';
import { mat, matmul, qr, symEig, transpose } from './index';
import { symEigTop } from './eigTop';
import { filled } from './testing';

/** Q diag(values) Q^T for a random orthogonal Q. */
function withSpectrum(values: number[], seed: number): Mat {
  const n = values.length;
  const Q = qr(filled(n, n, seed)).q;
  const QL = mat(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) QL.data[i * n + j] = Q.data[i * n + j] * values[j];
  return matmul(QL, transpose(Q));
}

/** max over columns of ||A v - lambda v||, and max |V^T V - I|. */
function quality(a: Mat, values: Float64Array, V: Mat): { residual: number; orthogonality: number } {
  const n = a.rows;
  const q = V.cols;
  let residual = 0;
  let orthogonality = 0;
  for (let j = 0; j < q; j++) {
    let r2 = 0;
    for (let i = 0; i < n; i++) {
      let s = -values[j] * V.data[i * q + j];
      for (let t = 0; t < n; t++) s += a.data[i * n + t] * V.data[t * q + j];
      r2 += s * s;
    }
    residual = Math.max(residual, Math.sqrt(r2));
    for (let l = 0; l < q; l++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += V.data[i * q + j] * V.data[i * q + l];
      orthogonality = Math.max(orthogonality, Math.abs(dot - (j === l ? 1 : 0)));
    }
  }
  return { residual, orthogonality };
}

describe('symEigTop', () => {
  it.each([130, 257])('matches symEig on a random Gram matrix of size %i (all values, the top 10 vectors)', (n) => {
    const b = filled(n, n, 3 + n);
    const a = matmul(b, transpose(b));
    const full = symEig(a);
    const top = symEigTop(a, 10);
    const scale = full.values[0];
    for (let i = 0; i < n; i++) expect(Math.abs(top.values[i] - full.values[i])).toBeLessThan(1e-13 * scale);
    expect(top.vectors.cols).toBe(10);
    for (let j = 0; j < 10; j++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += top.vectors.data[i * 10 + j] * full.vectors.data[i * n + j];
      expect(Math.abs(dot)).toBeGreaterThan(1 - 1e-9);
    }
    const { residual, orthogonality } = quality(a, top.values, top.vectors);
    expect(residual).toBeLessThan(1e-11 * scale);
    expect(orthogonality).toBeLessThan(1e-12);
  });

  it('returns an orthonormal basis of a repeated leading eigenvalue (and of near-repeated ones)', () => {
    const spectrum = Array.from({ length: 200 }, (_, i) => (i < 6 ? 5 : i < 9 ? 3 + i * 1e-12 : 1 / (i + 1)));
    const a = withSpectrum(spectrum, 17);
    const top = symEigTop(a, 12);
    for (let i = 0; i < 200; i++) expect(Math.abs(top.values[i] - [...spectrum].sort((x, y) => y - x)[i])).toBeLessThan(1e-13 * 5);
    const { residual, orthogonality } = quality(a, top.values, top.vectors);
    expect(residual).toBeLessThan(1e-11);
    expect(orthogonality).toBeLessThan(1e-12);
  });

  it('handles rank-deficient, diagonal and zero matrices', () => {
    const low = filled(300, 4, 5);
    const rank4 = matmul(low, transpose(low));
    const r = symEigTop(rank4, 8);
    for (let i = 4; i < 300; i++) expect(Math.abs(r.values[i])).toBeLessThan(1e-12 * r.values[0]);
    const q = quality(rank4, r.values, r.vectors);
    expect(q.residual).toBeLessThan(1e-11 * r.values[0]);
    expect(q.orthogonality).toBeLessThan(1e-12);

    const diagonal = mat(150, 150);
    for (let i = 0; i < 150; i++) diagonal.data[i * 150 + i] = (i * 37) % 150;
    const dg = symEigTop(diagonal, 3);
    expect(Array.from(dg.values.subarray(0, 3))).toEqual([149, 148, 147]);
    for (let j = 0; j < 3; j++) {
      const row = Array.from({ length: 150 }, (_, i) => i).find((i) => (i * 37) % 150 === 149 - j) as number;
      expect(Math.abs(dg.vectors.data[row * 3 + j])).toBeCloseTo(1, 12);
    }
    expect(quality(diagonal, dg.values, dg.vectors).residual).toBeLessThan(1e-12 * 149);

    const zero = symEigTop(mat(140, 140), 2);
    expect(Array.from(zero.values).every((v) => v === 0)).toBe(true);
    expect(quality(mat(140, 140), zero.values, zero.vectors).orthogonality).toBeLessThan(1e-12);
  });

  it('is symEig truncated at or below 128 rows', () => {
    const a = withSpectrum(Array.from({ length: 40 }, (_, i) => 40 - i), 9);
    const full = symEig(a);
    const top = symEigTop(a, 3);
    expect(Array.from(top.values)).toEqual(Array.from(full.values));
    for (let i = 0; i < 40; i++) for (let j = 0; j < 3; j++) expect(top.vectors.data[i * 3 + j]).toBe(full.vectors.data[i * 40 + j]);
  });
});
