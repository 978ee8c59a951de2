/** Test helpers for knn(): an independent float64 brute force and an exact comparison. */
import { expect } from 'vitest';
import type { KnnResult } from './types';

/** Brute force in float64: all distances, sorted by (distance, index); cosine rows scaled by 1/||x|| (0 for a zero row). */
export function bruteForce(X: Float32Array, n: number, d: number, k: number, cosine: boolean): KnnResult {
  const rows = Array.from({ length: n }, (_, i) => {
    const r = Array.from(X.subarray(i * d, i * d + d));
    if (!cosine) return r;
    let s = 0;
    for (const v of r) s += v * v;
    const scale = s > 0 ? 1 / Math.sqrt(s) : 0;
    return r.map((v) => v * scale);
  });
  const indices = new Int32Array(n * k);
  const distances = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const all: [number, number][] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let t = 0; t < d; t++) s += (rows[i][t] - rows[j][t]) ** 2;
      all.push([cosine ? s / 2 : Math.sqrt(s), j]);
    }
    all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let t = 0; t < k; t++) {
      distances[i * k + t] = all[t][0];
      indices[i * k + t] = all[t][1];
    }
  }
  return { k, indices, distances };
}

export function expectSame(got: KnnResult, want: KnnResult): void {
  expect(got.k).toBe(want.k);
  expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
  for (let t = 0; t < want.distances.length; t++) {
    expect(Math.abs(got.distances[t] - want.distances[t])).toBeLessThanOrEqual(1e-12 * Math.max(1, want.distances[t]));
  }
}
