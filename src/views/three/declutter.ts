/**
 * Decluttering text on the view, in screen space (CSS px, y down): a greedy placement that keeps
 * a label only when its box is clear of every box placed before it, and a grid that keeps at most
 * one candidate point per cell (the nearest to the camera), so label work is bounded by the
 * screen, not by n.
 */

/** An axis-aligned box: left, top, width, height. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** True when two boxes overlap (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Indices of the boxes kept, in priority order: box k is kept when it lies inside [0, width] x
 * [0, height] and overlaps neither a kept box nor one of `occupied` (which is extended with the kept ones).
 */
export function placeGreedy(boxes: readonly Box[], width: number, height: number, occupied: Box[] = []): number[] {
  const kept: number[] = [];
  for (let k = 0; k < boxes.length; k++) {
    const b = boxes[k];
    if (b.x < 0 || b.y < 0 || b.x + b.w > width || b.y + b.h > height) continue;
    if (occupied.some((o) => boxesOverlap(o, b))) continue;
    occupied.push(b);
    kept.push(k);
  }
  return kept;
}

/**
 * The label candidates of a projected cloud: the screen is cut into cells of cellW x cellH px and
 * each cell keeps its visible point of smallest clip w (nearest the camera); returns those points
 * nearest first. sx, sy: CSS px; sw: clip w (NaN when not drawn); visible(i): not hidden.
 */
export function nearestPerCell(
  sx: Float32Array,
  sy: Float32Array,
  sw: Float32Array,
  visible: (i: number) => boolean,
  width: number,
  height: number,
  cellW: number,
  cellH: number,
): number[] {
  const cols = Math.max(1, Math.ceil(width / cellW));
  const rows = Math.max(1, Math.ceil(height / cellH));
  const best = new Int32Array(cols * rows).fill(-1);
  for (let i = 0; i < sx.length; i++) {
    const w = sw[i];
    if (!(w > 0)) continue;
    const c = Math.floor(sx[i] / cellW);
    const r = Math.floor(sy[i] / cellH);
    if (c < 0 || c >= cols || r < 0 || r >= rows) continue;
    const cell = r * cols + c;
    const held = best[cell];
    if ((held < 0 || w < sw[held]) && visible(i)) best[cell] = i;
  }
  const out: number[] = [];
  for (const i of best) if (i >= 0) out.push(i);
  return out.sort((a, b) => sw[a] - sw[b] || a - b);
}

/** Indices of the items kept in order when an item repeating the text of a kept one within `radius` px is left out. */
export function spaceRepeats(items: readonly { text: string; x: number; y: number }[], radius: number): number[] {
  const placed = new Map<string, { x: number; y: number }[]>();
  const kept: number[] = [];
  items.forEach((it, k) => {
    const same = placed.get(it.text) ?? [];
    if (same.some((p) => Math.hypot(p.x - it.x, p.y - it.y) < radius)) return;
    same.push(it);
    placed.set(it.text, same);
    kept.push(k);
  });
  return kept;
}

/** The boxes (relative to `base`) of the elements floating over the view that text must not run under. */
export function elementBoxes(base: DOMRect, elements: Iterable<Element>): Box[] {
  const out: Box[] = [];
  for (const el of elements) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) out.push({ x: r.left - base.left, y: r.top - base.top, w: r.width, h: r.height });
  }
  return out;
}
