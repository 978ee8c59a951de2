import { describe, expect, it } from 'vitest';
import { createRng } from '../geometry/random';
import { buildDataset } from './build';
import type { LabelledPoints } from './types';
import { applyStandardisation, checkTrainable, fitStandardisation, MAX_TRAIN_VALUES, rowsKept, sampleRows, type FileSourceSpec } from './userData';

/** n rows, 3 columns on different scales, class i % 3. */
function points(n: number): LabelledPoints {
  const rng = createRng(5);
  const vectors = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    vectors[i * 3] = 100 + 10 * rng.normal();
    vectors[i * 3 + 1] = -3 + 0.01 * rng.normal();
    vectors[i * 3 + 2] = 7;
  }
  return { n, dim: 3, vectors, labels: Int32Array.from({ length: n }, (_, i) => i % 3), classNames: ['a', 'b', 'c'] };
}

const spec = (limit: number): FileSourceSpec => ({ kind: 'file', name: 'mine.csv', size: 1, hash: '0123456789abcdef', rows: 0, classes: 0, limit });
const split = { testFraction: 0.25, imbalanceRatio: 1, minorityClasses: 0, labelNoise: 0 };

describe('a user file as a Train source', () => {
  it('standardises every feature by the training rows: mean 0, std 1 there; a constant feature keeps std 1', () => {
    const p = points(40);
    const s = fitStandardisation(p.vectors, 3);
    const z = applyStandardisation(p.vectors, s);
    const again = fitStandardisation(z, 3);
    expect(Math.abs(again.mean[0])).toBeLessThan(1e-5);
    expect(again.std[0]).toBeCloseTo(1, 5);
    expect(again.std[1]).toBeCloseTo(1, 4);
    expect(s.std[2]).toBe(1);
    expect(z[2]).toBe(0);
  });

  it('splits with the data seed, reports the sizes, and standardises the test rows with the training statistics', async () => {
    const p = points(120);
    const ds = await buildDataset({ source: spec(5000), seed: 3, ...split }, undefined, async () => p);
    expect(ds.yTrain.length).toBe(90);
    expect(ds.yTest.length).toBe(30);
    expect(ds.standardisation).toBeDefined();
    const train = fitStandardisation(ds.xTrain, 3);
    expect(Math.abs(train.mean[0])).toBeLessThan(1e-5);
    expect(train.std[0]).toBeCloseTo(1, 5);
    // The test rows are not re-centred: their own mean is off zero.
    expect(Math.abs(fitStandardisation(ds.xTest, 3).mean[0])).toBeGreaterThan(1e-3);
    const same = await buildDataset({ source: spec(5000), seed: 3, ...split }, undefined, async () => p);
    expect(Array.from(same.xTest)).toEqual(Array.from(ds.xTest));
    const other = await buildDataset({ source: spec(5000), seed: 4, ...split }, undefined, async () => p);
    expect(Array.from(other.xTest)).not.toEqual(Array.from(ds.xTest));
  });

  it('samples a larger file down to the limit, seeded, rows in file order', () => {
    const p = points(1000);
    const a = sampleRows(p, 100, 1);
    expect(a.n).toBe(100);
    expect(Array.from(sampleRows(p, 100, 1).vectors)).toEqual(Array.from(a.vectors));
    expect(Array.from(sampleRows(p, 100, 2).vectors)).not.toEqual(Array.from(a.vectors));
    expect(sampleRows(p, 2000, 1)).toBe(p);
    expect(rowsKept(20000, 1000)).toBe(MAX_TRAIN_VALUES / 1000);
    expect(rowsKept(5000, 3)).toBe(5000);
  });

  it('refuses data without labels, with one class, or with a class of one row, naming the file', () => {
    expect(() => checkTrainable({ n: 3 }, 'x.npy')).toThrow(/x.npy has no labels/);
    expect(() => checkTrainable({ n: 3, labels: new Int32Array(3), classNames: ['only'] }, 'x.npy')).toThrow(/only one class/);
    expect(() => checkTrainable({ n: 3, labels: Int32Array.of(0, 0, 1), classNames: ['a', 'b'] }, 'x.npy')).toThrow(/Class b of x.npy has 1 row/);
  });
});
