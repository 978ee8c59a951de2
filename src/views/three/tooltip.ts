/**
 * The hover tooltip's content: the point's image when the data carries images, its class, original
 * row, and its metadata (first columns), written as text nodes only, so a label such as
 * `<img src=x onerror=alert(1)>` shows literally.
 */
import { getLocalIdBuffer, getPreservationBuffer, type PointBuffers } from '../../state/pointBuffers';
import { classColor } from '../palette';
import { drawThumbnail, getThumbnails } from '../thumbnails';

/** Side of the tooltip's thumbnail in CSS px. */
const THUMB_PX = 64;

/** An <img> of file row `row` (drawn on a canvas, kept as a data URL: the view holds one <canvas>), or null when the data has no images. */
function thumbnail(row: number): HTMLImageElement | null {
  const src = getThumbnails();
  if (!src) return null;
  const c = document.createElement('canvas');
  const dpr = window.devicePixelRatio || 1;
  [c.width, c.height] = [THUMB_PX * dpr, THUMB_PX * dpr];
  const ctx = c.getContext('2d');
  if (!ctx || !drawThumbnail(ctx, src, row, 0, 0, THUMB_PX * dpr)) return null;
  const img = document.createElement('img');
  img.className = 'tip-thumb';
  img.alt = `image of row ${row}`;
  img.src = c.toDataURL('image/png');
  return img;
}

/** Metadata columns shown in the tooltip; the inspector lists them all. */
const MAX_COLUMNS = 6;
/** Longer values are cut with an ellipsis. */
const MAX_CHARS = 60;

function clip(s: string): string {
  return s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s;
}

/** The point's local ID (MLE, k = 20) and neighbour preservation in the picture, when computed. */
function appendMeasures(tip: HTMLElement, i: number): void {
  const lines: [string, string][] = [];
  const id = getLocalIdBuffer()?.[i];
  if (id !== undefined) lines.push(['local ID (MLE, k = 20)', Number.isFinite(id) ? id.toFixed(2) : 'undefined']);
  const p = getPreservationBuffer()?.[i];
  if (p !== undefined && Number.isFinite(p)) lines.push(['neighbours kept (k = 10)', `${Math.round(p * 10)} of 10`]);
  for (const [k, v] of lines) {
    const line = document.createElement('div');
    line.className = 'tip-meta tip-measure';
    const key = document.createElement('span');
    key.className = 'tip-key';
    key.textContent = `${k}: `;
    line.append(key, v);
    tip.append(line);
  }
}

/** Replaces the tooltip's children with the description of point i. */
export function writeTooltip(tip: HTMLElement, i: number, b: PointBuffers, classNames: readonly string[] | null): void {
  const head = document.createElement('div');
  head.className = 'tip-head';
  const k = b.labels ? b.labels[i] : -1;
  if (k >= 0) {
    const swatch = document.createElement('span');
    swatch.className = 'tip-swatch';
    swatch.style.background = classColor(k);
    const strong = document.createElement('strong');
    strong.textContent = `class ${classNames?.[k] ?? k}`;
    head.append(swatch, strong, ` · row ${b.rowIndex[i]}`);
  } else head.append(`row ${b.rowIndex[i]}`);
  const image = thumbnail(b.rowIndex[i]);
  tip.replaceChildren(...(image ? [image, head] : [head]));
  appendMeasures(tip, i);
  const meta = b.meta;
  if (!meta) return;
  const shown = meta.columns.slice(0, MAX_COLUMNS);
  for (let c = 0; c < shown.length; c++) {
    const line = document.createElement('div');
    line.className = 'tip-meta';
    const key = document.createElement('span');
    key.className = 'tip-key';
    key.textContent = `${clip(shown[c])}: `;
    line.append(key, clip(meta.values[c][i] ?? ''));
    tip.append(line);
  }
  if (meta.columns.length > MAX_COLUMNS) {
    const more = document.createElement('div');
    more.className = 'tip-more';
    more.textContent = `+${meta.columns.length - MAX_COLUMNS} more columns (click the point)`;
    tip.append(more);
  }
}
