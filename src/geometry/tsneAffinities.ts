/**
 * t-SNE's input affinities (van der Maaten 2014, as scikit-learn computes them for Barnes-Hut):
 * conditional p_{j|i} = exp(-beta_i d_ij^2) / sum over the k = min(n - 1, floor(3 perplexity)) nearest
 * neighbours, beta_i set by bisection so that the entropy (nats) equals log(perplexity), then
 * P = (P_cond + P_cond^T) / (2n), a sparse symmetric matrix summing to 1.
 */
import type { KnnResult } from './types';

/** Sparse symmetric joint probabilities in CSR form (row i's entries at rowStart[i] .. rowStart[i+1]). */
export interface JointProbabilities {
  n: number;
  rowStart: Int32Array;
  cols: Int32Array;
  values: Float64Array;
}

const ENTROPY_TOLERANCE = 1e-5;
const MAX_STEPS = 100;

/** The neighbour count t-SNE uses for a perplexity: floor(3 perplexity), at most n - 1. */
export function tsneNeighbours(n: number, perplexity: number): number {
  return Math.max(1, Math.min(n - 1, Math.floor(3 * perplexity)));
}

/**
 * Row-conditional probabilities (n x k, row-major) from the kNN distances, each row's entropy
 * log(perplexity) within 1e-5 nats (bisection on beta over squared distances, as scikit-learn).
 */
export function conditionalProbabilities(nn: KnnResult, n: number, perplexity: number): Float64Array {
  const k = nn.k;
  const target = Math.log(perplexity);
  const P = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let beta = 1;
    let lo = -Infinity;
    let hi = Infinity;
    for (let step = 0; step < MAX_STEPS; step++) {
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const d2 = nn.distances[o + j] ** 2;
        const p = Math.exp(-d2 * beta);
        P[o + j] = p;
        sum += p;
      }
      if (sum === 0) sum = 1e-8;
      let sumDP = 0;
      for (let j = 0; j < k; j++) {
        P[o + j] /= sum;
        sumDP += nn.distances[o + j] ** 2 * P[o + j];
      }
      const entropy = Math.log(sum) + beta * sumDP;
      const diff = entropy - target;
      if (Math.abs(diff) <= ENTROPY_TOLERANCE) break;
      if (diff > 0) {
        lo = beta;
        beta = hi === Infinity ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = lo === -Infinity ? beta / 2 : (beta + lo) / 2;
      }
    }
  }
  return P;
}

/** P = (P_cond + P_cond^T) / (2n) over the union of both neighbour lists, columns ascending per row. */
export function jointProbabilities(nn: KnnResult, n: number, perplexity: number): JointProbabilities {
  const k = nn.k;
  const cond = conditionalProbabilities(nn, n, perplexity);
  const rows: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < k; t++) {
      const j = nn.indices[i * k + t];
      const p = cond[i * k + t];
      rows[i].set(j, (rows[i].get(j) ?? 0) + p);
      rows[j].set(i, (rows[j].get(i) ?? 0) + p);
    }
  }
  const rowStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + rows[i].size;
  const cols = new Int32Array(rowStart[n]);
  const values = new Float64Array(rowStart[n]);
  const scale = 1 / (2 * n);
  for (let i = 0; i < n; i++) {
    const entries = [...rows[i].entries()].sort((a, b) => a[0] - b[0]);
    entries.forEach(([j, p], t) => {
      cols[rowStart[i] + t] = j;
      values[rowStart[i] + t] = p * scale;
    });
  }
  return { n, rowStart, cols, values };
}
