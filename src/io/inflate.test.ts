import { gzipSync as fgzip, zipSync } from 'fflate';
import { gzipSync as nodeGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { goldenBytes } from '../../tests/fixtures/io/golden';
import { loadEmbeddingsFromBytes } from './detect';
import { inflateCapped } from './inflate';
import { npyHeaderBytes, writeNpy } from './npy';
import { listNpz, parseNpz } from './npz';
import { expectInputError } from './testing.test-util';
import { listZip, readZipEntry } from './zip';

const MiB = 1024 ** 2;

/** A .npy of zeros declaring rows x cols float32 (compresses ~1000:1). */
function zerosNpy(rows: number, cols: number): Uint8Array {
  const head = npyHeaderBytes('<f4', [rows, cols]);
  const out = new Uint8Array(head.length + rows * cols * 4);
  out.set(head);
  return out;
}

describe('capped decompression (.gz and .npz): the declared size is checked first, inflation never passes the budget', () => {
  it('refuses a small .npy.gz whose header declares more than the budget, naming the size', () => {
    const gz = new Uint8Array(nodeGzip(zerosNpy(2048, 2048)));
    expect(gz.length).toBeLessThan(MiB);
    expectInputError(
      () => loadEmbeddingsFromBytes('bomb.npy.gz', gz, { budget: MiB }),
      /bomb\.npy\.gz declares 16,777,344 bytes, more than the 1,048,576 bytes this reader may use\. Load a smaller sample/,
    );
  });

  it('refuses a .gz of text that inflates past the budget, without inflating the rest', () => {
    const gz = new Uint8Array(nodeGzip(new Uint8Array(16 * MiB).fill(0x31)));
    expectInputError(() => loadEmbeddingsFromBytes('big.csv.gz', gz, { budget: MiB }), /big\.csv\.gz decompresses to more than [\d,]+ bytes, more than the 1,048,576 bytes/);
  });

  it('refuses a .npz entry whose .npy declares more than the budget, even when the zip directory lies about its size', () => {
    const zip = zipSync({ 'embeddings.npy': zerosNpy(1024, 1024) }, { level: 1 });
    expectInputError(() => loadEmbeddingsFromBytes('bomb.npz', zip, { budget: MiB }), /bomb\.npz:embeddings\.npy declares 4,194,432 bytes/);
    // Patch the central directory's uncompressed size to 100 bytes: the .npy header still caps it.
    const lying = zip.slice();
    const dir = listZip(zip, 'z')[0];
    const v = new DataView(lying.buffer);
    for (let p = lying.length - 22; p >= 0; p--) {
      if (v.getUint32(p, true) === 0x02014b50) { v.setUint32(p + 24, 100, true); break; }
    }
    expect(listZip(lying, 'z')[0].size).toBe(100);
    expect(dir.size).toBe(zerosNpy(1024, 1024).length);
    expectInputError(() => parseNpz(lying, 'lying.npz', () => true, MiB), /lying\.npz:embeddings\.npy declares 4,194,432 bytes/);
  });

  it('inflates a valid .npy.gz and .npz exactly, and stops at the size the .npy header declares', () => {
    const values = Float32Array.from({ length: 40 * 3 }, (_, i) => Math.cos(i));
    const npy = writeNpy(values, [40, 3]);
    expect(loadEmbeddingsFromBytes('x.npy.gz', fgzip(npy)).vectors).toEqual(values);
    const trailing = new Uint8Array(npy.length + 5000);
    trailing.set(npy);
    expect(inflateCapped(fgzip(trailing), 't.gz', { gzip: true })).toEqual(npy);
    const npz = zipSync({ 'embeddings.npy': npy, 'labels.npy': writeNpy(new Int32Array(40).map((_, i) => i % 3), [40]) });
    expect(listNpz(npz, 'x.npz')).toEqual(['embeddings', 'labels']);
    const emb = loadEmbeddingsFromBytes('x.npz', npz);
    expect(emb.vectors).toEqual(values);
    expect(emb.classNames).toEqual(['0', '1', '2']);
    const entry = listZip(npz, 'x.npz')[0];
    expect(readZipEntry(npz, entry, 'x.npz', { headOnly: 64 })).toEqual(npy.subarray(0, 64));
  });

  it('reads numpy.savez archives (zip64 local headers) through the same reader', () => {
    expect(listNpz(goldenBytes('deflated.npz'), 'd.npz').sort()).toEqual(['features', 'y']);
    expect(listNpz(goldenBytes('stored.npz'), 's.npz').sort()).toEqual(['embeddings', 'labels']);
  });

  it('refuses truncated gzip and deflate streams', () => {
    const gz = fgzip(writeNpy(new Float32Array(300), [100, 3]));
    expectInputError(() => inflateCapped(gz.subarray(0, gz.length - 20), 'cut.npy.gz', { gzip: true }), /cut\.npy\.gz is a damaged gzip file/);
  });
});
