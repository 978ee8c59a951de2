/**
 * Relative representations (Moschella et al. 2023): each item as its cosines to m anchor items,
 * rel_A(i)_j = cos(a_i, a_{anchor j}) on the raw (uncentred) rows, the same anchors on both sides;
 * invariant to rotations and rescaling of either space. similarity = mean_i cos(rel_A(i), rel_B(i)).
 */
import { sampleRows } from '../geometry/sample';
import { unitRows } from '../geometry/rows';
import { dotRows } from './kernel';

export interface RelativeResult {
  /** m, the anchors used (min(requested, n)). */
  anchors: number;
  seed: number;
  /** Anchor rows: sampleRows(n, m, seed), ascending. */
  anchorRows: Int32Array;
  /** Mean over items of the per-item cosine. */
  similarity: number;
  /** cos(rel_A(i), rel_B(i)) per item (0 where either relative vector is zero). */
  perItem: Float64Array;
}

/** The n x m cosines of the rows of X to its anchor rows. */
function relativeTo(X: Float32Array, n: number, d: number, anchors: Int32Array): Float64Array {
  const U = unitRows(X, n, d);
  const m = anchors.length;
  const Ua = new Float64Array(m * d);
  anchors.forEach((r, j) => Ua.set(U.subarray(r * d, r * d + d), j * d));
  return dotRows(U, Ua, d, n, m).data;
}

/** Relative-representation similarity of matched A (n x dA) and B (n x dB) with m seeded anchors. */
export function relativeSimilarity(A: Float32Array, B: Float32Array, n: number, dA: number, dB: number, m = 300, seed = 1): RelativeResult {
  const anchorRows = sampleRows(n, Math.max(1, Math.floor(m)), seed);
  const k = anchorRows.length;
  const ra = relativeTo(A, n, dA, anchorRows);
  const rb = relativeTo(B, n, dB, anchorRows);
  const perItem = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let j = i * k; j < i * k + k; j++) {
      ab += ra[j] * rb[j];
      aa += ra[j] * ra[j];
      bb += rb[j] * rb[j];
    }
    perItem[i] = aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
    total += perItem[i];
  }
  return { anchors: k, seed, anchorRows, similarity: total / n, perItem };
}
