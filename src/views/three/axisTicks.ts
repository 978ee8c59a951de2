/**
 * Axis ticks of the view in data units: the cloud's bounding box (display coordinates: display =
 * (coords - offset) * scale, as transition.ts draws the points) and d3's nice ticks of each axis's
 * data range. Each axis is drawn on one of its box's four parallel edges: one on the outline of
 * the box's projection (so axes run round the cloud, never across it), the one most on screen.
 */
import { ticks as niceTicks, tickFormat } from 'd3';

export type Vec3 = [number, number, number];

export interface AxisTick {
  /** The value in the view's own units and its printed form. */
  value: number;
  label: string;
  /** Its display coordinate along the axis. */
  at: number;
}

export interface AxisBox {
  /** Low and high corners in display coordinates. */
  lo: Vec3;
  hi: Vec3;
  /** One entry per drawn axis (x, y and, in 3D, z). */
  axes: { axis: number; ticks: AxisTick[] }[];
}

/** Points read for the quantiles of a 3D box (an even stride over the cloud). */
const QUANTILE_SAMPLE = 20_000;

/** Per axis, the q and 1 - q quantiles of the present points (q = 0: the extremes), from an even-stride sample of at most QUANTILE_SAMPLE points. */
function range(coords: Float32Array, present: (i: number) => boolean, q: number): { lo: Vec3; hi: Vec3 } | null {
  const n = coords.length / 3;
  if (q === 0) {
    // The extremes: one pass, no copy.
    const lo: Vec3 = [Infinity, Infinity, Infinity];
    const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      if (!present(i)) continue;
      for (let a = 0; a < 3; a++) {
        const v = coords[3 * i + a];
        if (v < lo[a]) lo[a] = v;
        if (v > hi[a]) hi[a] = v;
      }
    }
    return lo[0] === Infinity ? null : { lo, hi };
  }
  const stride = Math.max(1, Math.floor(n / QUANTILE_SAMPLE));
  const cols = [0, 1, 2].map(() => new Float64Array(Math.ceil(n / stride)));
  let m = 0;
  for (let i = 0; i < n; i += stride) {
    if (!present(i)) continue;
    for (let a = 0; a < 3; a++) cols[a][m] = coords[3 * i + a];
    m++;
  }
  if (m === 0) return null;
  const sorted = cols.map((c) => c.subarray(0, m).sort());
  const at = (t: number) => sorted.map((c) => c[Math.min(m - 1, Math.round(t * (m - 1)))]) as Vec3;
  return { lo: at(q), hi: at(1 - q) };
}

/**
 * The box and ticks of a view: `coords` in the view's units (n x 3), `present(i)` says whether
 * point i is plotted; `offset` and `scale` map to display coordinates. `flat`: 2D (no z axis,
 * z = 0), the box spans every point; in 3D it spans the 1st to 99th percentile of each axis, so
 * a few outliers do not push the axes off screen. Null when no point is present; an axis whose
 * range is empty gets no ticks.
 */
export function axisBox(coords: Float32Array, present: (i: number) => boolean, offset: readonly number[], scale: number, flat: boolean, count = 5): AxisBox | null {
  const r = range(coords, present, flat ? 0 : 0.01);
  if (!r || !(scale > 0)) return null;
  const { lo, hi } = r;
  const display = (v: number, a: number) => (flat && a === 2 ? 0 : (v - offset[a]) * scale);
  const axes = [0, 1, 2].slice(0, flat ? 2 : 3).map((axis) => {
    const values = hi[axis] > lo[axis] ? niceTicks(lo[axis], hi[axis], count) : [];
    const format = tickFormat(lo[axis], hi[axis], count);
    return { axis, ticks: values.map((value) => ({ value, label: format(value), at: display(value, axis) })) };
  });
  return { lo: [0, 1, 2].map((a) => display(lo[a], a)) as Vec3, hi: [0, 1, 2].map((a) => display(hi[a], a)) as Vec3, axes };
}

/** The two axes other than `a`, in order. */
function others(a: number): [number, number] {
  return a === 0 ? [1, 2] : a === 1 ? [0, 2] : [0, 1];
}

/** The point at `t` along axis `a` on edge `side` of the box: bit 0 puts the first other axis at its high side, bit 1 the second. */
export function edgePoint(box: AxisBox, a: number, side: number, t: number): Vec3 {
  const p: Vec3 = [0, 0, 0];
  const [b, c] = others(a);
  p[a] = t;
  p[b] = side & 1 ? box.hi[b] : box.lo[b];
  p[c] = side & 2 ? box.hi[c] : box.lo[c];
  return p;
}

/** The box's centre. */
export function boxCentre(box: AxisBox): Vec3 {
  return [0, 1, 2].map((a) => (box.lo[a] + box.hi[a]) / 2) as Vec3;
}

/** Length in px of the part of segment a-b inside [0, width] x [0, height] (Liang-Barsky clipping). */
export function visibleLength(a: readonly number[], b: readonly number[], width: number, height: number): number {
  const d = [b[0] - a[0], b[1] - a[1]];
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [[-d[0], a[0]], [d[0], width - a[0]], [-d[1], a[1]], [d[1], height - a[1]]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return 0;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return 0;
  }
  return (t1 - t0) * Math.hypot(d[0], d[1]);
}

/** Whether every corner of the box projects on one side of the line through p and q (the edge is on the outline). */
function onOutline(corners: [number, number][], p: readonly number[], q: readonly number[]): boolean {
  let neg = false;
  let pos = false;
  const len = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
  for (const c of corners) {
    const cross = ((q[0] - p[0]) * (c[1] - p[1]) - (q[1] - p[1]) * (c[0] - p[0])) / len;
    if (cross < -0.5) neg = true;
    if (cross > 0.5) pos = true;
  }
  return !(neg && pos);
}

/**
 * For each axis the edge to draw it on: among the edges on the outline of the projected box, the
 * one with the longest part on a width x height screen (ties, as in 2D, go to the lower side: the
 * x axis at the bottom, y at the left); an edge behind the camera is never chosen.
 */
export function outerEdges(box: AxisBox, project: (p: Vec3) => [number, number] | null, width: number, height: number): number[] {
  const corners: [number, number][] = [];
  for (let k = 0; k < 8; k++) {
    const c = project([k & 1 ? box.hi[0] : box.lo[0], k & 2 ? box.hi[1] : box.lo[1], k & 4 ? box.hi[2] : box.lo[2]]);
    if (c) corners.push(c);
  }
  return box.axes.map(({ axis }) => {
    let best = 0;
    let score = -Infinity;
    for (let side = 0; side < 4; side++) {
      const p = project(edgePoint(box, axis, side, box.lo[axis]));
      const q = project(edgePoint(box, axis, side, box.hi[axis]));
      if (!p || !q) continue;
      const s = (onOutline(corners, p, q) ? 1e6 : 0) + visibleLength(p, q, width, height);
      if (s > score + 1) [best, score] = [side, s];
    }
    return best;
  });
}
