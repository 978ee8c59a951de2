import { describe, expect, it } from 'vitest';
import { compressionRatio, defaultDims, dimensionAtScore, intrinsicDimension, logGrid } from './threshold';
import type { RunResult } from './types';

function result(d: number | null, score: number): RunResult {
  return {
    d,
    projection: { kind: d === null ? 'identity' : 'dense', D: 1000, d: d ?? 1000, nonzerosPerColumn: 1, memoryBytes: 0 },
    evaluation: { loss: 0, score, accuracy: score },
    trainLoss: 0,
    steps: 1,
    seconds: 0,
  };
}

describe('dimensionAtScore', () => {
  it('interpolates linearly in log d between the first point reaching the target and the one before', () => {
    const pts = [
      { d: 10, score: 0.5 },
      { d: 100, score: 0.7 },
      { d: 1000, score: 0.95 },
    ];
    // target 0.9: between 100 (0.7) and 1000 (0.95), f = 0.8 -> 10^(2 + 0.8)
    expect(dimensionAtScore(pts, 0.9)).toBeCloseTo(10 ** 2.8, 6);
    expect(dimensionAtScore(pts, 0.6)).toBeCloseTo(10 ** 1.5, 6);
    expect(dimensionAtScore(pts, 0.7)).toBeCloseTo(100, 9);
  });

  it('takes the first crossing of a non-monotone curve, sorts by d, and handles the ends', () => {
    const pts = [
      { d: 8, score: 0.2 },
      { d: 2, score: 0.1 },
      { d: 4, score: 0.9 },
      { d: 16, score: 0.95 },
    ];
    expect(dimensionAtScore(pts, 0.5)).toBeCloseTo(Math.exp(Math.log(2) + 0.5 * Math.log(2)), 9);
    expect(dimensionAtScore(pts, 0.05)).toBe(2);
    expect(dimensionAtScore(pts, 0.99)).toBeNull();
    expect(dimensionAtScore([], 0.5)).toBeNull();
  });
});

describe('intrinsicDimension', () => {
  it('uses fraction x baseline score minus the tolerance, ignoring the baseline itself', () => {
    const runs = [result(10, 0.4), result(100, 0.8), result(1000, 0.98)];
    const baseline = result(null, 1);
    expect(intrinsicDimension(runs, baseline, 0.9)).toBeCloseTo(10 ** (2 + 0.1 / 0.18), 6);
    expect(intrinsicDimension(runs, baseline, 1)).toBeNull();
    expect(intrinsicDimension(runs, baseline, 1, 0.05)).toBeCloseTo(10 ** (2 + 0.15 / 0.18), 6);
    expect(intrinsicDimension(runs, result(null, 0.5), 0.9)).toBeCloseTo(10 ** (1 + 0.05 / 0.4), 6);
    expect(() => intrinsicDimension(runs, baseline, 0)).toThrow(RangeError);
    expect(compressionRatio(1000, 250)).toBe(4);
    expect(compressionRatio(1000, null)).toBeNull();
  });
});

describe('logGrid', () => {
  it('spaces integers evenly in log d', () => {
    expect(logGrid(10, 10000, 4)).toEqual([10, 100, 1000, 10000]);
    expect(logGrid(1, 4, 10)).toEqual([1, 2, 3, 4]);
    expect(logGrid(5, 5, 3)).toEqual([5]);
    const g = defaultDims(199210);
    expect(g[0]).toBe(10);
    expect(g[g.length - 1]).toBe(5000);
    expect(g.length).toBe(10);
    expect(defaultDims(6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => logGrid(0, 5, 3)).toThrow(RangeError);
  });
});
