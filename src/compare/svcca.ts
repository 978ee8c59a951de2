/**
 * SVCCA (Raghu et al. 2017) with k principal directions per side: the canonical correlations between
 * the top-k principal-component score spaces, i.e. the cosines of the principal angles between
 * span(Ac V_A[:, :k]) and span(Bc V_B[:, :k]) in R^n (= the singular values of U_A[:, :k]^T U_B[:, :k]).
 */
import type { Mat } from '../geometry/types';
import { mat, matmulTN, qr, svd } from '../geometry/linalg';
import type { ComparePair, Rows } from './pair';

export interface SvccaResult {
  /** k used: min(requested, rank A, rank B). */
  k: number;
  requestedK: number;
  /** Canonical correlations, descending, in [0, 1]. */
  correlations: number[];
  /** Their mean. */
  mean: number;
}

/** Principal-component scores (x_i - mean) . v_c for the first k axes (columns of `axes`), n x k float64. */
export function pcScores(X: Rows, rows: ArrayLike<number>, d: number, mean: Float64Array, axes: Mat, k: number): Mat {
  const m = rows.length;
  const out = mat(m, k);
  const c = new Float64Array(d);
  const D = axes.cols;
  for (let r = 0; r < m; r++) {
    const o = rows[r] * d;
    for (let t = 0; t < d; t++) c[t] = X[o + t] - mean[t];
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += c[t] * axes.data[t * D + j];
      out.data[r * k + j] = s;
    }
  }
  return out;
}

/**
 * SVCCA of a pair: the score matrices are re-orthonormalised by QR in float64, so at k = full rank
 * the spans are span(Ac) and span(Bc) exactly (all correlations 1 for any invertible linear map).
 */
export function svcca(p: ComparePair, k = 10): SvccaResult {
  const kk = Math.max(0, Math.min(Math.floor(k), p.rankA, p.rankB));
  if (kk === 0) return { k: 0, requestedK: k, correlations: [], mean: Number.NaN };
  const rows = Int32Array.from({ length: p.n }, (_, i) => i);
  const QA = qr(pcScores(p.A, rows, p.dA, p.meanA, p.eigA.vectors, kk)).q;
  const QB = qr(pcScores(p.B, rows, p.dB, p.meanB, p.eigB.vectors, kk)).q;
  const correlations = Array.from(svd(matmulTN(QA, QB)).s, (s) => Math.min(1, s));
  return { k: kk, requestedK: k, correlations, mean: correlations.reduce((a, b) => a + b, 0) / kk };
}
