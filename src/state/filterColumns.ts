/**
 * The plotted points' columns as filters: the class and every metadata column, each typed by its
 * values. A column whose non-empty values are all numbers, with more than NUMERIC_MIN_DISTINCT
 * distinct values, is numeric: binned on nice edges (1, 2 or 5 times a power of ten) for a histogram and a range;
 * one with at most MAX_CATEGORIES distinct values is categorical (bars with toggles); any other is
 * text (a contains / regular-expression box).
 */

/** Distinct values above which a column of numbers is a histogram, not bars. */
export const NUMERIC_MIN_DISTINCT = 12;
/** Distinct values above which a non-numeric column is searched as text. */
export const MAX_CATEGORIES = 40;
/** The bins a histogram aims at (nice edges make it 10 to 30 or so). */
const TARGET_BINS = 24;
/** The bin of a missing value. */
export const NO_BIN = 0xffff;
/** The category shown for rows without a value. */
export const EMPTY_CATEGORY = '(no value)';

export type FilterColumn =
  | {
      kind: 'numeric';
      name: string;
      /** Bin edges, ascending: bin b holds edges[b] <= v < edges[b + 1] (the last bin includes its upper edge). */
      edges: Float64Array;
      /** Bin of each row (NO_BIN when the row has no number). */
      bin: Uint16Array;
      /** Rows without a value. */
      missing: number;
    }
  | {
      kind: 'category';
      name: string;
      categories: string[];
      /** Category index of each row. */
      codes: Uint16Array;
    }
  | {
      kind: 'text';
      name: string;
      /** Text of row i. */
      at: (i: number) => string;
    };

/** The number of rows a column covers. */
export function columnRows(c: FilterColumn, n: number): number {
  return c.kind === 'numeric' ? c.bin.length : c.kind === 'category' ? c.codes.length : n;
}

/** Nice edges from lo to hi (at least one bin; a constant column gets a unit-wide bin). */
export function niceEdges(lo: number, hi: number, target = TARGET_BINS): Float64Array {
  if (!(hi > lo)) return Float64Array.from([lo - 0.5, lo + 0.5]);
  const step = niceStep(hi - lo, target);
  // Integer multiples of the step (or of its inverse below 1), so the edges are equally spaced
  // and exact where the step is a power of ten.
  const inv = step < 1 ? Math.round(1 / step) : 0;
  const at = (i: number) => (inv ? i / inv : i * step);
  const first = inv ? Math.floor(lo * inv) : Math.floor(lo / step);
  const last = inv ? Math.ceil(hi * inv) : Math.ceil(hi / step);
  const edges: number[] = [];
  for (let i = first; i <= Math.max(last, first + 1); i++) edges.push(at(i));
  return Float64Array.from(edges);
}

/** The tick step d3 picks for `count` ticks over `span`: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const e = raw / power;
  return power * (e >= Math.sqrt(50) ? 10 : e >= Math.sqrt(10) ? 5 : e >= Math.sqrt(2) ? 2 : 1);
}

/** The bin of v among `edges` (equal steps), clamped to the last bin at the top edge. */
export function binOf(v: number, edges: Float64Array): number {
  const bins = edges.length - 1;
  const step = (edges[bins] - edges[0]) / bins;
  return Math.min(bins - 1, Math.max(0, Math.floor((v - edges[0]) / step)));
}

/**
 * A column of strings typed and coded as a filter, in one pass over the strings (each parsed once;
 * values are counted only while they could still be categories, and a column that is neither
 * numbers nor a few categories stops at the value that shows it is text).
 */
export function filterColumn(name: string, values: readonly string[]): FilterColumn {
  const n = values.length;
  const distinct = new Map<string, number>();
  let counting = true;
  let numeric = true;
  let lo = Infinity;
  let hi = -Infinity;
  let empty = 0;
  const nums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === '') {
      empty++;
      continue;
    }
    if (counting) {
      distinct.set(v, (distinct.get(v) ?? 0) + 1);
      counting = distinct.size <= MAX_CATEGORIES;
    }
    if (!numeric) {
      if (!counting) break;
      continue;
    }
    const x = Number(v);
    if (!Number.isFinite(x)) numeric = false;
    else {
      nums[i] = x;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  if (numeric && distinct.size > NUMERIC_MIN_DISTINCT) {
    const edges = niceEdges(lo, hi);
    const bin = new Uint16Array(n);
    for (let i = 0; i < n; i++) bin[i] = values[i] === '' ? NO_BIN : binOf(nums[i], edges);
    return { kind: 'numeric', name, edges, bin, missing: empty };
  }
  if (distinct.size > MAX_CATEGORIES) return { kind: 'text', name, at: (i) => values[i] ?? '' };
  const ranked = [...distinct.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
  if (numeric) ranked.sort((a, b) => Number(a) - Number(b));
  const index = new Map(ranked.map((v, k) => [v, k]));
  const categories = empty > 0 ? [...ranked, EMPTY_CATEGORY] : ranked;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = values[i] === '' ? ranked.length : (index.get(values[i]) as number);
  return { kind: 'category', name, categories, codes };
}

/** The class labels as a categorical column (class order). */
export function classColumn(labels: Int32Array, classNames: readonly string[]): FilterColumn {
  // A plain loop: Uint16Array.from with a map function costs tens of ms at 100,000 rows.
  const codes = new Uint16Array(labels.length);
  for (let i = 0; i < labels.length; i++) codes[i] = labels[i] > 0 ? labels[i] : 0;
  return { kind: 'category', name: 'class', categories: [...classNames], codes };
}

/** The typing of every filter column of the plotted points, one job per column: the class (when labelled), then the metadata columns in file order. */
export function filterColumnJobs(b: { labels: Int32Array | null; meta: { columns: string[]; values: string[][] } | null }, classNames: readonly string[] | null): (() => FilterColumn)[] {
  const out: (() => FilterColumn)[] = [];
  const { labels, meta } = b;
  if (labels && classNames) out.push(() => classColumn(labels, classNames));
  meta?.columns.forEach((name, c) => {
    if (name !== 'class' || !(labels && classNames)) out.push(() => filterColumn(name, meta.values[c]));
  });
  return out;
}

/** Every filter column of the plotted points: the class (when labelled), then the metadata columns in file order. */
export function filterColumns(b: { labels: Int32Array | null; meta: { columns: string[]; values: string[][] } | null }, classNames: readonly string[] | null): FilterColumn[] {
  return filterColumnJobs(b, classNames).map((job) => job());
}
