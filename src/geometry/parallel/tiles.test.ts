import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CandidateLists, excludedLowerBound, splitTiles, upperTiles } from './tiles';
import { createRng } from '../random';

/** The c smallest (value, index) pairs of row i, sorted: what every order of offers must keep. */
function sortedList(lists: CandidateLists, i: number): [number, number][] {
  const out: [number, number][] = [];
  for (let t = 0; t < lists.count[i]; t++) out.push([lists.value[i * lists.c + t], lists.index[i * lists.c + t]]);
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

describe('upperTiles / splitTiles', () => {
  it('cover each tile I <= J exactly once, in near-equal contiguous shares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 9 }), (n, T, shares) => {
        const tiles = upperTiles(n, T);
        const nb = Math.ceil(n / T);
        expect(tiles.length).toBe((nb * (nb + 1)) / 2);
        const split = splitTiles(tiles, shares);
        expect(split.length).toBe(shares);
        expect(split.flat()).toEqual(tiles);
        const sizes = split.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('CandidateLists', () => {
  it('keeps the c smallest (value, index) pairs whatever the order of offers, and merges shares to the same lists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 9 })), { maxLength: 200 }), fc.integer({ min: 1, max: 4 }), (c, offers, shares) => {
        const unique = [...new Map(offers.map(([i, j, v]) => [`${i},${j}`, [i, j, v] as const])).values()];
        const all = new CandidateLists(4, c);
        for (const [i, j, v] of unique) all.offer(i, j, v);
        const reversed = new CandidateLists(4, c);
        for (const [i, j, v] of [...unique].reverse()) reversed.offer(i, j, v);
        const parts = Array.from({ length: shares }, () => new CandidateLists(4, c));
        unique.forEach(([i, j, v], t) => parts[t % shares].offer(i, j, v));
        for (const p of parts.slice(1)) parts[0].mergeFrom(p);
        for (let i = 0; i < 4; i++) {
          const want = unique.filter((o) => o[0] === i).map(([, j, v]) => [v, j] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, c);
          expect(sortedList(all, i)).toEqual(want);
          expect(sortedList(reversed, i)).toEqual(want);
          expect(sortedList(parts[0], i)).toEqual(want);
          expect(all.worst[i]).toBe(want.length === c ? want[c - 1][0] : Infinity);
        }
      }),
    );
  });

  it('offerTile gives row i and row j the same pair, skipping self and the lower half of a diagonal tile', () => {
    const normSq = Float64Array.from([1, 2, 3, 4]);
    const G = Float32Array.from([9, 0.5, 0.25, 0, 9, 0.125, 0, 0, 9].flatMap((v, t) => (t % 3 === 2 ? [v, -1] : [v])));
    const lists = new CandidateLists(4, 3);
    lists.offerTile(G, 4, 3, 3, 0, 0, normSq);
    expect(sortedList(lists, 0)).toEqual([[2, 1], [3.5, 2]]);
    expect(sortedList(lists, 1)).toEqual([[2, 0], [4.75, 2]]);
    expect(sortedList(lists, 2)).toEqual([[3.5, 0], [4.75, 1]]);
    expect(lists.count[3]).toBe(0);
  });
});

describe('excludedLowerBound', () => {
  it('never exceeds the true squared distance of a pair whose float32 dot product set the list bound', () => {
    const rng = createRng(8);
    for (let trial = 0; trial < 300; trial++) {
      const d = 1 + Math.floor(rng.uniform() * 64);
      const offset = [0, 1, 100, 1e4][trial % 4];
      const x = Array.from({ length: d }, () => offset + rng.normal());
      const y = Array.from({ length: d }, (_, t) => x[t] + 1e-3 * rng.normal() * (trial % 3));
      let dot32 = 0;
      let nx = 0;
      let ny = 0;
      let r2 = 0;
      for (let t = 0; t < d; t++) {
        dot32 = Math.fround(dot32 + Math.fround(Math.fround(x[t]) * Math.fround(y[t])));
        nx += x[t] * x[t];
        ny += y[t] * y[t];
        r2 += (x[t] - y[t]) ** 2;
      }
      expect(excludedLowerBound(nx + ny - 2 * dot32, nx, d)).toBeLessThanOrEqual(r2);
    }
  });
});
