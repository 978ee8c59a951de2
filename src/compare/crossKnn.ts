/**
 * Exact k nearest targets of every query row (two different point sets in one space), Euclidean:
 * blocks of float32 scores 2 q.t - ||t||^2 through tfjs (matMul + topk), candidates re-ranked by
 * float64 distances, ties by target index; a query whose float32 margin cannot exclude a closer
 * non-candidate is retried with 4x the candidates, then searched exhaustively in float64 (the bound of geometry/knnRows.ts, margin()).
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkpoint } from '../geometry/abort';
import { topScores } from '../geometry/tf/blocks';

const EPS32 = 2 ** -24;
/** Candidates grow 4x per retry up to this (as in geometry/knn.ts); beyond it a query is searched exhaustively. */
const MAX_CANDIDATES = 4096;

export interface CrossKnnResult {
  k: number;
  /** nq*k target indices, nearest first per query. */
  indices: Int32Array;
  /** nq*k squared Euclidean distances, ascending per query. */
  dist2: Float64Array;
}

/** The k nearest rows of T (nt x d) to each row of Q (nq x d), k clamped to nt; distances in float64 from the given values. */
export async function crossKnn(Q: Float32Array | Float64Array, nq: number, T: Float32Array | Float64Array, nt: number, d: number, k: number, signal?: AbortSignal): Promise<CrossKnnResult> {
  const kk = Math.min(Math.floor(k), nt);
  if (!(kk >= 1)) throw new RangeError(`crossKnn needs k >= 1 and a target (k = ${k}, nt = ${nt})`);
  const mean = new Float64Array(d);
  for (let j = 0; j < nt; j++) for (let t = 0; t < d; t++) mean[t] += T[j * d + t] / nt;
  const ref = new Float32Array((d + 1) * nt);
  for (let j = 0; j < nt; j++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      const c = T[j * d + t] - mean[t];
      ref[t * nt + j] = c;
      s += c * c;
    }
    ref[d * nt + j] = s;
  }
  const dist2 = (i: number, j: number) => {
    let s = 0;
    for (let t = 0; t < d; t++) s += (Q[i * d + t] - T[j * d + t]) ** 2;
    return s;
  };
  const indices = new Int32Array(nq * kk);
  const out = new Float64Array(nq * kk);
  const B = Math.max(1, Math.min(nq, 1024, Math.floor((1 << 24) / nt)));
  const e = (d + 4) * EPS32;
  const reference = tf.tensor2d(ref, [d + 1, nt]);
  const query = new Float32Array(B * (d + 1));
  const norm = new Float64Array(B);
  const write = (i: number, chosen: (readonly [number, number])[]) => chosen.forEach(([dd, j], c) => {
    indices[i * kk + c] = j;
    out[i * kk + c] = dd;
  });
  /** Scores the rows against every target, keeps those whose top `cand` provably hold the kk nearest; returns the rest. */
  const pass = async (rows: number[], cand: number): Promise<number[]> => {
    query.fill(0);
    rows.forEach((i, r) => {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const c = Q[i * d + t] - mean[t];
        query[r * (d + 1) + t] = 2 * c;
        s += c * c;
      }
      query[r * (d + 1) + d] = -1;
      norm[r] = s;
    });
    const { scores, found } = await topScores(query, B, d + 1, reference, cand);
    return rows.filter((i, r) => {
      const best = nearest(Array.from(found.subarray(r * cand, r * cand + cand), (j) => [dist2(i, j), j] as const), kk);
      const margin = cand < nt ? (norm[r] - scores[r * cand + cand - 1] - 5 * e * norm[r]) / (1 + 4 * e) : Infinity;
      if (best[kk - 1][0] > margin) return true;
      write(i, best);
      return false;
    });
  };
  try {
    for (let start = 0; start < nq; start += B) {
      await checkpoint(signal);
      let cand = Math.min(nt, kk + 16);
      let pending = await pass(Array.from({ length: Math.min(B, nq - start) }, (_, r) => start + r), cand);
      while (pending.length > 0 && cand < nt && 4 * cand <= MAX_CANDIDATES) {
        cand = Math.min(nt, 4 * cand);
        pending = await pass(pending, cand);
      }
      for (const i of pending) write(i, nearest(Array.from({ length: nt }, (_, j) => [dist2(i, j), j] as const), kk));
    }
  } finally {
    reference.dispose();
  }
  return { k: kk, indices, dist2: out };
}

/** The kk smallest (distance, index) pairs, ties by index. */
function nearest(pairs: (readonly [number, number])[], kk: number): (readonly [number, number])[] {
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, kk);
}

/**
 * Exact Euclidean k nearest neighbours of every row of Z (n x d) among the others, float64 throughout
 * (self excluded, ties by index): crossKnn of Z with itself for k + 1, self dropped wherever it ranks.
 */
export async function selfKnn(Z: Float32Array | Float64Array, n: number, d: number, k: number, signal?: AbortSignal): Promise<{ k: number; indices: Int32Array }> {
  const kk = Math.min(Math.floor(k), n - 1);
  const nn = await crossKnn(Z, n, Z, n, d, kk + 1, signal);
  const indices = new Int32Array(n * kk);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let t = 0; t < nn.k && c < kk; t++) {
      const j = nn.indices[i * nn.k + t];
      if (j !== i) indices[i * kk + c++] = j;
    }
  }
  return { k: kk, indices };
}
