/**
 * The views the worker computes for the 3D canvas: PCA (any three of the first ten axes), the
 * class-mean simplex, one class's subspace, UMAP (sampled above a cap), and the raw coordinates
 * when d <= 3. Linear views also place the class means, the global mean and the aligned ETF.
 */
import type { Mat } from '../geometry/types';
import { mat } from '../geometry/linalg';
import { alignedEtf } from '../geometry/etf';
import { classBasis, pcaBasis, projectMatRows, projectView, rowSpaceBasis, VIEW_DIMS } from '../geometry/projection';
import { sampleRows } from '../geometry/sample';
import { selectRows } from '../geometry/rows';
import { umapLayout } from '../geometry/umap';
import type { Dataset } from './dataset';
import type { ViewResult } from './protocol';

/** Largest number of points UMAP runs on; larger sets are sampled (seeded). */
export const UMAP_MAX_POINTS = 50_000;

export type ViewSpec =
  | { kind: 'pca'; axes: [number, number, number] }
  | { kind: 'simplex' }
  | { kind: 'class'; classIndex: number }
  /** maxPoints: the sample cap (default UMAP_MAX_POINTS). */
  | { kind: 'umap'; dims: 2 | 3; seed: number; maxPoints?: number }
  | { kind: 'raw' };

export interface ViewOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, stage: string) => void;
}

/** The default view: PC1-PC3 (fewer axes when d < 3). */
export const DEFAULT_VIEW: ViewSpec = { kind: 'pca', axes: [0, 1, 2] };

/** Radius the bulk of a view is fitted to, inside the unit ball the camera frames. */
const FIT_RADIUS = 0.92;

/**
 * Offset and scale that fit points in the unit ball: offset = the given centre, scale = FIT_RADIUS
 * over the 99th percentile of the distances from it (so a few outliers do not shrink the cloud).
 */
export function fitUnitBall(coords: Float32Array, rows: Int32Array | null, centre: [number, number, number]): { offset: [number, number, number]; scale: number } {
  const m = rows ? rows.length : coords.length / VIEW_DIMS;
  const r = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    const i = rows ? rows[t] : t;
    r[t] = Math.hypot(coords[i * 3] - centre[0], coords[i * 3 + 1] - centre[1], coords[i * 3 + 2] - centre[2]);
  }
  r.sort();
  const radius = m > 0 ? r[Math.min(m - 1, Math.floor(0.99 * m))] : 0;
  return { offset: centre, scale: radius > 0 ? FIT_RADIUS / radius : 1 };
}

interface Linear {
  basis: Mat;
  centre: Float64Array;
  axes: [string, string, string];
  note: string;
}

function linearView(ds: Dataset, spec: ViewSpec): Linear {
  const { X, n, d, stats } = ds;
  switch (spec.kind) {
    case 'pca': {
      const q = Math.min(3, d);
      const axes = spec.axes.slice(0, q).map((a) => Math.min(a, ds.pca.components.rows - 1));
      const names = axes.map((a) => `PC${a + 1}`);
      const share = axes.reduce((s, a) => s + ds.pca.explainedVarianceRatio[a], 0);
      return { basis: pcaBasis(ds.pca, axes), centre: ds.pca.mean, axes: pad(names), note: `${names.join(', ')} of the centred data: ${(100 * share).toFixed(1)}% of the variance.` };
    }
    case 'simplex': {
      if (!stats) throw new Error('The simplex view needs labels with at least two classes.');
      const basis = rowSpaceBasis(stats.centredMeans, 3);
      return {
        basis,
        centre: stats.globalMean,
        axes: pad(Array.from({ length: basis.cols }, (_, c) => `simplex ${c + 1}`)),
        note: `The span of the ${ds.K} centred class means (${Math.min(ds.K - 1, d)}-D), its ${basis.cols} widest directions; centred at the global mean.`,
      };
    }
    case 'class': {
      if (!ds.labels || !ds.classNames) throw new Error('The class-subspace view needs labels.');
      const c = Math.min(Math.max(0, spec.classIndex), ds.K - 1);
      const { basis, centre } = classBasis(X, n, d, ds.labels, c, 3);
      const name = ds.classNames[c];
      return {
        basis,
        centre,
        axes: pad(Array.from({ length: basis.cols }, (_, j) => `${name} dir ${j + 1}`)),
        note: `The top ${basis.cols} principal directions of class ${name} alone, centred at its mean; every point projected onto them.`,
      };
    }
    case 'raw': {
      if (d > 3) throw new Error(`Raw coordinates need d <= 3 (this data has d = ${d}).`);
      const basis = mat(d, d);
      for (let t = 0; t < d; t++) basis.data[t * d + t] = 1;
      return { basis, centre: new Float64Array(d), axes: pad(['x', 'y', 'z'].slice(0, d)), note: 'The raw coordinates.' };
    }
    default:
      throw new Error(`not a linear view: ${spec.kind}`);
  }
}

function pad(names: string[]): [string, string, string] {
  return [names[0] ?? '', names[1] ?? '', names[2] ?? ''];
}

