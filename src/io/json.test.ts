import { describe, expect, it } from 'vitest';
import { f32, formatBytes, formatEntry } from '../../tests/fixtures/io/formats/formats';
import { assembleEmbeddings } from './assemble';
import { parseJsonEmbeddings, parseJsonLines } from './json';
import { jsonErrorOffset, lineColumn } from './jsonSyntax';
import { expectInputError } from './testing.test-util';

const text = (file: string) => new TextDecoder().decode(formatBytes(file));
const parse = (file: string) => (file.endsWith('.jsonl') ? parseJsonLines : parseJsonEmbeddings)(text(file), file);

describe('JSON and JSON Lines golden files written by Python json', () => {
  it.each(['arrays.json', 'records.json', 'columns.json', 'records.jsonl', 'arrays.jsonl', 'lines.json'])('%s', (file) => {
    const want = formatEntry(file);
    const p = parse(file);
    expect([p.n, p.dim]).toEqual(want.shape);
    expect(Array.from(p.vectors)).toEqual(f32(want.values));
    expect(p.meta).toEqual(want.meta);
    const emb = assembleEmbeddings(file, p);
    if (want.labels) {
      expect(emb.labels!.length).toBe(want.labels.length);
      expect(Array.from(emb.labels!, (k) => emb.classNames![k])).toEqual(want.labels);
    } else {
      expect(emb.labels).toBeUndefined();
    }
  });

  it('drops non-scalar fields, reads null as NaN, and picks label/class/labels as the label column', () => {
    const p = parse('records.json');
    expect(p.meta!.columns).not.toContain('tags');
    expect(Number.isNaN(p.vectors[2 * 4 + 1])).toBe(true);
    expect(p.labelColumn).toBe('label');
    expect(parse('records.jsonl').labelColumn).toBe('class');
    expect(parse('columns.json').labelColumn).toBe('labels');
  });
});

describe('choosing the vectors field', () => {
  it('takes the only numeric-array field, or the one named by --vectors', () => {
    const only = parseJsonEmbeddings('[{"v": [1, 2], "id": 1}, {"v": [3, 4], "id": 2}]', 'o.json');
    expect(Array.from(only.vectors)).toEqual([1, 2, 3, 4]);
    const two = '[{"a": [1, 2], "b": [5, 6, 7]}, {"a": [3, 4], "b": [8, 9, 10]}]';
    expectInputError(() => parseJsonEmbeddings(two, 't.json'), /t\.json\[0\] has several fields holding arrays of numbers \("a", "b"\), so the vectors are ambiguous\. Name the vectors field "embedding", or pass its name with --vectors/);
    expect(parseJsonEmbeddings(two, 't.json', { vectors: 'b' }).dim).toBe(3);
    expectInputError(() => parseJsonEmbeddings(two, 't.json', { vectors: 'c' }), /t\.json\[0\] has no field "c" \(fields: "a", "b"\)\. Pass one of those names with --vectors/);
    expectInputError(() => parseJsonEmbeddings('[{"id": 1}]', 'n.json'), /n\.json\[0\] has no field holding an array of numbers \(fields: "id"\)/);
    expectInputError(() => parseJsonEmbeddings('[[1, 2]]', 'a.json', { vectors: 'x' }), /--vectors "x" was given, but a\.json\[0\] is a plain array of numbers/);
  });

  it('reads an object of columns under any single list key and checks the labels length', () => {
    const p = parseJsonEmbeddings('{"points": [[1], [2], [3]], "y": [0, 1, 0]}', 'c.json');
    expect(p.labelColumn).toBe('y');
    expectInputError(
      () => parseJsonEmbeddings('{"embeddings": [[1], [2], [3]], "labels": [0, 1]}', 'c.json'),
      /c\.json has 2 values under "labels" but 3 vectors under "embeddings"\. Give exactly one label per embeddings row/,
    );
    expectInputError(() => parseJsonEmbeddings('{"a": 1}', 'k.json'), /k\.json is a JSON object without a list of vectors \(keys: "a"\)/);
    expectInputError(() => parseJsonEmbeddings('42', 's.json'), /s\.json holds a single JSON value \(42\), not a list of points/);
  });
});

