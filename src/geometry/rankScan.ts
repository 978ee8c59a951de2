/**
 * One blocked pass over the rows of a matrix for a set of query rows: each query's k nearest rows
 * (exact, float64, ties by index, self excluded) and the excess ranks of given target rows, the
 * sum over targets j of max(0, r(i, j) - k) where r(i, j) = 1 + #{l != i : d(i, l) < d(i, j)}
 * (ties by index). Scores come from one float32 matMul per block through tfjs; every comparison a
 * float32 score cannot decide is redone in float64. This is the work behind trustworthiness and
 * continuity (sklearn.manifold.trustworthiness's ranks).
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkpoint } from './abort';
import { KnnRows } from './knnRows';

const EPS32 = 2 ** -24;
const BLOCK_ELEMENTS = 1 << 23;

export interface RankScanOptions {
  signal?: AbortSignal;
  /** Fraction of query rows done, in (0, 1]. */
  onProgress?: (fraction: number) => void;
}

export interface RankScan {
  /** queries.length x k nearest rows of each query, nearest first. */
  nearest: Int32Array;
  /** Per query: sum over its targets of max(0, rank - k). */
  excess: Float64Array;
}

/**
 * Scans X (n x d) for the query rows: nearest k of each, and the excess ranks of targetsOf(q)
 * (row indices; may be empty) for query number q. Needs 1 <= k < n.
 */
export async function rankScan(
  X: Float32Array,
  n: number,
  d: number,
  queries: Int32Array,
  k: number,
  targetsOf: (q: number) => ArrayLike<number>,
  opts: RankScanOptions = {},
): Promise<RankScan> {
  if (!(k >= 1 && k < n)) throw new RangeError(`rankScan needs 1 <= k < n (k = ${k}, n = ${n})`);
  const rows = new KnnRows(X, n, d, false);
  const centred = rows.centred();
  const aug = KnnRows.augmentedTransposed(centred);
  let maxNormSq = 0;
  for (let j = 0; j < n; j++) maxNormSq = Math.max(maxNormSq, centred.normSq[j]);
  const reference = tf.tensor2d(aug, [d + 1, n]);
  const B = Math.max(1, Math.min(queries.length, 512, Math.floor(BLOCK_ELEMENTS / n)));
  const query = new Float32Array(B * (d + 1));
  const qNormSq = new Float64Array(B);
  const nearest = new Int32Array(queries.length * k);
  const excess = new Float64Array(queries.length);
  const e = (d + 4) * EPS32;
  const scratch = new RowScratch(n, k);
  try {
    for (let start = 0; start < queries.length; start += B) {
      await checkpoint(opts.signal);
      const rowsInBlock = Math.min(B, queries.length - start);
      query.fill(0);
      for (let r = 0; r < B; r++) query[r * (d + 1) + d] = -1;
      for (let r = 0; r < rowsInBlock; r++) qNormSq[r] = rows.queryRow(queries[start + r], query, r * (d + 1));
      const scoresT = tf.tidy(() => tf.matMul(tf.tensor2d(query, [B, d + 1]), reference));
      let scores: Float32Array;
      try {
        scores = (await scoresT.data()) as Float32Array;
      } finally {
        scoresT.dispose();
      }
      for (let r = 0; r < rowsInBlock; r++) {
        const q = start + r;
        const i = queries[q];
        const margin = e * (qNormSq[r] + 2 * maxNormSq);
        scratch.scanRow(rows, i, scores.subarray(r * n, r * n + n), qNormSq[r], margin, targetsOf(q));
        nearest.set(scratch.nearest, q * k);
        excess[q] = scratch.excess;
      }
      opts.onProgress?.(Math.min(1, (start + rowsInBlock) / queries.length));
    }
  } finally {
    reference.dispose();
  }
  return { nearest, excess };
}

/** Per-row working memory of rankScan, reused across rows. */
class RowScratch {
  readonly nearest: Int32Array;
  excess = 0;
  private readonly heap: Float64Array;
  private readonly exactIdx: Int32Array;
  private readonly exactD2: Float64Array;