function triple(a: Float32Array, o = 0): [number, number, number] {
  return [a[o], a[o + 1], a[o + 2]];
}

/** Class centroids of a layout over the rows `rows` (all when null), and the mean of the centroids. */
function centroids(coords: Float32Array, labels: Int32Array, K: number, rows: Int32Array | null): { means: Float32Array; global: [number, number, number] } {
  const sums = new Float64Array(K * 3);
  const counts = new Float64Array(K);
  const m = rows ? rows.length : labels.length;
  for (let t = 0; t < m; t++) {
    const i = rows ? rows[t] : t;
    const k = labels[i];
    counts[k]++;
    for (let c = 0; c < 3; c++) sums[k * 3 + c] += coords[i * 3 + c];
  }
  const means = new Float32Array(K * 3);
  const global: [number, number, number] = [0, 0, 0];
  let present = 0;
  for (let k = 0; k < K; k++) {
    if (counts[k] === 0) continue;
    present++;
    for (let c = 0; c < 3; c++) {
      means[k * 3 + c] = sums[k * 3 + c] / counts[k];
      global[c] += means[k * 3 + c];
    }
  }
  for (let c = 0; c < 3; c++) global[c] /= Math.max(present, 1);
  return { means, global };
}

async function umapView(ds: Dataset, spec: Extract<ViewSpec, { kind: 'umap' }>, opts: ViewOptions): Promise<ViewResult> {
  const cap = spec.maxPoints ?? UMAP_MAX_POINTS;
  const sample = ds.n > cap ? sampleRows(ds.n, cap, spec.seed) : null;
  const m = sample ? sample.length : ds.n;
  const Xs = sample ? selectRows(ds.X, ds.d, sample) : ds.X;
  const layout = await umapLayout(Xs, m, ds.d, { dims: spec.dims, seed: spec.seed, signal: opts.signal, onProgress: opts.onProgress });
  const coords = sample ? new Float32Array(ds.n * 3) : layout;
  if (sample) sample.forEach((i, t) => coords.set(layout.subarray(t * 3, t * 3 + 3), i * 3));
  const c = ds.labels ? centroids(coords, ds.labels, ds.K, sample) : null;
  let centre: [number, number, number] = [0, 0, 0];
  for (let t = 0; t < m; t++) for (let a = 0; a < 3; a++) centre[a] += layout[t * 3 + a] / m;
  if (spec.dims === 2) centre = [centre[0], centre[1], 0];
  const fit = fitUnitBall(coords, sample, centre);
  const names = Array.from({ length: spec.dims }, (_, a) => `UMAP ${a + 1}`);
  const sampled = sample ? `UMAP on a seeded sample of ${m.toLocaleString('en-US')} of ${ds.n.toLocaleString('en-US')} points (seed ${spec.seed}); the others are hidden. ` : '';
  return {
    view: spec,
    coords,
    ...fit,
    axes: pad(names),
    sample,
    means: c ? c.means : null,
    globalMean: c ? c.global : null,
    etf: null,
    note: `${sampled}UMAP (15 neighbours, min_dist 0.1, exact Euclidean kNN): distances between clusters are not meaningful; class means shown are centroids of the layout; no ETF overlay (the layout is not linear).`,
  };
}

/** Computes a view of the dataset. Errors for a view the data cannot have (no labels, d > 3 for raw). */
export async function computeView(ds: Dataset, spec: ViewSpec, opts: ViewOptions = {}): Promise<ViewResult> {
  if (spec.kind === 'umap') return umapView(ds, spec, opts);
  const { basis, centre, axes, note } = linearView(ds, spec);
  const coords = projectView(ds.X, ds.n, ds.d, centre, basis);
  let means: Float32Array | null = null;
  let globalMean: [number, number, number] | null = null;
  let etf: Float32Array | null = null;
  let etfNote = '';
  if (ds.stats) {
    means = projectMatRows(ds.stats.means, centre, basis);
    globalMean = triple(projectMatRows(mat(1, ds.d, ds.stats.globalMean), centre, basis));
    const ideal = alignedEtf(ds.stats.centredMeans);
    if (ideal) {
      const placed = mat(ds.K, ds.d);
      for (let k = 0; k < ds.K; k++) for (let t = 0; t < ds.d; t++) placed.data[k * ds.d + t] = ideal.vertices.data[k * ds.d + t] + ds.stats.globalMean[t];
      etf = projectMatRows(placed, centre, basis);
    } else etfNote = ` The ideal simplex needs ${ds.K - 1} dimensions; the data has ${ds.d}, so it is not drawn.`;
  }
  // Linear views are centred by construction; raw coordinates are fitted around the data's mean.
  const m = ds.pca.mean;
  const centreOf: [number, number, number] = spec.kind === 'raw' ? [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0] : [0, 0, 0];
  const fit = fitUnitBall(coords, null, centreOf);
  return { view: spec, coords, ...fit, axes, sample: null, means, globalMean, etf, note: note + etfNote };
}
