import type { Mat } from '../types';
import { mat, transpose } from './mat';

export interface Svd {
  /** m x p, orthonormal columns. */
  u: Mat;
  /** p singular values, descending. */
  s: Float64Array;
  /** n x p, orthonormal columns. */
  v: Mat;
}

/**
 * Thin SVD A = U diag(s) V^T, p = min(m, n), by one-sided Jacobi (Hestenes) rotations on the
 * columns: slow for large matrices but accurate to high relative precision, small singular values
 * included (which principal angles near zero need).
 */
export function svd(a: Mat): Svd {
  if (a.rows < a.cols) {
    const t = svd(transpose(a));
    return { u: t.v, s: t.s, v: t.u };
  }
  const m = a.rows;
  const n = a.cols;
  // Work column-major: W[j] is column j of A (becomes U sigma), V[j] is column j of V.
  const W: Float64Array[] = [];
  const V: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const col = new Float64Array(m);
    for (let i = 0; i < m; i++) col[i] = a.data[i * n + j];
    W.push(col);
    const vj = new Float64Array(n);
    vj[j] = 1;
    V.push(vj);
  }
  const eps = 2.220446049250313e-16;
  for (let sweep = 0; sweep < 80; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const wp = W[p];
        const wq = W[q];
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          alpha += wp[i] * wp[i];
          beta += wq[i] * wq[i];
          gamma += wp[i] * wq[i];
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = wp[i];
          const y = wq[i];
          wp[i] = c * x - s * y;
          wq[i] = s * x + c * y;
        }
        const vp = V[p];
        const vq = V[q];
        for (let i = 0; i < n; i++) {
          const x = vp[i];
          const y = vq[i];
          vp[i] = c * x - s * y;
          vq[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = W.map(norm2);
  const order = Array.from({ length: n }, (_, j) => j).sort((i, j) => norms[j] - norms[i]);
  const u = mat(m, n);
  const v = mat(n, n);
  const s = new Float64Array(n);
  order.forEach((src, dst) => {
    const sigma = norms[src];
    s[dst] = sigma;
    for (let i = 0; i < m; i++) u.data[i * n + dst] = sigma > 0 ? W[src][i] / sigma : 0;
    for (let i = 0; i < n; i++) v.data[i * n + dst] = V[src][i];
  });
  completeBasis(u, s);
  return { u, s, v };
}

/**
 * Columns of U whose singular value is numerically zero (<= max(m, n) eps s_0) carry no direction
 * of A: they are replaced by unit vectors orthogonal to every other column, so U stays orthonormal.
 * The singular values themselves are left as computed.
 */
function completeBasis(u: Mat, s: Float64Array): void {
  const m = u.rows;
  const p = u.cols;
  const tiny = Math.max(m, p) * 2.220446049250313e-16 * (s[0] ?? 0);
  const zero = Array.from(s, (x) => !(x > tiny));
  for (let j = 0; j < p; j++) {
    if (!zero[j]) continue;
    for (let trial = 0; trial < m; trial++) {
      const c = new Float64Array(m);
      c[(j + trial) % m] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let k = 0; k < p; k++) {
          if (k === j || (zero[k] && k > j)) continue;
          let dot = 0;
          for (let i = 0; i < m; i++) dot += c[i] * u.data[i * p + k];
          for (let i = 0; i < m; i++) c[i] -= dot * u.data[i * p + k];
        }
      }
      const norm = norm2(c);
      if (norm > 1e-8) {
        for (let i = 0; i < m; i++) u.data[i * p + j] = c[i] / norm;
        break;
      }
    }
  }
}

/** Euclidean norm of a vector, scaled against overflow. */
function norm2(x: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0) return 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] / scale) ** 2;
  return scale * Math.sqrt(s);
}
