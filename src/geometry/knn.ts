/**
 * Exact k nearest neighbours without an N x N matrix: candidate lists from a symmetric scan of
 * dot-product tiles (each pair computed once, for both rows; int16 in WebAssembly SIMD or float32
 * through tfjs), then float64
 * refinement of the candidates in JS; rows whose bound cannot exclude a closer non-candidate are
 * searched again with more candidates, then exhaustively.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { KnnResult } from './types';
import { checkpoint } from './abort';
import { KnnRows } from './knnRows';
import { topScores } from './tf/blocks';
import { scanTiles } from './knnTiled';
import { CandidateLists, excludedLowerBound, upperTiles } from './parallel/tiles';
import type { TileScanPool } from './parallel/pool';
import { buildTree, planKnn, treeDims, type KnnMethod } from './knnChoice';
import { INT16_MAX_DIM, int16KernelAvailable, int16LowerBound, quantise, scanTilesInt16, type QuantisedRows } from './knnInt16';

export interface KnnOptions {
  /** 'euclidean' (default) or 'cosine' = euclidean on L2-normalised rows, reported as 1 - cos. */
  metric?: 'euclidean' | 'cosine';
  signal?: AbortSignal;
  /** Fraction of the work done, in (0, 1]. */
  onProgress?: (fraction: number) => void;
  /** Rows per tile of the scan and per block of the retries (default 1024). */
  blockRows?: number;
  /** Threads that run shares of the tile scan; the scan runs here when absent or not worth it. */
  pool?: TileScanPool;
  /** The pool is used from this many multiply-adds (n^2 d / 2) up (default POOL_MIN_WORK). */
  poolMinWork?: number;
  /**
   * Tile products: 'int16' (quantised rows, the WebAssembly SIMD kernel of knnInt16.ts), 'float32'
   * (tfjs matMul), or 'auto' (default): int16 for d <= 4096 where WebAssembly SIMD runs and the tfjs
   * backend is a CPU one (wasm, cpu), float32 otherwise (a GPU backend's matMul).
   */
  kernel?: 'auto' | 'int16' | 'float32';
  /**
   * 'brute force' (the tile scan), 'pca tree' (knnTree.ts: exact distances only where the bound of
   * the leading principal components cannot exclude a row), or 'auto' (default): the tree where
   * planKnn (knnChoice.ts) estimates it cheaper. Both give the same result.
   */
  method?: 'auto' | KnnMethod;
  /** Leading components of the tree's bound (default: the plan's, or treeDims(d) when the tree is forced). */
  treeComponents?: number;
}

const TILE_ROWS = 1024;
/** Candidate counts grow 4x per retry up to this; beyond it a row is searched exhaustively in JS. */
const MAX_CANDIDATES = 4096;
/** Below this many multiply-adds (n^2 d / 2) the scan stays on this thread (a pool's start-up costs more). */
export const POOL_MIN_WORK = 5e9;

/**
 * The k nearest neighbours of every row of X (n x d), self excluded, k clamped to n - 1.
 * Rows are centred (after L2 normalisation for 'cosine'). Candidates: the c = k + max(8, k/2)
 * smallest ||c_i||^2 + ||c_j||^2 - 2 c_i.c_j (approximate dot products, tiles I <= J only), kept as
 * lists ordered by (value, index); their distances are recomputed in float64 and sorted (ties by
 * index). A row whose bound (excludedLowerBound, int16LowerBound) cannot rule out a closer non-candidate is retried
 * with more candidates (4x per pass), then searched exhaustively, so the result is the exact
 * float64 kNN: Euclidean ||x_i - x_j||, or 1 - cos(x_i, x_j) for cosine (zero rows stay at the
 * origin of the normalised space).
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
  const cosine = opts.metric === 'cosine';
  const usePool = opts.pool !== undefined && opts.pool.threads > 1 && (n * n * d) / 2 >= (opts.poolMinWork ?? POOL_MIN_WORK);
  const method = opts.method ?? 'auto';
  const plan = method === 'auto' ? planKnn(X, n, d, kk, cosine, usePool ? (opts.pool?.threads ?? 1) : 1) : null;
  if (method === 'pca tree' || plan?.method === 'pca tree') {
    const p = Math.min(d, opts.treeComponents ?? (plan?.p || treeDims(d)));
    return treeKnn(new KnnRows(X, n, d, cosine), kk, p, plan?.p === p ? plan.basis : undefined, signal, onProgress);
  }
  const rows = new KnnRows(X, n, d, cosine);
  const int16 = chooseInt16(opts.kernel ?? 'auto', d);
  const T0 = Math.max(1, Math.min(n, opts.blockRows ?? TILE_ROWS));
  const T = int16 ? Math.ceil(T0 / 4) * 4 : T0;
  const c = Math.min(n - 1, kk + Math.max(8, Math.ceil(kk / 2)));
  const centred = rows.centred();
  const quantised = int16 ? quantise(centred, Math.ceil(n / T) * T) : undefined;
  const tiles = upperTiles(n, T);
  const scanShare = 0.9;
  let lists: CandidateLists;
  if (usePool && opts.pool) {
    lists = await opts.pool.scan({ rows: centred, quantised, T, c, tiles, signal, onProgress: (f) => onProgress?.(scanShare * f) });
  } else {
    lists = new CandidateLists(n, c);
    let done = 0;
    const tick = () => onProgress?.((scanShare * ++done) / tiles.length);
    if (quantised) await scanTilesInt16(quantised, centred.normSq, T, tiles, lists, signal, tick);
    else await scanTiles(centred, T, tiles, lists, signal, tick);
  }
  const bound = lowerBound(centred.normSq, d, quantised);
  const indices = new Int32Array(n * kk);
  const dist2 = new Float64Array(n * kk);
  const pending: number[] = [];
  for (let i = 0; i < n; i++) {
    const margin = lists.count[i] < n - 1 ? bound(i, lists.worst[i]) : Infinity;
    if (!rows.refine(i, lists.candidates(i), kk, margin, indices, dist2)) pending.push(i);
  }
  if (pending.length > 0) await retry(rows, KnnRows.augmentedTransposed(centred), pending, 4 * (c + 1), kk, T, indices, dist2, signal);
  onProgress?.(1);
  return finish(rows, kk, indices, dist2, 'brute force');
}

/** Squared distances to the reported ones: Euclidean, or 1 - cos = ||p_i - p_j||^2 / 2. */
function finish(rows: KnnRows, kk: number, indices: Int32Array, dist2: Float64Array, method: KnnMethod): KnnResult {
  const distances = new Float64Array(dist2.length);
  for (let t = 0; t < distances.length; t++) distances[t] = rows.cosine ? dist2[t] / 2 : Math.sqrt(dist2[t]);
  return { k: kk, indices, distances, method };
}

