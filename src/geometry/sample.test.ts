import { describe, expect, it } from 'vitest';
import { sampleRows } from './sample';

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
