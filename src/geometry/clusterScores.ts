/**
 * Agreement between two labellings and cluster quality, in scikit-learn's conventions:
 * adjusted Rand index (Hubert & Arabie), normalised mutual information (arithmetic mean of the
 * entropies, natural logs), silhouette (mean of (b - a) / max(a, b), Euclidean).
 */

/** The contingency table of two labellings as a map "a,b" -> count, plus the marginals. */
function contingency(a: ArrayLike<number>, b: ArrayLike<number>): { cells: Map<string, number>; ra: Map<number, number>; rb: Map<number, number> } {
  if (a.length !== b.length) throw new RangeError(`labellings differ in length (${a.length} vs ${b.length})`);
  const cells = new Map<string, number>();
  const ra = new Map<number, number>();
  const rb = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const key = `${a[i]},${b[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    ra.set(a[i], (ra.get(a[i]) ?? 0) + 1);
    rb.set(b[i], (rb.get(b[i]) ?? 0) + 1);
  }
  return { cells, ra, rb };
}

const pairs = (m: number) => (m * (m - 1)) / 2;

/** ARI = (sum_ij C(n_ij, 2) - E) / (mean of the marginal sums - E), E = sum_i C(a_i,2) sum_j C(b_j,2) / C(n,2); 1 when both are one cluster. */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { cells, ra, rb } = contingency(a, b);
  const n = a.length;
  let index = 0;
  for (const m of cells.values()) index += pairs(m);
  let sa = 0;
  let sb = 0;
  for (const m of ra.values()) sa += pairs(m);
  for (const m of rb.values()) sb += pairs(m);
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** NMI = I(a; b) / ((H(a) + H(b)) / 2); 1 when both labellings are a single cluster. */
export function normalizedMutualInfo(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { cells, ra, rb } = contingency(a, b);
  const n = a.length;
  const entropy = (m: Map<number, number>) => {
    let h = 0;
    for (const c of m.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  const ha = entropy(ra);
  const hb = entropy(rb);
  if (ra.size === 1 && rb.size === 1) return 1;
  let mi = 0;
  for (const [key, c] of cells) {
    const [x, y] = key.split(',').map(Number);
    mi += (c / n) * Math.log((c * n) / ((ra.get(x) ?? 0) * (rb.get(y) ?? 0)));
  }
  if (mi <= 0) return 0;
  return mi / ((ha + hb) / 2);
}

/**
 * Mean silhouette of the rows of X (n x d) under `labels` (pass a seeded subsample for large n, as
 * sklearn's silhouette_score(sample_size=...) does): s_i = (b_i - a_i) / max(a_i, b_i), a_i the mean
 * distance to the rest of its cluster, b_i the smallest mean distance to another cluster; s_i = 0
 * in a singleton cluster. Needs at least 2 clusters. O(n^2 d).
 */
export function silhouette(X: Float32Array, n: number, d: number, labels: ArrayLike<number>): number {
  const ids = [...new Set(Array.from(labels))].sort((x, y) => x - y);
  if (ids.length < 2) throw new RangeError('the silhouette needs at least 2 clusters');
  const slot = new Map(ids.map((c, t) => [c, t]));
  const of = Int32Array.from({ length: n }, (_, j) => slot.get(labels[j]) ?? 0);
  const sizes = new Float64Array(ids.length);
  for (let j = 0; j < n; j++) sizes[of[j]]++;
  const sums = new Float64Array(ids.length);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let t = 0; t < d; t++) s += (X[i * d + t] - X[j * d + t]) ** 2;
      sums[of[j]] += Math.sqrt(s);
    }
    const own = of[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < ids.length; c++) if (c !== own) b = Math.min(b, sums[c] / sizes[c]);
    total += (b - a) / Math.max(a, b);
  }
  return total / n;
}
