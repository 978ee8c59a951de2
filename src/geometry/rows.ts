/**
 * Float64 helpers over row-major float32 data (X is n x d, row i = X[i*d .. i*d+d)).
 * Sums are accumulated in float64 so results do not depend on float32 round-off.
 */
import type { Mat } from './types';
import { mat } from './linalg';

/** Column means (1/n) sum_i x_i in float64. */
export function columnMean(X: Float32Array | Float64Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let j = 0; j < d; j++) mean[j] += X[o + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= n;
  return mean;
}

/** Rows scaled to unit norm, in float64 (zero rows stay zero). */
export function unitRows(Z: Float32Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = i * d; t < i * d + d; t++) s += Z[t] * Z[t];
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let t = i * d; t < i * d + d; t++) out[t] = Z[t] * inv;
  }
  return out;
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
  if (byColumns) {
    // Row by row (the same sums as gramTN of the centred copy), so no m x d copy is made.
    const G = mat(d, d);
    const v = new Float64Array(d);
    for (let r = 0; r < m; r++) {
      const o = rows[r] * d;
      for (let j = 0; j < d; j++) v[j] = X[o + j] - (centre ? centre[j] : 0);
      addOuterUpper(G.data, v, d);
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) G.data[a * d + b] = G.data[b * d + a];
    return G;
  }
  const Xc = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    const o = rows[r] * d;
    for (let j = 0; j < d; j++) Xc[r * d + j] = X[o + j] - (centre ? centre[j] : 0);
  }
  return gramNT(Xc, m, d);
}

/** A^T A for a row-major float64 m x d array (d x d, symmetric). */
export function gramTN(A: Float64Array, m: number, d: number): Mat {
  const G = mat(d, d);
  for (let r = 0; r < m; r++) addOuterUpper(G.data, A.subarray(r * d, r * d + d), d);
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) G.data[a * d + b] = G.data[b * d + a];
  return G;
}

/** g[a][b] += v_a v_b for b >= a (the upper triangle of a d x d row-major matrix). */
function addOuterUpper(g: Float64Array, v: Float64Array, d: number): void {
  for (let a = 0; a < d; a++) {
    const va = v[a];
    if (va === 0) continue;
    const ga = a * d;
    for (let b = a; b < d; b++) g[ga + b] += va * v[b];
  }
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
