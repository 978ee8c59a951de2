import { describe, expect, it } from 'vitest';
import { thinRows, yScaleFor } from './timelineScale';

describe('yScaleFor', () => {
  it('goes logarithmic when positive values span more than a decade, linear otherwise', () => {
    expect(yScaleFor([1e-3, 0.5, 2], 'auto').type).toBe('log');
    expect(yScaleFor([0.2, 0.5, 2], 'auto').type).toBe('linear');
    expect(yScaleFor([0, 0.5, 200], 'auto').type).toBe('linear');
    expect(yScaleFor([0, 0.5, 200], 'log')).toEqual({ type: 'log', domain: [0.5 / 1.1, 200 * 1.1] });
  });

  it('pads domains, includes 0 for values near it, ignores NaN, and honours a fixed domain', () => {
    expect(yScaleFor([0.25, 1], 'linear').domain).toEqual([0, 1 + 0.05]);
    const far = yScaleFor([10, 11], 'auto').domain;
    expect(far[0]).toBeCloseTo(9.95, 12);
    expect(far[1]).toBeCloseTo(11.05, 12);
    expect(yScaleFor([NaN, 3, 3], 'auto').domain).toEqual([0, 3 * 1.1]);
    expect(yScaleFor([], 'auto').domain).toEqual([0, 1]);
    expect(yScaleFor([0.3], 'auto', [0, 1])).toEqual({ type: 'linear', domain: [0, 1] });
  });
});

describe('thinRows', () => {
  it('keeps the first and last rows and at most max rows', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => i);
    const thin = thinRows(rows, 101);
    expect(thin).toHaveLength(101);
    expect(thin[0]).toBe(0);
    expect(thin[100]).toBe(1000);
    expect(thin[50]).toBe(500);
    expect(thinRows([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
});
