import type { Mat } from '../types';
import { mat } from './mat';

export interface SymEig {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** n x n; column i is the unit eigenvector of values[i]. */
  vectors: Mat;
}

/**
 * Eigendecomposition of a symmetric matrix A = V diag(values) V^T: Householder reduction to
 * tridiagonal form, then implicit symmetric QR steps with Wilkinson shifts (Golub & Van Loan 8.3).
 * Only the lower triangle's symmetric counterpart is assumed equal; the input is not modified.
 */
export function symEig(a: Mat): SymEig {
  const n = a.rows;
  if (a.cols !== n) throw new Error(`symEig: matrix is ${a.rows}x${a.cols}, not square`);
  if (n === 0) return { values: new Float64Array(0), vectors: mat(0, 0) };
  const A = Float64Array.from(a.data);
  // Qt holds Q^T (rows are eigenvectors); row operations stay contiguous.
  const Qt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Qt[i * n + i] = 1;
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  tridiagonalize(A, Qt, n, d, e);
  tridiagonalQr(d, e, Qt, n);

  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => d[j] - d[i]);
  const values = new Float64Array(n);
  const vectors = mat(n, n);
  order.forEach((src, dst) => {
    values[dst] = d[src];
    for (let r = 0; r < n; r++) vectors.data[r * n + dst] = Qt[src * n + r];
  });
  return { values, vectors };
}

/** A <- H A H for Householder reflectors column by column; Qt <- H Qt; writes diagonal d and off-diagonal e. */
function tridiagonalize(A: Float64Array, Qt: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  for (let k = 0; k < n - 2; k++) {
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += A[i * n + k] * A[i * n + k];
    const x0 = A[(k + 1) * n + k];
    const norm = Math.sqrt(norm2);
    let tail2 = norm2 - x0 * x0;
    if (norm === 0 || tail2 <= 1e-300 * norm2) continue;
    const alpha = x0 > 0 ? -norm : norm;
    for (let i = k + 1; i < n; i++) v[i] = A[i * n + k];
    v[k + 1] -= alpha;
    tail2 = 0;
    for (let i = k + 1; i < n; i++) tail2 += v[i] * v[i];
    const vn = Math.sqrt(tail2);
    for (let i = k + 1; i < n; i++) v[i] /= vn;
    // p = S v, K = v.p, w = p - K v; S <- S - 2 (v w^T + w v^T) on the trailing block.
    let K = 0;
    for (let i = k + 1; i < n; i++) {
      let s = 0;
      const row = i * n;
      for (let j = k + 1; j < n; j++) s += A[row + j] * v[j];
      p[i] = s;
      K += v[i] * s;
    }
    for (let i = k + 1; i < n; i++) p[i] -= K * v[i];
    for (let i = k + 1; i < n; i++) {
      const row = i * n;
      const vi = 2 * v[i];
      const wi = 2 * p[i];
      for (let j = k + 1; j < n; j++) A[row + j] -= vi * p[j] + wi * v[j];
    }
    A[(k + 1) * n + k] = alpha;
    A[k * n + k + 1] = alpha;
    for (let i = k + 2; i < n; i++) {
      A[i * n + k] = 0;
      A[k * n + i] = 0;
    }
    // Qt <- H Qt on rows k+1..n-1.
    for (let j = 0; j < n; j++) p[j] = 0;
    for (let i = k + 1; i < n; i++) {
      const vi = v[i];
      const row = i * n;
      for (let j = 0; j < n; j++) p[j] += vi * Qt[row + j];
    }
    for (let i = k + 1; i < n; i++) {
      const vi = 2 * v[i];
      const row = i * n;
      for (let j = 0; j < n; j++) Qt[row + j] -= vi * p[j];
    }
  }
  for (let i = 0; i < n; i++) d[i] = A[i * n + i];
  for (let i = 0; i < n - 1; i++) e[i] = A[i * n + i + 1];
}

/**
 * Implicit symmetric QR with Wilkinson shifts on (d, e), in place (d ends as the eigenvalues,
 * unordered); rotations are applied to the rows of Qt unless it is null (eigenvalues only, O(n^2)).
 */
export function tridiagonalQr(d: Float64Array, e: Float64Array, Qt: Float64Array | null, n: number): void {
  const eps = 2.220446049250313e-16;
  let m = n - 1;
  let iterations = 0;
  const maxIterations = 60 * n + 100;
  while (m > 0) {
    if (Math.abs(e[m - 1]) <= eps * (Math.abs(d[m - 1]) + Math.abs(d[m])) || Math.abs(e[m - 1]) < 1e-300) {
      e[m - 1] = 0;
      m--;
      continue;
    }
    if (++iterations > maxIterations) throw new Error('symEig: QR iteration did not converge');
    let l = m - 1;
    while (l > 0 && Math.abs(e[l - 1]) > eps * (Math.abs(d[l - 1]) + Math.abs(d[l]))) l--;
    // Wilkinson shift from the trailing 2x2 block.
    const delta = (d[m - 1] - d[m]) / 2;
    const b = e[m - 1];
    const sign = delta >= 0 ? 1 : -1;
    const mu = d[m] - (b * b) / (delta + sign * Math.hypot(delta, b));
    let x = d[l] - mu;
    let z = e[l];
    for (let k = l; k < m; k++) {
      const r = Math.hypot(x, z);
      const c = r === 0 ? 1 : x / r;
      const s = r === 0 ? 0 : z / r;
      if (k > l) e[k - 1] = r;
      const a0 = d[k];
      const b0 = e[k];
      const c0 = d[k + 1];
      d[k] = c * c * a0 + 2 * c * s * b0 + s * s * c0;
      d[k + 1] = s * s * a0 - 2 * c * s * b0 + c * c * c0;
      e[k] = c * s * (c0 - a0) + (c * c - s * s) * b0;
      if (k < m - 1) {
        z = s * e[k + 1];
        e[k + 1] = c * e[k + 1];
        x = e[k];
      }
      if (!Qt) continue;
      const rk = k * n;
      const rk1 = (k + 1) * n;
      for (let j = 0; j < n; j++) {
        const qk = Qt[rk + j];
        const qk1 = Qt[rk1 + j];
        Qt[rk + j] = c * qk + s * qk1;
        Qt[rk1 + j] = -s * qk + c * qk1;
      }
    }
  }
}
