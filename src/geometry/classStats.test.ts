import { describe, expect, it } from 'vitest';
import { classCounts, classStatistics } from './classStats';

describe('classStatistics', () => {
  const X = new Float32Array([0, 0, 2, 0, 10, 10, 10, 12, 10, 14]);
  const labels = new Int32Array([0, 0, 1, 1, 1]);

  it('computes means, the unweighted global mean, centred means and within-class spread', () => {
    const st = classStatistics(X, 5, 2, labels, 2);
    expect(Array.from(st.counts)).toEqual([2, 3]);
    expect(Array.from(st.means.data)).toEqual([1, 0, 10, 12]);
    expect(Array.from(st.globalMean)).toEqual([5.5, 6]);
    expect(Array.from(st.centredMeans.data)).toEqual([-4.5, -6, 4.5, 6]);
    expect(st.classVariance[0]).toBeCloseTo(1, 12);
    expect(st.classVariance[1]).toBeCloseTo(8 / 3, 12);
    expect(st.traceSigmaW).toBeCloseTo((2 * 1 + 8) / 5, 12);
    expect(st.traceSigmaB).toBeCloseTo((2 * (4.5 ** 2 + 36)) / 2, 12);
  });

  it('rejects out-of-range labels and empty classes', () => {
    expect(() => classCounts(new Int32Array([0, 2]), 2, 2)).toThrow(RangeError);
    expect(() => classStatistics(X, 5, 2, labels, 3)).toThrow(/class 2 has no rows/);
  });
});
