/** Nearest neighbours of one query row, exact in float64 (the click-to-inspect query). */

export type NeighbourMetric = 'euclidean' | 'cosine';

/** The k rows nearest a query, nearest first. */
export interface Neighbours {
  /** Row indices into X. */
  indices: Int32Array;
  /** Euclidean ||x_q - x_j||, or 1 - cos(x_q, x_j) for the cosine metric, ascending. */
  distances: Float64Array;
}

/**
 * The k rows of X (n x d) nearest row q, self excluded, ties broken by the lower index, k clamped
 * to n - 1. Distances as knn(): Euclidean ||x_q - x_j||, or for 'cosine' ||p_q - p_j||^2 / 2 with
 * p = x / ||x|| (= 1 - cos), a zero row staying at the origin. One O(n d) pass, float64 sums.
 */
export function nearestTo(X: Float32Array, n: number, d: number, q: number, k: number, metric: NeighbourMetric = 'euclidean'): Neighbours {
  if (!(q >= 0 && q < n)) throw new RangeError(`nearestTo: row ${q} is outside [0, ${n})`);
  const kk = Math.max(0, Math.min(Math.floor(k), n - 1));
  const cosine = metric === 'cosine';
  const invNorm = (i: number): number => {
    let s = 0;
    for (let t = i * d; t < i * d + d; t++) s += X[t] * X[t];
    return s > 0 ? 1 / Math.sqrt(s) : 0;
  };
  const sq = cosine ? invNorm(q) : 1;
  const indices = new Int32Array(kk);
  const distances = new Float64Array(kk).fill(Infinity);
  let filled = 0;
  for (let j = 0; j < n; j++) {
    if (j === q) continue;
    const sj = cosine ? invNorm(j) : 1;
    let s = 0;
    for (let t = 0; t < d; t++) {
      const v = X[q * d + t] * sq - X[j * d + t] * sj;
      s += v * v;
    }
    const dist = cosine ? s / 2 : Math.sqrt(s);
    if (filled === kk && !(dist < distances[kk - 1])) continue;
    // Insertion into the sorted top-k; equal distances keep the earlier (lower) index first.
    let p = filled < kk ? filled++ : kk - 1;
    while (p > 0 && distances[p - 1] > dist) {
      distances[p] = distances[p - 1];
      indices[p] = indices[p - 1];
      p--;
    }
    distances[p] = dist;
    indices[p] = j;
  }
  return { indices, distances };
}
