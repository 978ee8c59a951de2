/**
 * Cross-filtering the plotted points, updated incrementally: each column may hold a filter (a bin
 * range, categories turned off, a text query); a row passes when it passes every filter (AND).
 * Each column's counts are over the rows that pass every OTHER filter, so a histogram shows what
 * its own brush would keep (crossfilter's convention); a text column counts the rows passing every
 * filter, its own included (the rows that match).
 *
 * The engine keeps, per row, how many filters it fails, the mask of rows failing none, and every
 * column's counts; a change of one filter visits only the rows whose pass state changes, and for
 * each of them only the columns whose count it moves. A brush step that moves a range's edge by a
 * bin visits that bin's rows (the rows of each numeric column are kept grouped by bin), not all n.
 * Categories and text rebuild their column's pass mask (O(n), no allocation per row), then visit
 * the rows that changed.
 */
import { NO_BIN, type FilterColumn } from './filterColumns';
import { searchPoints } from '../explore/search';

export type FilterValue =
  /** Keep bins b0..b1 (inclusive); rows without a value fail. */
  | { kind: 'range'; b0: number; b1: number }
  /** Categories (indices) turned off. */
  | { kind: 'categories'; off: readonly number[] }
  /** Rows whose text contains the query (case-insensitive), or matches it as a regular expression. */
  | { kind: 'text'; query: string; regex: boolean };

type Range = { b0: number; b1: number } | null;

/** Per row its count slot (bin, with missing rows in an extra last slot; category; 0 for text), and the slots' number. */
function slotsOf(col: FilterColumn, n: number): { slot: Uint16Array; size: number } {
  if (col.kind === 'category') return { slot: col.codes, size: col.categories.length };
  if (col.kind === 'text') return { slot: new Uint16Array(n), size: 1 };
  const bins = col.edges.length - 1;
  const slot = new Uint16Array(n);
  for (let i = 0; i < n; i++) slot[i] = col.bin[i] === NO_BIN ? bins : col.bin[i];
  return { slot, size: bins + 1 };
}

export class Crossfilter {
  readonly n: number;
  /** Per column: counts with no filter at all (bins or categories; text columns: [n]). */
  readonly totals: Int32Array[];
  /** Rows whose pass state the last setFilter visited (the incremental update's work, for tests). */
  lastVisited = 0;
  /** Per column: 1 where the row passes its filter, or null when the column has no filter. */
  private readonly pass: (Uint8Array | null)[];
  private readonly values: (FilterValue | null)[];
  /** Per row: the number of filters it fails. */
  private readonly fails: Uint8Array;
  /** Per row: 1 where it fails no filter. */
  private readonly keep: Uint8Array;
  /** Per column: each row's count slot, and the live counts over the rows passing every other filter. */
  private readonly slot: Uint16Array[];
  private readonly live: Int32Array[];
  /** Per numeric column: its rows grouped by slot (rows of slot s at order[start[s]..start[s + 1])). */
  private readonly groups: ({ order: Int32Array; start: Int32Array } | null)[];
  /** Rows passing every filter. */
  private kept: number;

  constructor(
    readonly columns: readonly FilterColumn[],
    n: number,
  ) {
    this.n = n;
    this.pass = columns.map(() => null);
    this.values = columns.map(() => null);
    this.groups = columns.map(() => null);
    this.fails = new Uint8Array(n);
    this.keep = new Uint8Array(n).fill(1);
    this.kept = n;
    this.slot = [];
    this.live = [];
    this.totals = columns.map((col, c) => {
      const { slot, size } = slotsOf(col, n);
      const counts = new Int32Array(size);
      for (let i = 0; i < n; i++) counts[slot[i]]++;
      this.slot.push(slot);
      this.live.push(counts);
      return this.shown(c, counts.slice());
    });
    // Numeric columns are grouped by bin now, so that the first brush does not pay for it.
    columns.forEach((col, c) => {
      if (col.kind === 'numeric') this.groups[c] = this.group(c);
    });
  }

  /** Sets (or with null clears) column c's filter; returns an error message for an invalid regular expression. */
  setFilter(c: number, value: FilterValue | null): string | null {
    const col = this.columns[c];
    const prev = this.values[c];
    this.lastVisited = 0;
    if (col.kind === 'numeric' && (value === null || value.kind === 'range') && (prev === null || prev.kind === 'range')) {
      this.moveRange(c, prev, value);
    } else {
      let next: Uint8Array | null = null;
      if (value) {
        const r = this.passMask(col, value);
        if (typeof r === 'string') return r;
        next = r;
      }
      const old = this.pass[c];
      this.pass[c] = null;
      for (let i = 0; i < this.n; i++) {
        const was = old ? old[i] : 1;
        const now = next ? next[i] : 1;
        if (was !== now) this.flip(c, i, now === 0);
      }
      this.pass[c] = next;
    }
    this.values[c] = value;
    return null;
  }

