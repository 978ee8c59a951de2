/**
 * The dataset the worker holds between requests: the finite rows that are plotted (the rows
 * analyze() keeps), their labels and metadata, what every view needs (PCA, class statistics)
 * and the rows the intrinsic-dimension stage runs on.
 */
import type { AnalysisReport, ClassStats, Embeddings, Metadata, PcaResult } from '../geometry/types';
import { classStatistics } from '../geometry/classStats';

export interface Dataset {
  name: string;
  /** Finite rows, row-major n x d. */
  X: Float32Array;
  n: number;
  d: number;
  /** Original row of each plotted point. */
  rowIndex: Int32Array;
  labels: Int32Array | null;
  classNames: string[] | null;
  K: number;
  meta: Metadata | null;
  report: AnalysisReport;
  pca: PcaResult;
  stats: ClassStats | null;
  /** Rows the intrinsic-dimension stage runs on (unique rows, or the seeded sample of them). */
  idRows: Int32Array;
  /** The unique rows, ascending: what an ID sample asked for later is drawn from. */
  uniqueRows: Int32Array;
  /** k of the Levina-Bickel MLE asked for. */
  mleK: number;
}

/** Class sizes of labels in 0..K-1. */
export function classCounts(labels: Int32Array, K: number): number[] {
  const counts = new Array<number>(K).fill(0);
  for (const y of labels) counts[y]++;
  return counts;
}

/**
 * The dataset of analysed finite rows (analyzeBase's report and PCA are reused, not recomputed;
 * the rows are kept by reference, not copied). idRows and mleK are what the ID stage runs on.
 */
export function buildDataset(
  name: string,
  finite: { emb: Embeddings; rowIndex: Int32Array },
  base: { report: AnalysisReport; pca: PcaResult; idRows: Int32Array; uniqueRows: Int32Array },
  mleK: number,
): Dataset {
  const { emb, rowIndex } = finite;
  const { n, dim: d, vectors: X } = emb;
  const labels = emb.labels ?? null;
  const K = labels ? Math.max(emb.classNames?.length ?? 0, base.report.classes ?? 0) : 0;
  return {
    name,
    X,
    n,
    d,
    rowIndex,
    labels,
    classNames: labels ? (emb.classNames ?? Array.from({ length: K }, (_, k) => String(k))) : null,
    K,
    meta: emb.meta ?? null,
    report: base.report,
    pca: base.pca,
    // A class whose rows were all dropped for NaN/Inf has no mean: the class views are then off.
    stats: labels && K >= 2 && classCounts(labels, K).every((c) => c > 0) ? classStatistics(X, n, d, labels, K) : null,
    idRows: base.idRows,
    uniqueRows: base.uniqueRows,
    mleK,
  };
}
