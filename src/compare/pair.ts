/**
 * The shared first stage of every pairwise measure: column means, the feature-space Grams
 * Ac^T Ac, Bc^T Bc, Ac^T Bc (float64, O(n (dA + dB)^2), never n x n), squared row norms and the
 * eigendecomposition of each Gram (the principal axes). CKA, Procrustes, SVCCA and the curve read it.
 */
import type { Mat } from '../geometry/types';
import type { CkaTerms } from '../geometry/similarity';
import { frobenius, symEig, type SymEig } from '../geometry/linalg';
import { columnMean } from '../geometry/rows';
import { checkpoint } from '../geometry/abort';
import { centredColumns, dotRows } from './kernel';

/** Row-major n x d data, as read (float32) or derived (float64). */
export type Rows = Float32Array | Float64Array;

/** Eigenvalues of a Gram at or below this fraction of the largest count as zero (singular values 1e-6 of the largest). */
export const RANK_RTOL = 1e-12;

/** One representation's centred statistics: mean, Gram Xc^T Xc, squared row norms, and Xc as d x n columns. */
export interface CentredStats {
  n: number;
  dim: number;
  mean: Float64Array;
  /** d x d, Xc^T Xc (not divided by n); null when not asked for. */
  gram: Mat | null;
  /** ||x_i - mean||^2 per row. */
  rowSq: Float64Array;
  /** Xc transposed: d x n float64 (row t = centred column t). */
  columns: Float64Array;
}

/** Centred statistics of X (n x d row-major); the Gram only when withGram. */
export function centredStats(X: Rows, n: number, d: number, withGram = true): CentredStats {
  const mean = columnMean(X, n, d);
  const columns = centredColumns(X, n, d, mean);
  const gram = withGram ? dotRows(columns, columns, n, d, d, true) : null;
  const rowSq = new Float64Array(n);
  for (let t = 0; t < d; t++) for (let i = 0; i < n; i++) rowSq[i] += columns[t * n + i] ** 2;
  return { n, dim: d, mean, gram, rowSq, columns };
}

/** Two matched representations A (n x dA) and B (n x dB), row i of each the same item, with what Procrustes needs. */
export interface CrossStats {
  n: number;
  dA: number;
  dB: number;
  A: Rows;
  B: Rows;
  meanA: Float64Array;
  meanB: Float64Array;
  /** Ac^T Bc (dA x dB). */
  cross: Mat;
  /** ||a_i - meanA||^2 and ||b_i - meanB||^2 per row. */
  rowSqA: Float64Array;
  rowSqB: Float64Array;
}

/** CrossStats plus each side's Gram and principal axes: what every pairwise measure reads. */
export interface ComparePair extends CrossStats {
  /** Ac^T Ac (dA x dA) and Bc^T Bc (dB x dB). */
  gramA: Mat;
  gramB: Mat;
  /** Eigenvalues (descending) and unit axes (columns) of gramA / gramB: the principal components. */
  eigA: SymEig;
  eigB: SymEig;
  /** Numerical rank of Ac and Bc: eigenvalues above RANK_RTOL of the largest. */
  rankA: number;
  rankB: number;
}

function checkSizes(A: Rows, B: Rows, n: number, dA: number, dB: number): void {
  if (A.length !== n * dA || B.length !== n * dB) throw new RangeError(`pair: ${A.length} and ${B.length} values for n = ${n}, dims ${dA} and ${dB}`);
}

/** Means, row norms and the cross Gram of matched A and B (no per-side Grams). */
export function crossStats(A: Rows, B: Rows, n: number, dA: number, dB: number): CrossStats {
  checkSizes(A, B, n, dA, dB);
  const a = centredStats(A, n, dA, false);
  const b = centredStats(B, n, dB, false);
  return { n, dA, dB, A, B, meanA: a.mean, meanB: b.mean, cross: dotRows(a.columns, b.columns, n, dA, dB), rowSqA: a.rowSq, rowSqB: b.rowSq };
}

/** Everything pairwise measures share, for matched rows; n >= 2. */
export async function preparePair(A: Rows, B: Rows, n: number, dA: number, dB: number, signal?: AbortSignal): Promise<ComparePair> {
  checkSizes(A, B, n, dA, dB);
  await checkpoint(signal);
  const a = centredStats(A, n, dA);
  await checkpoint(signal);
  const b = centredStats(B, n, dB);
  await checkpoint(signal);
  const cross = dotRows(a.columns, b.columns, n, dA, dB);
  const [gramA, gramB] = [a.gram!, b.gram!];
  await checkpoint(signal);
  const eigA = symEig(gramA);
  await checkpoint(signal);
  const eigB = symEig(gramB);
  return {
    n, dA, dB, A, B,
    meanA: a.mean, meanB: b.mean,
    gramA, gramB, cross,
    rowSqA: a.rowSq, rowSqB: b.rowSq,
    eigA, eigB,
    rankA: numericalRank(eigA.values), rankB: numericalRank(eigB.values),
  };
}

/** Eigenvalues above RANK_RTOL times the largest. */
export function numericalRank(values: Float64Array): number {
  let r = 0;
  while (r < values.length && values[r] > RANK_RTOL * values[0]) r++;
  return r;
}

/** The CKA sufficient statistics of a pair (geometry/similarity.ts). */
export function ckaTerms(p: ComparePair): CkaTerms {
  const sq = (m: Mat) => frobenius(m) ** 2;
  return { n: p.n, xy: sq(p.cross), xx: sq(p.gramA), yy: sq(p.gramB), rowX: p.rowSqA, rowY: p.rowSqB };
}
