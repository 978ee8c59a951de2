/**
 * Screen layout of the axis ticks and of the point labels, frame by frame: the 3D positions are
 * projected with the camera's matrix (projection x view, column-major) into CSS px, and the text
 * boxes are decluttered (declutter.ts). Tick values sit on the far side of their axis from the
 * cloud; axis names beyond the axis ends.
 */
import { boxCentre, edgePoint, type AxisBox } from './axisTicks';
import { placeGreedy, type Box } from './declutter';
import { itemBox, type TextItem } from './textLayer';

const TICK_COLOR = '#5d6878';
const AXIS_COLORS = ['#b33a1a', '#1f7a4d', '#1d5fa8'];
const LABEL_COLOR = '#1b2330';
/** An axis drawn shorter than this on screen (seen end-on) gets no labels. */
const MIN_AXIS_PX = 28;

/** Screen position (CSS px) of display point p, or null behind the camera. */
export function project(m: ArrayLike<number>, p: readonly number[], width: number, height: number): [number, number] | null {
  const w = m[3] * p[0] + m[7] * p[1] + m[11] * p[2] + m[15];
  if (!(w > 1e-6)) return null;
  const x = (m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12]) / w;
  const y = (m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13]) / w;
  return [(x + 1) * 0.5 * width, (1 - y) * 0.5 * height];
}

/**
 * Tick values and axis names placed for this camera, decluttered: names first, then each axis's
 * ticks in order; `sides` are the edges the axes are drawn on (outerEdges); `occupied` receives the kept boxes.
 */
export function tickItems(ctx: CanvasRenderingContext2D, box: AxisBox | null, sides: readonly number[], names: readonly string[], m: ArrayLike<number>, width: number, height: number, occupied: Box[]): TextItem[] {
  if (!box) return [];
  const centre = project(m, boxCentre(box), width, height);
  const names0: TextItem[] = [];
  const ticks: TextItem[] = [];
  box.axes.forEach(({ axis, ticks: values }, k) => {
    const a = project(m, edgePoint(box, axis, sides[k], box.lo[axis]), width, height);
    const b = project(m, edgePoint(box, axis, sides[k], box.hi[axis]), width, height);
    if (!a || !b || !centre) return;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < MIN_AXIS_PX) return;
    const d = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    let nx = -d[1];
    let ny = d[0];
    const mid = [(a[0] + b[0]) / 2 - centre[0], (a[1] + b[1]) / 2 - centre[1]];
    if (nx * mid[0] + ny * mid[1] < 0) [nx, ny] = [-nx, -ny];
    if (names[axis]) names0.push({ text: names[axis], x: b[0] + d[0] * 16, y: b[1] + d[1] * 16, align: 'center', kind: 'axis', color: AXIS_COLORS[axis] });
    for (const t of values) {
      const p = project(m, edgePoint(box, axis, sides[k], t.at), width, height);
      if (p) ticks.push({ text: t.label, x: p[0] + nx * 13, y: p[1] + ny * 11, align: 'center', kind: 'tick', color: TICK_COLOR });
    }
  });
  const all = [...names0, ...ticks];
  const kept = placeGreedy(all.map((it) => itemBox(ctx, it)), width, height, occupied);
  return kept.map((k) => all[k]);
}

/** A point label's item: the text right of the point, vertically centred on it. */
export function labelItem(text: string, x: number, y: number): TextItem {
  return { text, x: x + 7, y, align: 'left', kind: 'label', color: LABEL_COLOR };
}
