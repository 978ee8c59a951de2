/** Class means, centred means and within-class spread: the statistics every collapse metric uses. */
import type { ClassStats } from './types';
import { mat } from './linalg';

/**
 * Class statistics in float64, two-pass: mu_k, mu_G = (1/K) sum_k mu_k (unweighted),
 * Mc = mu_k - mu_G, V_k = mean ||x - mu_k||^2 over class k, Tr Sigma_W = (1/N) sum_k n_k V_k,
 * Tr Sigma_B = ||Mc||_F^2 / K. Labels must lie in [0, K) and every class must be non-empty.
 */
export function classStatistics(X: Float32Array, n: number, d: number, labels: Int32Array, K: number): ClassStats {
  const counts = classCounts(labels, n, K);
  const empty = counts.findIndex((c) => c === 0);
  if (empty >= 0) throw new RangeError(`classStatistics: class ${empty} has no rows`);
  const means = mat(K, d);
  const m = means.data;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const mo = labels[i] * d;
    for (let j = 0; j < d; j++) m[mo + j] += X[o + j];
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) m[k * d + j] /= counts[k];

  const globalMean = new Float64Array(d);
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) globalMean[j] += m[k * d + j] / K;
  const centredMeans = mat(K, d);
  let traceSigmaB = 0;
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < d; j++) {
      const v = m[k * d + j] - globalMean[j];
      centredMeans.data[k * d + j] = v;
      traceSigmaB += v * v;
    }
  }
  traceSigmaB /= K;

  const sumSq = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const mo = labels[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = X[o + j] - m[mo + j];
      s += v * v;
    }
    sumSq[labels[i]] += s;
  }
  let within = 0;
  const classVariance = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    classVariance[k] = sumSq[k] / counts[k];
    within += sumSq[k];
  }
  return {
    n,
    dim: d,
    classes: K,
    counts,
    means,
    globalMean,
    centredMeans,
    classVariance,
    traceSigmaW: within / n,
    traceSigmaB,
  };
}

/** n_k for k in [0, K); throws a RangeError for a label outside [0, K). */
export function classCounts(labels: Int32Array, n: number, K: number): Int32Array {
  const counts = new Int32Array(K);
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!(y >= 0 && y < K)) throw new RangeError(`label ${y} at row ${i} is outside [0, ${K})`);
    counts[y]++;
  }
  return counts;
}
