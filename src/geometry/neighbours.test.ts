import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { knn } from './knn';
import { nearestTo } from './neighbours';
import { createRng, normalArray } from './random';

describe('nearestTo', () => {
  it('matches knn() row by row (euclidean and cosine), distances to 1e-12', async () => {
    const n = 180;
    const d = 7;
    const X = normalArray(createRng(5), n * d);
    for (const metric of ['euclidean', 'cosine'] as const) {
      const all = await knn(X, n, d, 20, { metric });
      for (const q of [0, 17, 99, n - 1]) {
        const got = nearestTo(X, n, d, q, 20, metric);
        expect(Array.from(got.indices)).toEqual(Array.from(all.indices.subarray(q * 20, q * 20 + 20)));
        got.distances.forEach((v, t) => expect(Math.abs(v - all.distances[q * 20 + t])).toBeLessThan(1e-12));
      }
    }
  });

  it('excludes the query, orders ties by index and clamps k to n - 1', () => {
    const X = new Float32Array([0, 0, 1, 0, 0, 0, -1, 0, 0, 0]);
    const got = nearestTo(X, 5, 2, 0, 10);
    expect(Array.from(got.indices)).toEqual([2, 4, 1, 3]);
    expect(Array.from(got.distances)).toEqual([0, 0, 1, 1]);
    expect(() => nearestTo(X, 5, 2, 5, 3)).toThrow(RangeError);
  });

  it('cosine distance is 1 - cos and puts a zero row at the origin of the sphere', () => {
    const X = new Float32Array([1, 0, 0, 2, 0, 0, -3, 0]);
    const got = nearestTo(X, 4, 2, 0, 3, 'cosine');
    expect(Array.from(got.indices)).toEqual([2, 1, 3]);
    expect(got.distances[0]).toBeCloseTo(0.5, 12);
    expect(got.distances[1]).toBeCloseTo(1, 12);
    expect(got.distances[2]).toBeCloseTo(2, 12);
  });
});
