/**
 * Density contours of a 2D view: d3.contourDensity (a Gaussian kernel density estimate on a grid,
 * then marching squares) over the visible points' display x, y, returned as rings in display
 * coordinates, one band per threshold from the sparsest to the densest. Thresholds are fractions
 * of the peak density, so the faint periphery gets a contour as well as the cores.
 */
import { contourDensity } from 'd3';

declare module 'd3-contour' {
  interface ContourDensity<Datum> {
    /** d3-contour 4's density.contours(data): a function from a threshold to its contour, with the estimate's peak as `max` (not in @types/d3-contour 3). */
    contours(data: Datum[]): ((threshold: number) => ContourMultiPolygon) & { max: number };
  }
}

/** The display square gridded for the estimate ([-EXTENT, EXTENT]^2) and its grid side in d3 units. */
const EXTENT = 1.25;
const GRID = 500;
/** Contour levels as fractions of the peak density. */
export const LEVELS = [0.02, 0.06, 0.13, 0.25, 0.4, 0.6, 0.8] as const;

export interface DensityBand {
  /** Points per d3 grid unit squared at this threshold (d3's `value`). */
  value: number;
  /** Polygons as [outer ring, ...holes], each ring a flat [x0, y0, x1, y1, ...] in display coordinates. */
  polygons: Float32Array[][];
}

/**
 * Bands of the density of points i with visible(i), read from `positions` (n x 3 display
 * coordinates, z ignored). `bandwidth` is the kernel's standard deviation in display units.
 */
export function densityBands(positions: Float32Array, visible: (i: number) => boolean, bandwidth = 0.035): DensityBand[] {
  const index: number[] = [];
  for (let i = 0; i < positions.length / 3; i++) if (visible(i)) index.push(i);
  if (index.length < 3) return [];
  const unit = GRID / (2 * EXTENT);
  const contour = contourDensity<number>()
    .x((i) => (positions[3 * i] + EXTENT) * unit)
    .y((i) => (EXTENT - positions[3 * i + 1]) * unit)
    .size([GRID, GRID])
    .cellSize(4)
    .bandwidth(bandwidth * unit)
    .contours(index);
  const back = (ring: number[][]) => Float32Array.from(ring.flatMap(([u, v]) => [u / unit - EXTENT, EXTENT - v / unit]));
  return LEVELS.map((f) => contour(f * contour.max)).map((c) => ({ value: c.value, polygons: c.coordinates.map((poly) => poly.map(back)) }));
}
