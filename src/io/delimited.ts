/**
 * Delimited text: numeric CSV/TSV (optional header row), Embedding-Projector vector TSV (tabs, no header),
 * and whitespace-separated text (numpy.savetxt). Scans the text in place, line by line, without
 * materialising an array of line strings; lines starting with '#' and blank lines are ignored.
 */
import { InputError } from './errors';
import { quoteShort } from './text';

export type Delimiter = ',' | '\t' | ';' | 'whitespace';

/** A numeric table: n rows of dim values, row-major float32. */
export interface NumericTable {
  n: number;
  dim: number;
  vectors: Float32Array;
  /** Column names when the first row was a header. */
  header?: string[];
  delimiter: Delimiter;
}

const RADIX_PREFIX = /[xXbBoO]/;

/**
 * A cell as a number: decimal/scientific notation (surrounding spaces allowed), or nan/inf/-inf/infinity
 * in any case; undefined for anything else (empty cells and 0x/0b/0o literals included).
 */
export function parseNumberCell(cell: string): number | undefined {
  const v = Number(cell);
  if (v === v) {
    if ((v === 0 && cell.trim() === '') || RADIX_PREFIX.test(cell)) return undefined;
    return v;
  }
  switch (cell.trim().toLowerCase()) {
    case 'nan': case '+nan': case '-nan':
      return Number.NaN;
    case 'inf': case '+inf': case 'infinity': case '+infinity':
      return Infinity;
    case '-inf': case '-infinity':
      return -Infinity;
    default:
      return undefined;
  }
}

/** Calls fn(start, end, lineNumber) for each line that is neither blank nor a '#' comment; '\r' is dropped. */
export function forEachLine(text: string, fn: (start: number, end: number, line: number) => boolean | void): void {
  let pos = 0;
  let line = 0;
  const len = text.length;
  while (pos < len) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = len;
    line++;
    let e = end;
    if (e > pos && text.charCodeAt(e - 1) === 13) e--;
    let s = pos;
    while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
    if (s < e && text.charCodeAt(s) !== 35 && fn(pos, e, line) === false) return;
    pos = end + 1;
  }
}

/** Picks the delimiter from one line: tab, then comma, then semicolon, else runs of whitespace. */
export function sniffDelimiter(line: string): Delimiter {
  if (line.includes('\t')) return '\t';
  if (line.includes(',')) return ',';
  if (line.includes(';')) return ';';
  return 'whitespace';
}

/** Splits text[start, end) into trimmed cells; a cell wrapped in double quotes is unquoted ("" -> "). */
export function splitCells(text: string, start: number, end: number, delim: Delimiter): string[] {
  const line = text.slice(start, end);
  if (delim === 'whitespace') return line.trim().split(/[ \t]+/);
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    while (i < line.length && line[i] === ' ') i++;
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) { value += line.slice(j); j = line.length; break; }
        value += line.slice(j, q);
        if (line[q + 1] === '"') { value += '"'; j = q + 2; continue; }
        j = q + 1;
        break;
      }
      const next = line.indexOf(delim, j);
      cells.push(value + (next < 0 ? line.slice(j) : line.slice(j, next)).trim());
      i = next < 0 ? line.length + 1 : next + 1;
    } else {
      const next = line.indexOf(delim, i);
      cells.push((next < 0 ? line.slice(i) : line.slice(i, next)).trim());
      i = next < 0 ? line.length + 1 : next + 1;
    }
  }
  return cells;
}

/** True when the numbers are exactly 0, 1, ..., d-1 (pandas writes integer column names as such a header). */
function isIndexHeader(values: number[]): boolean {
  return values.length >= 2 && values.every((v, i) => v === i);
}

function delimiterFor(name: string, firstLine: string): Delimiter {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return '\t';
  if (lower.endsWith('.csv')) return firstLine.includes(',') || !firstLine.includes(';') ? ',' : ';';
  return sniffDelimiter(firstLine);
}

/**
 * Parses numeric delimited text into a float32 matrix. The first row is a header when a non-empty cell of it
 * is not a number (or it is exactly 0..d-1); NaN/Inf cells are kept as values. Ragged rows, empty or
 * non-numeric cells are InputErrors naming the line and column.
 */
export function parseNumericTable(text: string, name: string, opts: { delimiter?: Delimiter } = {}): NumericTable {
  let first: { start: number; end: number; line: number } | undefined;
  let lines = 0;
  forEachLine(text, (start, end, line) => {
    if (!first) first = { start, end, line };
    lines++;
  });
  if (!first) throw new InputError(`${name} holds no data rows.`, 'Write one point per line with its values separated by commas or tabs.');
  const delim = opts.delimiter ?? delimiterFor(name, text.slice(first.start, first.end));

  const firstCells = splitCells(text, first.start, first.end, delim);
  const firstValues = firstCells.map(parseNumberCell);
  const isHeader = firstValues.some((v, i) => v === undefined && firstCells[i] !== '') || isIndexHeader(firstValues as number[]);
  const dim = firstCells.length;
  const n = lines - (isHeader ? 1 : 0);
  const vectors = new Float32Array(n * dim);
  let row = 0;
  forEachLine(text, (start, end, line) => {
    if (isHeader && line === first!.line) return;
    const base = row * dim;
    const lineText = text.slice(start, end);
    let count = 0;
    if (delim !== 'whitespace' && !lineText.includes('"')) {
      // Fast path: walk the delimiters in place, no array of cells.
      for (let p = 0; p <= lineText.length; count++) {
        let q = lineText.indexOf(delim, p);
        if (q < 0) q = lineText.length;
        if (count < dim) {
          const cell = lineText.slice(p, q);
          const v = parseNumberCell(cell);
          if (v === undefined) throw cellError(name, line, count, cell.trim());
          vectors[base + count] = v;
        }
        p = q + 1;
      }
    } else {
      const cells = splitCells(lineText, 0, lineText.length, delim);
      count = cells.length;
      for (let c = 0; c < Math.min(dim, count); c++) {
        const v = parseNumberCell(cells[c]);
        if (v === undefined) throw cellError(name, line, c, cells[c]);
        vectors[base + c] = v;
      }
    }
    if (count !== dim) {
      throw new InputError(
        `${name} line ${line} has ${count} values but line ${first!.line} has ${dim}.`,
        'Every row needs the same number of columns: look for a missing value or a stray delimiter on that line.',
      );
    }
    row++;
  });
  return { n, dim, vectors, header: isHeader ? firstCells : undefined, delimiter: delim };
}

function cellError(name: string, line: number, col: number, cell: string): InputError {
  if (cell === '') {
    return new InputError(
      `${name} line ${line}, column ${col + 1} is empty.`,
      'Fill it in, or write NaN there (rows with NaN are skipped and counted).',
    );
  }
  return new InputError(
    `${name} line ${line}, column ${col + 1} is not a number: ${quoteShort(cell, 40)}.`,
    'Keep only numeric columns in the vectors file and pass labels separately with --labels.',
  );
}
