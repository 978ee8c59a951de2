import type { Mat } from '../types';
import { mat, matmul, transpose } from './mat';
import { symEig } from './eig';
import { svd } from './svd';

/**
 * Pseudo-inverse of a symmetric matrix from its eigendecomposition, keeping at most maxRank
 * eigenvalues (largest |lambda| first) and only those with |lambda| > rtol * max |lambda|.
 */
export function pinvSym(a: Mat, maxRank = a.rows, rtol = 1e-10): Mat {
  const n = a.rows;
  const { values, vectors } = symEig(a);
  const order = Array.from(values.keys()).sort((i, j) => Math.abs(values[j]) - Math.abs(values[i]));
  const top = Math.abs(values[order[0]] ?? 0);
  const out = mat(n, n);
  for (let t = 0; t < Math.min(maxRank, n); t++) {
    const idx = order[t];
    const lambda = values[idx];
    if (!(Math.abs(lambda) > rtol * top) || lambda === 0) break;
    const inv = 1 / lambda;
    for (let i = 0; i < n; i++) {
      const vi = vectors.data[i * n + idx] * inv;
      if (vi === 0) continue;
      for (let j = 0; j < n; j++) out.data[i * n + j] += vi * vectors.data[j * n + idx];
    }
  }
  return out;
}

/** Moore-Penrose pseudo-inverse via the SVD, truncated like pinvSym. */
export function pinv(a: Mat, maxRank = Math.min(a.rows, a.cols), rtol = 1e-10): Mat {
  const { u, s, v } = svd(a);
  const p = s.length;
  const keep = Math.min(maxRank, p);
  const vs = mat(v.rows, p);
  for (let j = 0; j < keep; j++) {
    if (!(s[j] > rtol * s[0])) break;
    for (let i = 0; i < v.rows; i++) vs.data[i * p + j] = v.data[i * p + j] / s[j];
  }
  return matmul(vs, transpose(u));
}

/** log det A for a symmetric positive-definite A, by Cholesky (throws when A is not SPD). */
export function logdetSpd(a: Mat): number {
  const n = a.rows;
  const L = new Float64Array(n * n);
  let logdet = 0;
  for (let j = 0; j < n; j++) {
    let s = a.data[j * n + j];
    for (let k = 0; k < j; k++) s -= L[j * n + k] * L[j * n + k];
    if (!(s > 0)) throw new Error('logdetSpd: matrix is not positive definite');
    const ljj = Math.sqrt(s);
    L[j * n + j] = ljj;
    logdet += 2 * Math.log(ljj);
    for (let i = j + 1; i < n; i++) {
      let t = a.data[i * n + j];
      for (let k = 0; k < j; k++) t -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = t / ljj;
    }
  }
  return logdet;
}

/** The orthogonal R = U V^T nearest to M (M = U S V^T): argmin ||A R - B||_F over R^T R = I when M = A^T B. */
export function procrustesRotation(m: Mat): Mat {
  const { u, v } = svd(m);
  return matmul(u, transpose(v));
}
