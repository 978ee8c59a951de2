/**
 * The analysis report as JSON, one serialiser for the app's metrics export and the CLI's --json:
 * explained variance ratios cut to the first 10, typed arrays as arrays, non-finite numbers as null.
 */
import type { AnalysisReport } from './types';

/** The report JSON (see the file comment). */
export function reportToJson(report: AnalysisReport): string {
  const trimmed = { ...report, pca: { ...report.pca, explainedVarianceRatio: Array.from(report.pca.explainedVarianceRatio).slice(0, 10) } };
  return JSON.stringify(trimmed, typedArraysAsArrays);
}

/** JSON.stringify replacer writing typed arrays as plain arrays. */
export function typedArraysAsArrays(_key: string, v: unknown): unknown {
  return ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Float64Array) : v;
}
