import { describe, expect, it } from 'vitest';
import { axisBox, boxCentre, edgePoint, outerEdges, visibleLength, type Vec3 } from './axisTicks';

const coords = Float32Array.from([-2.5, 10, 0.3, 7.5, 30, 0.1, 1, 20, 0.2, 100, 100, 100]);
const present = (i: number) => i < 3;

describe('axis ticks', () => {
  it('takes nice ticks of each axis range (data units) and places them in display coordinates', () => {
    const offset = [1, 2, 3];
    const box = axisBox(coords, present, offset, 0.5, false)!;
    expect(box.axes.map((a) => a.axis)).toEqual([0, 1, 2]);
    expect(box.axes[0].ticks.map((t) => t.value)).toEqual([-2, 0, 2, 4, 6]);
    expect(box.axes[1].ticks.map((t) => t.value)).toEqual([10, 15, 20, 25, 30]);
    expect(box.lo[0]).toBeCloseTo((-2.5 - 1) * 0.5, 6);
    expect(box.hi[1]).toBeCloseTo((30 - 2) * 0.5, 6);
    for (const { axis, ticks } of box.axes) for (const t of ticks) expect(t.at).toBeCloseTo((t.value - offset[axis]) * 0.5, 6);
    expect(box.axes[1].ticks[0].label).toBe('10');
  });

  it('has two axes at z = 0 in 2D, none without points, no ticks on an empty range', () => {
    const flat = axisBox(coords, present, [0, 0, 0], 1, true)!;
    expect(flat.axes).toHaveLength(2);
    expect([flat.lo[2], flat.hi[2]]).toEqual([0, 0]);
    expect(axisBox(coords, () => false, [0, 0, 0], 1, false)).toBeNull();
    const single = axisBox(Float32Array.from([1, 2, 3]), () => true, [0, 0, 0], 1, false)!;
    expect(single.axes.every((a) => a.ticks.length === 0)).toBe(true);
  });

  it('spans the 1st to 99th percentile in 3D, so an outlier does not stretch the axes; every point in 2D', () => {
    const n = 1001;
    const line = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) line.set([i / 1000, -i / 1000, 0], 3 * i);
    line.set([50, -50, 0], 3 * 500);
    const box = axisBox(line, () => true, [0, 0, 0], 1, false)!;
    expect(box.hi[0]).toBeCloseTo(0.991, 3);
    expect(box.lo[0]).toBeCloseTo(0.01, 3);
    expect(box.lo[1]).toBeCloseTo(-0.991, 3);
    expect(axisBox(line, () => true, [0, 0, 0], 1, true)!.hi[0]).toBe(50);
  });

  it('puts a point on one of the four parallel edges by its side bits', () => {
    const box = axisBox(Float32Array.from([0, 0, 0, 1, 2, 3]), () => true, [0, 0, 0], 1, false)!;
    expect(edgePoint(box, 0, 0, 0.5)).toEqual([0.5, 0, 0]);
    expect(edgePoint(box, 0, 3, 0.5)).toEqual([0.5, 2, 3]);
    expect(edgePoint(box, 1, 1, 1)).toEqual([1, 1, 0]);
    expect(edgePoint(box, 2, 2, 1)).toEqual([0, 2, 1]);
    expect(boxCentre(box)).toEqual([0.5, 1, 1.5]);
  });

  it('draws each axis on an edge of the projected outline, the one most on screen; in 2D the x axis at the bottom and y at the left', () => {
    const box = axisBox(Float32Array.from([-1, -1, -1, 1, 1, 1]), () => true, [0, 0, 0], 1, false)!;
    const oblique = (p: Vec3): [number, number] => [200 + 80 * p[0] + 35 * p[2], 200 - 80 * p[1] + 25 * p[2] - 10 * p[0]];
    const corners = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => oblique([k & 1 ? 1 : -1, k & 2 ? 1 : -1, k & 4 ? 1 : -1]));
    const sides = outerEdges(box, oblique, 400, 400);
    box.axes.forEach(({ axis }, k) => {
      const p = oblique(edgePoint(box, axis, sides[k], -1));
      const q = oblique(edgePoint(box, axis, sides[k], 1));
      const cross = corners.map((c) => (q[0] - p[0]) * (c[1] - p[1]) - (q[1] - p[1]) * (c[0] - p[0]));
      expect(cross.every((v) => v >= -1e-6) || cross.every((v) => v <= 1e-6), `axis ${axis}`).toBe(true);
    });
    const flat = axisBox(Float32Array.from([-1, -1, 0, 1, 1, 0]), () => true, [0, 0, 0], 1, true)!;
    const down = (p: Vec3): [number, number] => [200 + 80 * p[0], 200 - 80 * p[1]];
    const [x, y] = outerEdges(flat, down, 400, 400);
    expect(down(edgePoint(flat, 0, x, 0))[1]).toBe(280);
    expect(down(edgePoint(flat, 1, y, 0))[0]).toBe(120);
    // Panned so that the bottom edge leaves the screen: the x axis moves to the top edge.
    const panned = (p: Vec3): [number, number] => [200 + 80 * p[0], 100 - 80 * p[1]];
    expect(panned(edgePoint(flat, 0, outerEdges(flat, panned, 400, 150)[0], 0))[1]).toBe(20);
  });

  it('measures the on-screen part of a segment', () => {
    expect(visibleLength([-50, 10], [50, 10], 100, 100)).toBeCloseTo(50, 9);
    expect(visibleLength([10, 10], [40, 50], 100, 100)).toBeCloseTo(50, 9);
    expect(visibleLength([-10, -10], [-5, 200], 100, 100)).toBe(0);
  });
});
