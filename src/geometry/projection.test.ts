import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { mat } from './linalg';
import { classBasis, pcaBasis, projectMatRows, projectView, rawView, rowSpaceBasis } from './projection';
import { pca } from './pca';
import { createRng, normalArray } from './random';
import { rowsByClass } from '../../tests/gaussianClasses';

function orthonormalColumns(Q: { rows: number; cols: number; data: Float64Array }): void {
  for (let a = 0; a < Q.cols; a++) {
    for (let b = 0; b < Q.cols; b++) {
      let s = 0;
      for (let t = 0; t < Q.rows; t++) s += Q.data[t * Q.cols + a] * Q.data[t * Q.cols + b];
      expect(s).toBeCloseTo(a === b ? 1 : 0, 10);
    }
  }
}

describe('projection', () => {
  it('rowSpaceBasis spans the rows and stops at the numerical rank', () => {
    // Rows in span(e1 + e2, e3) of R^5: rank 2 although q = 3.
    const A = mat(4, 5, [1, 1, 0, 0, 0, 0, 0, 2, 0, 0, 3, 3, -1, 0, 0, -4, -4, -1, 0, 0]);
    const Q = rowSpaceBasis(A, 3);
    expect(Q.cols).toBe(2);
    orthonormalColumns(Q);
    const coords = projectMatRows(A, new Float64Array(5), Q);
    for (let i = 0; i < 4; i++) {
      let norm2 = 0;
      for (let t = 0; t < 5; t++) norm2 += A.data[i * 5 + t] ** 2;
      const c2 = coords[i * 3] ** 2 + coords[i * 3 + 1] ** 2;
      expect(c2).toBeCloseTo(norm2, 4);
      expect(coords[i * 3 + 2]).toBe(0);
    }
  });

  it('projectView centres, uses the basis columns and agrees with projectMatRows', () => {
    const n = 30;
    const d = 6;
    const X = normalArray(createRng(1), n * d);
    const centre = Float64Array.from({ length: d }, (_, t) => t / 10);
    const Q = mat(d, 2);
    Q.data[0 * 2 + 0] = 1;
    Q.data[3 * 2 + 1] = 1;
    const v = projectView(X, n, d, centre, Q);
    const m = projectMatRows(mat(n, d, X), centre, Q);
    for (let i = 0; i < n; i++) {
      expect(v[i * 3]).toBeCloseTo(X[i * d] - 0, 5);
      expect(v[i * 3 + 1]).toBeCloseTo(X[i * d + 3] - 0.3, 5);
      expect(v[i * 3 + 2]).toBe(0);
      for (let c = 0; c < 3; c++) expect(m[i * 3 + c]).toBeCloseTo(v[i * 3 + c], 5);
    }
    expect(() => projectView(X, n, d, centre, mat(d, 4))).toThrow(RangeError);
  });

  it('pcaBasis picks the chosen principal axes; the projection has their variances', async () => {
    const n = 400;
    const d = 4;
    const rng = createRng(3);
    const X = new Float32Array(n * d);
    const sd = [5, 3, 2, 1];
    for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) X[i * d + t] = sd[t] * rng.normal();
    const p = await pca(X, n, d, { components: 4 });
    const coords = projectView(X, n, d, p.mean, pcaBasis(p, [2, 0, 3]));
    const variance = [0, 0, 0];
    for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) variance[c] += coords[i * 3 + c] ** 2 / n;
    expect(variance[0]).toBeCloseTo(p.eigenvalues[2], 3);
    expect(variance[1]).toBeCloseTo(p.eigenvalues[0], 3);
    expect(variance[2]).toBeCloseTo(p.eigenvalues[3], 3);
    expect(() => pcaBasis(p, [4])).toThrow(RangeError);
  });

  it('classBasis finds the plane a class lives in, centred at its mean', () => {
    const n = 60;
    const d = 5;
    const { X, labels } = rowsByClass(4, n, d, 2, (row, label, rng) => {
      if (label === 0) {
        row[1] = 10 + rng.normal();
        row[4] = rng.normal();
      } else for (let t = 0; t < d; t++) row[t] = rng.normal();
    });
    const { basis, centre } = classBasis(X, n, d, labels, 0, 3);
    expect(basis.cols).toBe(2);
    orthonormalColumns(basis);
    for (const t of [0, 2, 3]) for (let c = 0; c < 2; c++) expect(Math.abs(basis.data[t * 2 + c])).toBeLessThan(1e-9);
    expect(centre[1]).toBeGreaterThan(9);
    expect(() => classBasis(X, n, d, labels, 2, 3)).toThrow(RangeError);
  });

  it('rawView copies the first coordinates and pads with zeros', () => {
    expect(Array.from(rawView(new Float32Array([1, 2, 3, 4]), 2, 2))).toEqual([1, 2, 0, 3, 4, 0]);
  });
});
