/**
 * Delimited text with a header row whose columns are a mix of vector components and other fields
 * (labels, ids, captions): the app reads the chosen numeric columns as the vectors and keeps every
 * other column as metadata. Built on io's line scanner and cell parser; errors name line and column.
 */
import type { ParsedEmbeddings } from './assemble';
import { columnRoles } from './columnRoles';
import { forEachLine, parseNumberCell, parseNumericTable, sniffDelimiter, splitCells, type Delimiter } from './delimited';
import { InputError } from './errors';
import { quoteShort } from './text';
import type { ColumnInfo } from './columnRoles';

export type { ColumnInfo } from './columnRoles';


/** The header of a delimited file, or null when its first row is data (every cell numeric). */
export interface TableHeader {
  delimiter: Delimiter;
  columns: ColumnInfo[];
}

/** Data rows sampled to decide whether a column is numeric. */
const SAMPLE_ROWS = 200;

function delimiterFor(name: string, firstLine: string): Delimiter {
  const lower = name.toLowerCase();
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return '\t';
  if (lower.endsWith('.csv')) return firstLine.includes(',') || !firstLine.includes(';') ? ',' : ';';
  return sniffDelimiter(firstLine);
}

/**
 * The header of delimited text: present when a non-empty cell of the first row is not a number
 * (io's rule); each column is numeric when its first SAMPLE_ROWS non-empty data cells all parse.
 */
export function readHeader(text: string, name: string): TableHeader | null {
  let header: string[] | null = null;
  let delimiter: Delimiter = ',';
  let numeric: boolean[] = [];
  let seen = 0;
  forEachLine(text, (start, end) => {
    if (!header) {
      delimiter = delimiterFor(name, text.slice(start, end));
      const cells = splitCells(text, start, end, delimiter);
      if (!cells.some((c) => c !== '' && parseNumberCell(c) === undefined)) return false;
      header = cells;
      numeric = cells.map(() => true);
      return;
    }
    const cells = splitCells(text, start, end, delimiter);
    cells.forEach((c, j) => {
      if (j < numeric.length && c !== '' && parseNumberCell(c) === undefined) numeric[j] = false;
    });
    return ++seen < SAMPLE_ROWS;
  });
  if (!header) return null;
  return { delimiter, columns: (header as string[]).map((name, j) => ({ name, numeric: numeric[j] })) };
}

/**
 * Reads the columns `vectorColumns` (names, in that order) as an n x d float32 matrix and every other
 * column as metadata text. A ragged row, an empty or non-numeric vector cell is an InputError with
 * its line and column; `labelColumn` (if any) becomes ParsedEmbeddings.labelColumn.
 */
export function readTable(text: string, name: string, header: TableHeader, vectorColumns: readonly string[], labelColumn?: string): ParsedEmbeddings {
  const names = header.columns.map((c) => c.name);
  const picks = vectorColumns.map((c) => {
    const j = names.indexOf(c);
    if (j < 0) throw new InputError(`${name} has no column named ${quoteShort(c)}.`, `Choose among its columns: ${names.join(', ')}.`);
    return j;
  });
  if (picks.length === 0) throw new InputError(`No vector columns were chosen for ${name}.`, 'Choose at least one numeric column as a vector component.');
  const other = names.map((_, j) => j).filter((j) => !picks.includes(j));
  const width = names.length;
  const d = picks.length;
  let capacity = 1024;
  let vectors = new Float32Array(capacity * d);
  const meta: string[][] = other.map(() => []);
  let n = 0;
  let headerLine = 0;
  forEachLine(text, (start, end, line) => {
    if (!headerLine) {
      headerLine = line;
      return;
    }
    const cells = splitCells(text, start, end, header.delimiter);
    if (cells.length !== width) {
      throw new InputError(
        `${name} line ${line} has ${cells.length} values but the header (line ${headerLine}) has ${width} columns.`,
        'Every row needs the same number of columns: look for a missing value or a stray delimiter on that line.',
      );
    }
    if (n === capacity) {
      capacity *= 2;
      const bigger = new Float32Array(capacity * d);
      bigger.set(vectors);
      vectors = bigger;
    }
    picks.forEach((j, c) => {
      const v = parseNumberCell(cells[j]);
      if (v === undefined) throw cellError(name, line, j, names[j], cells[j]);
      vectors[n * d + c] = v;
    });
    other.forEach((j, m) => meta[m].push(cells[j]));
    n++;
  });
  const parsed: ParsedEmbeddings = { n, dim: d, vectors: vectors.slice(0, n * d) };
  if (other.length > 0) parsed.meta = { columns: other.map((j) => names[j]), values: meta };
  if (labelColumn) parsed.labelColumn = labelColumn;
  return parsed;
}

function cellError(name: string, line: number, col: number, column: string, cell: string): InputError {
  if (cell === '') {
    return new InputError(`${name} line ${line}, column ${col + 1} (${quoteShort(column)}) is empty.`, 'Fill it in, or write NaN there (rows with NaN are skipped and counted).');
  }
  return new InputError(
    `${name} line ${line}, column ${col + 1} (${quoteShort(column)}) is not a number: ${quoteShort(cell, 40)}.`,
    'Fix that cell, or leave this column out of the vector columns (choose the columns again).',
  );
}

/**
 * Delimited text as the CLI reads it, by columnRoles (the app's rule): with a header row, the
 * numeric columns but the label and id-like ones are the vectors, the label column (or
 * `labelColumn`) gives the labels unless a labels file was given (`labelsGiven`), the rest is
 * metadata; without a header, every column is a vector component. A table with no vector column
 * (a labels or metadata file) or several candidate label columns is an InputError.
 */
export function parseDelimited(text: string, name: string, opts: { labelColumn?: string; labelsGiven?: boolean } = {}): ParsedEmbeddings {
  const header = readHeader(text, name);
  if (!header) return parseNumericTable(text, name);
  const { labelsGiven = false } = opts;
  const roles = columnRoles(header.columns, labelsGiven || opts.labelColumn === undefined ? {} : { labelColumn: opts.labelColumn });
  if (roles.vectorColumns.length === 0) throw labelsOnlyError(name, header.columns.map((c) => c.name));
  if (roles.ambiguousLabels && !labelsGiven) {
    throw new InputError(
      `${name} has several text columns (${roles.ambiguousLabels.map((c) => quoteShort(c)).join(', ')}) and none is named label, class or y, so the labels are ambiguous.`,
      'Name the label column with --label-column NAME (the other columns are kept as metadata).',
    );
  }
  if (roles.vectorColumns.length === header.columns.length) return parseNumericTable(text, name, { delimiter: header.delimiter });
  return readTable(text, name, header, roles.vectorColumns, labelsGiven ? undefined : roles.labelColumn || undefined);
}

/** The fix of the app's error for a labels or metadata file given alone: the app keeps that file for the vectors chosen next (appStore). */
export const LABELS_KEPT_FIX = 'Now choose the vectors: open or drop the vectors file; this file is kept and used as its labels.';

/** The InputError for a labels or metadata file given where the vectors belong. */
export function labelsOnlyError(name: string, columns: readonly string[], fix = 'Now choose the vectors file as well: give it first and this file with --labels.'): InputError {
  const what = columns.length > 1 ? `columns ${columns.map((c) => quoteShort(c)).join(', ')}` : 'one value per row';
  return new InputError(`${name} holds labels or metadata (${what}), not vectors.`, fix);
}
