/** Intrinsic dimension estimators over nearest-neighbour distances (ARCHITECTURE.md conventions). */
import type { KnnResult } from './types';

/**
 * TwoNN (Facco et al. 2017): mu_i = r2/r1 from each point's two nearest neighbours, sorted
 * ascending; F_i = i/N (i = 1..N, N = points with r1 > 0); least squares through the origin of
 * -log(1 - F_i) on log(mu_i) over the smallest floor(0.9 N). Points with r1 = 0 (duplicates) are
 * left out. NaN when fewer than 2 points remain or all ratios equal 1.
 */
export function twoNN(nn: KnnResult): number {
  if (nn.k < 2) throw new RangeError(`twoNN needs the 2 nearest neighbours (k = ${nn.k})`);
  const n = nn.distances.length / nn.k;
  const logMu: number[] = [];
  for (let i = 0; i < n; i++) {
    const r1 = nn.distances[i * nn.k];
    const r2 = nn.distances[i * nn.k + 1];
    if (r1 > 0) logMu.push(Math.log(r2 / r1));
  }
  const N = logMu.length;
  logMu.sort((a, b) => a - b);
  const keep = Math.floor(0.9 * N);
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < keep; i++) {
    const x = logMu[i];
    const y = -Math.log1p(-(i + 1) / N);
    sxy += x * y;
    sxx += x * x;
  }
  return keep >= 1 && sxx > 0 ? sxy / sxx : NaN;
}

/**
 * Levina-Bickel MLE with k neighbours (self excluded, k <= nn.k, k >= 2):
 * m(x) = [(1/(k-1)) sum_{j<k} log(T_k/T_j)]^-1 per point (pointwise; NaN where T_1 = 0,
 * Infinity where T_1 = T_k). harmonic = 1/mean(1/m) (MacKay-Ghahramani), mean = mean(m),
 * both over points with T_1 > 0.
 */
/** Neighbours of the Levina-Bickel MLE unless the user sets k (the CLI's --k, Train's MLE k). */
export const DEFAULT_MLE_K = 20;

export function mle(nn: KnnResult, k = DEFAULT_MLE_K): { harmonic: number; mean: number; pointwise: Float64Array } {
  if (!(k >= 2 && k <= nn.k)) throw new RangeError(`mle needs 2 <= k <= ${nn.k} neighbours (k = ${k})`);
  const n = nn.distances.length / nn.k;
  const pointwise = new Float64Array(n);
  let sumInv = 0;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const o = i * nn.k;
    const Tk = nn.distances[o + k - 1];
    if (!(nn.distances[o] > 0)) {
      pointwise[i] = NaN;
      continue;
    }
    let s = 0;
    for (let j = 0; j < k - 1; j++) s += Math.log(Tk / nn.distances[o + j]);
    const inv = s / (k - 1);
    pointwise[i] = 1 / inv;
    sumInv += inv;
    sum += 1 / inv;
    count++;
  }
  return { harmonic: count > 0 ? count / sumInv : NaN, mean: count > 0 ? sum / count : NaN, pointwise };
}
