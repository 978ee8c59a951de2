import { describe, expect, it } from 'vitest';
import { goldenBytes, goldenEntry } from '../../tests/fixtures/io/golden';
import { forEachLine, parseNumberCell, parseNumericTable, splitCells } from './delimited';
import { expectInputError } from './testing.test-util';

const text = (file: string) => new TextDecoder().decode(goldenBytes(file));

describe('parseNumericTable golden files written by numpy.savetxt', () => {
  it.each([
    ['header.csv', ','],
    ['projector.tsv', '\t'],
    ['savetxt.txt', 'whitespace'],
  ])('%s parses to the float32 values numpy wrote', (file, delimiter) => {
    const want = goldenEntry(file);
    const t = parseNumericTable(text(file), file);
    expect([t.n, t.dim]).toEqual(want.shape);
    expect(t.delimiter).toBe(delimiter);
    expect(t.header).toEqual(want.header);
    expect(Array.from(t.vectors)).toEqual(want.values.map(Math.fround));
  });
});

describe('parseNumericTable', () => {
  it('detects a header only when a non-empty first-row cell is not a number', () => {
    expect(parseNumericTable('x,y\n1,2\n3,4\n', 'a.csv').header).toEqual(['x', 'y']);
    expect(parseNumericTable('1,2\n3,4\n', 'a.csv').header).toBeUndefined();
    expect(parseNumericTable('0,1,2\n5,6,7\n', 'a.csv').header).toEqual(['0', '1', '2']);
    expectInputError(() => parseNumericTable('1,,2\n3,4,5\n', 'e.csv'), /e\.csv line 1, column 2 is empty/);
  });

  it('keeps NaN and infinities in every common spelling', () => {
    const t = parseNumericTable('nan\tinf\t-inf\nNaN\tInfinity\t-Infinity\n1e3\t-.5\t+2.\n', 'v.tsv');
    const v = Array.from(t.vectors);
    expect(v.slice(0, 6).map(String)).toEqual(['NaN', 'Infinity', '-Infinity', 'NaN', 'Infinity', '-Infinity']);
    expect(v.slice(6)).toEqual([1000, -0.5, 2]);
  });

  it('handles CRLF, blank and comment lines, quoted cells and line numbers', () => {
    const t = parseNumericTable('# comment\r\n"a","b"\r\n\r\n"1.5", 2\r\n3,4\r\n', 'q.csv');
    expect(t.header).toEqual(['a', 'b']);
    expect(Array.from(t.vectors)).toEqual([1.5, 2, 3, 4]);
    expectInputError(() => parseNumericTable('# c\n1,2\n\n3\n', 'r.csv'), /r\.csv line 4 has 1 values but line 2 has 2\./);
  });

  it('reports ragged rows and non-numeric cells with line and column', () => {
    expectInputError(() => parseNumericTable('1\t2\t3\n4\t5\n', 'p.tsv'), /p\.tsv line 2 has 2 values but line 1 has 3\. Every row needs the same number of columns/);
    expectInputError(() => parseNumericTable('a,b\n1,2\n3,cat\n', 'n.csv'), /n\.csv line 3, column 2 is not a number: "cat"\. Keep only numeric columns/);
    expectInputError(() => parseNumericTable('1,2\n0x1f,2\n', 'h.csv'), /line 2, column 1 is not a number: "0x1f"/);
    expectInputError(() => parseNumericTable('\n# only a comment\n', 'empty.csv'), /empty\.csv holds no data rows/);
  });

  it('a header-only file has zero rows', () => {
    const t = parseNumericTable('a,b\n', 'h.csv');
    expect([t.n, t.dim, t.vectors.length]).toEqual([0, 2, 0]);
  });
});

describe('cell and line helpers', () => {
  it('parseNumberCell accepts decimal numbers and named non-finite values only', () => {
    expect(parseNumberCell('-1.25e-3')).toBe(-0.00125);
    expect(parseNumberCell('INF')).toBe(Infinity);
    expect(parseNumberCell('')).toBeUndefined();
    expect(parseNumberCell('1.2.3')).toBeUndefined();
    expect(parseNumberCell('Infinityx')).toBeUndefined();
  });

  it('splitCells unquotes doubled quotes and keeps delimiters inside quotes', () => {
    const line = 'a,"b, c","say ""hi""",  d ';
    expect(splitCells(line, 0, line.length, ',')).toEqual(['a', 'b, c', 'say "hi"', 'd']);
    expect(splitCells('  1   2\t3 ', 0, 10, 'whitespace')).toEqual(['1', '2', '3']);
  });

  it('forEachLine reports 1-based line numbers and skips blank lines', () => {
    const seen: [string, number][] = [];
    const s = 'x\n\n  \ny\r\n#z\nw';
    forEachLine(s, (a, b, line) => void seen.push([s.slice(a, b), line]));
    expect(seen).toEqual([['x', 1], ['y', 4], ['w', 6]]);
  });
});
