/**
 * Lesson measures: quantities a lesson's checkpoints need beyond a snapshot's scalar metrics,
 * computed from the full-dimensional snapshot (the worker sends them with each snapshot) or from
 * the run's layer-ID profiles and GCR angles (main thread). Pure; float64.
 */
import { probePositions, type MixupProbeFeatures } from '../training/mixupProbe';
import { rowCosine } from '../training/featureGeometry';
import type { SnapshotMeasures } from './lessonMeasures';

export * from './lessonMeasures';


/** Mean pairwise cosine of rows `from..to-1` of a K x F matrix; null with fewer than 2 rows or a non-finite value. */
export function meanPairCosine(rows: Float32Array, F: number, from: number, to: number): number | null {
  let sum = 0;
  let n = 0;
  for (let a = from; a < to; a++) for (let b = a + 1; b < to; b++, n++) sum += rowCosine(rows, F, a, b);
  return n > 0 && Number.isFinite(sum) ? sum / n : null;
}

/** Pearson correlation of two equal-length series (null when either is constant or they are shorter than 3). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = x.length;
  if (n < 3 || y.length !== n) return null;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return Number.isFinite(r) ? r : null;
}

/** Mean over rows of ||u_i - c_{y_i}||^2 for the unit rows u of X (m x F) and their class means c; null when a row is zero or non-finite. */
export function unitWithinVariance(X: Float32Array, labels: Int32Array, F: number, K: number): number | null {
  const m = labels.length;
  if (m === 0) return null;
  const u = new Float64Array(m * F);
  const c = new Float64Array(K * F);
  const count = new Float64Array(K);
  for (let i = 0; i < m; i++) {
    let n = 0;
    for (let j = 0; j < F; j++) n += X[i * F + j] ** 2;
    n = Math.sqrt(n);
    if (!(n > 0) || !Number.isFinite(n)) return null;
    const y = labels[i];
    count[y]++;
    for (let j = 0; j < F; j++) {
      u[i * F + j] = X[i * F + j] / n;
      c[y * F + j] += u[i * F + j];
    }
  }
  for (let y = 0; y < K; y++) for (let j = 0; j < F; j++) c[y * F + j] /= count[y] || 1;
  let w = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < F; j++) w += (u[i * F + j] - c[labels[i] * F + j]) ** 2;
  return w / m;
}

/** The snapshot measures of one snapshot: classifier rows (K x F or null), the minority count, the probe, the class means and the fixed sample. */
export function snapshotMeasures(
  s: { classes: number; featureDim: number; means: Float32Array; classifier: { weights: Float32Array } | null; mixupProbe: MixupProbeFeatures | null; features: Float32Array; sampleLabels: Int32Array },
  minorityClasses: number,
): SnapshotMeasures {
  const K = s.classes;
  const F = s.featureDim;
  const W = s.classifier?.weights ?? null;
  const m = Math.min(Math.max(0, minorityClasses), K);
  let probeBetween: number | null = null;
  let probeLambdaCorrelation: number | null = null;
  if (s.mixupProbe && s.mixupProbe.lambda.length > 0) {
    const { t } = probePositions(s.mixupProbe, s.means, F);
    const finite = Array.from(t).filter(Number.isFinite);
    probeBetween = finite.length ? finite.filter((v) => v >= 0 && v <= 1).length / t.length : null;
    probeLambdaCorrelation = pearson(t, s.mixupProbe.lambda);
  }
  return {
    minorityCosine: W && m >= 2 ? meanPairCosine(W, F, K - m, K) : null,
    majorityCosine: W && K - m >= 2 ? meanPairCosine(W, F, 0, K - m) : null,
    probeBetween,
    probeLambdaCorrelation,
    unitWithinVariance: unitWithinVariance(s.features, s.sampleLabels, F, K),
  };
}
