/**
 * Names for clusters from a text column, by class-based TF-IDF (BERTopic's c-TF-IDF): the weight of
 * term t in cluster c is tf(t, c) log(1 + A / f(t)), tf the term's share of the cluster's terms,
 * f(t) its count over all clusters, A the mean number of terms per cluster. Terms are lower-cased
 * runs of letters and digits of at least two characters, minus a few English stop words.
 */

const STOP = new Set('the and for with that this from are was were have has had not but you your its into than then they them their there which what when where who how all any can will would could should our out off over under more most some such only own same very also just about after before each few other both been being does did doing'.split(' '));

/** Terms of one text. A whole text that is one short token (a class name like "7") is kept as it is. */
export function terms(text: string): string[] {
  const t = text.trim().toLowerCase();
  if (t.length > 0 && t.length <= 24 && !/\s/.test(t)) return [t];
  return (t.match(/[\p{L}\p{N}]{2,}/gu) ?? []).filter((w) => !STOP.has(w));
}

/** The `top` highest-weighted terms of each cluster 0..count-1 (labels -1 ignored), best first. */
export function clusterKeywords(texts: readonly string[], labels: ArrayLike<number>, count: number, top = 3): string[][] {
  const perCluster: Map<string, number>[] = Array.from({ length: count }, () => new Map());
  const overall = new Map<string, number>();
  const totals = new Float64Array(count);
  for (let i = 0; i < texts.length; i++) {
    const c = labels[i];
    if (c < 0 || c >= count) continue;
    for (const w of terms(texts[i])) {
      perCluster[c].set(w, (perCluster[c].get(w) ?? 0) + 1);
      overall.set(w, (overall.get(w) ?? 0) + 1);
      totals[c]++;
    }
  }
  let sum = 0;
  for (const t of totals) sum += t;
  const A = sum / Math.max(1, count);
  return perCluster.map((m, c) =>
    [...m.entries()]
      .map(([w, f]) => [w, (f / Math.max(1, totals[c])) * Math.log(1 + A / (overall.get(w) ?? 1))] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, top)
      .map(([w]) => w),
  );
}
