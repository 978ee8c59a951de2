/**
 * analyze(): the report the CLI prints and the app shows, in two stages the app's worker runs
 * separately. analyzeBase: drop non-finite rows, PCA of all finite rows, exact duplicates found,
 * collapse metrics over all finite rows when labelled (all cheap, O(N D^2) at most).
 * analyzeIntrinsicDimension: kNN on the unique rows (or a seeded sample of them), TwoNN and MLE
 * (O(M^2 D), the slow part). analyze() runs both; its report equals the staged one.
 */
import type { AnalysisReport, AnalyzeOptions, Classifier, CollapseMetricKey, CollapseResult, Embeddings, IdSample, PcaResult } from './types';
import { InputError } from '../io/errors';
import { throwIfAborted } from './abort';
import { dedupRows, dropNonFinite } from './clean';
import { columnMean, selectRows, totalVariance } from './rows';
import { pca } from './pca';
import { knn } from './knn';
import { DEFAULT_MLE_K, mle, twoNN } from './dimension';
import { collapseAnalysis } from './collapse';
import { biasNote, nc1DominatedNote, pairSampleNote } from './collapseNotes';
import { checkShape, prepareClasses, type PreparedClasses } from './analyzeInput';
import { drawSample, type SampleSpec } from './sample';
import { codingRateReport, pcaPictureReport } from './extras';

/** Explained variance ratios listed in a report. */
export const REPORT_PCA_COMPONENTS = 10;
/** Seed of the uniform sample of unique rows the ID estimators run on when capped (app and CLI alike). */
export const ID_SAMPLE_SEED = 1;

/** A validated analysis input: finite rows only, classes renumbered, the MLE k. */
export interface AnalysisInput {
  emb: Embeddings;
  nonFinite: number;
  classes: PreparedClasses | null;
  mleK: number;
}

/** The first stage: the report with the ID estimates still null, the PCA, and the rows the ID stage uses. */
export interface BaseStage {
  /** Everything but intrinsicDimension.twoNN and .mle.harmonic/.mean (null here; mle.k and sample are final). */
  report: AnalysisReport;
  pca: PcaResult;
  /** Rows (of the finite rows) the ID estimators run on: the unique rows, or the seeded sample of them, ascending. */
  idRows: Int32Array;
  /** The unique rows (of the finite rows), ascending: what a later ID sample is drawn from. */
  uniqueRows: Int32Array;
}

/**
 * Validates emb and drops its non-finite rows (a copy only when there are some). `nonFinite`:
 * the caller already removed non-finite rows (this many) and emb holds only finite ones, so no
 * scan or copy is made. Throws InputError for a bad k or shape, < 3 finite rows, zero total
 * variance, labels of a single class, or a classifier of the wrong shape.
 */
export function prepareAnalysis(emb: Embeddings, opts: { k?: number; classifier?: Classifier; nonFinite?: number } = {}): AnalysisInput {
  const mleK = opts.k ?? DEFAULT_MLE_K;
  if (!(Number.isInteger(mleK) && mleK >= 2)) {
    throw new InputError(`The MLE neighbour count k = ${mleK} is not usable.`, `Choose an integer k of at least 2 (${DEFAULT_MLE_K} is the usual choice).`);
  }
  checkShape(emb);
  const { emb: clean, nonFinite } = opts.nonFinite === undefined ? dropNonFinite(emb) : { emb, nonFinite: opts.nonFinite };
  const { n, dim: d, vectors: X } = clean;
  if (n < 3) {
    throw new InputError(
      `Only ${n} row${n === 1 ? '' : 's'} with finite values (${nonFinite} dropped for NaN or Infinity).`,
      'Provide at least 3 rows of finite numbers.',
    );
  }
  const classes = prepareClasses(clean.labels, clean.classNames, d, opts.classifier);
  if (!(totalVariance(X, n, d, columnMean(X, n, d)) > 0)) {
    throw new InputError('All rows are identical (zero total variance), so no geometry can be measured.', 'Check that the file holds the embeddings rather than a constant.');
  }
  return { emb: clean, nonFinite, classes, mleK };
}

/** An ID sample asked for: a size alone is a uniform sample with ID_SAMPLE_SEED (the CLI's --id-sample). */
export function idSampleSpec(idSample: number | SampleSpec | undefined): SampleSpec | undefined {
  return typeof idSample === 'number' ? { size: idSample, strategy: 'uniform', seed: ID_SAMPLE_SEED } : idSample;
}

/**
 * The rows the ID estimators use: all unique rows when no sample is asked for or its size is at
 * least their count, else the seeded sample of them drawn by the spec (geometry/sample.ts), in
 * input order. Stratified draws need `labels` (class indices of all rows, as given, not renumbered:
 * the app and the CLI pass the same ones; the unique rows' labels are used).
 */
