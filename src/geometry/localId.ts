/**
 * Per-point intrinsic dimension: the Levina-Bickel MLE of every row (dimension.ts `mle`,
 * pointwise) on the unique rows, each exact duplicate given the value of its first occurrence.
 */
import { knn } from './knn';
import { DEFAULT_MLE_K, mle } from './dimension';
import { selectRows } from './rows';

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
 * m(x_i) of the Levina-Bickel MLE with k = min(k, unique - 1) neighbours among the unique rows
 * (Euclidean, self excluded): m(x) = [(1/(k-1)) sum_{j<k} log(T_k/T_j)]^-1. NaN for every row when
 * fewer than 3 unique rows; Infinity where T_1 = T_k.
 */
export async function localDimension(
  X: Float32Array,
  n: number,
  d: number,
  k = DEFAULT_MLE_K,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<{ k: number; values: Float64Array }> {
  const { keep, of } = uniqueRowMap(X, n, d);
  const unique = keep.length;
  const kEff = Math.min(k, unique - 1);
  const values = new Float64Array(n).fill(NaN);
  if (unique < 3) return { k: kEff, values };
  const Xu = unique === n ? X : selectRows(X, d, keep);
  const nn = await knn(Xu, unique, d, Math.max(kEff, 2), opts);
  const { pointwise } = mle(nn, kEff);
  for (let i = 0; i < n; i++) values[i] = pointwise[of[i]];
  return { k: kEff, values };
}
