import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { goldenBytes, goldenEntry } from '../../tests/fixtures/io/golden';
import { f32, formatBytes, formatEntry } from '../../tests/fixtures/io/formats/formats';
import { detectFormat, loadEmbeddingsFromBytes } from './detect';
import { loadEmbeddingsAsync } from './load';
import { writeNpy } from './npy';
import { expectInputError, expectInputErrorAsync, utf8 } from './testing.test-util';

describe('detectFormat for JSON, JSON Lines, Parquet and safetensors', () => {
  it('uses the Parquet magic, the safetensors layout or extension, and JSON extensions', () => {
    expect(detectFormat('x.bin', formatBytes('plain.parquet'))).toBe('parquet');
    expect(detectFormat('x.bin', formatBytes('f32.safetensors'))).toBe('safetensors');
    expect(detectFormat('x.safetensors', new Uint8Array(3))).toBe('safetensors');
    expect(detectFormat('x.JSON', utf8('[]'))).toBe('json');
    expect(detectFormat('x.jsonl', utf8('[1]\n'))).toBe('jsonl');
    expect(detectFormat('x.ndjson', utf8('[1]\n'))).toBe('jsonl');
    expectInputError(() => detectFormat('x.parquet', utf8('a,b\n')), /x\.parquet is not a Parquet file \(it does not start with PAR1\); its first bytes are 61 2c 62 0a/);
    expectInputError(() => detectFormat('x.json', new Uint8Array([91, 0, 93])), /x\.json is named like a text file but holds binary data/);
    expectInputError(() => detectFormat('x.bin', new Uint8Array([1, 2, 3, 4])), /x\.bin has an unknown format \(extension "\.bin", first bytes 01 02 03 04\)\. Use \.npy or \.npz \(numpy\.save \/ numpy\.savez\), \.parquet, \.safetensors, \.h5, \.pt \(torch\.save\), \.arrow\/\.feather, Projector \.bytes, \.json\/\.jsonl, or \.csv/);
  });
});

describe('loadEmbeddingsAsync reads every format', () => {
  it.each([
    'arrays.json', 'records.json', 'columns.json', 'records.jsonl', 'arrays.jsonl', 'lines.json',
    'f32.safetensors', 'f16.safetensors', 'bf16.safetensors', 'f64.safetensors',
    'list_snappy.parquet', 'numeric_gzip.parquet', 'lists_zstd.parquet', 'plain.parquet',
  ])('%s, plain and gzipped', async (file) => {
    const want = formatEntry(file);
    for (const [name, bytes] of [[file, formatBytes(file)], [`${file}.gz`, gzipSync(formatBytes(file))]] as const) {
      const emb = await loadEmbeddingsAsync(name, bytes);
      expect([emb.n, emb.dim]).toEqual(want.shape);
      expect(Array.from(emb.vectors)).toEqual(f32(want.values));
      if (want.labels) expect(Array.from(emb.labels!, (k) => emb.classNames![k])).toEqual(want.labels);
      else expect(emb.labels).toBeUndefined();
      if (want.meta) expect(emb.meta).toEqual(want.meta);
    }
  });

  it('reads the numpy and text formats as loadEmbeddingsFromBytes does', async () => {
    const npz = await loadEmbeddingsAsync('d.npz', goldenBytes('deflated.npz'));
    expect(npz).toEqual(loadEmbeddingsFromBytes('d.npz', goldenBytes('deflated.npz')));
    const csv = await loadEmbeddingsAsync('h.csv.gz', gzipSync(goldenBytes('header.csv')));
    expect(Array.from(csv.vectors)).toEqual(goldenEntry('header.csv').values.map(Math.fround));
  });

  it('applies --labels, --label-column and --vectors across formats', async () => {
    const records = formatBytes('records.json');
    const byId = await loadEmbeddingsAsync('r.json', records, { labelColumn: 'ok' });
    expect(byId.classNames).toEqual(['false', 'true']);
    const external = await loadEmbeddingsAsync('r.json', records, { labels: { name: 'l.txt', bytes: utf8('1\n2\n1\n2\n1\n2\n') } });
    expect(external.classNames).toEqual(['1', '2']);
    expect(external.meta?.columns).toEqual(['id', 'label', 'ok', 'score']);
    const npz = await loadEmbeddingsAsync('s.npz', goldenBytes('stored.npz'), { vectors: 'embeddings' });
    expect(Array.from(npz.vectors)).toEqual(goldenEntry('stored.npz').values);
    expect(Array.from(npz.labels!)).toEqual(goldenEntry('stored.npz').labels);
    const st = await loadEmbeddingsAsync('a.safetensors', formatBytes('ambiguous.safetensors'), { vectors: 'a' });
    expect(st.dim).toBe(4);
  });

  it('rejects option combinations that cannot apply', async () => {
    const e = writeNpy(new Float32Array(8), [4, 2]);
    await expectInputErrorAsync(() => loadEmbeddingsAsync('e.npy', e, { vectors: 'x' }), /^--vectors was given, but e\.npy holds a single array\. Drop --vectors/);
    await expectInputErrorAsync(() => loadEmbeddingsAsync('e.npy', e, { labelColumn: 'class' }), /--label-column was given without --labels, and e\.npy has no columns besides the vectors/);
    await expectInputErrorAsync(() => loadEmbeddingsAsync('s.npz', goldenBytes('stored.npz'), { vectors: 'X' }), /s\.npz has no array named "X" \(it holds embeddings, labels\)/);
    await expectInputErrorAsync(() => loadEmbeddingsAsync('r.json', formatBytes('records.json'), { labelColumn: 'tags' }), /r\.json has no column named "tags" \(columns: "id", "label", "ok", "score"\)/);
    await expectInputErrorAsync(() => loadEmbeddingsAsync('two.json', utf8('[[1], [2]]')), /two\.json has 2 points; the analysis needs at least 3/);
  });
});
