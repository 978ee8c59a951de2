/**
 * The geometry a Snapshot reports over all training rows: the collapse metrics with NC1's
 * conditioning, the nc1Dominated warning and the reasons a value is missing, in the analysis
 * report's own form (collapseReport), and the coding rate (MCR^2).
 */
import { collapseReport } from '../geometry/analyze';
import { collapseAnalysis } from '../geometry/collapse';
import { codingRate } from '../geometry/codingRate';
import { CODING_RATE_EPS2 } from '../geometry/extras';
import { mat } from '../geometry/linalg';
import type { Classifier, CollapseMetricKey, CollapseMetrics } from '../geometry/types';
import { allFinite } from './featureGeometry';
import type { EffectiveClassifier } from './heads';
import type { SnapshotCollapse } from './types';

/** Every metric NaN (null where the head has no affine classifier), each with `why`. */
function missing(c: EffectiveClassifier, why: string): { metrics: CollapseMetrics; collapse: SnapshotCollapse } {
  const metrics: CollapseMetrics = {
    nc1: NaN, nc1Quotient: NaN, cdnv: NaN, equinorm: NaN, equinormClassifier: c ? NaN : null,
    equiangularity: NaN, etfDistance: NaN, nc3: c ? NaN : null, nc4: c ? NaN : null,
  };
  const collapse = collapseReport(null);
  for (const k of Object.keys(metrics) as CollapseMetricKey[]) if (metrics[k] !== null) collapse.reasons![k] = why;
  return { metrics, collapse };
}

/**
 * collapseAnalysis of the features X (n x F) with the head's effective classifier: the metrics
 * (NaN where undefined or trivially perfect, e.g. F < K - 1: no simplex fits) and the report block
 * with their reasons, NC1's conditioning and nc1Dominated. Non-finite features or weights, or a
 * class without rows, make every metric NaN with that reason.
 */
export async function snapshotCollapse(
  X: Float32Array, n: number, F: number, y: Int32Array, K: number, c: EffectiveClassifier,
): Promise<{ metrics: CollapseMetrics; collapse: SnapshotCollapse }> {
  const present = new Uint8Array(K);
  for (let i = 0; i < n; i++) present[y[i]] = 1;
  if (!present.every((p) => p === 1)) return missing(c, 'a class has no training rows, so its mean is not defined');
  if (!allFinite(X)) return missing(c, 'the features are not finite (NaN or infinite): training diverged');
  if (c && !allFinite(c.weights)) return missing(c, 'the classifier weights are not finite (NaN or infinite): training diverged');
  const classifier: Classifier | undefined = c
    ? { weights: mat(K, F, c.weights), bias: c.bias ? Float64Array.from(c.bias) : undefined }
    : undefined;
  const r = await collapseAnalysis(X, n, F, y, K, { classifier });
  return { metrics: r.metrics, collapse: collapseReport(r) };
}

/** The coding-rate fields of a snapshot. */
export interface SnapshotCodingRate {
  codingRateR: number;
  codingRateRc: number;
  codingRateDeltaR: number;
  codingRateEps2: number;
}

/** Coding rates R, R_c, deltaR (codingRate.ts, eps^2 = CODING_RATE_EPS2) of the features of all training rows; NaN when not finite. */
export function snapshotCodingRate(X: Float32Array, n: number, F: number, y: Int32Array, K: number): SnapshotCodingRate {
  if (n === 0 || !allFinite(X)) return { codingRateR: NaN, codingRateRc: NaN, codingRateDeltaR: NaN, codingRateEps2: CODING_RATE_EPS2 };
  const c = codingRate(X, n, F, y, K, CODING_RATE_EPS2);
  return { codingRateR: c.R, codingRateRc: c.Rc, codingRateDeltaR: c.deltaR, codingRateEps2: CODING_RATE_EPS2 };
}
