/** Neural collapse metrics NC1-NC4 (Papyan, Han & Donoho 2020) with the conventions of ARCHITECTURE.md. */
import type { Classifier, ClassStats, CollapseMetrics, Mat } from './types';
import { classStatistics } from './classStats';
import { frobenius, mat, matmul, pinvSym, transpose } from './linalg';

/**
 * All collapse metrics of labelled rows X (n x d, labels in [0, K), every class non-empty, K >= 2);
 * nc3, nc4 and equinormClassifier need the classifier W (K x d) with optional bias b (0 when absent).
 * Only K x K matrices are formed: nc1 uses S = Mc Sigma_W Mc^T = (1/N) A^T A with
 * A = (X - M_y) Mc^T (N x K), so Tr(Sigma_W Sigma_B^+)/K = Tr(S (G^+)^2) with G = Mc Mc^T.
 */
export function collapseMetrics(
  X: Float32Array,
  n: number,
  d: number,
  labels: Int32Array,
  K: number,
  classifier?: Classifier,
): CollapseMetrics {
  if (K < 2) throw new RangeError(`collapse metrics need at least 2 classes (K = ${K})`);
  if (classifier) checkClassifier(classifier, K, d);
  const stats = classStatistics(X, n, d, labels, K);
  const Mc = stats.centredMeans;
  const G = matmul(Mc, transpose(Mc));
  const pass = samplePass(X, n, d, labels, stats, G, classifier);
  return collapseFromStatistics(stats, pass.S, G, classifier, classifier ? pass.disagreements : null);
}

/**
 * The collapse metrics from statistics alone: ClassStats, S = Mc Sigma_W Mc^T, G = Mc Mc^T, and for
 * nc4 the count of rows whose nearest class mean differs from argmax(W x + b) (null: not measured).
 */
export function collapseFromStatistics(stats: ClassStats, S: Mat, G: Mat, classifier: Classifier | undefined, disagreements: number | null): CollapseMetrics {
  const Mc = stats.centredMeans;
  const d = stats.dim;
  const n = stats.n;
  const W = classifier?.weights;
  return {
    nc1: nc1FromMeanSpace(S, G, d),
    nc1Quotient: stats.traceSigmaW / stats.traceSigmaB,
    cdnv: cdnv(stats),
    equinorm: coefficientOfVariation(rowNorms(Mc)),
    equinormClassifier: W ? coefficientOfVariation(rowNorms(W)) : null,
    equiangularity: equiangularity(G),
    etfDistance: etfDistance(G),
    nc3: W ? nc3(W, Mc) : null,
    nc4: classifier && disagreements !== null ? disagreements / n : null,
  };
}

/** Throws a RangeError unless W is K x d and b (if any) has K entries. */
export function checkClassifier(classifier: Classifier, K: number, d: number): void {
  const { weights: W, bias } = classifier;
  if (W.rows !== K || W.cols !== d) {
    throw new RangeError(`classifier weights are ${W.rows} x ${W.cols}, expected ${K} x ${d} (classes x dim)`);
  }
  if (bias && bias.length !== K) throw new RangeError(`classifier bias has ${bias.length} entries, expected ${K}`);
}

/**
 * One pass over the samples: S = (1/N) A^T A with A_ik = (x_i - mu_{y_i}) . mc_k, and, with a
 * classifier, the count of samples whose nearest class mean differs from argmax(W x + b).
 * ||x - mu_k||^2 - ||x - mu_G||^2 = G_kk - 2 (A_ik + G_{y_i k}) ranks the class means.
 */
function samplePass(
  X: Float32Array,
  n: number,
  d: number,
  labels: Int32Array,
  stats: ClassStats,
  G: Mat,
  classifier?: Classifier,
): { S: Mat; disagreements: number } {
  const K = stats.classes;
  const mc = stats.centredMeans.data;
  const mu = stats.means.data;
  const S = mat(K, K);
  const r = new Float64Array(d);
  const a = new Float64Array(K);
  let disagreements = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    for (let t = 0; t < d; t++) r[t] = X[i * d + t] - mu[y * d + t];
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += r[t] * mc[k * d + t];
      a[k] = s;
    }
    for (let p = 0; p < K; p++) {
      const ap = a[p];
      for (let q = p; q < K; q++) S.data[p * K + q] += ap * a[q];
    }
    if (classifier) {
      let nearest = 0;
      let best = Infinity;
      for (let k = 0; k < K; k++) {
        const score = G.data[k * K + k] - 2 * (a[k] + G.data[y * K + k]);
        if (score < best) {
          best = score;
          nearest = k;
        }
      }
      if (nearest !== argmaxLogit(X, i, d, classifier)) disagreements++;
    }
  }
  for (let p = 0; p < K; p++) {
    for (let q = p; q < K; q++) {
      S.data[p * K + q] /= n;
      S.data[q * K + p] = S.data[p * K + q];
    }
  }
  return { S, disagreements };
}

