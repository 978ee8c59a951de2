/**
 * How points are coloured: a plan built from the colouring choice (class, a metadata column, the
 * local intrinsic dimension, or one colour), and the per-point RGBA it produces. Categorical
 * columns use the class palette (the 39 most frequent values, the rest "other"); a value that is a
 * class name gets that class's colour, so a prediction column and the true class compare colour
 * for colour. Numeric columns with many values and the local ID use viridis over the 2nd-98th percentile.
 */
import { interpolateViridis } from 'd3';
import type { Metadata } from '../geometry/types';
import { CLASS_COLORS, classColor, hexToRgb, MISSING_COLOR, OTHER_COLOR, UNIFORM_COLOR } from './palette';

export { MISSING_COLOR, OTHER_COLOR } from './palette';
/** Categorical columns with more distinct values than this get "other" beyond the most frequent. */
const MAX_CATEGORIES = CLASS_COLORS.length - 1;
/** A numeric column with more distinct values than this is shown on a continuous scale. */
const CONTINUOUS_MIN_DISTINCT = 12;

export type ColorPlan =
  | { kind: 'uniform' }
  | {
      kind: 'categorical';
      title: string;
      /** Category index per point (-1: missing / no value). */
      codes: Int32Array;
      categories: string[];
      colors: string[];
      counts: number[];
    }
  | {
      kind: 'continuous';
      title: string;
      /** Value per point (NaN: none). */
      values: Float32Array;
      /** Colour range (2nd and 98th percentiles of the finite values). */
      min: number;
      max: number;
      missing: number;
    };

/** The categorical plan of the class labels: palette colours, cycling beyond 40 classes. */
export function classPlan(labels: Int32Array, classNames: readonly string[], counts: readonly number[] | null): ColorPlan {
  return {
    kind: 'categorical',
    title: 'class',
    codes: labels,
    categories: [...classNames],
    colors: classNames.map((_, k) => classColor(k)),
    counts: counts ? [...counts] : classNames.map(() => 0),
  };
}

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/** The continuous plan of per-point values (NaN and infinities are "missing"). */
export function continuousPlan(title: string, values: Float32Array): ColorPlan {
  const finite = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  const missing = values.length - finite.length;
  const min = finite.length ? percentile(finite, 0.02) : 0;
  const max = finite.length ? percentile(finite, 0.98) : 1;
  return { kind: 'continuous', title, values, min, max: max > min ? max : min + 1, missing };
}

/**
 * Colours of categories: a class name keeps its class's colour; the others take the palette's
 * colours in order, skipping those the matched classes use.
 */
function categoryColors(categories: readonly string[], classNames: readonly string[] | null): string[] {
  const classOf = new Map((classNames ?? []).map((c, k) => [c, k]));
  const used = new Set(categories.map((c) => classOf.get(c)).filter((k): k is number => k !== undefined).map(classColor));
  const free = CLASS_COLORS.filter((c) => !used.has(c));
  let next = 0;
  return categories.map((c) => {
    const k = classOf.get(c);
    return k !== undefined ? classColor(k) : (free[next++ % Math.max(1, free.length)] ?? classColor(next));
  });
}

/**
 * A metadata column as a plan: continuous when every non-empty value is a number and there are
 * many; else categorical, ranked by frequency, or in class order when every shown value is a class name.
 */
