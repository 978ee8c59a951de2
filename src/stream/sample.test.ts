import { describe, expect, it } from 'vitest';
import { createSample, distinctRows, mergeSample, offerRow, rowHash, sampleEntries } from './sample';
import { progressLine, formatDuration } from './progress';
import { createRng } from '../geometry/random';

function rows(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * d }, () => Math.round(rng.normal() * 4) / 4);
}

describe('the bottom-hash row sample', () => {
  it('keeps the same rows whatever the order and the split, and counts duplicates exactly while it can', () => {
    const [n, d] = [500, 3];
    const X = rows(n, d, 1);
    const whole = createSample(40, 1, false, 1);
    for (let r = 0; r < n; r++) offerRow(whole, X, r, d, null);
    const a = createSample(40, 1, false, 1);
    const b = createSample(40, 1, false, 1);
    for (let r = n - 1; r >= 0; r--) offerRow(r % 3 === 0 ? a : b, X, r, d, null);
    mergeSample(a, b, 1);
    expect(sampleEntries(a).map((e) => e.hash)).toEqual(sampleEntries(whole).map((e) => e.hash));
    expect(sampleEntries(a).map((e) => e.count)).toEqual(sampleEntries(whole).map((e) => e.count));
    const big = createSample(1000, 1, false, 1);
    for (let r = 0; r < n; r++) offerRow(big, X, r, d, null);
    const distinct = new Set(Array.from({ length: n }, (_, r) => Array.from(X.subarray(r * d, r * d + d)).join(','))).size;
    expect(distinct).toBeLessThan(n);
    expect(distinctRows(big)).toEqual({ value: distinct, exact: true });
    const est = distinctRows(whole);
    expect(est.exact).toBe(false);
    expect(Math.abs(est.value - distinct) / distinct).toBeLessThan(0.3);
  });

  it('hashes -0 as 0 and depends on the seed', () => {
    const X = Float32Array.from([0, 1, -0, 1]);
    expect(rowHash(X, 0, 2, 1)).toBe(rowHash(X, 1, 2, 1));
    expect(rowHash(X, 0, 2, 1)).not.toBe(rowHash(X, 0, 2, 2));
    expect(rowHash(X, 0, 2, 1)).toBeLessThan(2 ** 53);
  });

  it('prints progress with rows/s and an ETA', () => {
    expect(progressLine('reading', 250_000, 1_000_000, 5)).toBe('reading: 250,000 / 1,000,000 (25.0%) rows, 50,000 rows/s, ETA 15.0s');
    expect(formatDuration(3725)).toBe('1h02m');
    expect(progressLine('reading', 10, null, 1)).toBe('reading: 10 rows, 10 rows/s');
  });
});