/** argmax_k (w_k . x_i + b_k), first index on ties. */
function argmaxLogit(X: Float32Array, i: number, d: number, { weights: W, bias }: Classifier): number {
  let arg = 0;
  let best = -Infinity;
  for (let k = 0; k < W.rows; k++) {
    let s = bias ? bias[k] : 0;
    for (let t = 0; t < d; t++) s += W.data[k * d + t] * X[i * d + t];
    if (s > best) {
      best = s;
      arg = k;
    }
  }
  return arg;
}

/**
 * nc1 = Tr(S (G^+)^2), G^+ truncated to rank K-1. For d >= K-1 through the K-space identity
 * G^+ = (G + c 11^T/K)^-1 - 11^T/(cK) (c = Tr G/(K-1) keeps the sum well conditioned; G 1 = 0);
 * for d < K-1 an eigen pseudo-inverse of rank min(K-1, d). NaN when all class means coincide.
 */
export function nc1FromMeanSpace(S: Mat, G: Mat, d: number): number {
  const K = G.rows;
  let trace = 0;
  for (let k = 0; k < K; k++) trace += G.data[k * K + k];
  if (!(trace > 0)) return NaN;
  let Gp: Mat;
  if (d >= K - 1) {
    const c = trace / (K - 1);
    const shifted = mat(K, K, G.data);
    for (let t = 0; t < K * K; t++) shifted.data[t] += c / K;
    Gp = pinvSym(shifted, K);
    for (let t = 0; t < K * K; t++) Gp.data[t] -= 1 / (c * K);
  } else {
    Gp = pinvSym(G, Math.min(K - 1, d));
  }
  const Gp2 = matmul(Gp, Gp);
  let nc1 = 0;
  for (let t = 0; t < K * K; t++) nc1 += S.data[t] * Gp2.data[t];
  return nc1;
}

/** cdnv = mean over pairs i < j of (V_i + V_j) / (2 ||mu_i - mu_j||^2). */
export function cdnv(stats: ClassStats): number {
  const { classes: K, dim: d, classVariance: V } = stats;
  const m = stats.means.data;
  let sum = 0;
  for (let i = 0; i < K; i++) {
    for (let j = i + 1; j < K; j++) {
      let dist2 = 0;
      for (let t = 0; t < d; t++) dist2 += (m[i * d + t] - m[j * d + t]) ** 2;
      sum += (V[i] + V[j]) / (2 * dist2);
    }
  }
  return sum / ((K * (K - 1)) / 2);
}

/** Euclidean norm of each row. */
export function rowNorms(A: Mat): Float64Array {
  const out = new Float64Array(A.rows);
  for (let i = 0; i < A.rows; i++) {
    let s = 0;
    for (let j = 0; j < A.cols; j++) s += A.data[i * A.cols + j] ** 2;
    out[i] = Math.sqrt(s);
  }
  return out;
}

/** Population std / mean. */
export function coefficientOfVariation(v: Float64Array): number {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
  return Math.sqrt(variance) / mean;
}

/** Mean over k != l of |cos(mc_k, mc_l) + 1/(K-1)|, cosines from the Gram G = Mc Mc^T. */
export function equiangularity(G: Mat): number {
  const K = G.rows;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    for (let l = 0; l < K; l++) {
      if (k === l) continue;
      const cos = G.data[k * K + l] / Math.sqrt(G.data[k * K + k] * G.data[l * K + l]);
      sum += Math.abs(cos + 1 / (K - 1));
    }
  }
  return sum / (K * (K - 1));
}

/** || G/||G||_F - (I - 11^T/K)/sqrt(K-1) ||_F, the distance of the normalised Gram to a simplex ETF's. */
export function etfDistance(G: Mat): number {
  const K = G.rows;
  const g = frobenius(G);
  let s = 0;
  for (let k = 0; k < K; k++) {
    for (let l = 0; l < K; l++) {
      const target = ((k === l ? 1 : 0) - 1 / K) / Math.sqrt(K - 1);
      s += (G.data[k * K + l] / g - target) ** 2;
    }
  }
  return Math.sqrt(s);
}

/** nc3 = || W/||W||_F - Mc/||Mc||_F ||_F^2 (W and Mc both K x d). */
export function nc3(W: Mat, Mc: Mat): number {
  const w = frobenius(W);
  const m = frobenius(Mc);
  let s = 0;
  for (let t = 0; t < W.data.length; t++) s += (W.data[t] / w - Mc.data[t] / m) ** 2;
  return s;
}
