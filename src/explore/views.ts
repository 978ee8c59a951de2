/**
 * The views the worker computes for the 3D canvas: PCA (any three of the first fifty axes), the
 * class-mean simplex, one class's subspace, a custom axis between two classes or queries, UMAP
 * and t-SNE (sampled above a cap, viewNonlinear.ts), and the raw coordinates when d <= 3; any of
 * them on the spherized rows. Linear views also place the class means, the global mean and the
 * aligned ETF, and report the variance along each axis (the share of the data's a picture shows).
 */
import type { SampleStrategy } from '../geometry/sample';
import type { Mat } from '../geometry/types';
import { mat } from '../geometry/linalg';
import { alignedEtf } from '../geometry/etf';
import { classBasis, pcaBasis, projectMatRows, projectView, rowSpaceBasis, VIEW_DIMS } from '../geometry/projection';
import type { Dataset } from './dataset';
import type { ViewResult } from './viewProtocol';
import { customBasis, type CustomAxis } from './viewCustom';
import { axisVariances, spherizedDataset, totalVariance, widePca } from './viewData';
import { tsneView, umapView } from './viewNonlinear';
import { formatPercent } from '../format';

export { TSNE_MAX_POINTS, UMAP_MAX_POINTS } from './viewNonlinear';
export type { AxisEnd, CustomAxis } from './viewCustom';

/** A view; `spherize`: computed on the rows centred and scaled to unit length (the Projector's spherize). */
export type ViewSpec = (
  | { kind: 'pca'; axes: [number, number, number] }
  | { kind: 'simplex' }
  | { kind: 'class'; classIndex: number }
  /** maxPoints: the sample cap (default UMAP_MAX_POINTS), drawn by `sample` (default uniform) with `seed`; neighbours 15, minDist 0.1, metric 'euclidean' by default. */
  | { kind: 'umap'; dims: 2 | 3; seed: number; maxPoints?: number; sample?: SampleStrategy; neighbours?: number; minDist?: number; metric?: 'euclidean' | 'cosine' }
  /** maxPoints: the sample cap (default TSNE_MAX_POINTS), drawn by `sample` (default uniform) with `seed`; iterations 1,000 by default. */
  | { kind: 'tsne'; dims: 2 | 3; seed: number; perplexity: number; maxPoints?: number; sample?: SampleStrategy; iterations?: number }
  /** x from the mean of one class/query to another's; y likewise, or the first principal axis orthogonal to x. */
  | { kind: 'custom'; x: CustomAxis; y: CustomAxis | null }
  | { kind: 'raw' }
) & { spherize?: boolean };

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

async function linearView(ds: Dataset, spec: ViewSpec, signal?: AbortSignal): Promise<Linear> {
  const { X, n, d, stats } = ds;
  switch (spec.kind) {
    case 'pca': {
      const q = Math.min(3, d);
      const p = spec.axes.some((a) => a >= ds.pca.components.rows) ? await widePca(ds, signal) : ds.pca;
      const axes = spec.axes.slice(0, q).map((a) => Math.min(a, p.components.rows - 1));
      const names = axes.map((a) => `PC${a + 1}`);
      const share = axes.reduce((s, a) => s + p.explainedVarianceRatio[a], 0);
      const of = spec.spherize ? 'spherized' : 'centred';
      return { basis: pcaBasis(p, axes), centre: p.mean, axes: pad(names), note: `${names.join(', ')} of the ${of} data: ${formatPercent(share)} of the variance.` };
    }
    case 'custom': {
      const c = customBasis(ds, spec.x, spec.y);
      return { ...c, centre: ds.pca.mean };
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

/** Three axis names, '' for the missing ones. */
export function pad(names: string[]): [string, string, string] {
  return [names[0] ?? '', names[1] ?? '', names[2] ?? ''];
}

function triple(a: Float32Array, o = 0): [number, number, number] {
  return [a[o], a[o + 1], a[o + 2]];
}

/** Computes a view of the dataset. Errors for a view the data cannot have (no labels, d > 3 for raw). */
export async function computeView(data: Dataset, spec: ViewSpec, opts: ViewOptions = {}): Promise<ViewResult> {
  if (spec.kind === 'umap') return umapView(data, spec, opts);
  if (spec.kind === 'tsne') return tsneView(data, spec, opts);
  if (spec.spherize && spec.kind === 'raw') throw new Error('Raw coordinates cannot be spherized: untick spherize, or choose another projection.');
  const ds = spec.spherize ? await spherizedDataset(data, opts.signal) : data;
  const { basis, centre, axes, note } = await linearView(ds, spec, opts.signal);
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
  const sph = spec.spherize ? ' On the spherized rows (each centred on the mean row and scaled to unit length).' : '';
  const axisVariance = axisVariances(coords, null);
  return { view: spec, coords, ...fit, axes, sample: null, means, globalMean, etf, note: note + etfNote + sph, axisVariance, totalVariance: totalVariance(ds.X, ds.n, ds.d) };
}
