import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { goldenBytes, goldenEntry } from '../../tests/fixtures/io/golden';
import { detectFormat, loadEmbeddingsFromBytes } from './detect';
import { writeNpy } from './npy';
import { expectInputError, utf8 } from './testing.test-util';

describe('detectFormat', () => {
  it('trusts magic bytes over the extension, then the extension', () => {
    expect(detectFormat('x.bin', goldenBytes('f4_c.npy'))).toBe('npy');
    expect(detectFormat('x.npy', goldenBytes('stored.npz'))).toBe('npz');
    expect(detectFormat('x.TSV', utf8('1\t2\n'))).toBe('delimited');
    expect(detectFormat('x.txt', utf8('1 2\n'))).toBe('delimited');
  });

  it('names unknown and foreign formats', () => {
    expectInputError(() => detectFormat('x.bin', new Uint8Array([1, 2, 3, 4])), /x\.bin has an unknown format \(extension "\.bin", first bytes 01 02 03 04\)\. Use \.npy or \.npz/);
    expectInputError(() => detectFormat('data', utf8('1,2\n')), /extension "\(none\)"/);
    expectInputError(() => detectFormat('x.npy', utf8('1,2\n')), /x\.npy is not a \.npy file \(it does not start with \\x93NUMPY\); its first bytes are 31 2c 32 0a/);
    expectInputError(() => detectFormat('x.npz', utf8('1,2\n')), /x\.npz is not a \.npz archive/);
    expectInputError(() => detectFormat('x.h5', new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d])), /x\.h5 is not an HDF5 file \(it does not start with \\x89HDF\); its first bytes are 89 48 44 46/);
    expectInputError(() => detectFormat('x.pkl', new Uint8Array([0x80, 4, 0x95, 0])), /a bare Python pickle \(or a PyTorch file from before 1\.6/);
    expect(detectFormat('m.pt', zipSync({ 'archive/data.pkl': new Uint8Array(1) }))).toBe('torch');
    expect(detectFormat('m.zip', zipSync({ 'm/data.pkl': new Uint8Array(1) }))).toBe('torch');
    expect(detectFormat('x.h5', new Uint8Array([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('hdf5');
    expect(detectFormat('x.arrow', utf8('ARROW1\0\0'))).toBe('arrow');
    expect(detectFormat('t.bytes', new Uint8Array(8))).toBe('bytes');
    expect(detectFormat('projector_config.json', utf8('{"embeddings": [{"tensorPath": "t.bytes"}]}'))).toBe('projector');
    expect(detectFormat('points.json', utf8('{"embeddings": [[1, 2], [3, 4]]}'))).toBe('json');
    expectInputError(() => detectFormat('x.csv', new Uint8Array([49, 0, 50])), /named like a text file but holds binary data/);
  });
});

describe('loadEmbeddingsFromBytes', () => {
  it('reads .npy with a labels file and .npz with its inner labels', () => {
    const want = goldenEntry('f4_c.npy');
    const emb = loadEmbeddingsFromBytes('e.npy', goldenBytes('f4_c.npy'), { labels: { name: 'l.txt', bytes: utf8('b\na\nb\nc\na\n') } });
    expect([emb.n, emb.dim]).toEqual(want.shape);
    expect(Array.from(emb.vectors)).toEqual(want.values);
    expect(emb.classNames).toEqual(['a', 'b', 'c']);
    expect(Array.from(emb.labels!)).toEqual([1, 0, 1, 2, 0]);
    const npz = loadEmbeddingsFromBytes('d.npz', goldenBytes('deflated.npz'));
    expect(Array.from(npz.labels!)).toEqual(goldenEntry('deflated.npz').labels);
    expect(npz.classNames).toEqual(['0', '1', '2']);
  });

  it('prefers --labels over the labels inside an npz and keeps metadata', () => {
    const meta = utf8('name\tclass\np\tx\nq\ty\nr\tx\ns\ty\nt\tx\n');
    const emb = loadEmbeddingsFromBytes('s.npz', goldenBytes('stored.npz'), { labels: { name: 'm.tsv', bytes: meta } });
    expect(emb.classNames).toEqual(['x', 'y']);
    expect(emb.meta?.columns).toEqual(['name', 'class']);
    const byName = loadEmbeddingsFromBytes('s.npz', goldenBytes('stored.npz'), { labels: { name: 'm.tsv', bytes: meta }, labelColumn: 'name' });
    expect(byName.classNames).toEqual(['p', 'q', 'r', 's', 't']);
  });

  it('reads gzipped text and the Fortran-order golden file', () => {
    const csv = loadEmbeddingsFromBytes('h.csv.gz', gzipSync(goldenBytes('header.csv')));
    expect(Array.from(csv.vectors)).toEqual(goldenEntry('header.csv').values.map(Math.fround));
    const f = loadEmbeddingsFromBytes('f.npy', goldenBytes('f4_fortran.npy'));
    expect(Array.from(f.vectors)).toEqual(goldenEntry('f4_fortran.npy').values);
  });

  it('rejects fewer than 3 points, label count mismatches and stray options', () => {
    expectInputError(() => loadEmbeddingsFromBytes('two.csv', utf8('1,2\n3,4\n')), /two\.csv has 2 points; the analysis needs at least 3\. Pass a file/);
    expectInputError(() => loadEmbeddingsFromBytes('h.csv', utf8('a,b\n')), /h\.csv has 0 points/);
    const e = writeNpy(new Float32Array(8), [4, 2]);
    expectInputError(
      () => loadEmbeddingsFromBytes('e.npy', e, { labels: { name: 'l.txt', bytes: utf8('label\n0\n1\n0\n1\n') } }),
      /^l\.txt has 5 labels but e\.npy has 4 rows \(the labels are longer by 1\); its first line "label" looks like a header row/,
    );
    expectInputError(() => loadEmbeddingsFromBytes('e.npy', e, { labelColumn: 'class' }), /--label-column was given without --labels/);
    expectInputError(() => loadEmbeddingsFromBytes('e.csv.gz', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])), /e\.csv\.gz is a damaged gzip file/);
  });
});
