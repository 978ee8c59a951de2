import { readFile } from 'node:fs/promises';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isInputError } from '../io/errors';
import { buildDataset, loadPoints } from './build';
import { DIGITS_FILES } from './digits';
import { fashionMnistFromBytes, FASHION_MNIST_CLASSES, FASHION_MNIST_FILES } from './fashionMnist';
import { gunzipIfNeeded, parseIdx } from './idx';

const PUBLIC = new URL('../../public/', import.meta.url);
const read = async (path: string) => new Uint8Array(await readFile(new URL(path, PUBLIC)));

/** IDX bytes: magic 0x0000 08 r, r big-endian uint32 dims, then the data. */
function idx(dims: number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x800 + dims.length, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

describe('parseIdx', () => {
  it('reads big-endian dims and the bytes after the header', () => {
    const data = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 10);
    const parsed = parseIdx(idx([2, 3, 4], data), 3);
    expect(parsed.dims).toEqual([2, 3, 4]);
    expect(Array.from(parsed.data)).toEqual(Array.from(data));
  });

  it('rejects a wrong magic, a short header and a size mismatch with InputErrors', () => {
    const good = idx([5], new Uint8Array(5));
    const errors = [
      () => parseIdx(good, 3),
      () => parseIdx(good.subarray(0, 6), 1),
      () => parseIdx(good.subarray(0, 8), 1),
      () => parseIdx(idx([6], new Uint8Array(5)), 1),
    ];
    for (const f of errors) {
      let caught: unknown;
      try {
        f();
      } catch (e) {
        caught = e;
      }
      expect(isInputError(caught)).toBe(true);
    }
  });

  it('gunzipIfNeeded decodes gzip and passes raw bytes through', () => {
    const raw = idx([3], Uint8Array.from([1, 2, 3]));
    expect(gunzipIfNeeded(gzipSync(raw))).toEqual(raw);
    expect(gunzipIfNeeded(raw)).toBe(raw);
  });
});

describe('fashionMnistFromBytes', () => {
  it('scales pixels by 1/255 and checks the label count', () => {
    const pixels = Uint8Array.from({ length: 2 * 2 * 2 }, (_, i) => [0, 255, 51, 102][i % 4]);
    const p = fashionMnistFromBytes(gzipSync(idx([2, 2, 2], pixels)), idx([2], Uint8Array.from([9, 0])));
    expect(p.dim).toBe(4);
    expect(Array.from(p.labels)).toEqual([9, 0]);
    expect(Array.from(p.vectors.subarray(0, 4))).toEqual([0, 1, 0.2, 0.4].map(Math.fround));
    expect(p.classNames[9]).toBe('Ankle boot');
    expect(() => fashionMnistFromBytes(idx([2, 2, 2], pixels), idx([3], new Uint8Array(3)))).toThrow(/2 images but 3 labels/);
    expect(() => fashionMnistFromBytes(idx([2, 2, 2], pixels), idx([2], Uint8Array.from([1, 10])))).toThrow(/outside 0..9/);
  });

  it('loads the shipped t10k set: 10,000 images of 784 pixels in [0, 1], 1,000 per class', async () => {
    const images = await read(FASHION_MNIST_FILES.images);
    const labels = await read(FASHION_MNIST_FILES.labels);
    const p = fashionMnistFromBytes(images, labels);
    expect(p.n).toBe(10000);
    expect(p.dim).toBe(784);
    expect(p.classNames).toEqual(FASHION_MNIST_CLASSES);
    const counts = new Array(10).fill(0);
    for (const y of p.labels) counts[y]++;
    expect(counts).toEqual(new Array(10).fill(1000));
    let min = Infinity;
    let max = -Infinity;
    for (const v of p.vectors) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    expect([min, max]).toEqual([0, 1]);
    const raw = parseIdx(gunzipIfNeeded(images), 3).data;
    for (const t of [0, 12345, 7_839_999]) expect(p.vectors[t]).toBe(Math.fround(raw[t] / 255));
    expect(fashionMnistFromBytes(images, labels, 100).n).toBe(100);
  });
});

describe('shipped data through buildDataset', () => {
  it('digits: 1,797 rows of 64 values in [0, 1], classes 0..9', async () => {
    const p = await loadPoints({ kind: 'digits' }, 1, read);
    expect([p.n, p.dim]).toEqual([1797, 64]);
    expect(p.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Math.max(...p.vectors)).toBe(1);
    expect(Math.min(...p.vectors)).toBe(0);
    expect(DIGITS_FILES.vectors).toBe('data/digits.npy');
  });

  it('fashion-mnist with a limit, split 80/20', async () => {
    const d = await buildDataset(
      { source: { kind: 'fashion-mnist', limit: 1000 }, testFraction: 0.2, imbalanceRatio: 1, minorityClasses: 0, labelNoise: 0, seed: 1 },
      read,
    );
    expect(d.yTrain.length + d.yTest.length).toBe(1000);
    expect(d.yTest.length).toBeGreaterThan(180);
    expect(d.dim).toBe(784);
    expect(d.classes).toBe(10);
  });

  it('real sources without a reader are an error', async () => {
    await expect(loadPoints({ kind: 'digits' }, 1)).rejects.toThrow(/file reader/);
  });
});
