import type { Mat } from '../types';
import { mat } from './mat';

/**
 * Thin Householder QR of an m x n matrix (m >= n): A = Q R with Q m x n orthonormal columns and
 * R n x n upper triangular, signs fixed so diag(R) >= 0 (the unique factorisation when A has full rank).
 */
export function qr(a: Mat): { q: Mat; r: Mat } {
  const m = a.rows;
  const n = a.cols;
  if (m < n) throw new Error(`qr: needs rows >= cols, got ${m}x${n}`);
  // Column-major working copy.
  const R: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) col[i] = a.data[i * n + j];
    R.push(col);
  }
  const vs: Float64Array[] = [];
  for (let k = 0; k < n; k++) {
    const x = R[k];
    let norm2 = 0;
    for (let i = k; i < m; i++) norm2 += x[i] * x[i];
    const norm = Math.sqrt(norm2);
    const v = new Float64Array(m);
    if (norm === 0) {
      vs.push(v);
      continue;
    }
    const alpha = x[k] > 0 ? -norm : norm;
    for (let i = k; i < m; i++) v[i] = x[i];
    v[k] -= alpha;
    let vn2 = 0;
    for (let i = k; i < m; i++) vn2 += v[i] * v[i];
    const vn = Math.sqrt(vn2);
    if (vn === 0) {
      vs.push(new Float64Array(m));
      continue;
    }
    for (let i = k; i < m; i++) v[i] /= vn;
    vs.push(v);
    for (let j = k; j < n; j++) {
      const c = R[j];
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i] * c[i];
      dot *= 2;
      for (let i = k; i < m; i++) c[i] -= dot * v[i];
    }
  }
  // Q = H_0 ... H_{n-1} applied to the first n columns of the identity.
  const Q: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(m);
    c[j] = 1;
    for (let k = n - 1; k >= 0; k--) {
      const v = vs[k];
      let dot = 0;
      for (let i = k; i < m; i++) dot += v[i] * c[i];
      dot *= 2;
      for (let i = k; i < m; i++) c[i] -= dot * v[i];
    }
    Q.push(c);
  }
  const q = mat(m, n);
  const r = mat(n, n);
  for (let j = 0; j < n; j++) {
    const sign = R[j][j] < 0 ? -1 : 1;
    for (let i = 0; i < m; i++) q.data[i * n + j] = sign * Q[j][i];
    for (let c = j; c < n; c++) r.data[j * n + c] = sign * R[c][j];
  }
  return { q, r };
}