export function chooseIdRows(
  unique: Int32Array,
  idSample?: number | SampleSpec,
  labels: ArrayLike<number> | null = null,
): { rows: Int32Array; sample: IdSample | null } {
  const spec = idSampleSpec(idSample);
  if (spec === undefined || unique.length <= spec.size) return { rows: unique, sample: null };
  if (!(Number.isInteger(spec.size) && spec.size >= 3)) throw new RangeError(`an ID sample needs at least 3 rows (got ${spec.size})`);
  if (spec.strategy === 'stratified' && !labels) throw new InputError('A stratified (per-class) ID sample needs labels.', 'Provide labels, or draw the sample uniformly.');
  const uniqueLabels = spec.strategy === 'stratified' && labels ? Int32Array.from(unique, (i) => labels[i]) : null;
  const K = uniqueLabels ? uniqueLabels.reduce((a, y) => Math.max(a, y + 1), 0) : 0;
  const picks = drawSample(unique.length, spec, uniqueLabels, K);
  return { rows: Int32Array.from(picks, (t) => unique[t]), sample: { size: spec.size, of: unique.length, seed: spec.seed, strategy: spec.strategy } };
}

/** Stage 1: PCA (all rows), duplicates, collapse metrics (all rows); the ID values are left null. */
export async function analyzeBase(input: AnalysisInput, opts: Pick<AnalyzeOptions, 'signal' | 'onProgress' | 'idSample'> = {}): Promise<BaseStage> {
  const { signal } = opts;
  const { emb, classes } = input;
  const { n, dim: d, vectors: X } = emb;
  const K = classes?.K ?? 0;
  // Rough costs: PCA ~ n d min(n, d) on tfjs; hashing rows ~ 10 n d and collapse (collapseCost) in plain JS.
  const cost = { pca: n * d * Math.min(n, d), duplicates: 10 * n * d, collapse: collapseCost(n, d, K) };
  const total = cost.pca + cost.duplicates + cost.collapse;
  throwIfAborted(signal);
  opts.onProgress?.(0, 'pca');
  const p = await pca(X, n, d, {
    components: Math.min(d, REPORT_PCA_COMPONENTS),
    signal,
    onProgress: (f) => opts.onProgress?.((f * cost.pca) / total, 'pca'),
  });
  opts.onProgress?.(cost.pca / total, 'duplicates');
  throwIfAborted(signal);
  const { keep, duplicates } = dedupRows(X, n, d);
  const { rows, sample } = chooseIdRows(keep, opts.idSample, emb.labels ?? null);
  opts.onProgress?.((cost.pca + cost.duplicates) / total, 'neural collapse');
  throwIfAborted(signal);
  const ncStart = (cost.pca + cost.duplicates) / total;
  const nc = classes
    ? await collapseAnalysis(X, n, d, classes.labels, classes.K, {
      classifier: classes.classifier,
      signal,
      onProgress: (f) => opts.onProgress?.(ncStart + f * (1 - ncStart), 'neural collapse'),
    })
    : null;
  opts.onProgress?.(1, 'neural collapse');
  const report: AnalysisReport = {
    n,
    dim: d,
    classes: classes ? classes.K : null,
    pca: pcaReport(p),
    intrinsicDimension: { twoNN: null, mle: { k: Math.min(input.mleK, rows.length - 1), harmonic: null, mean: null }, sample },
    neuralCollapse: collapseReport(nc, classes?.classifier),
    skipped: { nonFinite: input.nonFinite, duplicates },
  };
  return { report, pca: p, idRows: rows, uniqueRows: keep };
}

/**
 * Stage 2: TwoNN and the Levina-Bickel MLE (k = min(mleK, M - 1)) on the M rows `rows` of X
 * (distinct rows; queries and references both from them). Null values when M < 3 or non-finite.
 * Copies the rows only when they are not all of X.
 */
export async function analyzeIntrinsicDimension(
  X: Float32Array,
  n: number,
  d: number,
  rows: Int32Array,
  mleK: number,
  sample: IdSample | null,
  opts: Pick<AnalyzeOptions, 'signal' | 'pool'> & { onProgress?: (fraction: number) => void; poolMinWork?: number } = {},
): Promise<AnalysisReport['intrinsicDimension']> {
  const m = rows.length;
  const kEff = Math.min(mleK, m - 1);
  if (m < 3) return { twoNN: null, mle: { k: kEff, harmonic: null, mean: null }, sample };
  throwIfAborted(opts.signal);
  const Xu = m === n ? X : selectRows(X, d, rows);
  const nn = await knn(Xu, m, d, Math.max(kEff, 2), { signal: opts.signal, onProgress: opts.onProgress, pool: opts.pool, poolMinWork: opts.poolMinWork });
  const e = mle(nn, kEff);
  return { twoNN: finiteOrNull(twoNN(nn)), mle: { k: kEff, harmonic: finiteOrNull(e.harmonic), mean: finiteOrNull(e.mean) }, sample, neighbourSearch: nn.method };
}

