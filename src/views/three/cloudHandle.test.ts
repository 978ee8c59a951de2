import { describe, expect, it } from 'vitest';
import { CloudHandle, insidePolygon, pointsInRect, pointsOnScreen } from './cloudHandle';

describe('pointsInRect', () => {
  it('selects visible points whose projected position lies in the rectangle', () => {
    const h = new CloudHandle();
    h.attach(new Float32Array([0, 0, 0, 0.5, 0.5, 0, -0.9, 0, 0, 0.1, 0.1, 0]), new Float32Array([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]));
    // Orthographic identity projection: NDC = (x, y); a 100 x 100 canvas.
    const mask = pointsInRect(h, { x0: 40, y0: 60, x1: 80, y1: 20 }, { width: 100, height: 100 }, (x, y, z) => [x, y, z]);
    expect(Array.from(mask!)).toEqual([1, 1, 0, 0]);
    expect(pointsInRect(new CloudHandle(), { x0: 0, y0: 0, x1: 1, y1: 1 }, { width: 1, height: 1 }, (x, y, z) => [x, y, z])).toBeNull();
  });
});

describe('lasso', () => {
  it('tests points against a polygon (even-odd, concave shapes included)', () => {
    // An L-shaped polygon: the notch at (3, 3) is outside.
    const L = [0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4];
    expect(insidePolygon(1, 1, L)).toBe(true);
    expect(insidePolygon(1, 3, L)).toBe(true);
    expect(insidePolygon(3, 3, L)).toBe(false);
    expect(insidePolygon(5, 1, L)).toBe(false);
    const h = new CloudHandle();
    h.attach(new Float32Array([-0.9, 0.9, 0, 0.5, -0.5, 0]), new Float32Array([1, 1, 1, 1, 1, 1, 1, 1]));
    const mask = pointsOnScreen(h, (x, y) => insidePolygon(x, y, [0, 0, 20, 0, 20, 20, 0, 20]), { width: 100, height: 100 }, (x, y, z) => [x, y, z]);
    expect(Array.from(mask!)).toEqual([1, 0]);
  });
});
