/**
 * The second stage of an Explore analysis, after the first view: TwoNN and the Levina-Bickel MLE
 * on the dataset's ID rows (all unique rows up to the sample size asked for, default APP_ID_SAMPLE,
 * else a seeded uniform or stratified sample of that many, drawn as the CLI's analyze draws it),
 * and the per-class estimates on the same rows. The slow part (exact kNN, O(M^2 D)). The global
 * estimates are handed to onGlobal as soon as they exist, before the per-class ones start.
 */
import type { AnalysisReport } from '../geometry/types';
import { analyzeIntrinsicDimension, chooseIdRows } from '../geometry/analyze';
import { DEFAULT_ID_SAMPLE, type SampleSpec } from '../geometry/sample';
import { classDimensions } from '../geometry/classGeometry';
import { selectRows } from '../geometry/rows';
import { throwIfAborted } from '../geometry/abort';
import { webTilePool } from '../geometry/parallel/webPool';

/** In the page a tile worker starts in tens of milliseconds, so the pool pays from this many multiply-adds (n^2 d / 2) up. */
export const APP_POOL_MIN_WORK = 5e8;
import { codingRateReport, pcaPictureReport } from '../geometry/extras';
import type { ClassDimensionChart } from './charts';
import type { Dataset } from './dataset';

/** Unique rows the app's ID estimators run on at most; above it, a seeded uniform sample of this many. */
export const APP_ID_SAMPLE = DEFAULT_ID_SAMPLE.size;

export interface IdStageResult {
  intrinsicDimension: AnalysisReport['intrinsicDimension'];
  /** Per-class TwoNN and MLE harmonic on each class's share of the ID rows, or null without classes. */
  classDimension: ClassDimensionChart | null;
  /** The report's further measures, as analyze computes them with extras (the CLI's default). */
  codingRate: AnalysisReport['codingRate'];
  projection: AnalysisReport['projection'];
  /** Threads the nearest-neighbour scans ran on (the page's tile pool, or 1). */
  threads: number;
}

const orNull = (v: number) => (Number.isFinite(v) ? v : null);

/**
 * Runs the ID estimators of dataset ds. Progress is split by cost: the global kNN ~ M^2, the
 * per-class ones ~ sum of n_c^2. Without a sample the per-class estimates use every row of the
 * class (deduplicated within it), exactly as before the stages were split.
 */
export async function computeIdStage(
  ds: Dataset,
  opts: {
    signal?: AbortSignal;
    onProgress?: (fraction: number, stage: string) => void;
    onGlobal?: (global: Pick<IdStageResult, 'intrinsicDimension' | 'threads'>) => void;
    /** The sample asked for (size, strategy, seed), drawn from the unique rows; absent: the rows the analysis chose. */
    sample?: SampleSpec;
  } = {},
): Promise<IdStageResult> {
  const { X, n, d, labels } = ds;
  const chosen = opts.sample ? chooseIdRows(ds.uniqueRows, opts.sample, labels) : { rows: ds.idRows, sample: ds.report.intrinsicDimension.sample };
  const { rows: idRows, sample } = chosen;
  const withClasses = labels !== null && ds.stats !== null;
  const m = idRows.length;
  let perClass = 0;
  let classLabels: Int32Array | null = null;
  if (withClasses) {
    classLabels = sample ? Int32Array.from(idRows, (i) => labels[i]) : labels;
    const counts = new Float64Array(ds.K);
    for (const y of classLabels) counts[y]++;
    for (const c of counts) perClass += c * c;
  }
  const share = (m * m) / (m * m + perClass);
  // One copy of the ID rows (at most APP_ID_SAMPLE of them once the sample applies), shared by both steps.
  const Xs = m === n ? X : selectRows(X, d, idRows);
  const pool = webTilePool() ?? undefined;
  const intrinsicDimension = await analyzeIntrinsicDimension(Xs, m, d, Int32Array.from({ length: m }, (_, i) => i), ds.mleK, sample, {
    signal: opts.signal,
    pool,
    poolMinWork: APP_POOL_MIN_WORK,
    onProgress: (f) => opts.onProgress?.(0.8 * f * share, 'TwoNN/MLE'),
  });
  const threads = pool && (m * m * d) / 2 >= APP_POOL_MIN_WORK ? pool.threads : 1;
  opts.onGlobal?.({ intrinsicDimension, threads });
  let classDimension: ClassDimensionChart | null = null;
  if (withClasses && classLabels) {
    opts.onProgress?.(share * 0.8, 'TwoNN/MLE per class');
    const dims = await classDimensions(sample ? Xs : X, sample ? m : n, d, classLabels, ds.K, ds.mleK, {
      signal: opts.signal,
      pool,
      poolMinWork: APP_POOL_MIN_WORK,
      onProgress: (f) => opts.onProgress?.(0.8 * (share + f * (1 - share)), 'TwoNN/MLE per class'),
    });
    classDimension = { twoNN: Array.from(dims.twoNN, orNull), mleHarmonic: Array.from(dims.mleHarmonic, orNull), k: Array.from(dims.k) };
  }
  // The coding rate and the PCA picture's faithfulness, on every finite row as the CLI computes them.
  throwIfAborted(opts.signal);
  opts.onProgress?.(0.8, 'coding rate');
  const emb = { vectors: X, n, dim: d };
  const codingRate = codingRateReport(emb, labels, labels ? ds.K : 1);
  const pca3 = await pcaPictureReport(emb, ds.pca, { signal: opts.signal, onProgress: (f) => opts.onProgress?.(0.8 + 0.2 * f, 'picture faithfulness') });
  return { intrinsicDimension, classDimension, codingRate, projection: { pca3 }, threads };
}
