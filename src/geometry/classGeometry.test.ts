import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { classDimensions, MAX_ANGLE_CLASSES, subspaceAngles } from './classGeometry';
import { isAbortError } from './abort';
import { isInputError } from '../io/errors';
import { rowsByClass } from '../../tests/gaussianClasses';

describe('class geometry', () => {
  it('estimates each class on its own: a 2-D class and a 6-D class in 10-D', async () => {
    const n = 1200;
    const d = 10;
    const { X, labels } = rowsByClass(2, n, d, 2, (row, label, rng) => {
      for (let t = 0; t < (label === 0 ? 2 : 6); t++) row[t] = rng.uniform();
    });
    const seen: number[] = [];
    const got = await classDimensions(X, n, d, labels, 2, 20, { onProgress: (f) => seen.push(f) });
    expect(got.twoNN[0]).toBeGreaterThan(1.7);
    expect(got.twoNN[0]).toBeLessThan(2.3);
    expect(got.mleHarmonic[0]).toBeGreaterThan(1.7);
    expect(got.mleHarmonic[0]).toBeLessThan(2.3);
    expect(got.twoNN[1]).toBeGreaterThan(4.5);
    expect(got.mleHarmonic[1]).toBeGreaterThan(4.5);
    expect(Array.from(got.k)).toEqual([20, 20]);
    expect(seen.at(-1)).toBe(1);
  });

  it('leaves classes with fewer than 3 unique rows at NaN', async () => {
    const X = new Float32Array([0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 2, 2]);
    const got = await classDimensions(X, 6, 2, new Int32Array([0, 0, 1, 1, 1, 1]), 2);
    expect(Number.isNaN(got.twoNN[0])).toBe(true);
    expect(got.k[0]).toBe(0);
    expect(got.k[1]).toBe(3);
  });

  it('measures principal angles between class planes: span(e1, e2) vs span(e1, e3)', async () => {
    const n = 200;
    const d = 4;
    const { X, labels } = rowsByClass(5, n, d, 2, (row, label, rng) => {
      row[0] = rng.normal();
      row[label === 0 ? 1 : 2] = rng.normal();
    });
    const got = await subspaceAngles(X, n, d, labels, 2, 2);
    expect(Array.from(got.ranks)).toEqual([2, 2]);
    expect(got.smallest.data[1]).toBeCloseTo(0, 6);
    expect(got.largest.data[1]).toBeCloseTo(Math.PI / 2, 6);
    expect(got.mean.data[2]).toBeCloseTo(Math.PI / 4, 6);
    expect(got.mean.data[0]).toBe(0);
  });

  it('refuses more than MAX_ANGLE_CLASSES classes with the reason, and a cancel stops the pair loop', async () => {
    const K = MAX_ANGLE_CLASSES + 1;
    const labels = Int32Array.from({ length: 2 * K }, (_, i) => i % K);
    const X = Float32Array.from({ length: 2 * K * 3 }, (_, t) => Math.sin(t));
    const refused = subspaceAngles(X, 2 * K, 3, labels, K, 2);
    await expect(refused).rejects.toSatisfy(isInputError);
    await expect(refused).rejects.toThrow('Principal angles between the subspaces of 301 classes are not computed: that is 45,150 pairs, and the heatmap shows at most 300 classes.');
    const ctrl = new AbortController();
    ctrl.abort();
    const fewer = labels.map((y) => y % MAX_ANGLE_CLASSES);
    await expect(subspaceAngles(X, 2 * K, 3, fewer, MAX_ANGLE_CLASSES, 2, { signal: ctrl.signal })).rejects.toSatisfy(isAbortError);
  });
});
