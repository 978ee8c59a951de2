/**
 * The report's further measures (the CLI computes them with analyze; the app requests each when its
 * panel asks): coding rate (MCR^2) and the faithfulness of the PCA-3 picture.
 */
import type { AnalysisReport, Embeddings, PcaResult } from './types';
import { codingRate } from './codingRate';
import { projectPca } from './pca';
import { DEFAULT_FAITHFULNESS_K, projectionFaithfulness } from './faithfulness';

/** eps^2 of the coding rate (ARCHITECTURE.md). */
export const CODING_RATE_EPS2 = 0.5;

/** codingRate block: R on every row; R_c and deltaR with labels (null without). */
export function codingRateReport(emb: Embeddings, labels: Int32Array | null, K: number): NonNullable<AnalysisReport['codingRate']> {
  const { n, dim: d, vectors } = emb;
  const all = labels ?? new Int32Array(n);
  const c = codingRate(vectors, n, d, all, labels ? K : 1, CODING_RATE_EPS2);
  return { R: c.R, Rc: labels ? c.Rc : null, deltaR: labels ? c.deltaR : null, eps2: CODING_RATE_EPS2 };
}

/** projection.pca3: trustworthiness, continuity and mean neighbourhood preservation (k = 10) of the top-3 PCA picture. */
export async function pcaPictureReport(
  emb: Embeddings,
  p: PcaResult,
  opts: { signal?: AbortSignal; onProgress?: (f: number) => void } = {},
): Promise<NonNullable<AnalysisReport['projection']>['pca3'] | null> {
  const { n, dim: d, vectors } = emb;
  const k = DEFAULT_FAITHFULNESS_K;
  if (!(n > 2 * k)) return null;
  const q = Math.min(3, p.components.rows);
  const view = projectPca(vectors, n, d, p, q);
  const f = await projectionFaithfulness(vectors, n, d, view, q, { k, signal: opts.signal, onProgress: opts.onProgress });
  return { k, axes: q, trustworthiness: f.trustworthiness, continuity: f.continuity, meanPreservation: f.meanPreservation, sample: f.sample };
}
