/**
 * When a collapse metric is undefined or trivially perfect for the data, it gets no value but a
 * reason (the sentence the report, the CLI and the metrics panel show).
 */
import type { CollapseMetricKey, CollapseReasons } from './types';

/** What decides the trivial and undefined cases. */
export interface CollapseFacts {
  K: number;
  d: number;
  /** Tr Sigma_W and the largest singular value of Mc. */
  traceSigmaW: number;
  largestSingularValue: number;
  /** Every class has exactly one row. */
  onePerClass: boolean;
  /** Two distinct classes share a mean. */
  coincident: boolean;
  /** A class whose centred mean is zero, or -1. */
  zeroMean: number;
  /** ||W||_F, or null without a classifier. */
  classifierNorm: number | null;
}

const BETWEEN: CollapseMetricKey[] = ['nc1', 'nc1Quotient', 'cdnv', 'equinorm', 'equiangularity', 'etfDistance', 'nc3'];

/** The reasons that apply, the first one found kept per metric. */
export function collapseReasons(f: CollapseFacts): CollapseReasons {
  const reasons: CollapseReasons = {};
  const set = (keys: CollapseMetricKey[], why: string) => {
    for (const key of keys) reasons[key] ??= why;
  };
  if (!(f.largestSingularValue > 0)) {
    set(BETWEEN, f.traceSigmaW > 0
      ? 'all class means coincide (Tr Sigma_B = 0): there is no between-class spread, so the metric is undefined'
      : 'all feature vectors are equal (a dead network?): no spread within or between classes, so the metric is undefined');
  }
  if (f.onePerClass) set(['nc1', 'nc1Quotient', 'cdnv'], 'one row per class: the within-class scatter is 0 by construction, so the metric is trivially 0');
  if (f.K === 2) {
    set(['equiangularity', 'etfDistance'], 'K = 2: the two centred means are always opposite (cos = -1), so the metric is 0 for any data');
    set(['equinorm'], 'K = 2: the two centred means always have equal norms, so equinorm is 0 for any data');
  }
  if (f.d < f.K - 1) {
    set(['equiangularity', 'etfDistance'], `D = ${f.d} < K - 1 = ${f.K - 1}: the centred means span at most D dimensions, so no simplex ETF fits`);
  }
  if (f.coincident) set(['cdnv'], 'two classes have the same mean, so their CDNV term is infinite');
  if (f.zeroMean >= 0) set(['equiangularity'], 'a class mean equals the global mean, so its cosines are undefined');
  if (f.classifierNorm === 0) set(['equinormClassifier', 'nc3'], 'the classifier W is all zeros');
  return reasons;
}
