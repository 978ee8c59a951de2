/**
 * The legend and the axes hint drawn on a 2D canvas for the PNG export, as the view shows them:
 * the legend in the top-right corner (every shown category, in as many columns as the height
 * needs; or the colour bar of a continuous colouring), the axes hint in the bottom-left corner.
 * Sizes are CSS px times `scale`.
 */
import * as THREE from 'three';
import { MISSING_COLOR, scaleColor, type ColorPlan } from './colors';
import { formatSig } from '../format';
import { shortLabelsToWidth } from './shortLabels';

const FAMILY = "Inter, 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";
const INK = '#1b2330';
const INK_3 = '#6b7686';
const ROW = 17;
const PAD = 8;
const MARGIN = 12;
const MAX_NAME_PX = 170;

function box(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, s: number): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.94)';
  ctx.strokeStyle = '#dfe3e9';
  ctx.lineWidth = s;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 8 * s);
  ctx.fill();
  ctx.stroke();
}

function categorical(ctx: CanvasRenderingContext2D, plan: Extract<ColorPlan, { kind: 'categorical' }>, hidden: readonly string[], width: number, height: number, s: number): void {
  const shown = plan.categories.map((name, k) => ({ name, color: plan.colors[k] })).filter((e) => !hidden.includes(e.name));
  ctx.font = `600 ${12.5 * s}px ${FAMILY}`;
  const nameW = Math.min(MAX_NAME_PX * s, Math.max(...shown.map((e) => ctx.measureText(e.name).width), 40 * s));
  const perColumn = Math.max(1, Math.floor((height - 2 * MARGIN - 2 * PAD - ROW) / ROW));
  const columns = Math.max(1, Math.ceil(shown.length / perColumn));
  const rows = Math.min(shown.length, perColumn);
  const colW = nameW + 24 * s;
  const w = columns * colW + 2 * PAD * s;
  const h = (rows + 1) * ROW * s + 2 * PAD * s;
  const x0 = width * s - MARGIN * s - w;
  const y0 = MARGIN * s;
  box(ctx, x0, y0, w, h, s);
  ctx.textBaseline = 'middle';
  ctx.font = `${11.5 * s}px ${FAMILY}`;
  ctx.fillStyle = INK_3;
  ctx.fillText(plan.title.toUpperCase(), x0 + PAD * s, y0 + PAD * s + (ROW * s) / 2);
  ctx.font = `600 ${12.5 * s}px ${FAMILY}`;
  // Cut at the end, or in the middle where end cuts would read alike (shortLabels.ts).
  const names = shortLabelsToWidth(shown.map((e) => e.name), nameW, (t) => ctx.measureText(t).width);
  shown.forEach((e, k) => {
    const cx = x0 + PAD * s + Math.floor(k / perColumn) * colW;
    const cy = y0 + PAD * s + ((k % perColumn) + 1.5) * ROW * s;
    ctx.fillStyle = e.color;
    ctx.beginPath();
    ctx.arc(cx + 6 * s, cy, 5.5 * s, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = INK;
    ctx.fillText(names[k], cx + 17 * s, cy);
  });
}

function continuous(ctx: CanvasRenderingContext2D, plan: Extract<ColorPlan, { kind: 'continuous' }>, width: number, s: number): void {
  ctx.font = `${11.5 * s}px ${FAMILY}`;
  const labels = [`≥ ${formatSig(plan.max, 3)}`, formatSig((plan.min + plan.max) / 2, 3), `≤ ${formatSig(plan.min, 3)}`];
  const textW = Math.max(ctx.measureText(plan.title).width, ...labels.map((l) => ctx.measureText(l).width + 22 * s));
  const w = textW + 2 * PAD * s;
  const h = (ROW + 126 + (plan.missing > 0 ? ROW : 0)) * s + 2 * PAD * s;
  const x0 = width * s - MARGIN * s - w;
  const y0 = MARGIN * s;
  box(ctx, x0, y0, w, h, s);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = INK_3;
  ctx.fillText(plan.title, x0 + PAD * s, y0 + PAD * s + (ROW * s) / 2);
  const top = y0 + PAD * s + ROW * s + 3 * s;
  const grad = ctx.createLinearGradient(0, top + 120 * s, 0, top);
  for (let t = 0; t <= 1.0001; t += 0.1) grad.addColorStop(Math.min(1, t), scaleColor(t));
  ctx.fillStyle = grad;
  ctx.fillRect(x0 + PAD * s, top, 12 * s, 120 * s);
  ctx.fillStyle = INK;
  labels.forEach((l, k) => ctx.fillText(l, x0 + PAD * s + 20 * s, top + (k * 60 + (k === 0 ? 5 : k === 2 ? -5 : 0)) * s));
  if (plan.missing > 0) {
    ctx.fillStyle = MISSING_COLOR;
    ctx.fillRect(x0 + PAD * s, top + 128 * s, 12 * s, 12 * s);
    ctx.fillStyle = INK;
    ctx.fillText(`no value: ${plan.missing.toLocaleString('en-US')}`, x0 + PAD * s + 20 * s, top + 134 * s);
  }
}

/** Draws the legend of `plan` (categories in `hidden` left out) in the top-right of a width x height (CSS px) view. */
export function drawLegend(ctx: CanvasRenderingContext2D, plan: ColorPlan | null, hidden: readonly string[], width: number, height: number, scale: number): void {
  if (!plan || plan.kind === 'uniform') return;
  ctx.save();
  if (plan.kind === 'categorical') categorical(ctx, plan, hidden, width, height, scale);
  else continuous(ctx, plan, width, scale);
  ctx.restore();
}

const AXIS_COLORS = ['#b33a1a', '#1f7a4d', '#1d5fa8'];
const GIZMO = 96;
const ARM = 30;

/** Draws the axes hint (AxesGizmo.tsx) for `camera` in the bottom-left of a view `height` CSS px tall. */
export function drawAxesHint(ctx: CanvasRenderingContext2D, camera: THREE.Camera, names: readonly string[], flat: boolean, height: number, s: number): void {
  const cx = (14 + GIZMO / 2) * s;
  const cy = (height - 14 - GIZMO / 2) * s;
  const d = new THREE.Vector3();
  camera.updateMatrixWorld();
  ctx.save();
  ctx.lineWidth = 2.2 * s;
  ctx.lineCap = 'round';
  ctx.font = `650 ${11 * s}px ${FAMILY}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let a = 0; a < 3; a++) {
    if (!names[a] || (flat && a === 2)) continue;
    d.set(a === 0 ? 1 : 0, a === 1 ? 1 : 0, a === 2 ? 1 : 0).transformDirection(camera.matrixWorldInverse);
    ctx.strokeStyle = ctx.fillStyle = AXIS_COLORS[a];
    ctx.beginPath();
    ctx.moveTo(cx, cy);
    ctx.lineTo(cx + d.x * ARM * s, cy - d.y * ARM * s);
    ctx.stroke();
    ctx.fillText(names[a], cx + d.x * (ARM + 13) * s, cy - d.y * (ARM + 13) * s);
  }
  ctx.restore();
}
