/**
 * Per-point intrinsic dimension: the Levina-Bickel MLE of every row (dimension.ts `mle`,
 * pointwise) on the unique rows, each exact duplicate given the value of its first occurrence.
 */
import { knn } from './knn';
import { DEFAULT_MLE_K, mle } from './dimension';
import { uniqueRowMap } from './clean';
import { selectRows } from './rows';

export { uniqueRowMap } from './clean';

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
