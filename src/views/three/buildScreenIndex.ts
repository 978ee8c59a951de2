/**
 * Builds the screen index (screenIndex.ts) of a cloud: projects every point, then buckets the
 * points on screen into grid cells by counting sort. Work runs in blocks; between blocks it yields
 * to the page once a slice's time is spent, and stops when cancelled.
 */
import { maxReach, projectRange, ScreenIndex, type ScreenSpec } from './screenIndex';

/** Resolves on the next macrotask (a MessageChannel post: not clamped like nested setTimeout). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

export interface BuildOptions {
  /** Milliseconds of work per slice before yielding (0: build in one go, for tests and Node). */
  sliceMs: number;
  /** Checked between slices; when it returns true the build stops and resolves null. */
  cancelled?: () => boolean;
  /** Arrays of a previous index of the same n, reused to avoid reallocating n-sized buffers. */
  reuse?: ScreenIndex | null;
}

const BLOCK = 32_768;

/** Grid cell of points [from, to) (-1: not drawn or off the grid), counted into counts[cell + 1]. Hot loops live in plain functions, not in the async builder. */
function assignCells(sx: Float32Array, sy: Float32Array, sw: Float32Array, g: { origin: number; cell: number; cols: number; rows: number }, cellOf: Int32Array, counts: Int32Array, from: number, to: number): void {
  const { origin, cell, cols, rows } = g;
  for (let i = from; i < to; i++) {
    cellOf[i] = -1;
    const w = sw[i];
    if (w !== w) continue;
    const c = Math.floor((sx[i] - origin) / cell);
    const r = Math.floor((sy[i] - origin) / cell);
    if (c < 0 || c >= cols || r < 0 || r >= rows) continue;
    const id = r * cols + c;
    cellOf[i] = id;
    counts[id + 1]++;
  }
}

/** Writes points [from, to) into their cells' slots (fill[cell] is each cell's next free slot). */
function fillCells(cellOf: Int32Array, fill: Int32Array, items: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const c = cellOf[i];
    if (c >= 0) items[fill[c]++] = i;
  }
}

/** Builds the index of `positions` (n x 3 display coordinates) under `spec`. */
export async function buildScreenIndex(positions: Float32Array, spec: ScreenSpec, opts: BuildOptions): Promise<ScreenIndex | null> {
  const n = positions.length / 3;
  const reuse = opts.reuse && opts.reuse.n === n ? opts.reuse : null;
  const sx = reuse?.sx ?? new Float32Array(n);
  const sy = reuse?.sy ?? new Float32Array(n);
  const sw = reuse?.sw ?? new Float32Array(n);
  const reach = maxReach(spec);
  const cell = Math.max(4, reach);
  const origin = -reach;
  const cols = Math.max(1, Math.ceil((spec.width + 2 * reach) / cell));
  const rows = Math.max(1, Math.ceil((spec.height + 2 * reach) / cell));
  const cellOf = reuse?.cellOf ?? new Int32Array(n);
  const counts = new Int32Array(cols * rows + 1);
  let t0 = performance.now();
  const pause = async (): Promise<boolean> => {
    if (opts.sliceMs <= 0 || performance.now() - t0 < opts.sliceMs) return false;
    await nextTask();
    t0 = performance.now();
    return opts.cancelled?.() ?? false;
  };

  const grid = { origin, cell, cols, rows };
  for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(n, from + BLOCK);
    projectRange(positions, spec.matrix, spec.width, spec.height, sx, sy, sw, from, to);
    assignCells(sx, sy, sw, grid, cellOf, counts, from, to);
    if (await pause()) return null;
  }
  for (let k = 1; k < counts.length; k++) counts[k] += counts[k - 1];
  const cellStart = counts;
  const items = new Int32Array(cellStart[cellStart.length - 1]);
  const fill = cellStart.slice(0, cols * rows);
  for (let from = 0; from < n; from += BLOCK) {
    fillCells(cellOf, fill, items, from, Math.min(n, from + BLOCK));
    if (await pause()) return null;
  }
  return new ScreenIndex({ n, spec, sx, sy, sw, cell, origin, cols, rows, cellStart, items, cellOf });
}
