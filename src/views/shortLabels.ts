/**
 * Long class names cut so that they stay apart. Names that share a long start (Adiac's
 * "Quercus_robur_…", file-path labels) differ at the end: an end ellipsis makes them read alike;
 * names that share an end ("…_leaf_outline") differ earlier. shortLabels tries the end cut, then
 * the middle cut, over the whole set and keeps the first that leaves every label distinct. The
 * full name stays in the title / tooltip.
 */

/** `text` cut to at most `max` characters (max >= 3) with "…" in the middle; the end keeps the larger half. */
export function middleEllipsis(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const keep = Math.max(2, max) - 1;
  const tail = Math.ceil(keep / 2);
  return `${chars.slice(0, keep - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** `text` cut to at most `max` characters with "…" at the end. */
export function endEllipsis(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** The labels cut to `max` characters by the end cut if that keeps them distinct, else by the middle cut; `distinct` says whether the chosen cut does. */
export function shortLabels(names: readonly string[], max: number): { labels: string[]; distinct: boolean } {
  const unique = (l: string[]) => new Set(l).size === new Set(names).size;
  const end = names.map((n) => endEllipsis(n, max));
  if (unique(end)) return { labels: end, distinct: true };
  const middle = names.map((n) => middleEllipsis(n, max));
  return { labels: middle, distinct: unique(middle) };
}

/** `text` cut by `cut` until `width(text) <= max` px (for a canvas font); unchanged when it fits. */
export function cutToWidth(text: string, max: number, width: (s: string) => number, cut: (t: string, n: number) => string): string {
  if (width(text) <= max) return text;
  let n = [...text].length - 1;
  while (n > 2 && width(cut(text, n)) > max) n--;
  return cut(text, n);
}

/** `text` cut to at most `max` characters with "…" at the start (names that differ only near their end). */
export function startEllipsis(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `…${chars.slice(chars.length - Math.max(1, max - 1)).join('')}`;
}

/** The labels cut to `max` px by the first of the end, middle and start cuts that keeps them distinct; null when none does. */
export function distinctLabelsToWidth(names: readonly string[], max: number, width: (s: string) => number): string[] | null {
  const want = new Set(names).size;
  for (const cut of [endEllipsis, middleEllipsis, startEllipsis]) {
    const labels = names.map((n) => cutToWidth(n, max, width, cut));
    if (new Set(labels).size === want) return labels;
  }
  return null;
}

/** shortLabels by width in px: the end cut when it keeps the labels distinct, else the middle cut. */
export function shortLabelsToWidth(names: readonly string[], max: number, width: (s: string) => number): string[] {
  const end = names.map((n) => cutToWidth(n, max, width, endEllipsis));
  if (new Set(end).size === new Set(names).size) return end;
  return names.map((n) => cutToWidth(n, max, width, middleEllipsis));
}
