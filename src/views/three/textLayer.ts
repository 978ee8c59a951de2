/**
 * Text drawn over the 3D view on a 2D canvas: tick values, axis names and point labels, each with
 * a halo in the view's background so it reads over points. The same items draw the PNG export at
 * any scale. Positions are CSS px of the view (y down).
 */
import type { Box } from './declutter';

export interface TextItem {
  text: string;
  x: number;
  y: number;
  align: CanvasTextAlign;
  kind: 'tick' | 'axis' | 'label' | 'cluster';
  color: string;
}

/** The font of each kind of item at 1 CSS px per px. */
export const TEXT_FONT: Record<TextItem['kind'], { px: number; weight: number }> = {
  tick: { px: 11, weight: 400 },
  axis: { px: 11.5, weight: 650 },
  label: { px: 12, weight: 500 },
  cluster: { px: 14, weight: 700 },
};
const FAMILY = "Inter, 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";
const HALO = 'rgba(251, 251, 252, 0.92)';

/** The canvas font string of a kind at `scale`. */
export function fontOf(kind: TextItem['kind'], scale = 1): string {
  const f = TEXT_FONT[kind];
  return `${f.weight} ${f.px * scale}px ${FAMILY}`;
}

/** The box of an item's text (its x anchored by `align`, vertically centred on y), 2 px of air around it. */
export function itemBox(ctx: CanvasRenderingContext2D, item: Omit<TextItem, 'color'>): Box {
  ctx.font = fontOf(item.kind);
  const w = ctx.measureText(item.text).width;
  const h = TEXT_FONT[item.kind].px + 2;
  const left = item.align === 'center' ? item.x - w / 2 : item.align === 'right' || item.align === 'end' ? item.x - w : item.x;
  return { x: left - 2, y: item.y - h / 2 - 1, w: w + 4, h: h + 2 };
}

/** Draws the items at `scale` device px per CSS px, offset by (dx, dy) CSS px. */
export function drawTextItems(ctx: CanvasRenderingContext2D, items: readonly TextItem[], scale: number, dx = 0, dy = 0): void {
  ctx.save();
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const it of items) {
    ctx.font = fontOf(it.kind, scale);
    ctx.textAlign = it.align;
    const x = (it.x + dx) * scale;
    const y = (it.y + dy) * scale;
    ctx.strokeStyle = HALO;
    ctx.lineWidth = 3 * scale;
    ctx.strokeText(it.text, x, y);
    ctx.fillStyle = it.color;
    ctx.fillText(it.text, x, y);
  }
  ctx.restore();
}