  /** Whether any filter is set. */
  active(): boolean {
    return this.pass.some((p) => p !== null);
  }

  /** 1 where a row passes every filter (a fresh array), or null when no filter is set. */
  mask(): Uint8Array | null {
    return this.active() ? this.keep.slice() : null;
  }

  /** Rows passing every filter. */
  passing(): number {
    return this.kept;
  }

  /** Column c's counts over the rows passing every other filter (a fresh array: bins, categories, or [rows] for text). */
  counts(c: number): Int32Array {
    // A text column's count is of the rows passing every filter, its own included ("N rows match").
    if (this.columns[c].kind === 'text') return Int32Array.of(this.kept);
    return this.shown(c, this.live[c].slice());
  }

  /** The counts a column shows: numeric columns drop their missing rows' slot. */
  private shown(c: number, counts: Int32Array): Int32Array {
    return this.columns[c].kind === 'numeric' ? counts.subarray(0, counts.length - 1) : counts;
  }

  /**
   * Row i now fails (or passes again) column c's filter: its failure count, the kept mask and the
   * counts of every other column it leaves or joins (a row counts for column k when it fails no
   * filter but, perhaps, k's own). Column c's own counts do not change.
   */
  private flip(c: number, i: number, fails: boolean): void {
    const before = this.fails[i];
    const after = fails ? before + 1 : before - 1;
    this.fails[i] = after;
    if (before === 0) {
      this.kept--;
      this.keep[i] = 0;
    } else if (after === 0) {
      this.kept++;
      this.keep[i] = 1;
    }
    this.lastVisited++;
    // Only a row that fails at most one filter, before or after, can join or leave another column's counts.
    if (Math.min(before, after) > 1) return;
    const { pass, slot, live } = this;
    for (let k = 0; k < live.length; k++) {
      if (k === c || this.columns[k].kind === 'text') continue;
      const own = pass[k] ? 1 - pass[k]![i] : 0;
      if (before - own === 0) live[k][slot[k][i]]--;
      else if (after - own === 0) live[k][slot[k][i]]++;
    }
  }

  /** A numeric column's range moves (null: no filter): the rows of every bin whose inclusion changed flip. */
  private moveRange(c: number, prev: FilterValue | null, next: FilterValue | null): void {
    const size = this.live[c].length;
    const missing = size - 1;
    const inside = (s: number, r: Range) => r === null || (s !== missing && s >= r.b0 && s <= r.b1);
    const a = prev?.kind === 'range' ? prev : null;
    const b = next?.kind === 'range' ? next : null;
    const g = (this.groups[c] ??= this.group(c));
    const pass = (this.pass[c] ??= new Uint8Array(this.n).fill(1));
    for (let s = 0; s < size; s++) {
      const was = inside(s, a);
      if (was === inside(s, b)) continue;
      for (let j = g.start[s]; j < g.start[s + 1]; j++) {
        const i = g.order[j];
        pass[i] = was ? 0 : 1;
        this.flip(c, i, was);
      }
    }
    if (b === null) this.pass[c] = null;
  }

  /** Column c's rows grouped by slot (a counting sort). */
  private group(c: number): { order: Int32Array; start: Int32Array } {
    const slot = this.slot[c];
    const size = this.live[c].length;
    const start = new Int32Array(size + 1);
    for (let i = 0; i < this.n; i++) start[slot[i] + 1]++;
    for (let s = 0; s < size; s++) start[s + 1] += start[s];
    const fill = start.slice(0, size);
    const order = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) order[fill[slot[i]]++] = i;
    return { order, start };
  }

  private passMask(col: FilterColumn, v: FilterValue): Uint8Array | string {
    // (A numeric column's range never comes here: moveRange.)
    if (col.kind === 'category' && v.kind === 'categories') {
      const out = new Uint8Array(this.n);
      const off = new Uint8Array(col.categories.length);
      for (const k of v.off) off[k] = 1;
      for (let i = 0; i < this.n; i++) out[i] = off[col.codes[i]] ? 0 : 1;
      return out;
    }
    if (col.kind === 'text' && v.kind === 'text') {
      const r = searchPoints(v.query, v.regex, [{ name: col.name, at: col.at }], this.n);
      return r.error !== null ? r.error : r.mask;
    }
    throw new Error(`A ${v.kind} filter does not apply to the ${col.kind} column ${col.name}.`);
  }
}
