/**
 * Linear views of the data: an orthonormal basis (d x q, columns) and a centre give coordinates
 * (x - c) Q. Bases: principal axes, the span of the centred class means (the simplex), one class's
 * subspace. Every view is at most 3-D; a basis of lower rank leaves the extra coordinates at 0.
 */
import type { Mat, PcaResult } from './types';
import { mat, svd } from './linalg';
import { selectRows } from './rows';
import { classSubspaces } from './subspaces';

/** Coordinates of a view: row-major n x 3 (unused axes 0). */
export const VIEW_DIMS = 3;

/**
 * d x r basis of the row space of A (m x d): its top right singular vectors, r = min(q, numerical
 * rank), rank counted over singular values above 1e-10 of the largest.
 */
export function rowSpaceBasis(A: Mat, q: number): Mat {
  const { s, v } = svd(A);
  let r = 0;
  while (r < Math.min(q, s.length) && s[r] > 1e-10 * s[0]) r++;
  const out = mat(A.cols, r);
  for (let t = 0; t < A.cols; t++) for (let c = 0; c < r; c++) out.data[t * r + c] = v.data[t * v.cols + c];
  return out;
}

/** d x axes.length basis whose column c is principal axis axes[c] (0-based) of a PcaResult. */
export function pcaBasis(p: PcaResult, axes: readonly number[]): Mat {
  const d = p.components.cols;
  const out = mat(d, axes.length);
  axes.forEach((a, c) => {
    if (!(a >= 0 && a < p.components.rows)) throw new RangeError(`pcaBasis: axis ${a + 1} of ${p.components.rows} computed`);
    for (let t = 0; t < d; t++) out.data[t * axes.length + c] = p.components.data[a * d + t];
  });
  return out;
}

/**
 * d x r basis of class c's subspace: the top right singular vectors of its centred rows
 * (classSubspaces with k = q), and the class mean as the view's centre.
 */
export function classBasis(X: Float32Array, n: number, d: number, labels: Int32Array, c: number, q: number): { basis: Mat; centre: Float64Array } {
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i] === c) rows.push(i);
  if (rows.length === 0) throw new RangeError(`classBasis: class ${c} has no rows`);
  const Xc = selectRows(X, d, rows);
  const centre = new Float64Array(d);
  for (let r = 0; r < rows.length; r++) for (let t = 0; t < d; t++) centre[t] += Xc[r * d + t] / rows.length;
  const [basis] = classSubspaces(Xc, rows.length, d, new Int32Array(rows.length), 1, q);
  return { basis, centre };
}

/** Coordinates (x_i - centre) . Q_c of every row on the columns of Q (d x r, r <= 3), n x 3 float32 (missing axes 0). */
export function projectView(X: Float32Array, n: number, d: number, centre: Float64Array, Q: Mat): Float32Array {
  if (Q.rows !== d || Q.cols > VIEW_DIMS) throw new RangeError(`projectView: basis is ${Q.rows} x ${Q.cols} for ${d}-D data`);
  const r = Q.cols;
  const out = new Float32Array(n * VIEW_DIMS);
  const acc = new Float64Array(r);
  for (let i = 0; i < n; i++) {
    acc.fill(0);
    for (let t = 0; t < d; t++) {
      const x = X[i * d + t] - centre[t];
      for (let c = 0; c < r; c++) acc[c] += x * Q.data[t * r + c];
    }
    for (let c = 0; c < r; c++) out[i * VIEW_DIMS + c] = acc[c];
  }
  return out;
}

/** The rows of P (m x d, float64) through the same view, in float64: (p_i - centre) . Q_c, m x 3 float32. */
export function projectMatRows(P: Mat, centre: Float64Array, Q: Mat): Float32Array {
  if (Q.rows !== P.cols || Q.cols > VIEW_DIMS) throw new RangeError(`projectMatRows: basis is ${Q.rows} x ${Q.cols} for ${P.cols}-D rows`);
  const r = Q.cols;
  const out = new Float32Array(P.rows * VIEW_DIMS);
  for (let i = 0; i < P.rows; i++) {
    for (let c = 0; c < r; c++) {
      let s = 0;
      for (let t = 0; t < P.cols; t++) s += (P.data[i * P.cols + t] - centre[t]) * Q.data[t * r + c];
      out[i * VIEW_DIMS + c] = s;
    }
  }
  return out;
}

/** The first min(3, d) raw coordinates of each row, n x 3 float32 (for data with d <= 3). */
export function rawView(X: Float32Array, n: number, d: number): Float32Array {
  const out = new Float32Array(n * VIEW_DIMS);
  const r = Math.min(d, VIEW_DIMS);
  for (let i = 0; i < n; i++) for (let c = 0; c < r; c++) out[i * VIEW_DIMS + c] = X[i * d + c];
  return out;
}
