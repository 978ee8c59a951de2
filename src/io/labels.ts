/**
 * Labels: a text file with one label per line, a .npy of integers (or strings), or one column of a
 * TSV/CSV metadata file. Embedding-Projector rule: a single-column metadata file has no header row;
 * a file with several columns has one.
 */
import type { Metadata } from '../geometry/types';
import { isLabelColumnName } from './columnRoles';
import { forEachLine, sniffDelimiter, splitCells, type Delimiter } from './delimited';
import { InputError } from './errors';
import { formatShape, hasNpyMagic } from './npyHeader';
import { parseNpy, type NpyArray } from './npy';
import { decodeUtf8, emptyFileError, quoteShort } from './text';

/** Raw label text per row, plus what the parser consumed (for row-count diagnostics). */
export interface RawLabels {
  values: string[];
  /** True when a header row was read as column names (several-column metadata). */
  headerConsumed: boolean;
  /** The whole metadata table when the labels came from one. */
  meta?: Metadata;
  /** The column used, for metadata files. */
  column?: string;
}

const INTEGER = /^[+-]?\d+$/;

/**
 * Maps labels to class indices 0..K-1: the distinct labels sorted numerically when all are integers,
 * else lexicographically (UTF-16 code unit order); classNames[k] is the text of class k.
 */
export function encodeLabels(values: readonly string[]): { labels: Int32Array; classNames: string[] } {
  const numeric = values.length > 0 && values.every((v) => INTEGER.test(v));
  const key = numeric ? (v: string) => String(Number(v)) : (v: string) => v;
  const distinct = [...new Set(values.map(key))];
  if (numeric) distinct.sort((a, b) => Number(a) - Number(b));
  else distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(distinct.map((v, i) => [v, i]));
  const labels = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) labels[i] = index.get(key(values[i]))!;
  return { labels, classNames: distinct };
}

/** One label per line (trimmed, '\r' dropped); blank lines at the end are ignored, blank lines inside are errors. */
export function parseLabelLines(text: string, name: string): string[] {
  const out: string[] = [];
  let pos = 0;
  let line = 0;
  let blankAt = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line++;
    const value = text.slice(pos, end).trim();
    if (value === '') {
      if (!blankAt) blankAt = line;
    } else {
      if (blankAt) {
        throw new InputError(`${name} line ${blankAt} is empty.`, 'Give every point a label (one per line, in the order of the embeddings rows).');
      }
      out.push(value);
    }
    pos = end + 1;
  }
  return out;
}

/** A metadata table; the first row is a header iff there are several columns (Embedding-Projector rule). */
export function parseMetadata(text: string, name: string, delimiter?: Delimiter): { meta: Metadata; hasHeader: boolean } {
  let delim = delimiter;
  let rows: string[][] = [];
  forEachLine(text, (start, end, line) => {
    delim ??= sniffDelimiter(text.slice(start, end));
    const cells = splitCells(text, start, end, delim);
    if (rows.length > 0 && cells.length !== rows[0].length) {
      throw new InputError(
        `${name} line ${line} has ${cells.length} columns but the first line has ${rows[0].length}.`,
        'Every metadata row needs the same columns; quote cells that contain the delimiter.',
      );
    }
    rows.push(cells);
  });
  if (rows.length === 0) throw new InputError(`${name} holds no labels.`, 'Write one label per line, in the order of the embeddings rows.');
  const width = rows[0].length;
  const hasHeader = width > 1;
  const columns = hasHeader ? rows[0] : ['label'];
  if (hasHeader) rows = rows.slice(1);
  const values = columns.map((_, c) => rows.map((r) => r[c]));
  return { meta: { columns, values }, hasHeader };
}

export { isLabelColumnName } from './columnRoles';

/**
 * The label column of a metadata table: `column` by name when given, else a column named
 * label/labels/class/y (any case: columnRoles.ts's names), else the first.
 */
export function pickLabelColumn(meta: Metadata, name: string, column?: string): { values: string[]; column: string } {
  let c: number;
  if (column !== undefined) {
    c = meta.columns.indexOf(column);
    if (c < 0) {
      throw new InputError(
        `${name} has no column named ${quoteShort(column)} (columns: ${meta.columns.map((s) => quoteShort(s)).join(', ')}).`,
        'Pass one of those names with --label-column.',
      );
    }
  } else {
    c = meta.columns.findIndex(isLabelColumnName);
    if (c < 0) c = 0;
  }
  return { values: meta.values[c], column: meta.columns[c] };
}

