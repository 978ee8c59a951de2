/**
 * The lower-bound coordinates of the PCA-tree kNN (knnTree.ts): an orthonormal basis B (p x d) of
 * the leading principal subspace of the centred rows, estimated by subspace iteration on a seeded
 * sample of them, and for each row z_i = (B c_i, ||c_i - B^T B c_i||) in R^(p+1). For orthonormal B,
 * ||c_i - c_j||^2 = ||B(c_i - c_j)||^2 + ||R(c_i - c_j)||^2 with R = I - B^T B, and
 * ||R(c_i - c_j)|| >= | ||R c_i|| - ||R c_j|| |, so ||z_i - z_j||^2 <= ||x_i - x_j||^2 for every pair
 * (any orthonormal B; the leading subspace only makes the bound tight).
 */
import type { KnnRows } from './knnRows';
import { createRng } from './random';
import { sampleRows } from './sample';

/** Rows the basis is estimated from at most, and the subspace iterations run on them. */
const BASIS_SAMPLE = 512;
const BASIS_ITERATIONS = 3;
/** Extra columns of the iteration beyond the p kept (randomized range finding's oversampling). */
const OVERSAMPLE = 4;

export interface ProjectedRows {
  /** Coordinates per row: p + 1 values, the last the residual norm. */
  z: Float64Array;
  /** p + 1. */
  dims: number;
  /** max ||c_i||^2: the scale of the rounding slack of the bound. */
  normSqMax: number;
}

/** Centred float64 row i of rows (scaled for cosine) into out. */
export function centredRow(rows: KnnRows, i: number, out: Float64Array): void {
  const { X, d, mean, scale } = rows;
  const s = scale[i];
  for (let t = 0; t < d; t++) out[t] = X[i * d + t] * s - mean[t];
}

/**
 * p orthonormal rows (p x d, float64) spanning an estimate of the leading principal subspace:
 * `iterations` rounds of Q <- orth(A^T A Q) on a seeded sample A of at most BASIS_SAMPLE centred
 * rows, p + OVERSAMPLE columns, the first p kept. Modified Gram-Schmidt, twice, so B B^T = I to
 * round-off; a column that vanishes is replaced by a fresh random one.
 */
export function leadingBasis(rows: KnnRows, p: number, seed = 1, iterations = BASIS_ITERATIONS): Float64Array {
  const { n, d } = rows;
  const m = Math.min(n, BASIS_SAMPLE);
  const picks = m === n ? Int32Array.from({ length: n }, (_, i) => i) : sampleRows(n, m, seed);
  const A = new Float64Array(m * d);
  const row = new Float64Array(d);
  picks.forEach((i, r) => {
    centredRow(rows, i, row);
    A.set(row, r * d);
  });
  const q = Math.min(d, p + OVERSAMPLE);
  const rng = createRng(seed);
  const Q = new Float64Array(q * d);
  for (let t = 0; t < Q.length; t++) Q[t] = rng.normal();
  orthonormalRows(Q, q, d, rng);
  const Y = new Float64Array(m * q);
  for (let it = 0; it < iterations; it++) {
    // Y = A Q^T (m x q), then Q = Y^T A (q x d), orthonormalised.
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < q; c++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += A[r * d + t] * Q[c * d + t];
        Y[r * q + c] = s;
      }
    }
    Q.fill(0);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < q; c++) {
        const y = Y[r * q + c];
        for (let t = 0; t < d; t++) Q[c * d + t] += y * A[r * d + t];
      }
    }
    orthonormalRows(Q, q, d, rng);
  }
  return Q.slice(0, Math.min(p, q) * d);
}

/** Modified Gram-Schmidt (two passes) on the q rows of Q (q x d) in place. */
function orthonormalRows(Q: Float64Array, q: number, d: number, rng: ReturnType<typeof createRng>): void {
  for (let c = 0; c < q; c++) {
    const v = Q.subarray(c * d, c * d + d);
    for (let attempt = 0; ; attempt++) {
      const before = norm(v);
      for (let pass = 0; pass < 2; pass++) {
        for (let b = 0; b < c; b++) {
          const u = Q.subarray(b * d, b * d + d);
          let dot = 0;
          for (let t = 0; t < d; t++) dot += u[t] * v[t];
          for (let t = 0; t < d; t++) v[t] -= dot * u[t];
        }
      }
      const after = norm(v);
      if (after > 1e-8 * before && after > 0) {
        for (let t = 0; t < d; t++) v[t] /= after;
        break;
      }
      if (attempt > 8) throw new Error('leadingBasis: no independent direction found');
      for (let t = 0; t < d; t++) v[t] = rng.normal();
    }
  }
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let t = 0; t < v.length; t++) s += v[t] * v[t];
  return Math.sqrt(s);
}

/** z_i = (B c_i, ||c_i - B^T (B c_i)||) for every row, B from leadingBasis (p x d). */
export function project(rows: KnnRows, B: Float64Array, p: number): ProjectedRows {
  const { n, d } = rows;
  const dims = p + 1;
  const z = new Float64Array(n * dims);
  const c = new Float64Array(d);
  let normSqMax = 0;
  for (let i = 0; i < n; i++) {
    centredRow(rows, i, c);
    let ns = 0;
    for (let t = 0; t < d; t++) ns += c[t] * c[t];
    normSqMax = Math.max(normSqMax, ns);
    for (let k = 0; k < p; k++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += B[k * d + t] * c[t];
      z[i * dims + k] = s;
      for (let t = 0; t < d; t++) c[t] -= s * B[k * d + t];
    }
    let r = 0;
    for (let t = 0; t < d; t++) r += c[t] * c[t];
    z[i * dims + p] = Math.sqrt(r);
  }
  return { z, dims, normSqMax };
}
