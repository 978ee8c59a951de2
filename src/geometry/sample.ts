/** Seeded row samples: uniform (UMAP on large sets, metrics that state their sample) and stratified per class. */
import { mulberry32 } from './random';

/** How a sample is drawn: uniformly over the rows, or per class with largest-remainder quotas. */
export type SampleStrategy = 'uniform' | 'stratified';
export const SAMPLE_STRATEGIES: readonly SampleStrategy[] = ['uniform', 'stratified'];

/** A sample asked for: at most `size` rows, drawn by `strategy` from mulberry32(`seed`). */
export interface SampleSpec {
  size: number;
  strategy: SampleStrategy;
  seed: number;
}

/** The app's ID sample until the user sets another: 100,000 unique rows, uniform, seed 1 (the CLI's --id-sample seed). */
export const DEFAULT_ID_SAMPLE: SampleSpec = { size: 100_000, strategy: 'uniform', seed: 1 };

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

/**
 * Per-class sample sizes summing to exactly m (m <= the total): class c gets floor(m n_c / N), and
 * the rows still missing go one each to the classes with the largest remainders (ties: the lower
 * class). Each quota is within 1 of its proportional share m n_c / N and never above n_c.
 */
export function classQuotas(counts: ArrayLike<number>, m: number): Int32Array {
  const K = counts.length;
  let total = 0;
  for (let c = 0; c < K; c++) total += counts[c];
  const quotas = new Int32Array(K);
  if (m >= total) {
    for (let c = 0; c < K; c++) quotas[c] = counts[c];
    return quotas;
  }
  // Integer arithmetic: share = m n_c / N = floor + rem / N, exact for m N < 2^53.
  const rem = new Float64Array(K);
  let given = 0;
  for (let c = 0; c < K; c++) {
    const num = m * counts[c];
    quotas[c] = Math.floor(num / total);
    rem[c] = num - quotas[c] * total;
    given += quotas[c];
  }
  const order = Array.from({ length: K }, (_, c) => c).sort((a, b) => rem[b] - rem[a] || a - b);
  for (let t = 0; t < m - given; t++) quotas[order[t]]++;
  return quotas;
}

/** The seed of class c's draw within a stratified sample of seed `seed` (a 32-bit mix, distinct per class). */
export function classSeed(seed: number, c: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(c + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * m distinct positions of [0, labels.length), sorted ascending, drawn per class: class c (labels in
 * 0..K-1) gets classQuotas' share, drawn uniformly among its rows by sampleRows over classSeed(seed, c).
 * All positions when m >= labels.length.
 */
export function stratifiedRows(labels: ArrayLike<number>, K: number, m: number, seed = 1): Int32Array {
  const n = labels.length;
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < n; i++) members[labels[i]].push(i);
  const quotas = classQuotas(members.map((r) => r.length), m);
  const out = new Int32Array(m);
  let at = 0;
  for (let c = 0; c < K; c++) {
    for (const t of sampleRows(members[c].length, quotas[c], classSeed(seed, c))) out[at++] = members[c][t];
  }
  return out.sort();
}

/** Rows of a sample drawn by spec from n rows (labels of those rows for 'stratified'; K classes). */
export function drawSample(n: number, spec: SampleSpec, labels: ArrayLike<number> | null, K: number): Int32Array {
  if (spec.strategy === 'stratified') {
    if (!labels) throw new RangeError('a stratified sample needs labels');
    return stratifiedRows(labels, K, spec.size, spec.seed);
  }
  return sampleRows(n, spec.size, spec.seed);
}
