/**
 * The analysis report from streamed statistics: the same AnalysisReport the in-memory analyze()
 * prints, computed by the core's own functions from the sufficient statistics (pcaFromCovariance,
 * the collapse functions, analyzeIntrinsicDimension on the sampled rows), plus a `stream` block.
 */
import type { AnalysisReport, Classifier, IdSample } from '../geometry/types';
import { InputError } from '../io/errors';
import { analyzeIntrinsicDimension, collapseReport, pcaReport, REPORT_PCA_COMPONENTS } from '../geometry/analyze';
import { prepareClasses } from '../geometry/analyzeInput';
import { pcaFromCovariance } from '../geometry/pca';
import { rowCount, type Moments } from './moments';
import { distinctRows, sampleEntries, type RowSample } from './sample';
import { classStatsOf, collapseFromMoments, covarianceOf, orderClasses } from './statistics';

/** How the ID sample was drawn and what the stream could count exactly. */
export interface StreamInfo {
  /** Finite and non-finite rows read. */
  rowsRead: number;
  idSample: {
    /** bottom-hash: the mergeable sample of sample.ts; duckdb-reservoir: --id-sampler reservoir. */
    method: 'bottom-hash' | 'duckdb-reservoir';
    size: number;
    seed: number;
    stratified: boolean;
    /** Distinct rows seen (exact, or the bottom-m estimate when the sample could not hold them all). */
    distinctRows: number;
    exact: boolean;
  };
  /** Further blocks added by the pipeline (SQL cross-check, approximate kNN, partial merge). */
  [extra: string]: unknown;
}

export type StreamReport = AnalysisReport & { stream: StreamInfo };

export interface ReportOptions {
  mleK: number;
  classifier?: Classifier;
  /** Rows whose nearest class mean differs from argmax(W x + b), from a second pass (null: not measured). */
  disagreements?: number | null;
  signal?: AbortSignal;
}

/** Same InputErrors as prepareAnalysis for too few rows, zero variance or a single class. */
function validate(m: Moments, trace: number): void {
  const n = rowCount(m);
  if (n < 3) {
    throw new InputError(
      `Only ${n} row${n === 1 ? '' : 's'} with finite values (${m.nonFinite} dropped for NaN or Infinity).`,
      'Provide at least 3 rows of finite numbers.',
    );
  }
  if (!(trace > 0)) {
    throw new InputError('All rows are identical (zero total variance), so no geometry can be measured.', 'Check that the file holds the embeddings rather than a constant.');
  }
}

/** The report of streamed moments and row sample; throws InputError like the in-memory path. */
export async function streamReport(raw: Moments, sample: RowSample, opts: ReportOptions): Promise<StreamReport> {
  const m = orderClasses(raw);
  const d = m.dim;
  const { mean, covariance } = covarianceOf(m);
  let trace = 0;
  for (let a = 0; a < d; a++) trace += covariance.data[a * d + a];
  validate(m, trace);
  const labelled = !(m.classes.length === 1 && m.classes[0].label === null);
  const classNames = labelled ? m.classes.map((c) => c.label ?? '') : undefined;
  const present = Int32Array.from(m.classes.flatMap((c, k) => (c.count > 0 ? [k] : [])));
  const classes = labelled ? prepareClasses(present, classNames, d, opts.classifier) : null;
  const p = pcaFromCovariance(covariance, mean, Math.min(d, REPORT_PCA_COMPONENTS));
  const nc = classes ? collapseFromMoments(m, classStatsOf(m), classes.classifier, opts.disagreements ?? null) : null;

  const entries = sampleEntries(sample);
  const rows = new Float32Array(entries.length * d);
  entries.forEach((e, i) => rows.set(e.row, i * d));
  const distinct = distinctRows(sample);
  const idSample: IdSample | null = distinct.exact ? null : { size: entries.length, of: distinct.value, seed: sample.seed };
  const n = rowCount(m);
  const mleK = opts.mleK;
  const id = await analyzeIntrinsicDimension(rows, entries.length, d, Int32Array.from(entries, (_, i) => i), mleK, idSample, { signal: opts.signal });
  const report: AnalysisReport = {
    n,
    dim: d,
    classes: classes ? classes.K : null,
    pca: pcaReport(p),
    intrinsicDimension: id,
    neuralCollapse: collapseReport(nc, classes?.classifier),
    skipped: { nonFinite: m.nonFinite, duplicates: n - distinct.value },
  };
  const stream: StreamInfo = {
    rowsRead: n + m.nonFinite,
    idSample: { method: 'bottom-hash', size: sample.size, seed: sample.seed, stratified: sample.stratified, distinctRows: distinct.value, exact: distinct.exact },
  };
  return { ...report, stream };
}
