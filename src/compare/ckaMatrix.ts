/**
 * The CKA matrix of m >= 2 representations of the same n items (e.g. every layer of a run, the
 * layer-by-layer heatmap of Kornblith et al. 2019): entry (i, j) = linear (or debiased) CKA of
 * representations i and j, from feature-space Grams only (O(n d_i d_j) per pair, never n x n).
 */
import type { Mat } from '../geometry/types';
import { mat, frobenius } from '../geometry/linalg';
import { debiasedCkaFromTerms, linearCkaFromTerms } from '../geometry/similarity';
import { checkpoint } from '../geometry/abort';
import { centredStats } from './pair';
import { dotRows } from './kernel';

/** One representation: n rows of dim values, row-major. */
export interface Representation {
  n: number;
  dim: number;
  vectors: Float32Array;
}

export interface CkaMatrix {
  /** m x m, symmetric, diagonal 1. */
  linear: Mat;
  /** m x m debiased CKA (NaN when n < 4). */
  debiased: Mat;
}

/** Both CKA matrices of the representations (all with the same n; every centred copy is held at once, m n d float64). */
export async function ckaMatrix(reps: readonly Representation[], opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {}): Promise<CkaMatrix> {
  const m = reps.length;
  const n = reps[0]?.n ?? 0;
  if (m < 1 || reps.some((r) => r.n !== n)) throw new RangeError(`ckaMatrix: ${m} representations with row counts ${reps.map((r) => r.n).join(', ')}`);
  const stats = [];
  for (const r of reps) {
    await checkpoint(opts.signal);
    stats.push(centredStats(r.vectors, n, r.dim));
  }
  const selfSq = stats.map((s) => frobenius(s.gram!) ** 2);
  const linear = mat(m, m);
  const debiased = mat(m, m);
  const pairs = (m * (m + 1)) / 2;
  let done = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      await checkpoint(opts.signal);
      const xy = i === j ? selfSq[i] : frobenius(dotRows(stats[i].columns, stats[j].columns, n, reps[i].dim, reps[j].dim)) ** 2;
      const terms = { n, xy, xx: selfSq[i], yy: selfSq[j], rowX: stats[i].rowSq, rowY: stats[j].rowSq };
      const values = [linearCkaFromTerms(terms), debiasedCkaFromTerms(terms) ?? Number.NaN];
      [linear, debiased].forEach((M, t) => {
        M.data[i * m + j] = values[t];
        M.data[j * m + i] = values[t];
      });
      opts.onProgress?.(++done / pairs);
    }
  }
  return { linear, debiased };
}