  constructor(
    private readonly n: number,
    private readonly k: number,
  ) {
    this.nearest = new Int32Array(k);
    this.heap = new Float64Array(k);
    this.exactIdx = new Int32Array(n);
    this.exactD2 = new Float64Array(n);
  }

  /**
   * Row i's k nearest and its targets' excess ranks from float32 scores s_l = 2 c_i.c_l - ||c_l||^2,
   * so d2(i, l) = ||c_i||^2 - s_l within `margin`. The k nearest are ranked exactly among the rows
   * whose score is within 2 margin of the float32 k-th best; a row is compared exactly with the
   * targets only when its approximate distance is within margin of one of theirs.
   */
  scanRow(rows: KnnRows, i: number, s: Float32Array, qn: number, margin: number, targets: ArrayLike<number>): void {
    const { n, k, exactIdx, exactD2 } = this;
    const cut = this.kthLargest(s, i) - 2 * margin;
    // Targets sorted by (exact distance, index); a row l lands in starts[p] for the first target
    // it comes before, so it counts in the rank of that target and every later one.
    const tIdx: number[] = [];
    for (let t = 0; t < targets.length; t++) if (targets[t] !== i) tIdx.push(targets[t]);
    const tD2 = tIdx.map((j) => rows.dist2(i, j));
    const order = tIdx.map((_, t) => t).sort((a, b) => tD2[a] - tD2[b] || tIdx[a] - tIdx[b]);
    const sj = order.map((t) => tIdx[t]);
    const sd = order.map((t) => tD2[t]);
    const m = sj.length;
    const starts = new Int32Array(m + 1);
    const far = m > 0 ? sd[m - 1] + margin : -Infinity;
    let c = 0;
    for (let l = 0; l < n; l++) {
      if (l === i) continue;
      const sl = s[l];
      if (sl >= cut) {
        exactIdx[c] = l;
        exactD2[c] = rows.dist2(i, l);
        c++;
      }
      const a = qn - sl;
      if (a > far) continue;
      // First target position p at which l counts as closer (l closer than targets p..m-1).
      let p = lowerBound(sd, a - margin);
      if (p < m && sd[p] <= a + margin) {
        const dl = rows.dist2(i, l);
        p = 0;
        while (p < m && !(dl < sd[p] || (dl === sd[p] && l < sj[p]))) p++;
      }
      starts[p]++;
    }
    const ord = Array.from({ length: c }, (_, t) => t);
    ord.sort((a, b) => exactD2[a] - exactD2[b] || exactIdx[a] - exactIdx[b]);
    for (let t = 0; t < k; t++) this.nearest[t] = exactIdx[ord[t]];
    let excess = 0;
    let closer = 0;
    for (let p = 0; p < m; p++) {
      closer += starts[p];
      const rank = closer + 1;
      if (rank > k) excess += rank - k;
    }
    this.excess = excess;
  }

  /** The k-th largest score of s, self excluded (a min-heap of the k best). */
  private kthLargest(s: Float32Array, self: number): number {
    const { heap, k } = this;
    let size = 0;
    for (let l = 0; l < s.length; l++) {
      if (l === self) continue;
      const v = s[l];
      if (size < k) {
        heap[size++] = v;
        siftUp(heap, size - 1);
      } else if (v > heap[0]) {
        heap[0] = v;
        siftDown(heap, size);
      }
    }
    return heap[0];
  }
}

/** First index p with a[p] >= v in the ascending array a (a.length when none). */
function lowerBound(a: number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function siftUp(h: Float64Array, t: number): void {
  while (t > 0) {
    const parent = (t - 1) >> 1;
    if (h[parent] <= h[t]) return;
    const tmp = h[parent];
    h[parent] = h[t];
    h[t] = tmp;
    t = parent;
  }
}

function siftDown(h: Float64Array, size: number): void {
  let t = 0;
  for (;;) {
    const a = 2 * t + 1;
    const b = a + 1;
    let min = t;
    if (a < size && h[a] < h[min]) min = a;
    if (b < size && h[b] < h[min]) min = b;
    if (min === t) return;
    const tmp = h[min];
    h[min] = h[t];
    h[t] = tmp;
    t = min;
  }
}
