import { describe, expect, it } from 'vitest';
import { useBackend } from '../../tests/setup';
import { knn } from './knn';
import { createRng, normalArray } from './random';
import { bruteForce, expectSame } from './knnTesting';

/** Clustered data far from the origin: float32 Gram scores would misorder it without centring and refinement. */
function offsetData(seed: number, n: number, d: number): Float32Array {
  const rng = createRng(seed);
  const X = normalArray(rng, n * d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) X[i * d + t] = 1000 + 0.01 * X[i * d + t] + (i % 7);
  return X;
}

describe('knn', () => {
  it('matches float64 brute force (euclidean, block smaller than n, offset data)', async () => {
    const n = 203;
    const d = 9;
    const X = offsetData(1, n, d);
    const got = await knn(X, n, d, 6, { blockRows: 37 });
    expectSame(got, bruteForce(X, n, d, 6, false));
  });

  it('matches float64 brute force (cosine, reported as 1 - cos)', async () => {
    const n = 150;
    const d = 12;
    const X = normalArray(createRng(2), n * d);
    const got = await knn(X, n, d, 5, { metric: 'cosine', blockRows: 64 });
    const want = bruteForce(X, n, d, 5, true);
    expectSame(got, want);
    const [i, j] = [0, got.indices[0]];
    let dot = 0;
    let ni = 0;
    let nj = 0;
    for (let t = 0; t < d; t++) {
      dot += X[i * d + t] * X[j * d + t];
      ni += X[i * d + t] ** 2;
      nj += X[j * d + t] ** 2;
    }
    expect(got.distances[0]).toBeCloseTo(1 - dot / Math.sqrt(ni * nj), 12);
  });

  it('excludes self even among exact duplicates, clamps k to n - 1, and orders ties by index', async () => {
    const X = new Float32Array([0, 0, 1, 1, 0, 0, 0, 0, 3, 3]);
    const got = await knn(X, 5, 2, 10, { blockRows: 2 });
    expect(got.k).toBe(4);
    expect(Array.from(got.indices.subarray(0, 4))).toEqual([2, 3, 1, 4]);
    expect(Array.from(got.distances.subarray(0, 2))).toEqual([0, 0]);
    for (let i = 0; i < 5; i++) expect(Array.from(got.indices.subarray(i * 4, i * 4 + 4))).not.toContain(i);
  });

  it('resolves distance ties beyond the candidates exactly (integer lattice with duplicates)', async () => {
    const rng = createRng(12);
    const n = 300;
    const X = Float32Array.from({ length: n * 2 }, () => Math.floor(rng.uniform() * 8));
    const got = await knn(X, n, 2, 4, { blockRows: 64 });
    expectSame(got, bruteForce(X, n, 2, 4, false));
  });

  it('agrees between the wasm and cpu backends', async () => {
    const n = 120;
    const d = 16;
    const X = normalArray(createRng(3), n * d);
    const wasm = await knn(X, n, d, 8);
    await useBackend('cpu');
    try {
      expectSame(await knn(X, n, d, 8, { blockRows: 50 }), wasm);
    } finally {
      await useBackend('wasm');
    }
  });

  it('reports progress per tile and stops with an AbortError between tiles', async () => {
    const n = 100;
    const X = normalArray(createRng(4), n * 4);
    const seen: number[] = [];
    await knn(X, n, 4, 3, { blockRows: 30, onProgress: (f) => seen.push(f) });
    // 4 row blocks of 30: the 10 tiles I <= J take 90% of the progress, the refinement the rest.
    expect(seen).toEqual([...Array.from({ length: 10 }, (_, t) => (0.9 * (t + 1)) / 10), 1]);
    const controller = new AbortController();
    const run = knn(X, n, 4, 3, { blockRows: 30, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('knn cancellation', () => {
  it('stops mid-run when the signal fires from a timer, even on wasm where data() resolves at once', async () => {
    await useBackend('wasm');
    const n = 6000;
    const d = 32;
    const X = normalArray(createRng(5), n * d);
    const controller = new AbortController();
    let progress = 0;
    setTimeout(() => controller.abort(), 5);
    await expect(
      knn(X, n, d, 5, { signal: controller.signal, blockRows: 64, onProgress: (f) => (progress = f) }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(progress).toBeLessThan(1);
  });
});
