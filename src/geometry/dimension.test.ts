import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { mle, twoNN } from './dimension';
import { knn } from './knn';
import { createRng } from './random';
import type { KnnResult } from './types';

function fromDistances(rows: number[][]): KnnResult {
  const k = rows[0].length;
  return { k, indices: new Int32Array(rows.length * k), distances: Float64Array.from(rows.flat()) };
}

/** n points uniform in a cube of dimension m, embedded in D dims by a fixed rotation-like mixing. */
function cubeSample(seed: number, n: number, m: number, D: number): Float32Array {
  const rng = createRng(seed);
  const mix = Array.from({ length: m * D }, () => rng.normal());
  const X = new Float32Array(n * D);
  for (let i = 0; i < n; i++) {
    const u = Array.from({ length: m }, () => rng.uniform());
    for (let t = 0; t < D; t++) {
      let s = 0;
      for (let a = 0; a < m; a++) s += u[a] * mix[a * D + t];
      X[i * D + t] = s;
    }
  }
  return X;
}

describe('mle', () => {
  /** On T_j = j^(1/m) the estimate is m / c_k with c_k = log k - log((k-1)!)/(k-1) -> 1 as k grows. */
  const ck = (k: number) => Math.log(k) - Array.from({ length: k - 1 }, (_, j) => Math.log(j + 1)).reduce((a, b) => a + b, 0) / (k - 1);

  it('gives m / c_k on T_j = j^(1/m), scale-free, and m as k grows', () => {
    for (const m of [1, 2.5, 7]) {
      const row = Array.from({ length: 20 }, (_, j) => (j + 1) ** (1 / m));
      const r = mle(fromDistances([row, row.map((v) => 3 * v)]), 20);
      expect(r.harmonic).toBeCloseTo(m / ck(20), 10);
      expect(r.mean).toBeCloseTo(m / ck(20), 10);
      expect(r.pointwise[1]).toBeCloseTo(m / ck(20), 10);
      const long = Array.from({ length: 5000 }, (_, j) => (j + 1) ** (1 / m));
      expect(Math.abs(mle(fromDistances([long]), 5000).harmonic / m - 1)).toBeLessThan(2e-3);
    }
  });

  it('uses only the first k neighbours and averages harmonically', () => {
    const a = Array.from({ length: 12 }, (_, j) => (j + 1) ** (1 / 2));
    const b = Array.from({ length: 12 }, (_, j) => (j + 1) ** (1 / 6));
    const r = mle(fromDistances([[...a.slice(0, 10), 100, 200], [...b.slice(0, 10), 100, 200]]), 10);
    expect(r.mean).toBeCloseTo(4 / ck(10), 10);
    expect(r.harmonic).toBeCloseTo(3 / ck(10), 10);
    expect(() => mle(fromDistances([a]), 13)).toThrow(RangeError);
  });

  it('leaves out points whose nearest neighbour is a duplicate', () => {
    const r = mle(fromDistances([[0, 1, 2], [1, 2, 4]]), 3);
    expect(Number.isNaN(r.pointwise[0])).toBe(true);
    expect(r.harmonic).toBeCloseTo(1 / (Math.log(4) / 2 + Math.log(2) / 2), 12);
  });
});

describe('twoNN', () => {
  it('fits the slope through the origin over the smallest 90% with F_i = i/N', () => {
    const mus = [1.5, 1.1, 2, 1.3, 3, 1.2, 1.7, 1.05, 2.5, 4];
    const nn = fromDistances(mus.map((mu) => [1, mu]));
    const sorted = [...mus].sort((a, b) => a - b);
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < 9; i++) {
      sxy += Math.log(sorted[i]) * -Math.log(1 - (i + 1) / 10);
      sxx += Math.log(sorted[i]) ** 2;
    }
    expect(twoNN(nn)).toBeCloseTo(sxy / sxx, 12);
  });

  it('excludes duplicate points (r1 = 0) from N', () => {
    const mus = [1.5, 1.1, 2, 1.3];
    const withDup = fromDistances([...mus.map((mu) => [1, mu]), [0, 1]]);
    expect(twoNN(withDup)).toBeCloseTo(twoNN(fromDistances(mus.map((mu) => [1, mu]))), 12);
  });

  it('is near the true dimension of a uniform cube sample embedded in more dimensions', async () => {
    for (const m of [2, 5]) {
      const n = 2000;
      const X = cubeSample(10 + m, n, m, 12);
      const est = twoNN(await knn(X, n, 12, 2));
      expect(Math.abs(est - m)).toBeLessThan(0.15 * m);
    }
  });

  it('and mle agrees on the same sample', async () => {
    const n = 2000;
    const X = cubeSample(21, n, 4, 10);
    const r = mle(await knn(X, n, 10, 20), 20);
    expect(Math.abs(r.harmonic - 4)).toBeLessThan(0.6);
  });
});