/** The PCA tree's kNN (knnTree.ts) of every row, queries in tree order (neighbouring queries share rows in cache). */
async function treeKnn(rows: KnnRows, kk: number, p: number, basis: Float64Array | undefined, signal?: AbortSignal, onProgress?: (f: number) => void): Promise<KnnResult> {
  const { n } = rows;
  const tree = buildTree(rows, p, kk, basis);
  const indices = new Int32Array(n * kk);
  const dist2 = new Float64Array(n * kk);
  for (let pos = 0; pos < n; pos++) {
    if (pos % 256 === 0) {
      await checkpoint(signal);
      onProgress?.(pos / n);
    }
    tree.search(tree.order[pos], indices, dist2);
  }
  onProgress?.(1);
  return finish(rows, kk, indices, dist2, 'pca tree');
}

function chooseInt16(kernel: 'auto' | 'int16' | 'float32', d: number): boolean {
  if (kernel !== 'auto') return kernel === 'int16';
  const backend = tf.getBackend();
  return d <= INT16_MAX_DIM && (backend === 'wasm' || backend === 'cpu') && int16KernelAvailable();
}

/** The bound on every excluded row's squared distance for the kernel that made the lists. */
function lowerBound(normSq: Float64Array, d: number, quantised?: QuantisedRows): (i: number, worst: number) => number {
  if (!quantised) return (i, worst) => excludedLowerBound(worst, normSq[i], d);
  const normSqMax = normSq.reduce((a, b) => Math.max(a, b), 0);
  return (i, worst) => int16LowerBound(quantised, i, worst, normSq[i], normSqMax);
}

/**
 * Rows the tile scan left unresolved: per block of B query rows one matMul scores
 * 2 c_i.c_j - ||c_j||^2 for all j and topk keeps `cand` candidates (self included), refined as in
 * knn(); still unresolved rows get 4x the candidates, then an exhaustive float64 search.
 */
async function retry(
  rows: KnnRows,
  augmented: Float32Array,
  todo: number[],
  firstCand: number,
  kk: number,
  B0: number,
  indices: Int32Array,
  dist2: Float64Array,
  signal?: AbortSignal,
): Promise<void> {
  const { n, d } = rows;
  const B = Math.min(B0, todo.length);
  const reference = tf.tensor2d(augmented, [d + 1, n]);
  const query = new Float32Array(B * (d + 1));
  const queryNormSq = new Float64Array(B);
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
    for (let start = 0; start < todo.length; start += B) {
      await checkpoint(signal);
      let cand = Math.min(n, firstCand);
      let pending = await pass(todo.slice(start, start + B), cand);
      while (pending.length > 0 && cand < n && 4 * cand <= MAX_CANDIDATES) {
        await checkpoint(signal);
        cand = Math.min(n, 4 * cand);
        pending = await pass(pending, cand);
      }
      for (const i of pending) rows.exhaustive(i, kk, indices, dist2);
    }
  } finally {
    reference.dispose();
  }
}
