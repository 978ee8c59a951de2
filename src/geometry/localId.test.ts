import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { dedupRows } from './clean';
import { knn } from './knn';
import { mle } from './dimension';
import { localDimension, uniqueRowMap } from './localId';
import { createRng, normalArray } from './random';

describe('localDimension', () => {
  it('uniqueRowMap keeps the rows dedupRows keeps and maps duplicates to their first occurrence', () => {
    const X = new Float32Array([1, 2, 0, 0, 1, 2, -0, 0, 3, 3, 1, 2]);
    const { keep, of } = uniqueRowMap(X, 6, 2);
    expect(Array.from(keep)).toEqual(Array.from(dedupRows(X, 6, 2).keep));
    expect(Array.from(keep)).toEqual([0, 1, 4]);
    expect(Array.from(of)).toEqual([0, 1, 0, 1, 2, 0]);
  });

  it('equals the pointwise MLE on the unique rows; duplicates share their value', async () => {
    const n = 120;
    const d = 5;
    const base = normalArray(createRng(8), n * d);
    const X = new Float32Array((n + 10) * d);
    X.set(base);
    for (let r = 0; r < 10; r++) X.set(base.subarray(r * 7 * d, r * 7 * d + d), (n + r) * d);
    const got = await localDimension(X, n + 10, d, 12);
    expect(got.k).toBe(12);
    const want = mle(await knn(base, n, d, 12), 12).pointwise;
    for (let i = 0; i < n; i++) expect(got.values[i]).toBeCloseTo(want[i], 10);
    for (let r = 0; r < 10; r++) expect(got.values[n + r]).toBe(got.values[r * 7]);
    // Gaussian data in 5-D: the local estimates scatter around 5.
    const mean = want.reduce((a, b) => a + b, 0) / n;
    expect(mean).toBeGreaterThan(3.5);
    expect(mean).toBeLessThan(7);
  });

  it('is NaN everywhere with fewer than 3 unique rows', async () => {
    const got = await localDimension(new Float32Array([1, 1, 1, 1, 2, 2]), 3, 2);
    expect(Array.from(got.values).every(Number.isNaN)).toBe(true);
  });
});
