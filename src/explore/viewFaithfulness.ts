/**
 * How far a drawn view can be trusted: trustworthiness, continuity and per-point neighbourhood
 * preservation (k = 10, geometry/faithfulness.ts, scikit-learn's convention) between the original
 * rows and the view's coordinates in the dimensions drawn (2D: the first two axes). A view on a
 * sample (UMAP, t-SNE above their caps) is measured on its sample; above 100,000 rows the measure
 * itself runs on a seeded sample of query rows. For linear views, the share of the variance the
 * drawn axes carry; for layouts, the sentence that there is none to state.
 */
import { DEFAULT_FAITHFULNESS_K, projectionFaithfulness } from '../geometry/faithfulness';
import { selectRows } from '../geometry/rows';
import type { Dataset } from './dataset';
import type { ViewResult } from './viewProtocol';
import { formatPercent } from '../format';

export interface ViewFaithfulness {
  k: number;
  trustworthiness: number;
  continuity: number;
  meanPreservation: number;
  /** Rows measured (the view's sample, or all points) and the measure's own query sample, if any. */
  rows: number;
  querySample: { size: number; of: number; seed: number } | null;
  /** Share of the (possibly spherized) data's total variance along the drawn axes, or null for a layout. */
  varianceShare: number | null;
  /** One sentence: what was measured on which rows, and what share of the variance the picture shows. */
  statement: string;
}

const fmt = (v: number) => v.toLocaleString('en-US');

/** The share of the variance the first `dims` axes of a linear view carry, or null (a layout, or unknown). */
export function varianceShare(v: Pick<ViewResult, 'axisVariance' | 'totalVariance'>, dims: 2 | 3): number | null {
  if (!v.axisVariance || !v.totalVariance || !(v.totalVariance > 0)) return null;
  let s = 0;
  for (let a = 0; a < dims; a++) s += v.axisVariance[a];
  return s / v.totalVariance;
}

/** Measures view v of ds as drawn in `dims` dimensions; preservation is per plotted point (NaN where not measured). */
export async function measureView(
  ds: Dataset,
  v: ViewResult,
  dims: 2 | 3,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number, stage: string) => void } = {},
): Promise<{ summary: ViewFaithfulness; preservation: Float32Array }> {
  const rows = v.sample;
  const m = rows ? rows.length : ds.n;
  const k = DEFAULT_FAITHFULNESS_K;
  if (!(m > 2 * k)) throw new RangeError(`Trustworthiness at k = ${k} needs more than ${2 * k} points (this view has ${m}).`);
  const X = rows ? selectRows(ds.X, ds.d, rows) : ds.X;
  const Y = new Float32Array(m * dims);
  for (let t = 0; t < m; t++) {
    const i = rows ? rows[t] : t;
    for (let a = 0; a < dims; a++) Y[t * dims + a] = v.coords[i * 3 + a];
  }
  const f = await projectionFaithfulness(X, m, ds.d, Y, dims, { k, signal: opts.signal, onProgress: (p) => opts.onProgress?.(p, 'picture faithfulness') });
  const preservation = new Float32Array(ds.n).fill(NaN);
  f.queries.forEach((q, t) => {
    preservation[rows ? rows[q] : q] = f.preservation[t];
  });
  const share = varianceShare(v, dims);
  const on = rows ? `the view's sample of ${fmt(m)} points` : `all ${fmt(m)} points`;
  const measured = f.sample ? `a seeded sample of ${fmt(f.sample.size)} query points (seed ${f.sample.seed}) against ${on}` : on;
  const shows = share === null ? 'a non-linear layout has no share of variance to state: these measures are its trust' : `the ${dims} drawn axes carry ${formatPercent(share)} of the variance`;
  return {
    summary: {
      k,
      trustworthiness: f.trustworthiness,
      continuity: f.continuity,
      meanPreservation: f.meanPreservation,
      rows: m,
      querySample: f.sample,
      varianceShare: share,
      statement: `Measured on ${measured}, ${dims}D as drawn; ${shows}.`,
    },
    preservation,
  };
}
