/**
 * Orthogonal Procrustes in scipy.spatial.procrustes's convention: centre A and B, scale each to unit
 * Frobenius norm, zero-pad the narrower to d = max(dA, dB); R = U V^T from the SVD of A^T B,
 * s = sum of singular values = Tr(R^T A^T B), disparity = ||A - s B R^T||_F^2 = 1 - s^2.
 */
import type { Mat } from '../geometry/types';
import { mat, qr, symEig, transpose } from '../geometry/linalg';
import type { CrossStats, Rows } from './pair';
import { dotRows, matmulFast, matmulTNFast } from './kernel';

export interface ProcrustesFit {
  /** The common (padded) dimension max(dA, dB). */
  dim: number;
  /** 1 - s^2, in [0, 1]; 0 when B is a rotated, scaled, shifted copy of A. */
  disparity: number;
  /** s = Tr(R^T As^T Bs), the sum of the singular values of As^T Bs (As, Bs standardised). */
  scale: number;
  /** ||Ac||_F and ||Bc||_F, the standardising norms. */
  normA: number;
  normB: number;
  /** dim x dim orthogonal R minimising ||As R - Bs||_F (so As ~ s Bs R^T). */
  rotation: Mat;
}

/**
 * The orthogonal polar factor R = U V^T of a square M (M = U S V^T): V from symEig(M^T M),
 * U = the orthonormal Q of M V (Householder QR, which also completes U where M is rank deficient).
 * Exact for the disparity (Tr(R^T M) is second-order in V's error) and O(d^3) without Jacobi sweeps.
 */
export function polarFactor(M: Mat): Mat {
  const V = symEig(matmulTNFast(M, M)).vectors;
  const U = qr(matmulFast(M, V)).q;
  return matmulFast(U, transpose(V));
}

/** Procrustes fit from the cross Gram and row norms. */
export function procrustesFit(p: CrossStats): ProcrustesFit {
  const d = Math.max(p.dA, p.dB);
  const normA = Math.sqrt(p.rowSqA.reduce((s, v) => s + v, 0));
  const normB = Math.sqrt(p.rowSqB.reduce((s, v) => s + v, 0));
  if (!(normA > 0 && normB > 0)) throw new RangeError('procrustesFit: a side has all rows equal (zero variance)');
  const M = mat(d, d);
  for (let i = 0; i < p.dA; i++) for (let j = 0; j < p.dB; j++) M.data[i * d + j] = p.cross.data[i * p.dB + j] / (normA * normB);
  const rotation = polarFactor(M);
  let scale = 0;
  for (let t = 0; t < d * d; t++) scale += rotation.data[t] * M.data[t];
  return { dim: d, disparity: Math.min(1, Math.max(0, 1 - scale * scale)), scale, normA, normB, rotation };
}

/** (X - mean) / norm zero-padded to `dim` columns, then times `R` (dim x dim) and `factor` when given: row-major float64. */
export function standardise(X: Rows, n: number, d: number, mean: Float64Array, norm: number, dim: number, R?: Mat, factor = 1): Float64Array {
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) out[i * dim + t] = (X[i * d + t] - mean[t]) / norm;
  if (!R) return out;
  const rotated = dotRows(out, transpose(R).data, dim, n, dim).data;
  if (factor !== 1) for (let t = 0; t < rotated.length; t++) rotated[t] *= factor;
  return rotated;
}

/** As (standardised, padded A) and s Bs R^T (B aligned onto As), n x dim float64 each. */
export function alignedPair(p: CrossStats, fit: ProcrustesFit): { standardA: Float64Array; alignedB: Float64Array } {
  return {
    standardA: standardise(p.A, p.n, p.dA, p.meanA, fit.normA, fit.dim),
    alignedB: standardise(p.B, p.n, p.dB, p.meanB, fit.normB, fit.dim, transpose(fit.rotation), fit.scale),
  };
}

/** Per item ||As_i - s Bs_i R^T||, the display displacement; sum of squares = disparity. */
export function displacement(standardA: Rows, alignedB: Rows, n: number, dim: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = i * dim; t < i * dim + dim; t++) s += (standardA[t] - alignedB[t]) ** 2;
    out[i] = Math.sqrt(s);
  }
  return out;
}
