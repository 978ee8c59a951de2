/**
 * NC1 = Tr(Sigma_W Sigma_B^+)/K from the thin SVD of the centred means (ARCHITECTURE.md): never
 * through G = Mc Mc^T or Sigma_B, whose conditioning is the square of Mc's.
 */
import type { ClassStats, Mat } from './types';
import { svdRight } from './linalg';
import { chunkRows, type Steps } from './steps';

const EPS = 2.220446049250313e-16;

/** NC1 and how well its directions are determined; NaN fields when no direction is kept. */
export interface Nc1Result {
  /** sum_{i<r} (v_i^T Sigma_W v_i) / s_i^2. */
  nc1: number;
  /** r, the kept right singular vectors of Mc. */
  rank: number;
  /** s_r / s_1 over the kept directions. */
  conditioning: number;
  /** The r-th (smallest) direction's term / nc1. */
  smallestShare: number;
  /** All min(K, D) singular values of Mc, descending. */
  singularValues: Float64Array;
}

/**
 * Mc = U S V^T (float64, svdRight: Jacobi or bidiagonal QR, never a Gram matrix); kept: the first min(K-1, D) singular directions less
 * any with s_i <= max(K, D) eps s_1 (numerically zero, numpy's matrix_rank rule). Since
 * Sigma_B^+ = K V_r S_r^-2 V_r^T, nc1 = sum_{i<r} (1/N) sum_n ((x_n - mu_{y_n}) . v_i)^2 / s_i^2:
 * one O(N D r) pass over the rows, sums of squares only.
 */
export function* nc1Steps(X: Float32Array, n: number, labels: Int32Array, stats: ClassStats): Steps<Nc1Result> {
  const d = stats.dim;
  const { s, r, Vr } = keptDirections(stats);
  if (r === 0) return noDirection(s);
  const mu = stats.means.data;
  const acc = new Float64Array(r);
  const res = new Float64Array(d);
  const chunk = chunkRows(d * r);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const mo = labels[i] * d;
    for (let t = 0; t < d; t++) res[t] = X[o + t] - mu[mo + t];
    for (let j = 0; j < r; j++) {
      let dot = 0;
      const vo = j * d;
      for (let t = 0; t < d; t++) dot += res[t] * Vr[vo + t];
      acc[j] += dot * dot;
    }
    if ((i + 1) % chunk === 0) yield (i + 1) / n;
  }
  for (let j = 0; j < r; j++) acc[j] /= n;
  return fromProjectedVariances(acc, s, r);
}

/** nc1Steps from the pooled within-class covariance Sigma_W (d x d) instead of the rows: v_i^T Sigma_W v_i directly. */
export function nc1FromScatter(stats: ClassStats, sigmaW: Mat): Nc1Result {
  const d = stats.dim;
  const { s, r, Vr } = keptDirections(stats);
  if (r === 0) return noDirection(s);
  const acc = new Float64Array(r);
  const w = new Float64Array(d);
  for (let j = 0; j < r; j++) {
    const vo = j * d;
    w.fill(0);
    for (let a = 0; a < d; a++) {
      const va = Vr[vo + a];
      if (va === 0) continue;
      for (let b = 0; b < d; b++) w[b] += va * sigmaW.data[a * d + b];
    }
    let q = 0;
    for (let b = 0; b < d; b++) q += w[b] * Vr[vo + b];
    acc[j] = q;
  }
  return fromProjectedVariances(acc, s, r);
}

/** The singular values of Mc, the kept count r and the kept right singular vectors as rows of Vr (r x d). */
function keptDirections(stats: ClassStats): { s: Float64Array; r: number; Vr: Float64Array } {
  const { classes: K, dim: d } = stats;
  const { s, v } = svdRight(stats.centredMeans);
  const tol = Math.max(K, d) * EPS * (s[0] ?? 0);
  let r = 0;
  while (r < Math.min(K - 1, d) && s[r] > tol) r++;
  const p = v.cols;
  const Vr = new Float64Array(r * d);
  for (let j = 0; j < r; j++) for (let t = 0; t < d; t++) Vr[j * d + t] = v.data[t * p + j];
  return { s, r, Vr };
}

function noDirection(s: Float64Array): Nc1Result {
  return { nc1: NaN, rank: 0, conditioning: NaN, smallestShare: NaN, singularValues: s };
}

/** nc1 = sum_j variance_j / s_j^2 from the within-class variances along the r kept directions. */
function fromProjectedVariances(variance: Float64Array, s: Float64Array, r: number): Nc1Result {
  let nc1 = 0;
  let last = 0;
  for (let j = 0; j < r; j++) {
    last = variance[j] / (s[j] * s[j]);
    nc1 += last;
  }
  return { nc1, rank: r, conditioning: s[r - 1] / s[0], smallestShare: nc1 > 0 ? last / nc1 : NaN, singularValues: s };
}
