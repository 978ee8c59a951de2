/**
 * Cross-filtering the plotted points (one pass per change, no allocation per row): each column may
 * hold a filter (a bin range, categories turned off, a text query); a row passes when it passes
 * every filter (AND). Each column's counts are over the rows that pass every OTHER filter, so a
 * histogram shows what its own brush would keep (crossfilter's convention). Per row the engine
 * keeps how many filters it fails, so a change of one filter costs O(n) and the counts O(n) per column.
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

export class Crossfilter {
  readonly n: number;
  /** Per column: 1 where the row passes its filter, or null when the column has no filter. */
  private readonly pass: (Uint8Array | null)[];
  /** Per row: the number of filters it fails. */
  private readonly fails: Uint8Array;
  /** Per column: counts with no filter at all (bins or categories; text columns: [n]). */
  readonly totals: Int32Array[];
  /** Rows passing every filter. */
  private kept: number;

  constructor(
    readonly columns: readonly FilterColumn[],
    n: number,
  ) {
    this.n = n;
    this.pass = columns.map(() => null);
    this.fails = new Uint8Array(n);
    this.kept = n;
    this.totals = columns.map((_, c) => this.tally(c, false));
  }

  /** Sets (or with null clears) column c's filter; returns an error message for an invalid regular expression. */
  setFilter(c: number, value: FilterValue | null): string | null {
    let next: Uint8Array | null = null;
    if (value) {
      const r = this.passMask(this.columns[c], value);
      if (typeof r === 'string') return r;
      next = r;
    }
    const prev = this.pass[c];
    const { fails, n } = this;
    // A row's failure count changes by (1 - next) - (1 - prev) = prev - next.
    if (prev && next) for (let i = 0; i < n; i++) fails[i] += prev[i] - next[i];
    else if (next) for (let i = 0; i < n; i++) fails[i] += 1 - next[i];
    else if (prev) for (let i = 0; i < n; i++) fails[i] -= 1 - prev[i];
    this.pass[c] = next;
    this.kept = this.active() ? this.tallyKept() : n;
    return null;
  }

  private tallyKept(): number {
    let count = 0;
    const { fails, n } = this;
    for (let i = 0; i < n; i++) if (fails[i] === 0) count++;
    return count;
  }

  /** Whether any filter is set. */
  active(): boolean {
    return this.pass.some((p) => p !== null);
  }

  /** 1 where a row passes every filter (a fresh array), or null when no filter is set. */
  mask(): Uint8Array | null {
    if (!this.active()) return null;
    const out = new Uint8Array(this.n);
    const fails = this.fails;
    for (let i = 0; i < this.n; i++) out[i] = fails[i] === 0 ? 1 : 0;
    return out;
  }

  /** Rows passing every filter. */
  passing(): number {
    return this.kept;
  }

  /** Column c's counts over the rows passing every other filter (bins, categories, or [rows] for text). */
  counts(c: number): Int32Array {
    return this.tally(c, true);
  }

  /**
   * Column c's counts over the rows passing every other filter (or every row when not `filtered`):
   * a row counts when its failures, less its failure of c's own filter, are 0.
   */
  private tally(c: number, filtered: boolean): Int32Array {
    const col = this.columns[c];
    const own = this.pass[c];
    const { fails, n } = this;
    if (col.kind === 'text') {
      let count = 0;
      for (let i = 0; i < n; i++) if (!filtered || fails[i] === 0) count++;
      return Int32Array.of(count);
    }
    const codes = col.kind === 'numeric' ? col.bin : col.codes;
    const out = new Int32Array(col.kind === 'numeric' ? col.edges.length : col.categories.length);
    // Numeric columns: missing rows (NO_BIN) are counted in an extra last slot, then dropped.
    const last = out.length - 1;
    const slot = (i: number) => (codes[i] === NO_BIN ? last : codes[i]);
    if (!filtered) {
      for (let i = 0; i < n; i++) out[slot(i)]++;
    } else if (!own) {
      for (let i = 0; i < n; i++) if (fails[i] === 0) out[slot(i)]++;
    } else {
      for (let i = 0; i < n; i++) if (fails[i] + own[i] === 1) out[slot(i)]++;
    }
    return col.kind === 'numeric' ? out.subarray(0, last) : out;
  }

  private passMask(col: FilterColumn, v: FilterValue): Uint8Array | string {
    const out = new Uint8Array(this.n);
    if (col.kind === 'numeric' && v.kind === 'range') {
      for (let i = 0; i < this.n; i++) out[i] = col.bin[i] !== NO_BIN && col.bin[i] >= v.b0 && col.bin[i] <= v.b1 ? 1 : 0;
      return out;
    }
    if (col.kind === 'category' && v.kind === 'categories') {
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
