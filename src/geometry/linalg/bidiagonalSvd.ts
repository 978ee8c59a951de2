import type { Mat } from '../types';
import { mat, matmul, transpose } from './mat';
import { qr } from './qr';
import { svd } from './svd';

const EPS = 2.220446049250313e-16;
/** Below this min(m, n) the one-sided Jacobi SVD is fast enough and stays the method. */
const JACOBI_MAX = 96;

/** Singular values and right singular vectors of A (m x n): s descending (p = min(m, n)), v n x p. */
export interface RightSvd {
  s: Float64Array;
  v: Mat;
}

/**
 * A = U diag(s) V^T without U, in float64. Small matrices (min(m, n) <= 96, or method 'jacobi'):
 * svd(). Larger: Householder bidiagonalization, then implicit-shift QR on the bidiagonal (Golub &
 * Van Loan 8.6), rotations applied to V only; a wide A is first reduced by A^T = Q R. Both are
 * backward stable: absolute error ~ eps s_1 in every singular value, condition never squared.
 */
export function svdRight(a: Mat, method: 'auto' | 'jacobi' | 'bidiagonal' = 'auto'): RightSvd {
  if (method === 'jacobi' || (method === 'auto' && Math.min(a.rows, a.cols) <= JACOBI_MAX)) {
    const { s, v } = svd(a);
    return { s, v };
  }
  if (a.rows >= a.cols) return bidiagonalSvd(a);
  const { q, r } = qr(transpose(a));
  const inner = bidiagonalSvd(transpose(r));
  return { s: inner.s, v: matmul(q, inner.v) };
}

/** m >= n. */
function bidiagonalSvd(a: Mat): RightSvd {
  const n = a.cols;
  const { d, e, vt } = bidiagonalize(a);
  let anorm = 0;
  for (let i = 0; i < n; i++) anorm = Math.max(anorm, Math.abs(d[i]) + Math.abs(e[i] ?? 0));
  for (let iter = 0; iter < 75 * n; iter++) {
    for (let i = 0; i < n - 1; i++) if (Math.abs(e[i]) <= EPS * (Math.abs(d[i]) + Math.abs(d[i + 1]))) e[i] = 0;
    let hi = n - 1;
    while (hi > 0 && e[hi - 1] === 0) hi--;
    if (hi === 0) break;
    let lo = hi - 1;
    while (lo > 0 && e[lo - 1] !== 0) lo--;
    const tiny = EPS * anorm;
    let zero = -1;
    for (let k = lo; k <= hi; k++) if (Math.abs(d[k]) <= tiny) zero = k;
    if (zero === hi) zeroLastColumn(d, e, vt, lo, hi);
    else if (zero >= 0) zeroRow(d, e, zero, hi);
    else shiftedStep(d, e, vt, lo, hi);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => Math.abs(d[j]) - Math.abs(d[i]));
  const s = Float64Array.from(order, (i) => Math.abs(d[i]));
  const v = mat(n, n);
  order.forEach((src, dst) => {
    for (let t = 0; t < n; t++) v.data[t * n + dst] = vt[src][t];
  });
  return { s, v };
}

/** A = U1 B V1^T, B upper bidiagonal (diagonal d, superdiagonal e); returns V1^T as rows. */
function bidiagonalize(a: Mat): { d: Float64Array; e: Float64Array; vt: Float64Array[] } {
  const { rows: m, cols: n } = a;
  const A = Float64Array.from(a.data);
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  const rights: Float64Array[] = [];
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const u = reflector(Float64Array.from({ length: m - k }, (_, i) => A[(k + i) * n + k]));
    reflectRows(A, n, k, u, k, w);
    d[k] = A[k * n + k];
    if (k >= n - 1) continue;
    const v = reflector(A.slice(k * n + k + 1, k * n + n));
    const len = n - k - 1;
    for (let i = k; i < m; i++) {
      const o = i * n + k + 1;
      let dot = 0;
      for (let j = 0; j < len; j++) dot += A[o + j] * v[j];
      dot *= 2;
      for (let j = 0; j < len; j++) A[o + j] -= dot * v[j];
    }
    e[k] = A[k * n + k + 1];
    rights.push(v);
  }
  // V1 = P_0 P_1 ... (P_k acts on coordinates k+1..n-1), accumulated backwards; V1^T's rows are V1's columns.
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let k = rights.length - 1; k >= 0; k--) reflectRows(V, n, k + 1, rights[k], k + 1, w);
  const vt = Array.from({ length: n }, (_, j) => Float64Array.from({ length: n }, (_, t) => V[t * n + j]));
  return { d, e, vt };
}

