import { describe, expect, it } from 'vitest';
import { createRng } from '../../geometry/random';
import { boxesOverlap, nearestPerCell, placeGreedy, spaceRepeats, type Box } from './declutter';

describe('greedy label placement', () => {
  it('keeps a box only when it is on screen and clear of the boxes kept before it', () => {
    const boxes: Box[] = [
      { x: 10, y: 10, w: 40, h: 12 },
      { x: 30, y: 15, w: 40, h: 12 }, // overlaps the first
      { x: 50, y: 10, w: 40, h: 12 }, // touches the first's right edge: kept
      { x: 190, y: 10, w: 40, h: 12 }, // runs off a 200 px wide screen
      { x: 5, y: 40, w: 20, h: 12 }, // overlaps the occupied box
    ];
    const occupied: Box[] = [{ x: 0, y: 35, w: 30, h: 10 }];
    expect(placeGreedy(boxes, 200, 100, occupied)).toEqual([0, 2]);
    expect(occupied).toHaveLength(3);
    expect(boxesOverlap({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBe(false);
  });

  it('keeps the nearest visible point of every cell, nearest first, as a brute-force scan does', () => {
    const rng = createRng(4);
    const n = 3000;
    const sx = Float32Array.from({ length: n }, () => rng.uniform() * 420 - 10);
    const sy = Float32Array.from({ length: n }, () => rng.uniform() * 220 - 10);
    const sw = Float32Array.from({ length: n }, (_, i) => (i % 17 === 0 ? NaN : 1 + rng.uniform() * 5));
    const visible = (i: number) => i % 5 !== 0;
    const got = nearestPerCell(sx, sy, sw, visible, 400, 200, 90, 22);
    const cells = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (!visible(i) || !(sw[i] > 0) || sx[i] < 0 || sy[i] < 0 || sx[i] >= 450 || sy[i] >= 220) continue;
      const key = `${Math.floor(sx[i] / 90)},${Math.floor(sy[i] / 22)}`;
      const held = cells.get(key);
      if (held === undefined || sw[i] < sw[held]) cells.set(key, i);
    }
    expect(new Set(got)).toEqual(new Set(cells.values()));
    for (let k = 1; k < got.length; k++) expect(sw[got[k]]).toBeGreaterThanOrEqual(sw[got[k - 1]]);
  });

  it('leaves out a label that repeats a kept one nearby, and keeps it far away', () => {
    const items = [
      { text: 'cat', x: 0, y: 0 },
      { text: 'cat', x: 50, y: 0 },
      { text: 'dog', x: 10, y: 0 },
      { text: 'cat', x: 200, y: 0 },
    ];
    expect(spaceRepeats(items, 120)).toEqual([0, 2, 3]);
  });
});
