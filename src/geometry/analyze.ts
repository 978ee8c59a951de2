/**
 * analyze(): the report the CLI prints and the app shows. Steps: drop non-finite rows; PCA of
 * all finite rows; exact duplicates removed; kNN on the unique rows; TwoNN and MLE; collapse
 * metrics over all finite rows when labelled.
 */
import type { AnalysisReport, AnalyzeOptions, CollapseMetrics, Embeddings } from './types';
import { InputError } from '../io/errors';
import { throwIfAborted } from './abort';
import { dedupRows, dropNonFinite } from './clean';
import { columnMean, selectRows, totalVariance } from './rows';
import { pca } from './pca';
import { knn } from './knn';
import { mle, twoNN } from './dimension';
import { collapseMetrics } from './collapse';
import { checkShape, prepareClasses } from './analyzeInput';

/** Explained variance ratios listed in a report. */
export const REPORT_PCA_COMPONENTS = 10;

/**
 * Full analysis of emb. ID estimators use unique rows only (skipped.duplicates counts the rest);
 * PCA and collapse metrics use every finite row. mle.k = min(k, unique rows - 1). Non-finite
 * metric values become null. Throws InputError for < 3 finite rows, zero total variance, labels
 * of a single class, or a classifier of the wrong shape; rejects with an AbortError on signal.
 */
export async function analyze(emb: Embeddings, opts: AnalyzeOptions = {}): Promise<AnalysisReport> {
  const { signal, classifier } = opts;
  const mleK = opts.k ?? 20;
  if (!(Number.isInteger(mleK) && mleK >= 2)) {
    throw new InputError(`The MLE neighbour count k = ${mleK} is not usable.`, 'Choose an integer k of at least 2 (20 is the usual choice).');
  }
  checkShape(emb);
  throwIfAborted(signal);
  const { emb: clean, nonFinite } = dropNonFinite(emb);
  const { n, dim: d, vectors: X } = clean;
  if (n < 3) {
    throw new InputError(
      `Only ${n} row${n === 1 ? '' : 's'} with finite values (${nonFinite} dropped for NaN or Infinity).`,
      'Provide at least 3 rows of finite numbers.',
    );
  }
  const classes = prepareClasses(clean.labels, clean.classNames, d, classifier);
  if (!(totalVariance(X, n, d, columnMean(X, n, d)) > 0)) {
    throw new InputError('All rows are identical (zero total variance), so no geometry can be measured.', 'Check that the file holds the embeddings rather than a constant.');
  }
  const progress = stagedProgress(n, d, classes?.K ?? 0, opts.onProgress);

  progress.start('pca');
  const p = await pca(X, n, d, { components: Math.min(d, REPORT_PCA_COMPONENTS), signal, onProgress: progress.within });

  progress.start('nearest neighbours');
  const { keep, duplicates } = dedupRows(X, n, d);
  const unique = keep.length;
  const kEff = Math.min(mleK, unique - 1);
  let id: AnalysisReport['intrinsicDimension'] = { twoNN: null, mle: { k: kEff, harmonic: null, mean: null } };
  if (unique >= 3) {
    const Xu = duplicates === 0 ? X : selectRows(X, d, keep);
    const nn = await knn(Xu, unique, d, Math.max(kEff, 2), { signal, onProgress: progress.within });
    const m = mle(nn, kEff);
    id = { twoNN: finiteOrNull(twoNN(nn)), mle: { k: kEff, harmonic: finiteOrNull(m.harmonic), mean: finiteOrNull(m.mean) } };
  }

  progress.start('neural collapse');
  throwIfAborted(signal);
  const nc = classes ? collapseMetrics(X, n, d, classes.labels, classes.K, classes.classifier) : null;
  progress.done();
  return {
    n,
    dim: d,
    classes: classes ? classes.K : null,
    pca: {
      explainedVarianceRatio: Array.from(p.explainedVarianceRatio.subarray(0, REPORT_PCA_COMPONENTS)),
      pcId90: p.pcId90,
      participationRatio: p.participationRatio,
      method: p.method,
    },
    intrinsicDimension: id,
    neuralCollapse: collapseReport(nc),
    skipped: { nonFinite, duplicates },
  };
}

function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

function collapseReport(m: CollapseMetrics | null): AnalysisReport['neuralCollapse'] {
  const keys: (keyof CollapseMetrics)[] = [
    'nc1', 'nc1Quotient', 'cdnv', 'equinorm', 'equinormClassifier', 'equiangularity', 'etfDistance', 'nc3', 'nc4',
  ];
  return Object.fromEntries(keys.map((key) => [key, m ? finiteOrNull(m[key]) : null])) as AnalysisReport['neuralCollapse'];
}

type Stage = 'pca' | 'nearest neighbours' | 'neural collapse';

/**
 * Progress over the stages, weighted by rough cost: PCA ~ n d min(n, d), kNN ~ n^2 d (both on
 * tfjs), collapse ~ 4 n K d in plain JS (about 10x slower per flop).
 */
function stagedProgress(n: number, d: number, K: number, report?: (fraction: number, stage: string) => void) {
  const cost: Record<Stage, number> = {
    pca: n * d * Math.min(n, d),
    'nearest neighbours': n * n * d,
    'neural collapse': 40 * n * K * d,
  };
  const total = cost.pca + cost['nearest neighbours'] + cost['neural collapse'];
  const order: Stage[] = ['pca', 'nearest neighbours', 'neural collapse'];
  let current: Stage = 'pca';
  const offset = (s: Stage) => order.slice(0, order.indexOf(s)).reduce((a, t) => a + cost[t], 0) / total;
  return {
    start(stage: Stage) {
      current = stage;
      report?.(offset(stage), stage);
    },
    within: (f: number) => report?.(offset(current) + (f * cost[current]) / total, current),
    done: () => report?.(1, 'done'),
  };
}
