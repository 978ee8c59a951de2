/**
 * Axis ticks of the view in data units: the cloud's bounding box (display coordinates: display =
 * (coords - offset) * scale, as transition.ts draws the points) and d3's nice ticks of each axis's
 * data range. Each axis is drawn on one of its box's four parallel edges: the one whose middle
 * lies farthest out on screen from the box's centre, so axes run round the cloud, never across it
 * (as matplotlib's 3D axes do).
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
  const stride = q > 0 ? Math.max(1, Math.floor(n / QUANTILE_SAMPLE)) : 1;
  const cols: number[][] = [[], [], []];
  for (let i = 0; i < n; i += stride) if (present(i)) for (let a = 0; a < 3; a++) cols[a].push(coords[3 * i + a]);
  if (cols[0].length === 0) return null;
  const sorted = cols.map((c) => Float64Array.from(c).sort());
  const at = (t: number) => sorted.map((c) => c[Math.min(c.length - 1, Math.round(t * (c.length - 1)))]) as Vec3;
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

/**
 * For each axis the edge to draw it on: the one whose midpoint `project`s farthest from the
 * projected centre (ties, as in 2D, go to the lower side: the x axis at the bottom, y at the left).
 */
export function outerEdges(box: AxisBox, project: (p: Vec3) => [number, number] | null): number[] {
  const c = project(boxCentre(box));
  return box.axes.map(({ axis }) => {
    if (!c) return 0;
    const mid = (box.lo[axis] + box.hi[axis]) / 2;
    let best = 0;
    let far = -Infinity;
    for (let side = 0; side < 4; side++) {
      const p = project(edgePoint(box, axis, side, mid));
      const d = p ? Math.hypot(p[0] - c[0], p[1] - c[1]) : -Infinity;
      if (d > far + 0.5) [best, far] = [side, d];
    }
    return best;
  });
}
