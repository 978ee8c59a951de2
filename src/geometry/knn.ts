/**
 * Exact k nearest neighbours without an N x N matrix: row blocks of candidate scores through
 * tfjs (matMul + topk on the active backend), then float64 refinement of the candidates in JS.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KnnResult } from './types';
import { checkpoint } from './abort';
import { KnnRows } from './knnRows';
import { topScores } from './tf/blocks';

export interface KnnOptions {
  /** 'euclidean' (default) or 'cosine' = euclidean on L2-normalised rows, reported as 1 - cos. */
  metric?: 'euclidean' | 'cosine';
  signal?: AbortSignal;
  /** Fraction of query rows done, in (0, 1]. */
  onProgress?: (fraction: number) => void;
  /** Query rows per block (default: about 2^24 / n, within [16, 1024]). */
  blockRows?: number;
}

const BLOCK_ELEMENTS = 1 << 24;
/** Candidate counts grow 4x per retry up to this; beyond it a row is searched exhaustively in JS. */
const MAX_CANDIDATES = 4096;

/**
 * The k nearest neighbours of every row of X (n x d), self excluded, k clamped to n - 1.
 * Rows are centred (after L2 normalisation for 'cosine'); per block of B query rows one
 * matMul scores 2 c_i.c_j - ||c_j||^2 for all j and topk keeps k + 1 + extra candidates, whose
 * distances are recomputed in float64 and sorted (ties by index). A row whose float32 margin
 * cannot rule out a closer non-candidate is retried with 4x the candidates, then searched
 * exhaustively, so distances are exact float64: Euclidean ||x_i - x_j||, or 1 - cos(x_i, x_j)
 * for cosine (zero rows stay at the origin of the normalised space).
 */
export async function knn(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  opts: KnnOptions = {},
): Promise<KnnResult> {
  const kk = Math.min(Math.floor(k), n - 1);
  if (!(kk >= 1)) throw new RangeError(`knn needs k >= 1 and at least 2 rows (k = ${k}, n = ${n})`);
  const { signal, onProgress } = opts;
  await checkpoint(signal);
  const rows = new KnnRows(X, n, d, opts.metric === 'cosine');
  const B = Math.min(n, opts.blockRows ?? Math.max(16, Math.min(1024, Math.floor(BLOCK_ELEMENTS / n))));
  const indices = new Int32Array(n * kk);
  const dist2 = new Float64Array(n * kk);
  const reference = tf.tensor2d(rows.augmentedTransposed(), [d + 1, n]);
  const query = new Float32Array(B * (d + 1));
  const queryNormSq = new Float64Array(B);

  /** Scores the given rows against all rows, refines their top `cand`; returns the rows not yet resolved. */
  const pass = async (block: number[], cand: number): Promise<number[]> => {
    query.fill(0);
    for (let r = 0; r < B; r++) query[r * (d + 1) + d] = -1;
    block.forEach((i, r) => (queryNormSq[r] = rows.queryRow(i, query, r * (d + 1))));
    const { scores, found } = await topScores(query, B, d + 1, reference, cand);
    const unresolved: number[] = [];
    block.forEach((i, r) => {
      const margin = cand < n ? rows.margin(queryNormSq[r], scores[r * cand + cand - 1]) : Infinity;
      if (!rows.refine(i, found.subarray(r * cand, r * cand + cand), kk, margin, indices, dist2)) unresolved.push(i);
    });
    return unresolved;
  };

  try {
    for (let start = 0; start < n; start += B) {
      await checkpoint(signal);
      const block = Array.from({ length: Math.min(B, n - start) }, (_, r) => start + r);
      let cand = Math.min(n, kk + 1 + Math.max(8, Math.ceil(kk / 2)));
      let pending = await pass(block, cand);
      while (pending.length > 0 && cand < n && 4 * cand <= MAX_CANDIDATES) {
        await checkpoint(signal);
        cand = Math.min(n, 4 * cand);
        pending = await pass(pending, cand);
      }
      for (const i of pending) rows.exhaustive(i, kk, indices, dist2);
      onProgress?.(Math.min(1, (start + block.length) / n));
    }
  } finally {
    reference.dispose();
  }
  const distances = new Float64Array(n * kk);
  for (let t = 0; t < distances.length; t++) distances[t] = rows.cosine ? dist2[t] / 2 : Math.sqrt(dist2[t]);
  return { k: kk, indices, distances };
}
