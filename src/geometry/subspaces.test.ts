import { describe, expect, it } from 'vitest';
import { classSubspaces, principalAngles, projectOnto } from './subspaces';
import { createRng, normalArray } from './random';
import { mat, matmulTN, qr } from './linalg';
import type { Mat } from './types';

/** A pair of k-dim subspaces of R^d at the given principal angles: Q1 = [e_1..e_k], Q2_i = cos t_i e_i + sin t_i e_{k+i}, then rotated. */
function pairAtAngles(d: number, angles: number[], seed: number): [Mat, Mat] {
  const k = angles.length;
  const R = qr(mat(d, d, normalArray(createRng(seed), d * d))).q;
  const Q1 = mat(d, k);
  const Q2 = mat(d, k);
  for (let i = 0; i < k; i++) {
    for (let t = 0; t < d; t++) {
      Q1.data[t * k + i] = R.data[t * d + i];
      Q2.data[t * k + i] = Math.cos(angles[i]) * R.data[t * d + i] + Math.sin(angles[i]) * R.data[t * d + k + i];
    }
  }
  return [Q1, Q2];
}

describe('principalAngles', () => {
  it('recovers known angles, tiny ones included where arccos fails', () => {
    const want = [1e-9, 1e-6, 0.3, 1.2, Math.PI / 2];
    const [Q1, Q2] = pairAtAngles(12, [0.3, Math.PI / 2, 1e-6, 1.2, 1e-9], 1);
    const { angles, geodesic, chordal } = principalAngles(Q1, Q2);
    for (let i = 0; i < want.length; i++) expect(Math.abs(angles[i] - want[i])).toBeLessThan(1e-13 + 1e-10 * want[i]);
    expect(angles[0] / 1e-9).toBeCloseTo(1, 5);
    expect(geodesic).toBeCloseTo(Math.hypot(...want), 12);
    expect(chordal).toBeCloseTo(Math.sqrt(2) * Math.hypot(...want.map(Math.sin)), 12);
  });

  it('gives min(k1, k2) angles, symmetric in its arguments', () => {
    const [Q1, Q2] = pairAtAngles(10, [0.1, 0.5, 0.9], 2);
    const narrow = mat(10, 2);
    for (let t = 0; t < 10; t++) for (let j = 0; j < 2; j++) narrow.data[t * 2 + j] = Q2.data[t * 3 + j];
    const a = principalAngles(Q1, narrow).angles;
    const b = principalAngles(narrow, Q1).angles;
    expect(a.length).toBe(2);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a[0]).toBeCloseTo(0.1, 12);
    expect(a[1]).toBeCloseTo(0.5, 12);
  });
});

describe('classSubspaces', () => {
  /** Class c lives in span(B_c) (r dims) around its own centre, plus noise of scale eps. */
  function classesInSubspaces(d: number, perClass: number, r: number, eps: number) {
    const rng = createRng(3);
    const bases = [0, 1].map(() => qr(mat(d, r, normalArray(rng, d * r))).q);
    const n = 2 * perClass;
    const X = new Float32Array(n * d);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = i % 2;
      labels[i] = c;
      const z = Array.from({ length: r }, (_, j) => (r - j) * rng.normal());
      for (let t = 0; t < d; t++) {
        let s = 10 * c + eps * rng.normal();
        for (let j = 0; j < r; j++) s += bases[c].data[t * r + j] * z[j];
        X[i * d + t] = s;
      }
    }
    return { X, labels, n, bases };
  }

  for (const [perClass, label] of [[200, 'd x d'], [8, 'n_c x n_c']] as const) {
    it(`recovers each class's span through the ${label} Gram`, () => {
      const d = 20;
      const r = 3;
      const { X, labels, n, bases } = classesInSubspaces(d, perClass, r, 1e-4);
      const subs = classSubspaces(X, n, d, labels, 2, r);
      for (let c = 0; c < 2; c++) {
        expect([subs[c].rows, subs[c].cols]).toEqual([d, r]);
        const gram = matmulTN(subs[c], subs[c]);
        for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) expect(gram.data[a * r + b]).toBeCloseTo(a === b ? 1 : 0, 8);
        expect(principalAngles(subs[c], bases[c]).geodesic).toBeLessThan(1e-3);
      }
    });
  }

  it('truncates to the rank a small class can have', () => {
    const X = new Float32Array([0, 0, 0, 1, 0, 0, 5, 5, 5]);
    const subs = classSubspaces(X, 3, 3, new Int32Array([0, 0, 1]), 2, 2);
    expect(subs[0].cols).toBe(1);
    expect(Math.abs(subs[0].data[0])).toBeCloseTo(1, 12);
    expect(subs[1].cols).toBe(0);
  });
});

describe('projectOnto', () => {
  it('returns X Q', () => {
    const Q = mat(3, 2, [1, 0, 0, 0.6, 0, 0.8]);
    expect(Array.from(projectOnto(new Float32Array([1, 2, 3, 0, 5, 10]), 2, 3, Q))).toEqual(Array.from(Float32Array.of(1, 3.6, 0, 11)));
  });
});
