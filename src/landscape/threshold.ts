/** Intrinsic dimension from a sweep's score-versus-d curve, and the default log-spaced grid of d. */
import type { RunResult } from './types';

/** One point of the curve: subspace dimension and the score reached there. */
export interface ScorePoint {
  d: number;
  score: number;
}

/**
 * The smallest d whose score reaches `target`, interpolated linearly in log d between the first
 * grid point that reaches it and the grid point before: log d* = log d_(i-1) + (target - s_(i-1)) /
 * (s_i - s_(i-1)) (log d_i - log d_(i-1)). The first grid point itself when it already reaches the
 * target (the curve gives no lower bound); null when no point does. Points are sorted by d.
 */
export function dimensionAtScore(points: readonly ScorePoint[], target: number): number | null {
  const sorted = [...points].filter((p) => Number.isFinite(p.score)).sort((a, b) => a.d - b.d);
  const i = sorted.findIndex((p) => p.score >= target);
  if (i < 0) return null;
  if (i === 0) return sorted[0].d;
  const lo = sorted[i - 1];
  const hi = sorted[i];
  const f = (target - lo.score) / (hi.score - lo.score);
  return Math.exp(Math.log(lo.d) + f * (Math.log(hi.d) - Math.log(lo.d)));
}

/**
 * d_int at `fraction` of the baseline: dimensionAtScore with target = fraction * baselineScore -
 * tolerance (d_int90: fraction 0.9, tolerance 0; a "d_int100" needs a tolerance, e.g. 1e-6 when
 * the score is 1 - L / L(theta0) and the baseline reaches the optimum).
 */
export function intrinsicDimension(runs: readonly RunResult[], baseline: RunResult, fraction = 0.9, tolerance = 0): number | null {
  if (!(fraction > 0)) throw new RangeError(`fraction must be > 0 (got ${fraction})`);
  const points = runs.filter((r) => r.d !== null).map((r) => ({ d: r.d as number, score: r.evaluation.score }));
  return dimensionAtScore(points, fraction * baseline.evaluation.score - tolerance);
}

/** The compression ratio D / d_int, or null when d_int is null. */
export function compressionRatio(D: number, dInt: number | null): number | null {
  return dInt === null ? null : D / dInt;
}

/**
 * `count` integers from lo to hi spaced evenly in log d (rounded; duplicates after rounding
 * removed, so small ranges may give fewer points), ascending. E.g. logGrid(10, 5000, 10).
 */
export function logGrid(lo: number, hi: number, count: number): number[] {
  if (!(Number.isInteger(lo) && lo >= 1 && Number.isInteger(hi) && hi >= lo)) throw new RangeError(`logGrid needs integers 1 <= lo <= hi (got ${lo}, ${hi})`);
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError(`logGrid needs count >= 1 (got ${count})`);
  if (count === 1 || lo === hi) return [lo];
  const out = new Set<number>();
  for (let i = 0; i < count; i++) out.add(Math.round(Math.exp(Math.log(lo) + (i / (count - 1)) * (Math.log(hi) - Math.log(lo)))));
  return [...out].sort((a, b) => a - b);
}

/** The default grid for D parameters: logGrid(10, min(5000, D), 10) (Li et al. sweep 10 ... thousands); 1..D when D <= 10. */
export function defaultDims(D: number): number[] {
  if (D <= 10) return Array.from({ length: D }, (_, i) => i + 1);
  return logGrid(10, Math.min(5000, D), 10);
}
