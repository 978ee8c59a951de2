/**
 * Parquet through hyparquet, on files built by scripts/reference/make_parquet_fixtures.ts from the format
 * specification (no Parquet writer is installed here). Covered: list<float>/list<double> vectors (optional and
 * required, null elements as NaN), numeric-column vectors (float, double, int32) with the label column and a
 * pandas index kept out, dictionary-encoded and plain strings, several row groups, and the codecs
 * UNCOMPRESSED, SNAPPY, GZIP and ZSTD. Not covered by these files: data page v2, DELTA and BYTE_STREAM_SPLIT
 * encodings, bit-packed level runs, float16 columns, and files written by pyarrow or Spark themselves.
 */
import { describe, expect, it } from 'vitest';
import { f32, formatBytes, formatEntry } from '../../tests/fixtures/io/formats/formats';
import { loadParquet, parseParquet } from './parquet';
import { expectInputErrorAsync, utf8 } from './testing.test-util';

describe('Parquet golden files', () => {
  it.each(['list_snappy.parquet', 'numeric_gzip.parquet', 'lists_zstd.parquet', 'plain.parquet'])('%s', async (file) => {
    const want = formatEntry(file);
    const p = await parseParquet(file, formatBytes(file));
    expect([p.n, p.dim]).toEqual(want.shape);
    expect(Array.from(p.vectors)).toEqual(f32(want.values));
    expect(p.meta).toEqual(want.meta);
    const emb = await loadParquet(file, formatBytes(file));
    if (want.labels) expect(Array.from(emb.labels!, (k) => emb.classNames![k])).toEqual(want.labels);
    else expect(emb.labels).toBeUndefined();
  });

  it('keeps the label column out of numeric vectors, and uses another column when asked', async () => {
    const bytes = formatBytes('numeric_gzip.parquet');
    const byName = await loadParquet('n.parquet', bytes, { labelColumn: 'name' });
    expect(byName.dim).toBe(4);
    expect(byName.classNames).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(byName.meta!.columns).toEqual(['name', '__index_level_0__']);
    const external = await loadParquet('n.parquet', bytes, { labels: { name: 'l.txt', bytes: utf8('u\nv\nu\nv\nu\nv\n') } });
    expect(external.dim).toBe(4);
    expect(external.classNames).toEqual(['u', 'v']);
  });

  it('picks the list column named like vectors, or the one given by --vectors', async () => {
    const bytes = formatBytes('lists_zstd.parquet');
    expect((await parseParquet('z.parquet', bytes)).dim).toBe(3);
    const aux = await parseParquet('z.parquet', bytes, { vectors: 'aux' });
    expect(Array.from(aux.vectors)).toEqual(f32(formatEntry('lists_zstd.parquet').aux as number[]));
  });
});

describe('bad Parquet input', () => {
  it('names the row of a ragged or missing vector', async () => {
    await expectInputErrorAsync(() => loadParquet('r.parquet', formatBytes('ragged.parquet')), /^r\.parquet row index 2 has 2 values in "embedding" but row index 0 has 3\. Every point needs the same number of dimensions/);
    await expectInputErrorAsync(() => loadParquet('n.parquet', formatBytes('nullvec.parquet')), /^n\.parquet row index 2 has no vector \(null in "embedding"\)\. Drop rows without an embedding/);
  });

  it('rejects files without usable vectors and unknown column names', async () => {
    await expectInputErrorAsync(() => loadParquet('s.parquet', formatBytes('strings.parquet')), /^s\.parquet has no list<float> column and no numeric columns to use as vectors \(columns: word \(STRING\)\)/);
    const lists = formatBytes('lists_zstd.parquet');
    await expectInputErrorAsync(() => loadParquet('z.parquet', lists, { vectors: 'nope' }), /z\.parquet has no column named "nope" \(columns: aux \(list<DOUBLE>\), embedding \(list<DOUBLE>\)\)\. Pass one of those names with --vectors/);
    const numeric = formatBytes('numeric_gzip.parquet');
    await expectInputErrorAsync(() => loadParquet('g.parquet', numeric, { vectors: 'f0' }), /g\.parquet column "f0" is FLOAT, not a list of numbers/);
    await expectInputErrorAsync(() => loadParquet('g.parquet', numeric, { labelColumn: 'colour' }), /g\.parquet has no column named "colour" \(columns: "f0", "f1", "class", "f2", "name", "__index_level_0__"\)\. Pass one of those names with --label-column/);
  });

  it('turns a damaged file into an InputError', async () => {
    const bytes = formatBytes('list_snappy.parquet');
    await expectInputErrorAsync(() => loadParquet('t.parquet', bytes.subarray(0, bytes.length - 30)), /^t\.parquet is not a readable Parquet file \(.*\)\. Re-save it/);
    const scrambled = bytes.slice();
    scrambled.fill(0xff, 4, 200);
    await expectInputErrorAsync(() => loadParquet('d.parquet', scrambled), /^d\.parquet could not be decoded as Parquet \(.*\)\. Re-save it/);
  });
});