/** Labels from a 1-D (or N x 1) .npy of integers, booleans, integral floats or strings. */
export function labelsFromNpy(arr: NpyArray, name: string): string[] {
  const flat = arr.shape.length === 1 || (arr.shape.length === 2 && arr.shape[1] === 1);
  if (!flat) {
    throw new InputError(`${name} has shape ${formatShape(arr.shape)}; labels need a 1-D array (one per point).`, 'Save the labels as a 1-D integer array, e.g. np.save(path, y.ravel()).');
  }
  if (Array.isArray(arr.data)) return arr.data.map((s) => s.trim());
  const out: string[] = new Array(arr.data.length);
  for (let i = 0; i < arr.data.length; i++) {
    const v = arr.data[i];
    if (typeof v === 'number' && !Number.isInteger(v)) {
      throw new InputError(`${name} element ${i} is ${v}, not an integer class label.`, 'Save integer labels, e.g. np.save(path, y.astype(np.int64)).');
    }
    out[i] = String(v);
  }
  return out;
}

/**
 * Reads a labels file by kind: .npy (by magic) -> integers/strings; .tsv/.csv -> metadata column;
 * anything else -> one label per line. `column` (--label-column) needs a metadata file.
 */
export function readLabels(name: string, bytes: Uint8Array, column?: string): RawLabels {
  if (bytes.length === 0) throw emptyFileError(name);
  if (hasNpyMagic(bytes)) {
    if (column !== undefined) throw columnNeedsTable(name);
    return { values: labelsFromNpy(parseNpy(bytes, name), name), headerConsumed: false };
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new InputError(`${name} is a binary file, not labels.`, 'Pass labels as a text file (one per line), a .npy of integers, or a TSV/CSV metadata file.');
  }
  const text = decodeUtf8(bytes, name);
  const lower = name.toLowerCase();
  const table = lower.endsWith('.tsv') || lower.endsWith('.csv') || lower.endsWith('.tab');
  if (!table) {
    if (column !== undefined) throw columnNeedsTable(name);
    return { values: parseLabelLines(text, name), headerConsumed: false };
  }
  const delim: Delimiter = lower.endsWith('.csv') ? ',' : '\t';
  const { meta, hasHeader } = parseMetadata(text, name, delim);
  if (!hasHeader && column !== undefined) {
    // A single-column file named by --label-column: its first line is that header.
    const values = meta.values[0];
    if (values[0] !== column) {
      throw new InputError(
        `${name} has a single column and no header row, so it has no column named ${quoteShort(column)}.`,
        'Drop --label-column for a one-column labels file (its first line is a label), or add more columns with a header row.',
      );
    }
    return { values: values.slice(1), headerConsumed: true, meta: { columns: [column], values: [values.slice(1)] }, column };
  }
  const picked = pickLabelColumn(meta, name, column);
  return { values: picked.values, headerConsumed: hasHeader, meta, column: picked.column };
}

function columnNeedsTable(name: string): InputError {
  return new InputError(`--label-column needs a TSV/CSV metadata file with a header row, but ${name} is not one.`, 'Drop --label-column, or pass a .tsv/.csv metadata file.');
}

/**
 * The row-count mismatch error: says which side is longer and whether a header row explains it
 * (an unconsumed header in a one-column labels file, or a consumed one in a several-column file).
 */
export function labelCountError(labelsName: string, raw: RawLabels, embName: string, n: number): InputError {
  const m = raw.values.length;
  const diff = Math.abs(m - n);
  const longer = m > n ? `the labels are longer by ${diff}` : `the embeddings are longer by ${diff}`;
  let why = '';
  let fix = 'Give exactly one label per embeddings row, in the same order.';
  if (m === n + 1 && !raw.headerConsumed && m > 1 && !raw.values.slice(1).includes(raw.values[0])) {
    why = `; its first line ${quoteShort(raw.values[0])} looks like a header row, but a single-column labels file has no header`;
    fix = 'Delete that first line (or add a second column so the header row is recognised).';
  } else if (m + 1 === n && raw.headerConsumed) {
    why = '; its first row was read as a header because it has several columns';
    fix = 'Add a header row to the metadata file (or give one label per embeddings row).';
  }
  return new InputError(`${labelsName} has ${m} labels but ${embName} has ${n} rows (${longer})${why}.`, fix);
}
