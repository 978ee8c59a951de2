/**
 * Float64 helpers over row-major float32 data (X is n x d, row i = X[i*d .. i*d+d)).
 * Sums are accumulated in float64 so results do not depend on float32 round-off.
 */
import type { Mat } from './types';
import { mat } from './linalg';

/** Column means (1/n) sum_i x_i in float64. */
export function columnMean(X: Float32Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) mean[j] += X[o + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= n;
  return mean;
}

/** Total variance (1/n) sum_i ||x_i - mean||^2, two-pass in float64. */
export function totalVariance(X: Float32Array, n: number, d: number, mean = columnMean(X, n, d)): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const v = X[o + j] - mean[j];
      s += v * v;
    }
  }
  return s / n;
}

/** The selected rows of X (in the given order) as a new n' x d float32 array. */
export function selectRows(X: Float32Array, d: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) out.set(X.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return out;
}

/**
 * Gram of the centred rows in float64: Xc^T Xc (d x d) when byColumns, else Xc Xc^T (n x n),
 * with Xc = X[rows] - centre (centre defaults to zero). Symmetric: only half is computed.
 */
export function centredGram(
  X: Float32Array | Float64Array,
  d: number,
  rows: ArrayLike<number>,
  centre: Float64Array | null,
  byColumns: boolean,
): Mat {
  const m = rows.length;
  const Xc = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    const o = rows[r] * d;
    for (let j = 0; j < d; j++) Xc[r * d + j] = X[o + j] - (centre ? centre[j] : 0);
  }
  return byColumns ? gramTN(Xc, m, d) : gramNT(Xc, m, d);
}

/** A^T A for a row-major float64 m x d array (d x d, symmetric). */
export function gramTN(A: Float64Array, m: number, d: number): Mat {
  const G = mat(d, d);
  const g = G.data;
  for (let r = 0; r < m; r++) {
    const o = r * d;
    for (let a = 0; a < d; a++) {
      const va = A[o + a];
      if (va === 0) continue;
      const ga = a * d;
      for (let b = a; b < d; b++) g[ga + b] += va * A[o + b];
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) g[a * d + b] = g[b * d + a];
  return G;
}

/** A A^T for a row-major float64 m x d array (m x m, symmetric). */
export function gramNT(A: Float64Array, m: number, d: number): Mat {
  const G = mat(m, m);
  const g = G.data;
  for (let i = 0; i < m; i++) {
    const oi = i * d;
    for (let j = i; j < m; j++) {
      const oj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) s += A[oi + t] * A[oj + t];
      g[i * m + j] = s;
      g[j * m + i] = s;
    }
  }
  return G;
}
