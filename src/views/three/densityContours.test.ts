import { describe, expect, it } from 'vitest';
import { createRng } from '../../geometry/random';
import { densityBands, LEVELS } from './densityContours';

/** Even-odd rule: is (x, y) inside the polygon [outer, ...holes]? */
function inside(poly: Float32Array[], x: number, y: number): boolean {
  let hit = false;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const [xi, yi, xj, yj] = [ring[i], ring[i + 1], ring[j], ring[j + 1]];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
    }
  }
  return hit;
}

function blobs(): Float32Array {
  const rng = createRng(9);
  const n = 3000;
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const dense = i < 2400;
    out.set([(dense ? -0.4 : 0.5) + rng.normal() * (dense ? 0.05 : 0.1), (dense ? 0.3 : -0.2) + rng.normal() * (dense ? 0.05 : 0.1), 0], 3 * i);
  }
  return out;
}

describe('density contours', () => {
  it('gives one band per level of the peak density, the densest around the denser blob only', () => {
    const pos = blobs();
    const bands = densityBands(pos, () => true);
    expect(bands).toHaveLength(LEVELS.length);
    for (let k = 1; k < bands.length; k++) expect(bands[k].value / bands[0].value).toBeCloseTo(LEVELS[k] / LEVELS[0], 9);
    const top = bands[bands.length - 1];
    expect(top.polygons.some((p) => inside(p, -0.4, 0.3))).toBe(true);
    expect(top.polygons.some((p) => inside(p, 0.5, -0.2))).toBe(false);
    const faint = bands[0];
    expect(faint.polygons.some((p) => inside(p, 0.5, -0.2))).toBe(true);
    expect(faint.polygons.some((p) => inside(p, 0.9, 0.9))).toBe(false);
  });

  it('counts only visible points, and nothing below three', () => {
    const pos = blobs();
    const bands = densityBands(pos, (i) => i >= 2400);
    expect(bands[bands.length - 1].polygons.some((p) => inside(p, 0.5, -0.2))).toBe(true);
    expect(bands[0].polygons.some((p) => inside(p, -0.4, 0.3))).toBe(false);
    expect(densityBands(pos, (i) => i < 2)).toEqual([]);
  });
});
