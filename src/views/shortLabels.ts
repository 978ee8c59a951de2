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

/** shortLabels by width in px: the end cut when it keeps the labels distinct, else the middle cut. */
export function shortLabelsToWidth(names: readonly string[], max: number, width: (s: string) => number): string[] {
  const end = names.map((n) => cutToWidth(n, max, width, endEllipsis));
  if (new Set(end).size === new Set(names).size) return end;
  return names.map((n) => cutToWidth(n, max, width, middleEllipsis));
}
