/** Seeded uniform row samples (UMAP on large sets, metrics that state their sample). */
import { mulberry32 } from './random';

/**
 * m distinct row indices drawn uniformly from [0, n) without replacement (Floyd's algorithm over
 * mulberry32(seed)), sorted ascending; all rows 0..n-1 when m >= n.
 */
export function sampleRows(n: number, m: number, seed = 1): Int32Array {
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const rand = mulberry32(seed);
  const chosen = new Set<number>();
  for (let j = n - m; j < n; j++) {
    const t = Math.floor(rand() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
