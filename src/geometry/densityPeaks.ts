/**
 * Density peaks of a 2-D picture and the points each one gathers (Embedding Atlas's automatic
 * clusters): a Gaussian kernel density estimate on a grid (counts per cell, blurred by a separable
 * Gaussian of `bandwidth` cells), its local maxima above `minFraction` of the highest, and for
 * every point the peak its cell climbs to by steepest ascent (mean-shift on the grid). A peak
 * within `minSeparation` cells of a higher one merges into it; a cell below `floor` of its peak's
 * density belongs to no peak (the sparse fringe); a peak gathering fewer than `minPoints` is dropped.
 */

import { clusterKeywords } from './clusterKeywords';

export interface DensityPeak {
  /** The peak's cell centre in the points' coordinates. */
  x: number;
  y: number;
  /** Estimated density there, as a fraction of the highest peak's. */
  height: number;
  /** Points gathered by the peak. */
  count: number;
}

export interface PeakOptions {
  /** Cells per side of the grid over the points' bounding box. */
  grid?: number;
  /** The kernel's standard deviation, in cells. */
  bandwidth?: number;
  minFraction?: number;
  minSeparation?: number;
  floor?: number;
  minPoints?: number;
  /** At most this many peaks (the highest). */
  max?: number;
}

/** A separable Gaussian blur of a g x g grid, in place (reflecting nothing: mass past the edge is lost). */
function blur(a: Float64Array, g: number, sigma: number): void {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = Float64Array.from({ length: 2 * r + 1 }, (_, t) => Math.exp(-((t - r) ** 2) / (2 * sigma * sigma)));
  const tmp = new Float64Array(g * g);
  for (let y = 0; y < g; y++)
    for (let x = 0; x < g; x++) {
      let s = 0;
      for (let t = -r; t <= r; t++) if (x + t >= 0 && x + t < g) s += k[t + r] * a[y * g + x + t];
      tmp[y * g + x] = s;
    }
  for (let y = 0; y < g; y++)
    for (let x = 0; x < g; x++) {
      let s = 0;
      for (let t = -r; t <= r; t++) if (y + t >= 0 && y + t < g) s += k[t + r] * tmp[(y + t) * g + x];
      a[y * g + x] = s;
    }
}

/**
 * Peaks of the points i with visible(i), read as (xy[stride i], xy[stride i + 1]); returns the peaks
 * (highest first) and per point its peak's index or -1.
 */
export function densityPeaks(xy: ArrayLike<number>, stride: number, visible: (i: number) => boolean, opts: PeakOptions = {}): { peaks: DensityPeak[]; assignment: Int32Array } {
  const { grid: g = 80, bandwidth = 1.6, minFraction = 0.06, minSeparation = 6, floor = 0.12, minPoints = 5, max = 40 } = opts;
  const n = Math.floor(xy.length / stride);
  const assignment = new Int32Array(n).fill(-1);
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    if (!visible(i)) continue;
    const [x, y] = [xy[stride * i], xy[stride * i + 1]];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (!(x1 >= x0)) return { peaks: [], assignment };
  const span = Math.max(x1 - x0, y1 - y0, 1e-12) * 1.04;
  const [cx, cy] = [(x0 + x1) / 2 - span / 2, (y0 + y1) / 2 - span / 2];
  const cellOf = (i: number) => {
    const gx = Math.min(g - 1, Math.max(0, Math.floor(((xy[stride * i] - cx) / span) * g)));
    const gy = Math.min(g - 1, Math.max(0, Math.floor(((xy[stride * i + 1] - cy) / span) * g)));
    return gy * g + gx;
  };
  const density = new Float64Array(g * g);
  for (let i = 0; i < n; i++) if (visible(i)) density[cellOf(i)]++;
  blur(density, g, bandwidth);
  let top = 0;
  for (const v of density) if (v > top) top = v;
  // Steepest ascent from every cell to its local maximum (ties broken by the lower cell index).
  const up = new Int32Array(g * g);
  for (let c = 0; c < g * g; c++) {
    const [x, y] = [c % g, Math.floor(c / g)];
    let best = c;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const [u, v] = [x + dx, y + dy];
        if (u < 0 || v < 0 || u >= g || v >= g) continue;
        const d = v * g + u;
        if (density[d] > density[best] || (density[d] === density[best] && d < best)) best = d;
      }
    up[c] = best;
  }
  const root = new Int32Array(g * g).fill(-1);
  const climb = (c: number): number => {
    const path: number[] = [];
    let at = c;
    while (root[at] < 0 && up[at] !== at) {
      path.push(at);
      at = up[at];
    }
    const r = root[at] >= 0 ? root[at] : at;
    root[at] = r;
    for (const p of path) root[p] = r;
    return r;
  };
  // Local maxima high enough, highest first; a lower one near a higher one merges into it.
  const maxima = [...new Set(Array.from({ length: g * g }, (_, c) => climb(c)))].filter((c) => density[c] >= minFraction * top).sort((a, b) => density[b] - density[a] || a - b);
  const kept: number[] = [];
  const owner = new Map<number, number>();
  for (const m of maxima) {
    const near = kept.find((k) => Math.hypot((k % g) - (m % g), Math.floor(k / g) - Math.floor(m / g)) < minSeparation);
    if (near === undefined) kept.push(m);
    owner.set(m, near ?? m);
  }
  const counts = new Map<number, number>();
  const cellPeak = new Int32Array(g * g).fill(-1);
  for (let c = 0; c < g * g; c++) {
    const o = owner.get(root[c]);
    if (o !== undefined && density[c] >= floor * density[o]) cellPeak[c] = o;
  }
  for (let i = 0; i < n; i++) {
    if (!visible(i)) continue;
    const o = cellPeak[cellOf(i)];
    if (o >= 0) counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  const final = kept.filter((k) => (counts.get(k) ?? 0) >= minPoints).slice(0, max);
  const index = new Map(final.map((k, j) => [k, j]));
  for (let i = 0; i < n; i++) {
    if (!visible(i)) continue;
    const j = index.get(cellPeak[cellOf(i)]);
    if (j !== undefined) assignment[i] = j;
  }
  const peaks = final.map((k) => ({ x: cx + (((k % g) + 0.5) / g) * span, y: cy + ((Math.floor(k / g) + 0.5) / g) * span, height: density[k] / top, count: counts.get(k) ?? 0 }));
  return { peaks, assignment };
}

export interface PeakLabel extends DensityPeak {
  /** The peak's most distinctive terms (clusterKeywords: class-based TF-IDF against every visible row), joined by " · ". */
  text: string;
}

/** The density peaks of the picture, each named by its points' most distinctive terms of `texts` (peaks with no terms are left out). */
export function labelledPeaks(xy: ArrayLike<number>, stride: number, visible: (i: number) => boolean, texts: readonly string[], terms = 2, opts: PeakOptions = {}): PeakLabel[] {
  const { peaks, assignment } = densityPeaks(xy, stride, visible, opts);
  const words = clusterKeywords(texts, assignment, peaks.length, terms);
  return peaks.map((p, j) => ({ ...p, text: words[j].join(' · ') })).filter((p) => p.text !== '');
}
