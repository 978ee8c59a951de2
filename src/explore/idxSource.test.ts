import { readFile } from 'node:fs/promises';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FASHION_MNIST_CLASSES, FASHION_MNIST_FILES } from '../datasets/fashionMnist';
import { idxEmbeddings, idxImages, idxRank } from './idxSource';
import { parseFiles } from './sources';

const shipped = async (path: string) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(await readFile(new URL(`../../public/${path}`, import.meta.url))) });

/** An IDX file of unsigned bytes with the given dims (big-endian header). */
const idxFile = (dims: number[], values: number[]) => Uint8Array.from([0, 0, 8, dims.length, ...dims.flatMap((d) => [d >>> 24, (d >>> 16) & 255, (d >>> 8) & 255, d & 255]), ...values]);

describe('IDX files as a vectors file', () => {
  it('reads images as rows of pixel / 255 and labels in the order of their values, named when names are given', () => {
    const images = { name: 'x-images-idx3-ubyte.gz', bytes: gzipSync(idxFile([3, 1, 2], [0, 255, 51, 102, 255, 0])) };
    const labels = { name: 'x-labels-idx1-ubyte', bytes: idxFile([3], [7, 2, 7]) };
    const emb = idxEmbeddings(images, labels)!;
    expect([emb.n, emb.dim]).toEqual([3, 2]);
    expect(Array.from(emb.vectors)).toEqual([0, 1, 0.2, 0.4, 1, 0].map(Math.fround));
    expect(Array.from(emb.labels!)).toEqual([1, 0, 1]);
    expect(emb.classNames).toEqual(['2', '7']);
    expect(idxEmbeddings(images, labels, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])!.classNames).toEqual(['c', 'h']);
    expect(idxImages(idxFile([3, 1, 2], [0, 1, 2, 3, 4, 5]), 'x')).toMatchObject({ rows: 3, width: 2, height: 1 });
  });

  it('leaves other files to the other readers and names the defect of a wrong pair', () => {
    expect(idxRank(new TextEncoder().encode('1,2,3\n4,5,6\n'))).toBe(0);
    expect(idxEmbeddings({ name: 'a.csv', bytes: new TextEncoder().encode('1,2\n') }, undefined)).toBeNull();
    const images = { name: 'i', bytes: idxFile([2, 1, 1], [1, 2]) };
    expect(() => idxEmbeddings({ name: 'l', bytes: idxFile([2], [1, 2]) }, undefined)).toThrow(/IDX labels file .* not vectors/);
    expect(() => idxEmbeddings(images, { name: 'l', bytes: idxFile([3], [1, 2, 3]) })).toThrow(/2 images but l holds 3 labels/);
    expect(() => idxEmbeddings(images, { name: 'l.txt', bytes: new TextEncoder().encode('a\nb\n') })).toThrow(/not an IDX labels file/);
    expect(() => idxEmbeddings({ name: 'i', bytes: idxFile([2, 1, 1], [1]) }, undefined)).toThrow(/1 data bytes; its header \(2 x 1 x 1\) needs 2/);
  });

  it("the shipped Fashion-MNIST, as the worker parses it, matches numpy's reading of the originals", async () => {
    const loaded = await parseFiles(await shipped(FASHION_MNIST_FILES.images), await shipped(FASHION_MNIST_FILES.labels), undefined, undefined, FASHION_MNIST_CLASSES);
    if (!('emb' in loaded)) throw new Error('a choice was asked');
    const { emb } = loaded;
    expect([emb.n, emb.dim]).toEqual([10_000, 784]);
    expect(emb.classNames).toEqual(FASHION_MNIST_CLASSES);
    expect(Array.from(emb.labels!.subarray(0, 5))).toEqual([9, 2, 1, 1, 6]);
    const rowSum = (r: number) => emb.vectors.subarray(r * 784, (r + 1) * 784).reduce((a, v) => a + v, 0);
    // numpy: x = frombuffer(gunzip(images), uint8, offset=16).reshape(10000, 784) / 255 (float32); x[0].sum(), x[9999].sum(), x.sum() in float64.
    expect(rowSum(0)).toBeCloseTo(131.20000365097076, 9);
    expect(rowSum(9999)).toBeCloseTo(95.64706127205864, 9);
    expect(emb.vectors.reduce((a, v) => a + v, 0)).toBeCloseTo(2248898.4019832574, 5);
  });
});
