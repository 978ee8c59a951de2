import { describe, expect, it } from 'vitest';
import { classQuotas, drawSample, sampleRows, stratifiedRows } from './sample';
import { mulberry32 } from './random';

describe('sampleRows', () => {
  it('draws m distinct sorted rows, the same for the same seed', () => {
    const s = sampleRows(1000, 300, 7);
    expect(s.length).toBe(300);
    expect(new Set(s).size).toBe(300);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    expect(s[0]).toBeGreaterThanOrEqual(0);
    expect(s[s.length - 1]).toBeLessThan(1000);
    expect(Array.from(sampleRows(1000, 300, 7))).toEqual(Array.from(s));
    expect(Array.from(sampleRows(1000, 300, 8))).not.toEqual(Array.from(s));
  });

  it('returns every row when m >= n and is roughly uniform', () => {
    expect(Array.from(sampleRows(4, 9))).toEqual([0, 1, 2, 3]);
    const hits = new Float64Array(10);
    for (let seed = 1; seed <= 400; seed++) for (const i of sampleRows(100, 10, seed)) hits[Math.floor(i / 10)]++;
    // 4,000 draws over 10 bins of 400 expected each: a binomial sd of ~19.
    for (const h of hits) expect(Math.abs(h - 400)).toBeLessThan(100);
  });
});

describe('classQuotas and stratifiedRows', () => {
  it('gives quotas that sum to the size, each within 1 of its proportional share and never above the class', () => {
    const rand = mulberry32(3);
    for (let trial = 0; trial < 200; trial++) {
      const K = 1 + Math.floor(rand() * 12);
      const counts = Array.from({ length: K }, () => Math.floor(rand() * 50));
      const N = counts.reduce((a, b) => a + b, 0);
      const m = Math.floor(rand() * (N + 5));
      const q = classQuotas(counts, m);
      expect(q.reduce((a, b) => a + b, 0)).toBe(Math.min(m, N));
      counts.forEach((c, k) => {
        expect(q[k]).toBeLessThanOrEqual(c);
        if (m < N) expect(Math.abs(q[k] - (m * c) / N)).toBeLessThan(1);
      });
    }
  });

  it('hands the leftover rows to the largest remainders, ties to the lower class', () => {
    // Shares 10 * [5, 3, 2] / 10 = 5, 3, 2 exactly; 7 * [5, 3, 2] / 10 = 3.5, 2.1, 1.4: floors 3, 2, 1, one left for class 0.
    expect(Array.from(classQuotas([5, 3, 2], 7))).toEqual([4, 2, 1]);
    // 3 * [1, 1, 1, 1] / 4 = 0.75 each: three classes get one, the lowest three.
    expect(Array.from(classQuotas([1, 1, 1, 1], 3))).toEqual([1, 1, 1, 0]);
  });

  it('draws exactly the quota of each class, distinct and sorted, the same rows for the same seed', () => {
    const labels = Int32Array.from({ length: 1000 }, (_, i) => (i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2));
    const s = stratifiedRows(labels, 3, 101, 5);
    expect(s.length).toBe(101);
    expect(new Set(s).size).toBe(101);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    const got = [0, 0, 0];
    for (const i of s) got[labels[i]]++;
    expect(got).toEqual(Array.from(classQuotas([600, 300, 100], 101)));
    expect(Array.from(stratifiedRows(labels, 3, 101, 5))).toEqual(Array.from(s));
    expect(Array.from(stratifiedRows(labels, 3, 101, 6))).not.toEqual(Array.from(s));
    expect(Array.from(stratifiedRows(labels, 3, 5000, 5))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('keeps a small class that a uniform sample of the same size would often miss', () => {
    const labels = Int32Array.from({ length: 2000 }, (_, i) => (i < 1980 ? 0 : 1));
    for (let seed = 1; seed <= 20; seed++) {
      const s = stratifiedRows(labels, 2, 100, seed);
      expect(Array.from(s).filter((i) => labels[i] === 1).length).toBe(1);
    }
  });

  it('drawSample dispatches on the strategy and refuses stratified without labels', () => {
    const labels = Int32Array.from({ length: 50 }, (_, i) => i % 2);
    expect(Array.from(drawSample(50, { size: 10, strategy: 'uniform', seed: 4 }, null, 0))).toEqual(Array.from(sampleRows(50, 10, 4)));
    expect(Array.from(drawSample(50, { size: 10, strategy: 'stratified', seed: 4 }, labels, 2))).toEqual(Array.from(stratifiedRows(labels, 2, 10, 4)));
    expect(() => drawSample(50, { size: 10, strategy: 'stratified', seed: 4 }, null, 0)).toThrow(/needs labels/);
  });
});