export function columnPlan(title: string, values: readonly string[], classNames: readonly string[] | null = null): ColorPlan {
  const counts = new Map<string, number>();
  let numeric = true;
  for (const v of values) {
    if (v === '') continue;
    counts.set(v, (counts.get(v) ?? 0) + 1);
    if (numeric && !Number.isFinite(Number(v))) numeric = false;
  }
  if (numeric && counts.size > CONTINUOUS_MIN_DISTINCT) {
    return continuousPlan(title, Float32Array.from(values, (v) => (v === '' ? NaN : Number(v))));
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const shown = ranked.length > MAX_CATEGORIES + 1 ? ranked.slice(0, MAX_CATEGORIES) : ranked;
  const classOrder = new Map((classNames ?? []).map((c, k) => [c, k]));
  if (shown.length > 0 && shown.every(([v]) => classOrder.has(v))) shown.sort((a, b) => (classOrder.get(a[0]) ?? 0) - (classOrder.get(b[0]) ?? 0));
  const index = new Map(shown.map(([v], k) => [v, k]));
  const categories = shown.map(([v]) => v);
  const colors = categoryColors(categories, classNames);
  const planCounts = shown.map(([, c]) => c);
  const other = shown.length < ranked.length ? shown.length : -1;
  if (other >= 0) {
    categories.push(`other (${ranked.length - shown.length} values)`);
    colors.push(OTHER_COLOR);
    planCounts.push(ranked.slice(shown.length).reduce((s, [, c]) => s + c, 0));
  }
  const codes = Int32Array.from(values, (v) => (v === '' ? -1 : (index.get(v) ?? other)));
  return { kind: 'categorical', title, codes, categories, colors, counts: planCounts };
}

/** The plan for a colouring choice, given the dataset's buffers (null parts fall back to one colour). */
export function buildPlan(
  colorBy: string,
  b: { labels: Int32Array | null; meta: Metadata | null },
  classNames: readonly string[] | null,
  classCounts: readonly number[] | null,
  localId: Float32Array | null,
): ColorPlan {
  if (colorBy === 'class' && b.labels && classNames) return classPlan(b.labels, classNames, classCounts);
  if (colorBy === 'localId' && localId) return continuousPlan('local ID (MLE)', localId);
  if (colorBy.startsWith('meta:') && b.meta) {
    const c = b.meta.columns.indexOf(colorBy.slice(5));
    if (c >= 0) return columnPlan(b.meta.columns[c], b.meta.values[c], classNames);
  }
  return { kind: 'uniform' };
}

/** The scale's colour of t in [0, 1] as '#rrggbb'. */
export function scaleColor(t: number): string {
  const c = interpolateViridis(Math.min(1, Math.max(0, t)));
  if (c.startsWith('#')) return c;
  const m = /(\d+),\s*(\d+),\s*(\d+)/.exec(c);
  return m ? `#${[m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, '0')).join('')}` : UNIFORM_COLOR;
}

/** Per-point visibility and emphasis: hidden points get alpha 0, dimmed ones are mixed with the background. */
export interface Emphasis {
  /** Category names hidden in the legend (categorical plans). */
  hidden: readonly string[];
  /** Selected points (1) or null. */
  selection: Uint8Array | null;
  /** Show only the selection. */
  isolate: boolean;
  /** Points that have coordinates in this view (UMAP samples), or null for all. */
  present: Uint8Array | null;
  /** Background colour to dim towards. */
  background: [number, number, number];
  /** A category the legend points at (categorical plans): the others are dimmed. */
  focus?: string | null;
  /** Points passing the metadata filters (1), or null when none is set; the others are dimmed, or hidden with `filterHide`. */
  filter?: Uint8Array | null;
  filterHide?: boolean;
}

const CONTINUOUS_LUT = 256;

/**
 * The plan's colours as a flat RGB table (the last entry is the missing colour) and the table row
 * of each point; categorical rows hidden in the legend are flagged.
 */
function colourTable(plan: ColorPlan, hidden: readonly string[]): { table: Float32Array; row: (i: number) => number; hiddenRow: Uint8Array } {
  const flat = (hexes: string[]) => Float32Array.from([...hexes, MISSING_COLOR].flatMap(hexToRgb));
  if (plan.kind === 'categorical') {
    const K = plan.colors.length;
    const hiddenRow = new Uint8Array(K + 1);
    plan.categories.forEach((c, k) => (hiddenRow[k] = hidden.includes(c) ? 1 : 0));
    const codes = plan.codes;
    return { table: flat(plan.colors), row: (i) => (codes[i] >= 0 && codes[i] < K ? codes[i] : K), hiddenRow };
  }
  if (plan.kind === 'continuous') {
    const table = flat(Array.from({ length: CONTINUOUS_LUT }, (_, j) => scaleColor(j / (CONTINUOUS_LUT - 1))));
    const { values, min } = plan;
    const span = plan.max - plan.min;
    const row = (i: number) => {
      const v = values[i];
      return Number.isFinite(v) ? Math.round(Math.min(1, Math.max(0, (v - min) / span)) * (CONTINUOUS_LUT - 1)) : CONTINUOUS_LUT;
    };
    return { table, row, hiddenRow: new Uint8Array(CONTINUOUS_LUT + 1) };
  }
  return { table: flat([UNIFORM_COLOR]), row: () => 0, hiddenRow: new Uint8Array(2) };
}

/** Writes RGBA (n*4) per point for a plan and an emphasis (one pass, no allocation per point: it runs over 1,000,000 points). */
export function fillColors(out: Float32Array, plan: ColorPlan, e: Emphasis): void {
  const n = out.length / 4;
  const { table, row, hiddenRow } = colourTable(plan, e.hidden);
  const dimRow = new Uint8Array(hiddenRow.length);
  if (plan.kind === 'categorical' && e.focus != null && plan.categories.includes(e.focus)) dimRow.fill(1).set(plan.categories.map((c) => (c === e.focus ? 0 : 1)));
  const [br, bg, bb] = e.background;
  const { selection, present, isolate } = e;
  const filter = e.filter && e.filter.length === n ? e.filter : null;
  const filterHide = e.filterHide === true;
  for (let i = 0; i < n; i++) {
    const t = row(i);
    const r = table[3 * t];
    const g = table[3 * t + 1];
    const b = table[3 * t + 2];
    const selected = !selection || selection[i] === 1;
    const kept = !filter || filter[i] === 1;
    const shown = hiddenRow[t] === 0 && (!present || present[i] === 1) && (!isolate || selected) && (kept || !filterHide);
    const dim = selected && kept && dimRow[t] === 0 ? 0 : 0.78;
    out[4 * i] = r + (br - r) * dim;
    out[4 * i + 1] = g + (bg - g) * dim;
    out[4 * i + 2] = b + (bb - b) * dim;
    out[4 * i + 3] = shown ? 1 : 0;
  }
}
