/** The view messages of the analysis protocol (workers/analysisProtocol.ts re-exports them): a view's coordinates and its faithfulness. */
import type { ViewFaithfulness } from './viewFaithfulness';
import type { ViewSpec } from './views';

export type { ViewFaithfulness } from './viewFaithfulness';

/** Coordinates of a view, for every plotted point (or the sample it was computed on). */
export interface ViewResult {
  view: ViewSpec;
  /** Row-major n x 3 coordinates in the view's own units (transferred); unused axes are 0. */
  coords: Float32Array;
  /** Centre and scale that fit the view in the unit ball: display = (coords - offset) * scale. */
  offset: [number, number, number];
  scale: number;
  /** Axis names, e.g. ['PC1', 'PC2', 'PC3'] or ['UMAP 1', 'UMAP 2', 'UMAP 3']. */
  axes: [string, string, string];
  /** Plotted points that have coordinates (UMAP on a sample), or null when all have. */
  sample: Int32Array | null;
  /** Class means (K x 3) and the global mean (3) in the view, or null without labels. */
  means: Float32Array | null;
  globalMean: [number, number, number] | null;
  /** The ideal simplex ETF vertices (K x 3) placed at the global mean, or null (no labels, d < K-1, non-linear view). */
  etf: Float32Array | null;
  /** A sentence about the view: what it spans, samples, why an overlay is missing. */
  note: string;
  /** Linear views: the variance (1/N) along each of the three axes, and the data's total (Tr of its covariance); null for layouts. */
  axisVariance?: [number, number, number] | null;
  totalVariance?: number | null;
}

/**
 * How far the view `view` drawn in `dims` dimensions can be trusted: trustworthiness, continuity and
 * per-point neighbourhood preservation (k = 10) against the original rows (viewFaithfulness.ts).
 */
export interface FaithfulnessRequest {
  type: 'faithfulness';
  id: number;
  dataset: number;
  view: ViewSpec;
  dims: 2 | 3;
}

export interface FaithfulnessReply {
  type: 'faithfulness';
  id: number;
  dataset: number;
  view: ViewSpec;
  dims: 2 | 3;
  summary: ViewFaithfulness;
  /** Per plotted point: |N_X ∩ N_Y| / k, NaN where not measured (outside the view's or the measure's sample; transferred). */
  preservation: Float32Array;
}