/**
 * Full analysis of emb: analyzeBase then analyzeIntrinsicDimension. ID estimators use unique rows
 * only (skipped.duplicates counts the rest), or a seeded sample of opts.idSample of them when there
 * are more; PCA and collapse metrics use every finite row. mle.k = min(k, ID rows - 1). Non-finite
 * metric values become null. Throws InputError as prepareAnalysis; rejects with an AbortError on signal.
 */
export async function analyze(emb: Embeddings, opts: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const input = prepareAnalysis(emb, opts);
  const { n, dim: d } = input.emb;
  const idCost = (m: number) => m * m * d;
  const baseCost = n * d * Math.min(n, d) + 10 * n * d + collapseCost(n, d, input.classes?.K ?? 0);
  const guess = idCost(Math.min(n, idSampleSpec(opts.idSample)?.size ?? n));
  const split = baseCost / (baseCost + guess);
  const base = await analyzeBase(input, { ...opts, onProgress: (f, stage) => opts.onProgress?.(f * split, stage) });
  opts.onProgress?.(split, 'nearest neighbours');
  const { idRows, report } = base;
  const id = await analyzeIntrinsicDimension(input.emb.vectors, n, d, idRows, input.mleK, report.intrinsicDimension.sample, {
    signal: opts.signal,
    pool: opts.pool,
    onProgress: (f) => opts.onProgress?.(split + f * (1 - split), 'nearest neighbours'),
  });
  if (!opts.extras) {
    opts.onProgress?.(1, 'done');
    return { ...report, intrinsicDimension: id };
  }
  throwIfAborted(opts.signal);
  opts.onProgress?.(1, 'coding rate');
  const codingRate = codingRateReport(input.emb, input.classes?.labels ?? null, input.classes?.K ?? 1);
  const pca3 = await pcaPictureReport(input.emb, base.pca, { signal: opts.signal, onProgress: (f) => opts.onProgress?.(f, 'picture faithfulness') });
  opts.onProgress?.(1, 'done');
  return { ...report, intrinsicDimension: id, codingRate, projection: { pca3 } };
}

function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

/** The report's PCA block: the first REPORT_PCA_COMPONENTS ratios, pcId90, participation ratio, method. */
export function pcaReport(p: PcaResult): AnalysisReport['pca'] {
  return {
    explainedVarianceRatio: Array.from(p.explainedVarianceRatio.subarray(0, REPORT_PCA_COMPONENTS)),
    pcId90: p.pcId90,
    participationRatio: p.participationRatio,
    method: p.method,
  };
}

/** Rough plain-JS cost of collapseAnalysis: the NC1 pass, the class pairs (or their sample), the class statistics. */
function collapseCost(n: number, d: number, K: number): number {
  return K < 2 ? 0 : 10 * (n * d * Math.min(K - 1, d) + 3 * d * Math.min((K * (K - 1)) / 2, 1e6) + 2 * n * d);
}

/** s_r/s_1 below which the smallest kept direction's between-class spread counts as tiny (nc1Dominated). */
export const TINY_SPREAD = 0.01;

const COLLAPSE_KEYS: CollapseMetricKey[] = [
  'nc1', 'nc1Quotient', 'cdnv', 'equinorm', 'equinormClassifier', 'equiangularity', 'etfDistance', 'nc3', 'nc4',
];

/**
 * The report's neuralCollapse: non-finite values become null, each with a reason unless W was absent;
 * biasAssumedZero says whether nc4 used b = 0 (W given without b; null without W), with a note.
 */
export function collapseReport(r: CollapseResult | null, classifier?: Classifier): AnalysisReport['neuralCollapse'] {
  const values = Object.fromEntries(COLLAPSE_KEYS.map((key) => [key, r ? finiteOrNull(r.metrics[key]) : null])) as Record<CollapseMetricKey, number | null>;
  if (!r) return { ...values, conditioning: null, nc1Rank: null, nc1SmallestShare: null, nc1Dominated: null, pairSample: null, biasAssumedZero: null, reasons: {}, notes: [] };
  const reasons = { ...r.reasons };
  for (const key of COLLAPSE_KEYS) {
    if (values[key] === null && r.metrics[key] !== null) reasons[key] ??= 'the value is not finite (overflow in the features)';
  }
  const share = values.nc1 === null ? null : finiteOrNull(r.nc1SmallestShare);
  const nc: AnalysisReport['neuralCollapse'] = {
    ...values,
    conditioning: finiteOrNull(r.conditioning),
    nc1Rank: r.nc1Rank > 0 ? r.nc1Rank : null,
    nc1SmallestShare: share,
    nc1Dominated: share === null ? null : r.nc1Rank >= 2 && share > 0.5 && r.conditioning < TINY_SPREAD,
    pairSample: r.pairSample,
    biasAssumedZero: classifier ? !classifier.bias : null,
    reasons,
  };
  return { ...nc, notes: [nc1DominatedNote(nc), pairSampleNote(nc.pairSample), biasNote(nc.biasAssumedZero)].filter((t): t is string => t !== null) };
}
