/**
 * Cross-space retrieval after Procrustes alignment: A aligned onto B (scipy convention, procrustes.ts),
 * q_i = s As_i R; rank of item i's partner Bs_i among the Euclidean neighbours of q_i in Bs, ties by
 * index. top1 = share of items whose nearest B row is their partner, top5 = share within the 5 nearest.
 * Computed in A's frame: ||s As_i R - Bs_j|| = ||s^2 As_i - s Bs_j R^T|| / s, so the queries are
 * s^2 As and the targets the aligned B of the display (one rotation of the data, not two).
 */
import { crossStats, type Rows } from './pair';
import { alignedPair, procrustesFit, type ProcrustesFit } from './procrustes';
import { crossKnn } from './crossKnn';

export interface RetrievalResult {
  top1: number;
  top5: number;
  /** Per item: 0 when the partner is the nearest, 1..4 within the top 5, 5 beyond. */
  rank: Uint8Array;
}

/** top1/top5 of queries (nq = nt, row i's partner is target row i) from their 5 nearest targets. */
export async function retrievalAccuracy(queries: Rows, targets: Rows, n: number, d: number, signal?: AbortSignal): Promise<RetrievalResult> {
  const nn = await crossKnn(queries, n, targets, n, d, 5, signal);
  const rank = new Uint8Array(n).fill(5);
  let top1 = 0;
  let top5 = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < nn.k; c++) {
      if (nn.indices[i * nn.k + c] !== i) continue;
      rank[i] = c;
      if (c === 0) top1++;
      top5++;
    }
  }
  return { top1: top1 / n, top5: top5 / n, rank };
}

/** Retrieval from the aligned pair (alignedPair) of a Procrustes fit with scale s. */
export async function alignedRetrieval(aligned: { standardA: Float64Array; alignedB: Float64Array }, fit: ProcrustesFit, n: number, signal?: AbortSignal): Promise<RetrievalResult> {
  const s2 = fit.scale * fit.scale;
  return retrievalAccuracy(aligned.standardA.map((v) => v * s2), aligned.alignedB, n, fit.dim, signal);
}

/** Procrustes fit and retrieval of two small matrices (row i of each the same item). */
export async function procrustesRetrieval(A: Rows, B: Rows, n: number, dA: number, dB: number, signal?: AbortSignal): Promise<RetrievalResult & { disparity: number }> {
  const p = crossStats(A, B, n, dA, dB);
  const fit = procrustesFit(p);
  return { ...(await alignedRetrieval(alignedPair(p, fit), fit, n, signal)), disparity: fit.disparity };
}
