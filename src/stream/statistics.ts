/**
 * From merged moments to the quantities the core's metric functions take: classes in the CLI's
 * order, the covariance for PCA, and the ClassStats + Sigma_W for the collapse metrics.
 */
import type { Classifier, ClassStats, CollapseResult, Mat } from '../geometry/types';
import { mat } from '../geometry/linalg';
import { collapseFromStatistics } from '../geometry/collapse';
import { encodeLabels } from '../io/labels';
import { classMean, createMoments, fullScatter, mergeClass, rowCount, type Moments } from './moments';

/**
 * The moments with classes in the order the in-memory path numbers them (encodeLabels: integers
 * numerically, other labels lexicographically); slots whose labels encode alike are merged.
 */
export function orderClasses(m: Moments): Moments {
  if (m.classes.length <= 1 && (m.classes[0]?.label ?? null) === null) return m;
  const names = m.classes.map((c) => c.label ?? '');
  const { labels, classNames } = encodeLabels(names);
  const out: Moments = { ...createMoments(m.dim), scatter: Float64Array.from(m.scatter), nonFinite: m.nonFinite };
  for (const name of classNames) out.classes.push({ label: name, count: 0, sum: new Float64Array(m.dim), sumSq: 0 });
  m.classes.forEach((c, slot) => mergeClass(out, c, classNames[labels[slot]]));
  return out;
}

/** Column means (sum of all rows / N) and C = (W + sum_k n_k (mu_k - mean)(mu_k - mean)^T) / N, the 1/N covariance. */
export function covarianceOf(m: Moments): { mean: Float64Array; covariance: Mat } {
  const d = m.dim;
  const N = rowCount(m);
  const mean = new Float64Array(d);
  for (const c of m.classes) for (let j = 0; j < d; j++) mean[j] += c.sum[j];
  for (let j = 0; j < d; j++) mean[j] /= N;
  const C = mat(d, d, fullScatter(m));
  const diff = new Float64Array(d);
  for (const c of m.classes) {
    if (c.count === 0) continue;
    for (let j = 0; j < d; j++) diff[j] = c.sum[j] / c.count - mean[j];
    for (let p = 0; p < d; p++) {
      const fp = c.count * diff[p];
      for (let q = 0; q < d; q++) C.data[p * d + q] += fp * diff[q];
    }
  }
  for (let t = 0; t < d * d; t++) C.data[t] /= N;
  return { mean, covariance: C };
}

/** The ClassStats of the non-empty classes (in order), as classStatistics() computes them from the rows. */
export function classStatsOf(m: Moments): ClassStats {
  const d = m.dim;
  const present = m.classes.filter((c) => c.count > 0);
  const K = present.length;
  const n = rowCount(m);
  const means = mat(K, d);
  present.forEach((c, k) => means.data.set(classMean(c), k * d));
  const globalMean = new Float64Array(d);
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) globalMean[j] += means.data[k * d + j] / K;
  const centredMeans = mat(K, d);
  let traceSigmaB = 0;
  for (let t = 0; t < K * d; t++) {
    const v = means.data[t] - globalMean[t % d];
    centredMeans.data[t] = v;
    traceSigmaB += v * v;
  }
  const within = present.reduce((s, c) => s + c.sumSq, 0);
  return {
    n,
    dim: d,
    classes: K,
    counts: Int32Array.from(present, (c) => c.count),
    means,
    globalMean,
    centredMeans,
    classVariance: Float64Array.from(present, (c) => c.sumSq / c.count),
    traceSigmaW: within / n,
    traceSigmaB: traceSigmaB / K,
  };
}

/**
 * The collapse metrics from moments through the core's statistics-level function, with
 * Sigma_W = W / N. nc4 needs a pass over the rows with the final means: `disagreements` counts
 * them (null: not measured).
 */
export function collapseFromMoments(m: Moments, stats: ClassStats, classifier: Classifier | undefined, disagreements: number | null): CollapseResult {
  const d = m.dim;
  const sigmaW = mat(d, d, fullScatter(m));
  for (let t = 0; t < d * d; t++) sigmaW.data[t] /= stats.n;
  return collapseFromStatistics(stats, sigmaW, classifier, disagreements);
}