describe('bad JSON input', () => {
  it('names line and column of a syntax error, with a special fix for NaN', () => {
    expectInputError(() => parseJsonEmbeddings('[\n  [1, 2],\n  [3, 4,]\n]', 'b.json'), /^b\.json is not valid JSON at line 3, column 9 \(after "\[ \[1, 2\], \[3, 4,", at "\] \]"\)\. Fix the text there/);
    expectInputError(() => parseJsonEmbeddings('[[1, NaN], [2, 3]]', 'n.json'), /n\.json is not valid JSON at line 1, column 6 .*JSON has no NaN or Infinity \(Python's json\.dump writes them\): write null/);
    expectInputError(() => parseJsonEmbeddings('[[1, 2], [3', 't.json'), /t\.json ends before its JSON is complete\. The file may be cut short/);
    expectInputError(() => parseJsonLines('[1, 2]\n\n[3, -Infinity]\n', 'l.jsonl'), /^l\.jsonl line 3 is not valid JSON at column 5 .*no NaN or Infinity/);
  });

  it('names the row of a vector with the wrong length or a non-number', () => {
    expectInputError(() => parseJsonEmbeddings('[[1, 2], [3, 4], [5]]', 'r.json'), /^r\.json\[2\] has 1 values but r\.json\[0\] has 2\. Every point needs the same number of dimensions/);
    expectInputError(
      () => parseJsonEmbeddings('[{"embedding": [1, 2]}, {"embedding": [1, "2"]}]', 'r.json'),
      /^r\.json\[1\]\.embedding element 1 is "2", not a number\. Write the vectors as arrays of numbers \(null for a missing value\)/,
    );
    expectInputError(() => parseJsonLines('{"embedding": [1, 2]}\n{"embedding": [1, 2, 3]}\n', 'r.jsonl'), /^r\.jsonl line 2 field "embedding" has 3 values but r\.jsonl line 1 field "embedding" has 2/);
    expectInputError(() => parseJsonLines('{"embedding": [1]}\n{"vector": [2]}\n', 'm.jsonl'), /^m\.jsonl line 2 has no array in field "embedding"\./);
    expectInputError(() => parseJsonLines('[1]\n{"a": 2}\n', 'x.jsonl'), /x\.jsonl line 2 is an object, but x\.jsonl line 1 is an array of numbers/);
    expectInputError(() => parseJsonEmbeddings('["a", "b"]', 's.json'), /s\.json\[0\] is "a"; each point must be an array of numbers or an object/);
  });

  it('reports an empty label in a record as missing, naming the row', () => {
    const p = parseJsonEmbeddings('[{"x": [1], "label": "a"}, {"x": [2]}, {"x": [3], "label": "b"}]', 'l.json');
    expectInputError(() => assembleEmbeddings('l.json', p), /^l\.json has no "label" value in 1 row \(the first is row index 1\)\. Give every point a label, or choose another column with --label-column/);
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on validity and points at the first bad character', () => {
    const cases: [string, number][] = [
      ['{"a": [1, 2e5, -0.5, true, null, "x\\u00e9"]}', -1],
      ['[1, 2', 5],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ['[01]', 2],
      ['["\\q"]', 3],
      ['[1] x', 4],
      ['  ', 2],
    ];
    for (const [s, offset] of cases) {
      expect(jsonErrorOffset(s), s).toBe(offset);
      let valid = true;
      try { JSON.parse(s); } catch { valid = false; }
      expect(valid, s).toBe(offset < 0);
    }
    expect(lineColumn('ab\ncd\ne', 7)).toEqual({ line: 3, column: 2 });
  });
});
