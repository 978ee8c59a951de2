/** Input hygiene before the metrics: non-finite rows and exact duplicate rows. */
import type { Embeddings, Metadata } from './types';

/** True when row i of X (n x d, row-major) has no NaN or +-Infinity. */
export function rowIsFinite(X: ArrayLike<number>, i: number, d: number): boolean {
  for (let j = i * d, end = i * d + d; j < end; j++) if (!Number.isFinite(X[j])) return false;
  return true;
}

/**
 * Removes every row containing NaN or +-Infinity, with its label and metadata row.
 * Returns the input object itself when nothing is removed.
 */
export function dropNonFinite(emb: Embeddings): { emb: Embeddings; nonFinite: number } {
  const { n, dim: d, vectors } = emb;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    if (rowIsFinite(vectors, i, d)) keep.push(i);
  }
  const nonFinite = n - keep.length;
  if (nonFinite === 0) return { emb, nonFinite };
  const out = new Float32Array(keep.length * d);
  keep.forEach((src, dst) => out.set(vectors.subarray(src * d, src * d + d), dst * d));
  const filtered: Embeddings = { ...emb, n: keep.length, vectors: out };
  if (emb.labels) filtered.labels = Int32Array.from(keep, (i) => emb.labels![i]);
  if (emb.meta) filtered.meta = selectMeta(emb.meta, keep);
  return { emb: filtered, nonFinite };
}

function selectMeta(meta: Metadata, keep: number[]): Metadata {
  return { columns: meta.columns, values: meta.values.map((col) => keep.map((i) => col[i])) };
}

/**
 * Exact duplicate rows (equal as numbers, so 0 and -0 match). keep lists the first occurrence
 * of every distinct row in input order; duplicates = n - keep.length.
 */
export function dedupRows(X: Float32Array, n: number, d: number): { keep: Int32Array; duplicates: number } {
  const { keep } = uniqueRowMap(X, n, d);
  return { keep, duplicates: n - keep.length };
}

/**
 * For each row, the position in `keep` of its first exact duplicate (itself when unique); keep
 * lists first occurrences in input order (as dedupRows). Rows are equal when every coordinate is
 * equal as a number (0 and -0 match).
 */
export function uniqueRowMap(X: Float32Array, n: number, d: number): { keep: Int32Array; of: Int32Array } {
  const bits = new Uint32Array(1);
  const f32 = new Float32Array(bits.buffer);
  const buckets = new Map<number, number[]>();
  const keep: number[] = [];
  const of = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    let h = 0x811c9dc5;
    for (let j = 0; j < d; j++) {
      f32[0] = X[o + j] === 0 ? 0 : X[o + j];
      h = Math.imul(h ^ bits[0], 0x01000193);
      h ^= h >>> 15;
    }
    let bucket = buckets.get(h);
    if (bucket === undefined) buckets.set(h, (bucket = []));
    const same = bucket.find((u) => rowsEqual(X, keep[u] * d, o, d));
    if (same !== undefined) {
      of[i] = same;
      continue;
    }
    bucket.push(keep.length);
    of[i] = keep.length;
    keep.push(i);
  }
  return { keep: Int32Array.from(keep), of };
}

function rowsEqual(X: Float32Array, a: number, b: number, d: number): boolean {
  for (let j = 0; j < d; j++) if (X[a + j] !== X[b + j]) return false;
  return true;
}

/**
 * dropNonFinite without a second copy of the matrix: the finite rows are moved to the front of
 * emb.vectors in place (the caller gives up the original contents) and the returned Embeddings
 * views that prefix. rowIndex lists the original row of each kept row.
 */
export function compactNonFinite(emb: Embeddings): { emb: Embeddings; nonFinite: number; rowIndex: Int32Array } {
  const { n, dim: d, vectors } = emb;
  const rowIndex = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!rowIsFinite(vectors, i, d)) continue;
    if (m !== i) vectors.copyWithin(m * d, i * d, i * d + d);
    rowIndex[m++] = i;
  }
  const nonFinite = n - m;
  if (nonFinite === 0) return { emb, nonFinite, rowIndex };
  const keep = rowIndex.slice(0, m);
  const out: Embeddings = { ...emb, n: m, vectors: vectors.subarray(0, m * d) };
  if (emb.labels) out.labels = Int32Array.from(keep, (i) => emb.labels![i]);
  if (emb.meta) out.meta = selectMeta(emb.meta, Array.from(keep));
  return { emb: out, nonFinite, rowIndex: keep };
}
