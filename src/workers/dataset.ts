/**
 * The dataset the worker holds between requests: the finite rows that are plotted (the rows
 * analyze() keeps), their labels and metadata, and what every view needs (PCA, class statistics).
 */
import type { AnalysisReport, ClassStats, Embeddings, Metadata, PcaResult } from '../geometry/types';
import { classStatistics } from '../geometry/classStats';
import { pca } from '../geometry/pca';
import { selectRows } from '../geometry/rows';

/** Principal axes computed for the views (PC1..PC10 can be put on the axes). */
export const VIEW_PCA_COMPONENTS = 10;

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
}

/** Rows whose every coordinate is finite, in order (the rows analyze() keeps). */
export function finiteRows(vectors: Float32Array, n: number, d: number): Int32Array {
  const keep = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let j = i * d, end = j + d; j < end; j++) {
      if (!Number.isFinite(vectors[j])) {
        ok = false;
        break;
      }
    }
    if (ok) keep[m++] = i;
  }
  return keep.slice(0, m);
}

/** Class sizes of labels in 0..K-1. */
export function classCounts(labels: Int32Array, K: number): number[] {
  const counts = new Array<number>(K).fill(0);
  for (const y of labels) counts[y]++;
  return counts;
}

function selectMeta(meta: Metadata, rows: Int32Array, all: boolean): Metadata {
  if (all) return meta;
  return { columns: meta.columns, values: meta.values.map((col) => Array.from(rows, (i) => col[i])) };
}

/** Builds the dataset of an analysed Embeddings (its report from analyze()). */
export async function buildDataset(
  name: string,
  emb: Embeddings,
  report: AnalysisReport,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<Dataset> {
  const d = emb.dim;
  const rowIndex = finiteRows(emb.vectors, emb.n, d);
  const all = rowIndex.length === emb.n;
  const X = all ? emb.vectors : selectRows(emb.vectors, d, rowIndex);
  const n = rowIndex.length;
  const labels = emb.labels ? (all ? emb.labels : Int32Array.from(rowIndex, (i) => emb.labels![i])) : null;
  const K = labels ? Math.max(emb.classNames?.length ?? 0, report.classes ?? 0) : 0;
  const p = await pca(X, n, d, { components: Math.min(d, VIEW_PCA_COMPONENTS), signal: opts.signal, onProgress: opts.onProgress });
  return {
    name,
    X,
    n,
    d,
    rowIndex,
    labels,
    classNames: labels ? (emb.classNames ?? Array.from({ length: K }, (_, k) => String(k))) : null,
    K,
    meta: emb.meta ? selectMeta(emb.meta, rowIndex, all) : null,
    report,
    pca: p,
    // A class whose rows were all dropped for NaN/Inf has no mean: the class views are then off.
    stats: labels && K >= 2 && classCounts(labels, K).every((c) => c > 0) ? classStatistics(X, n, d, labels, K) : null,
  };
}
