/**
 * How far a 2D/3D picture can be trusted: trustworthiness and continuity at k (Venna & Kaski 2001,
 * in scikit-learn's convention) and the per-point neighbourhood preservation, between the rows of
 * X (the data) and of Y (their view coordinates).
 */
import { rankScan } from './rankScan';
import { sampleRows } from './sample';

/** The k of trustworthiness, continuity and neighbourhood preservation (sklearn's examples use 5; the views use 10). */
export const DEFAULT_FAITHFULNESS_K = 10;
/** Above this many rows the measures run on a seeded sample of query rows (against all rows). */
export const FAITHFULNESS_MAX_QUERIES = 100_000;

export interface FaithfulnessOptions {
  k?: number;
  /** Query rows at most (default FAITHFULNESS_MAX_QUERIES); a seeded uniform sample above. */
  maxQueries?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface Faithfulness {
  k: number;
  /**
   * 1 - 2/(Q k (2n - 3k - 1)) sum_i sum_{j in V_k(i)} max(0, r_X(i, j) - k): view neighbours V_k(i)
   * penalised by their rank r_X among the data's neighbours (1-based, self excluded). 1 = no false
   * neighbours in the picture. Q = n unless sampled.
   */
  trustworthiness: number;
  /** The same with the two spaces swapped: data neighbours torn apart in the picture. */
  continuity: number;
  /** Per query row: |N_X(i) ∩ N_Y(i)| / k, the share of its k data neighbours among its k view neighbours. */
  preservation: Float32Array;
  /** The query rows, ascending: every row unless `sample` is set. */
  queries: Int32Array;
  /** The mean of `preservation`. */
  meanPreservation: number;
  sample: { size: number; of: number; seed: number } | null;
}

/**
 * Trustworthiness, continuity and neighbourhood preservation of the view Y (n x q) of X (n x d),
 * Euclidean in both spaces, ties by row index. Needs k < n / 2 (as scikit-learn does).
 */
export async function projectionFaithfulness(
  X: Float32Array,
  n: number,
  d: number,
  Y: Float32Array,
  q: number,
  opts: FaithfulnessOptions = {},
): Promise<Faithfulness> {
  const k = opts.k ?? DEFAULT_FAITHFULNESS_K;
  if (!(Number.isInteger(k) && k >= 1 && k < n / 2)) throw new RangeError(`trustworthiness needs 1 <= k < n / 2 (k = ${k}, n = ${n})`);
  const seed = opts.seed ?? 1;
  const maxQueries = opts.maxQueries ?? FAITHFULNESS_MAX_QUERIES;
  const queries = sampleRows(n, maxQueries, seed);
  const Q = queries.length;
  const { signal, onProgress } = opts;
  const none = new Int32Array(0);
  const share = (lo: number, width: number) => (f: number) => onProgress?.(lo + width * f);

  const view = await rankScan(Y, n, q, queries, k, () => none, { signal, onProgress: share(0, 0.1) });
  const viewOf = (t: number) => view.nearest.subarray(t * k, t * k + k);
  const data = await rankScan(X, n, d, queries, k, viewOf, { signal, onProgress: share(0.1, 0.8) });
  const dataOf = (t: number) => data.nearest.subarray(t * k, t * k + k);
  const back = await rankScan(Y, n, q, queries, k, dataOf, { signal, onProgress: share(0.9, 0.1) });

  const norm = 2 / (Q * k * (2 * n - 3 * k - 1));
  let sumT = 0;
  let sumC = 0;
  let sumP = 0;
  const preservation = new Float32Array(Q);
  for (let t = 0; t < Q; t++) {
    sumT += data.excess[t];
    sumC += back.excess[t];
    const a = dataOf(t);
    const b = viewOf(t);
    let shared = 0;
    for (let u = 0; u < k; u++) if (b.includes(a[u])) shared++;
    preservation[t] = shared / k;
    sumP += shared / k;
  }
  return {
    k,
    trustworthiness: 1 - norm * sumT,
    continuity: 1 - norm * sumC,
    preservation,
    queries,
    meanPreservation: sumP / Q,
    sample: Q < n ? { size: Q, of: n, seed } : null,
  };
}
