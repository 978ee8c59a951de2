/**
 * Pairing the rows of two representations: by order (equal counts), or by an id column of each
 * side's metadata. Any mismatch is an InputError that says how many rows are unmatched on which
 * side; nothing is truncated unless sharedOnly asks for the shared ids. Pairs with a NaN or
 * Infinity on either side are dropped and counted.
 */
import type { Embeddings } from '../geometry/types';
import { InputError } from '../io/errors';

export interface MatchOptions {
  /** Metadata column holding each item's id on both sides; absent: rows are matched by order. */
  idColumn?: string;
  /** With idColumn: keep the ids both sides have instead of failing on unmatched ones. */
  sharedOnly?: boolean;
  /** Names of the two sides in messages (default "A" and "B"). */
  names?: [string, string];
}

/** How the rows were paired and what was left out. */
export interface MatchingInfo {
  by: 'order' | 'id';
  idColumn: string | null;
  /** Rows of A (of B) whose id the other side lacks (non-zero only with sharedOnly). */
  unmatchedA: number;
  unmatchedB: number;
  /** Matched pairs dropped because A's (B's) row holds a NaN or Infinity. */
  nonFiniteA: number;
  nonFiniteB: number;
}

/** Matched rows: row i of A and row i of B are the same item (A's order). */
export interface MatchedPair {
  n: number;
  dA: number;
  dB: number;
  A: Float32Array;
  B: Float32Array;
  /** Source row of each matched item in a and in b. */
  rowsA: Int32Array;
  rowsB: Int32Array;
  /** Item labels: A's when it has them, else B's. */
  labels?: Int32Array;
  classNames?: string[];
  labelsFrom: 'A' | 'B' | null;
  matching: MatchingInfo;
}

const quote = (s: string) => JSON.stringify(s);

function idValues(e: Embeddings, column: string, name: string): string[] {
  const c = e.meta ? e.meta.columns.indexOf(column) : -1;
  if (!e.meta || c < 0) {
    const has = e.meta ? ` (its columns: ${e.meta.columns.map(quote).join(', ')})` : ' (it has no metadata columns)';
    throw new InputError(`${name} has no id column ${quote(column)}${has}.`, 'Name a column both sides have, or give each side a metadata table with that column.');
  }
  const ids = e.meta.values[c];
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    if (first !== undefined) throw new InputError(`${name} has the id ${quote(id)} twice (rows ${first} and ${i}).`, `Make the ${quote(column)} values unique on each side.`);
    seen.set(id, i);
  });
  return ids;
}

function pairByOrder(a: Embeddings, b: Embeddings, [na, nb]: [string, string]): [number[], number[]] {
  if (a.n !== b.n) {
    const longer = a.n > b.n ? na : nb;
    throw new InputError(
      `${na} has ${a.n} rows but ${nb} has ${b.n} (${longer} is longer by ${Math.abs(a.n - b.n)}); rows are matched by order.`,
      'Pass the same items in the same order, or match rows by an id column (--id-column NAME).',
    );
  }
  const rows = Array.from({ length: a.n }, (_, i) => i);
  return [rows, rows.slice()];
}

function pairById(a: Embeddings, b: Embeddings, column: string, sharedOnly: boolean, [na, nb]: [string, string]): [number[], number[], number, number] {
  const idsA = idValues(a, column, na);
  const idsB = idValues(b, column, nb);
  const whereB = new Map(idsB.map((id, j) => [id, j]));
  const inA = new Set(idsA);
  const rowsA: number[] = [];
  const rowsB: number[] = [];
  idsA.forEach((id, i) => {
    const j = whereB.get(id);
    if (j === undefined) return;
    rowsA.push(i);
    rowsB.push(j);
  });
  const missingB = idsA.filter((id) => !whereB.has(id));
  const missingA = idsB.filter((id) => !inA.has(id));
  if ((missingA.length || missingB.length) && !sharedOnly) {
    const side = (miss: string[], of: number, from: string, to: string) =>
      miss.length ? `${miss.length} of ${of} ids of ${from} are not in ${to} (first: ${quote(miss[0])})` : `every id of ${from} is in ${to}`;
    throw new InputError(
      `${side(missingB, idsA.length, na, nb)}; ${side(missingA, idsB.length, nb, na)}.`,
      `Give both sides the same ids, or compare only the ${rowsA.length} shared items (--shared-only).`,
    );
  }
  return [rowsA, rowsB, missingB.length, missingA.length];
}

function finiteRow(X: Float32Array, d: number, i: number): boolean {
  for (let t = i * d; t < i * d + d; t++) if (!Number.isFinite(X[t])) return false;
  return true;
}

function gather(X: Float32Array, d: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((r, i) => out.set(X.subarray(r * d, r * d + d), i * d));
  return out;
}

/** Pairs the rows of a and b (see MatchOptions); InputError on any mismatch or fewer than 3 usable pairs. */
export function matchRows(a: Embeddings, b: Embeddings, opts: MatchOptions = {}): MatchedPair {
  const names = opts.names ?? ['A', 'B'];
  const [pa, pb, unmatchedA, unmatchedB] = opts.idColumn === undefined
    ? [...pairByOrder(a, b, names), 0, 0]
    : pairById(a, b, opts.idColumn, opts.sharedOnly === true, names);
  const keep: number[] = [];
  let nonFiniteA = 0;
  let nonFiniteB = 0;
  pa.forEach((i, t) => {
    const okA = finiteRow(a.vectors, a.dim, i);
    const okB = finiteRow(b.vectors, b.dim, pb[t]);
    if (!okA) nonFiniteA++;
    else if (!okB) nonFiniteB++;
    else keep.push(t);
  });
  if (keep.length < 3) {
    throw new InputError(
      `Only ${keep.length} item${keep.length === 1 ? ' has' : 's have'} finite vectors on both sides (${pa.length} matched); comparing needs at least 3.`,
      'Check that the two inputs describe the same items.',
    );
  }
  const rowsA = Int32Array.from(keep, (t) => pa[t]);
  const rowsB = Int32Array.from(keep, (t) => pb[t]);
  const labelSide = a.labels ? 'A' : b.labels ? 'B' : null;
  const out: MatchedPair = {
    n: keep.length, dA: a.dim, dB: b.dim,
    A: gather(a.vectors, a.dim, rowsA), B: gather(b.vectors, b.dim, rowsB),
    rowsA, rowsB, labelsFrom: labelSide,
    matching: { by: opts.idColumn === undefined ? 'order' : 'id', idColumn: opts.idColumn ?? null, unmatchedA, unmatchedB, nonFiniteA, nonFiniteB },
  };
  const source = labelSide === 'A' ? a : labelSide === 'B' ? b : null;
  if (source?.labels) {
    const rows = labelSide === 'A' ? rowsA : rowsB;
    out.labels = Int32Array.from(rows, (r) => source.labels![r]);
    out.classNames = source.classNames;
  }
  return out;
}
