/**
 * The data behind the charts, computed once per dataset in the worker: the covariance spectrum,
 * per-class counts, spreads, mean cosines (beside the ETF target), per-class intrinsic dimension,
 * and, on request, principal angles between class subspaces. Small arrays only: the K x K matrices
 * only up to MAX_HEATMAP_CLASSES classes (past it a note says why they are left out), so memory
 * stays O(K D) for K in the thousands.
 */
import { classDimensions, MAX_ANGLE_CLASSES, subspaceAngles } from '../geometry/classGeometry';
import { alignedEtf, cosineMatrix, etfCosines } from '../geometry/etf';
import type { Dataset } from './dataset';
import { DEFAULT_MLE_K } from '../geometry/dimension';

/** Principal angles between class subspaces (radians, K x K row-major). */
export interface AnglesChart {
  k: number;
  ranks: number[];
  mean: number[];
  smallest: number[];
  largest: number[];
}

/** Per-class TwoNN and MLE (harmonic), and the k used per class. */
export interface ClassDimensionChart {
  twoNN: (number | null)[];
  mleHarmonic: (number | null)[];
  k: number[];
}

export interface ClassCharts {
  names: string[];
  counts: number[];
  /** V_k = mean squared distance of class k's points to its mean. */
  variance: number[];
  /**
   * K x K cosines of the centred class means, and the ETF's target (1 and -1/(K-1)); null above
   * MAX_HEATMAP_CLASSES classes, with the reason in `matricesOmitted`.
   */
  cosines: number[] | null;
  etfCosines: number[] | null;
  /** Why the K x K matrices (cosines here, principal angles on request) are left out, or null. */
  matricesOmitted: string | null;
  /** ||E - Mc||_F / ||Mc||_F for the aligned ideal ETF E, or null when it does not fit (d < K-1). */
  etfResidual: number | null;
  /**
   * Per-class TwoNN and MLE (harmonic) on each class alone; null where a class has < 3 unique rows.
   * The whole field is null while the intrinsic-dimension stage is still running.
   */
  dimension: ClassDimensionChart | null;
  /** Principal angles for the default k (computed with the charts), or null. */
  angles: AnglesChart | null;
}

export interface DatasetCharts {
  /** Covariance eigenvalues, descending (all of them for exact PCA; the computed ones for randomized). */
  eigenvalues: number[];
  pcaMethod: 'exact' | 'randomized';
  classes: ClassCharts | null;
}

/** Default dimension of the class subspaces in the principal-angle heatmap. */
export const DEFAULT_ANGLE_K = 3;

/**
 * Most classes drawn as K x K heatmaps (cosines, principal angles): past it the matrices would hold
 * K^2 cells (25 million at K = 5,000), more than a chart can show or a page can hold.
 */
export const MAX_HEATMAP_CLASSES = MAX_ANGLE_CLASSES;

/** The note shown in the place of the K x K charts of K classes, or null when they are drawn. */
export function matricesOmittedNote(K: number): string | null {
  if (K <= MAX_HEATMAP_CLASSES) return null;
  const cells = (K * K).toLocaleString('en-US');
  return (
    `The ${K.toLocaleString('en-US')} x ${K.toLocaleString('en-US')} class matrices (${cells} cells) are not drawn: the heatmaps show at most ${MAX_HEATMAP_CLASSES} classes. ` +
    `Equiangularity, the ETF distance and cdnv in the metrics still cover the class pairs. Analyse a subset of at most ${MAX_HEATMAP_CLASSES} classes to see the matrices.`
  );
}

const orNull = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * Floating-point operations (roughly) of the class-subspace bases behind the principal angles: per
 * class the smaller Gram (n_c x d or d x d) and its full symmetric eigendecomposition.
 */
export function anglesCost(d: number, counts: ArrayLike<number>): number {
  let flops = 0;
  for (let c = 0; c < counts.length; c++) {
    const m = Math.min(d, counts[c]);
    flops += counts[c] * d * m + 10 * m * m * m;
  }
  return flops;
}

/**
 * Above this many operations (about a second of plain JS) the first view leaves the angles out and
 * the Classes tab asks for them when it is opened, so the cloud and the metrics are not held up.
 */
export const EAGER_ANGLES_MAX_FLOPS = 1e9;

/** Principal angles between the class subspaces of dimension k. */
export async function computeAngles(ds: Dataset, k: number, signal?: AbortSignal): Promise<AnglesChart> {
  if (!ds.labels) throw new Error('Principal angles need labels.');
  const a = await subspaceAngles(ds.X, ds.n, ds.d, ds.labels, ds.K, k, { signal });
  return { k, ranks: Array.from(a.ranks), mean: Array.from(a.mean.data), smallest: Array.from(a.smallest.data), largest: Array.from(a.largest.data) };
}

/**
 * Everything the charts show for a dataset; per-class kNN runs with progress and cancellation.
 * dimensions: false leaves the per-class ID null (the app computes it later, with the global ID).
 */
export async function computeCharts(
  ds: Dataset,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void; mleK?: number; dimensions?: boolean } = {},
): Promise<DatasetCharts> {
  const eigenvalues = Array.from(ds.pca.eigenvalues);
  if (!ds.stats || !ds.labels || !ds.classNames) return { eigenvalues, pcaMethod: ds.pca.method, classes: null };
  const { stats } = ds;
  const dims = opts.dimensions === false ? null : await classDimensions(ds.X, ds.n, ds.d, ds.labels, ds.K, opts.mleK ?? DEFAULT_MLE_K, opts);
  const omitted = matricesOmittedNote(ds.K);
  // The aligned ETF works in K x (K - 1) matrices: above the bound its residual is left out too.
  const ideal = omitted ? null : alignedEtf(stats.centredMeans);
  return {
    eigenvalues,
    pcaMethod: ds.pca.method,
    classes: {
      names: ds.classNames,
      counts: Array.from(stats.counts),
      variance: Array.from(stats.classVariance),
      cosines: omitted ? null : Array.from(cosineMatrix(stats.centredMeans).data),
      etfCosines: omitted ? null : Array.from(etfCosines(ds.K).data),
      matricesOmitted: omitted,
      etfResidual: ideal ? ideal.residual : null,
      dimension: dims ? { twoNN: Array.from(dims.twoNN, orNull), mleHarmonic: Array.from(dims.mleHarmonic, orNull), k: Array.from(dims.k) } : null,
      angles: ds.K <= MAX_ANGLE_CLASSES && anglesCost(ds.d, stats.counts) <= EAGER_ANGLES_MAX_FLOPS ? await computeAngles(ds, DEFAULT_ANGLE_K, opts.signal) : null,
    },
  };
}
