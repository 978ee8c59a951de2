/** Neural collapse metrics NC1-NC4 (Papyan, Han & Donoho 2020) with the conventions of ARCHITECTURE.md. */
import type { Classifier, ClassStats, CollapseMetricKey, CollapseMetrics, CollapseResult, Mat } from './types';
import { classStatistics } from './classStats';
import { frobenius } from './linalg';
import { nc1FromScatter, nc1Steps, type Nc1Result } from './nc1';
import { pairSteps, type PairMetrics, type PairOptions } from './classPairs';
import { collapseReasons } from './collapseReasons';
import { chunkRows, runSteps, runStepsAsync, within, type Steps } from './steps';

/** Options of collapseAnalysis (pair work limit and sample size: see classPairs.ts). */
export interface CollapseOptions extends PairOptions {
  classifier?: Classifier;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/**
 * All collapse metrics of labelled rows X (n x d, labels in [0, K), every class non-empty, K >= 2);
 * nc3, nc4 and equinormClassifier need the classifier W (K x d) with optional bias b (0 when absent).
 * Values that are undefined or trivially perfect for the data are NaN (collapseAnalysis says why).
 * Memory O(K d): nothing K x K is formed. Synchronous; collapseAnalysis is the cancellable form.
 */
export function collapseMetrics(X: Float32Array, n: number, d: number, labels: Int32Array, K: number, classifier?: Classifier): CollapseMetrics {
  return runSteps(collapseSteps(X, n, d, labels, K, { classifier })).metrics;
}

/** collapseMetrics with NC1's conditioning, the reasons for missing values and the pair sample; rejects with an AbortError on signal. */
export function collapseAnalysis(X: Float32Array, n: number, d: number, labels: Int32Array, K: number, opts: CollapseOptions = {}): Promise<CollapseResult> {
  return runStepsAsync(collapseSteps(X, n, d, labels, K, opts), opts.signal, opts.onProgress);
}

function* collapseSteps(X: Float32Array, n: number, d: number, labels: Int32Array, K: number, opts: CollapseOptions): Steps<CollapseResult> {
  if (K < 2) throw new RangeError(`collapse metrics need at least 2 classes (K = ${K})`);
  const { classifier } = opts;
  if (classifier) checkClassifier(classifier, K, d);
  const stats = classStatistics(X, n, d, labels, K);
  yield 0;
  const cost = { nc1: n * d * Math.min(K - 1, d), pairs: 3 * d * Math.min((K * (K - 1)) / 2, 1e6), nc4: classifier ? 2 * n * K * d : 0 };
  const split = [cost.nc1, cost.nc1 + cost.pairs].map((c) => c / (cost.nc1 + cost.pairs + cost.nc4));
  const nc1 = yield* within(nc1Steps(X, n, labels, stats), 0, split[0]);
  const pairs = yield* within(pairSteps(stats, nc1.singularValues, opts), split[0], split[1]);
  const disagreements = classifier ? yield* within(nc4Steps(X, n, stats, classifier), split[1], 1) : null;
  return assembleCollapse(stats, nc1, pairs, classifier, disagreements);
}

/**
 * The collapse metrics from statistics alone (the streaming CLI's path): ClassStats, the pooled
 * within-class covariance Sigma_W (d x d) and, for nc4, the count of rows whose nearest class mean
 * differs from argmax(W x + b) (null: not measured). Same conventions as collapseAnalysis.
 */
export function collapseFromStatistics(stats: ClassStats, sigmaW: Mat, classifier: Classifier | undefined, disagreements: number | null, opts: PairOptions = {}): CollapseResult {
  if (stats.classes < 2) throw new RangeError(`collapse metrics need at least 2 classes (K = ${stats.classes})`);
  if (classifier) checkClassifier(classifier, stats.classes, stats.dim);
  const nc1 = nc1FromScatter(stats, sigmaW);
  const pairs = runSteps(pairSteps(stats, nc1.singularValues, opts));
  return assembleCollapse(stats, nc1, pairs, classifier, disagreements);
}

function assembleCollapse(stats: ClassStats, nc1: Nc1Result, pairs: PairMetrics, classifier: Classifier | undefined, disagreements: number | null): CollapseResult {
  const { classes: K, dim: d, n } = stats;
  const Mc = stats.centredMeans;
  const W = classifier?.weights;
  const metrics: CollapseMetrics = {
    nc1: nc1.nc1,
    nc1Quotient: stats.traceSigmaW / stats.traceSigmaB,
    cdnv: pairs.cdnv,
    equinorm: coefficientOfVariation(rowNorms(Mc)),
    equinormClassifier: W ? coefficientOfVariation(rowNorms(W)) : null,
    equiangularity: pairs.equiangularity,
    etfDistance: pairs.etfDistance,
    nc3: W ? nc3(W, Mc) : null,
    nc4: classifier && disagreements !== null ? disagreements / n : null,
  };
  const reasons = collapseReasons({
    K,
    d,
    traceSigmaW: stats.traceSigmaW,
    largestSingularValue: nc1.singularValues[0] ?? 0,
    onePerClass: stats.counts.every((c) => c === 1),
    coincident: pairs.coincident,
    zeroMean: pairs.zeroMean,
    classifierNorm: W ? frobenius(W) : null,
  });
  for (const key of Object.keys(reasons) as CollapseMetricKey[]) {
    if (metrics[key] === null) delete reasons[key];
    else metrics[key] = NaN;
  }
  return { metrics, conditioning: nc1.conditioning, nc1Rank: nc1.rank, nc1SmallestShare: nc1.smallestShare, reasons, pairSample: pairs.sample };
}

/** Throws a RangeError unless W is K x d and b (if any) has K entries. */
export function checkClassifier(classifier: Classifier, K: number, d: number): void {
  const { weights: W, bias } = classifier;
  if (W.rows !== K || W.cols !== d) {
    throw new RangeError(`classifier weights are ${W.rows} x ${W.cols}, expected ${K} x ${d} (classes x dim)`);
  }
  if (bias && bias.length !== K) throw new RangeError(`classifier bias has ${bias.length} entries, expected ${K}`);
}

/** The number of rows whose nearest class mean (first on ties) differs from argmax(W x + b); O(n K d). */
function* nc4Steps(X: Float32Array, n: number, stats: ClassStats, classifier: Classifier): Steps<number> {
  const { classes: K, dim: d } = stats;
  const mu = stats.means.data;
  const chunk = chunkRows(2 * K * d);
  let disagreements = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let nearest = 0;
    let best = Infinity;
    for (let k = 0; k < K; k++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (X[o + t] - mu[k * d + t]) ** 2;
      if (s < best) {
        best = s;
        nearest = k;
      }
    }
    if (nearest !== argmaxLogit(X, i, d, classifier)) disagreements++;
    if ((i + 1) % chunk === 0) yield (i + 1) / n;
  }
  return disagreements;
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

/** nc3 = || W/||W||_F - Mc/||Mc||_F ||_F^2 (W and Mc both K x d). */
export function nc3(W: Mat, Mc: Mat): number {
  const w = frobenius(W);
  const m = frobenius(Mc);
  let s = 0;
  for (let t = 0; t < W.data.length; t++) s += (W.data[t] / w - Mc.data[t] / m) ** 2;
  return s;
}