/** M <- (I - 2 u u^T) M on rows r0.. and columns c0.. of the row-major M (n columns); w is scratch. */
function reflectRows(M: Float64Array, n: number, r0: number, u: Float64Array, c0: number, w: Float64Array): void {
  w.fill(0, c0);
  for (let i = 0; i < u.length; i++) {
    const ui = u[i];
    if (ui === 0) continue;
    const o = (r0 + i) * n;
    for (let j = c0; j < n; j++) w[j] += ui * M[o + j];
  }
  for (let i = 0; i < u.length; i++) {
    const ui = 2 * u[i];
    if (ui === 0) continue;
    const o = (r0 + i) * n;
    for (let j = c0; j < n; j++) M[o + j] -= ui * w[j];
  }
}

/** Unit u with (I - 2 u u^T) x = -sign(x_0) ||x|| e_0 (u = 0 when x = 0). */
function reflector(x: Float64Array): Float64Array {
  let norm2 = 0;
  for (const t of x) norm2 += t * t;
  if (norm2 === 0) return x.fill(0);
  x[0] += (x[0] >= 0 ? 1 : -1) * Math.sqrt(norm2);
  let un = 0;
  for (const t of x) un += t * t;
  const inv = 1 / Math.sqrt(un);
  for (let i = 0; i < x.length; i++) x[i] *= inv;
  return x;
}

/** [c, s, r]: [y z] [[c, -s], [s, c]] = [r 0]. */
function givens(y: number, z: number): [number, number, number] {
  const r = Math.hypot(y, z);
  return r === 0 ? [1, 0, 0] : [y / r, z / r, r];
}

/** Columns p, q of V (rows of V^T): v_p <- c v_p + s v_q, v_q <- -s v_p + c v_q. */
function rotate(vt: Float64Array[], p: number, q: number, c: number, s: number): void {
  const a = vt[p];
  const b = vt[q];
  for (let t = 0; t < a.length; t++) {
    const x = a[t];
    const y = b[t];
    a[t] = c * x + s * y;
    b[t] = -s * x + c * y;
  }
}

/** One implicit Wilkinson-shift QR step on the block lo..hi (no zero on its diagonal or superdiagonal). */
function shiftedStep(d: Float64Array, e: Float64Array, vt: Float64Array[], lo: number, hi: number): void {
  const before = hi - 1 > lo ? e[hi - 2] : 0;
  const t11 = d[hi - 1] ** 2 + before ** 2;
  const t12 = d[hi - 1] * e[hi - 1];
  const t22 = d[hi] ** 2 + e[hi - 1] ** 2;
  const delta = (t11 - t22) / 2;
  const mu = t22 - (t12 * t12) / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, t12));
  let y = d[lo] * d[lo] - mu;
  let z = d[lo] * e[lo];
  for (let k = lo; k < hi; k++) {
    let [c, s, r] = givens(y, z);
    if (k > lo) e[k - 1] = r;
    const [dk, ek, dk1] = [d[k], e[k], d[k + 1]];
    d[k] = c * dk + s * ek;
    e[k] = -s * dk + c * ek;
    const bulge = s * dk1;
    d[k + 1] = c * dk1;
    rotate(vt, k, k + 1, c, s);
    [c, s, r] = givens(d[k], bulge);
    d[k] = r;
    const [ek2, dk12] = [e[k], d[k + 1]];
    e[k] = c * ek2 + s * dk12;
    d[k + 1] = -s * ek2 + c * dk12;
    if (k < hi - 1) {
      y = e[k];
      z = s * e[k + 1];
      e[k + 1] *= c;
    }
  }
}

/** d[k] = 0 (k < hi): left rotations chase row k's superdiagonal out to the right (U only, so V is untouched). */
function zeroRow(d: Float64Array, e: Float64Array, k: number, hi: number): void {
  d[k] = 0;
  let x = e[k];
  e[k] = 0;
  for (let j = k + 1; j <= hi; j++) {
    const [c, s, r] = givens(d[j], x);
    d[j] = r;
    if (j < hi) {
      x = -s * e[j];
      e[j] *= c;
    }
  }
}

/** d[hi] = 0: right rotations chase column hi's superdiagonal up to row lo. */
function zeroLastColumn(d: Float64Array, e: Float64Array, vt: Float64Array[], lo: number, hi: number): void {
  d[hi] = 0;
  let x = e[hi - 1];
  e[hi - 1] = 0;
  for (let k = hi - 1; k >= lo; k--) {
    const [c, s, r] = givens(d[k], x);
    d[k] = r;
    rotate(vt, k, hi, c, s);
    if (k > lo) {
      x = -s * e[k - 1];
      e[k - 1] *= c;
    }
  }
}
