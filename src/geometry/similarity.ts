/**
 * Comparing two representations of the same n inputs: linear CKA (and its debiased variant from
 * sufficient statistics), mutual kNN, orthogonal Procrustes. src/compare builds Compare mode on these.
 */
import type { KnnResult, Mat } from './types';
import { frobenius, mat, procrustesRotation } from './linalg';
import { columnMean, gramNT, gramTN } from './rows';
import { knn } from './knn';

/**
 * Linear CKA = ||Xc^T Yc||_F^2 / (||Xc^T Xc||_F ||Yc^T Yc||_F), columns centred, in float64;
 * through the feature Grams or, when n is smaller, the n x n Grams (||Xc^T Yc||_F^2 = Tr(Kx Ky)).
 */
export function linearCka(X: Float32Array, Y: Float32Array, n: number, dx: number, dy: number): number {
  const Xc = centredColumns(X, n, dx);
  const Yc = centredColumns(Y, n, dy);
  if (n < dx + dy) {
    const Kx = gramNT(Xc, n, dx);
    const Ky = gramNT(Yc, n, dy);
    let cross = 0;
    for (let t = 0; t < n * n; t++) cross += Kx.data[t] * Ky.data[t];
    return cross / (frobenius(Kx) * frobenius(Ky));
  }
  const cross = frobenius(crossTN(Xc, Yc, n, dx, dy));
  return (cross * cross) / (frobenius(gramTN(Xc, n, dx)) * frobenius(gramTN(Yc, n, dy)));
}

/**
 * Mutual kNN alignment: both sides' rows L2-normalised, k nearest by inner product (cosine knn,
 * self excluded, k clamped to n - 1), mean over points of |N_X(i) ∩ N_Y(i)| / k.
 */
export async function mutualKnn(
  X: Float32Array,
  Y: Float32Array,
  n: number,
  dx: number,
  dy: number,
  k = 10,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<number> {
  const { signal, onProgress } = opts;
  const a = await knn(X, n, dx, k, { metric: 'cosine', signal, onProgress: (f) => onProgress?.(f / 2) });
  const b = await knn(Y, n, dy, k, { metric: 'cosine', signal, onProgress: (f) => onProgress?.(0.5 + f / 2) });
  return neighbourOverlap(a, b, n).reduce((s, v) => s + v, 0) / n;
}

/** Per point i, |N_A(i) ∩ N_B(i)| / k for two kNN results over the same n rows (equal k). */
export function neighbourOverlap(a: Pick<KnnResult, 'k' | 'indices'>, b: Pick<KnnResult, 'k' | 'indices'>, n: number): Float64Array {
  const kk = a.k;
  if (b.k !== kk) throw new RangeError(`neighbourOverlap: k = ${kk} and ${b.k}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mine = new Set(a.indices.subarray(i * kk, i * kk + kk));
    let shared = 0;
    for (let t = i * kk; t < i * kk + kk; t++) if (mine.has(b.indices[t])) shared++;
    out[i] = shared / kk;
  }
  return out;
}

/**
 * What linear CKA needs of centred X (n x dx) and Y (n x dy): xy = ||Xc^T Yc||_F^2, xx = ||Xc^T Xc||_F^2,
 * yy = ||Yc^T Yc||_F^2, and the squared row norms rowX_i = ||xc_i||^2, rowY_i = ||yc_i||^2.
 */
export interface CkaTerms {
  n: number;
  xy: number;
  xx: number;
  yy: number;
  rowX: Float64Array;
  rowY: Float64Array;
}

/** Linear CKA (Kornblith et al. 2019) = xy / sqrt(xx yy): ||Xc^T Yc||_F^2 / (||Xc^T Xc||_F ||Yc^T Yc||_F). */
export function linearCkaFromTerms(t: CkaTerms): number {
  return t.xy / Math.sqrt(t.xx * t.yy);
}

/**
 * Debiased linear CKA (Nguyen, Raghu & Kornblith 2021): CKA with Song et al.'s (2012) unbiased HSIC
 * estimator, HSIC_1(K, L) on K = Xc Xc^T, L = Yc Yc^T, through the feature-space identity (no n x n
 * matrix): n(n-3) HSIC_1 = ||Xc^T Yc||_F^2 - n/(n-2) rowX.rowY + ||Xc||_F^2 ||Yc||_F^2 / ((n-1)(n-2)).
 * Can be negative; null for n < 4 (the estimator needs four distinct rows).
 */
export function debiasedCkaFromTerms(t: CkaTerms): number | null {
  const { n } = t;
  if (n < 4) return null;
  const sum = (v: Float64Array) => v.reduce((s, x) => s + x, 0);
  const dot = (u: Float64Array, v: Float64Array) => u.reduce((s, x, i) => s + x * v[i], 0);
  const [nx, ny] = [sum(t.rowX), sum(t.rowY)];
  const hsic = (prod: number, ru: Float64Array, rv: Float64Array, nu: number, nv: number) =>
    prod - (n / (n - 2)) * dot(ru, rv) + (nu * nv) / ((n - 1) * (n - 2));
  return hsic(t.xy, t.rowX, t.rowY, nx, ny) / Math.sqrt(hsic(t.xx, t.rowX, t.rowX, nx, nx) * hsic(t.yy, t.rowY, t.rowY, ny, ny));
}

/**
 * Orthogonal Procrustes: R = argmin ||X R - Y||_F over R^T R = I, R = U V^T from the SVD of X^T Y
 * (no centring or scaling); residual = ||X R - Y||_F / ||Y||_F.
 */
export function orthogonalProcrustes(X: Float32Array, Y: Float32Array, n: number, d: number): { rotation: Mat; residual: number } {
  const toF64 = (A: Float32Array) => Float64Array.from(A);
  const rotation = procrustesRotation(crossTN(toF64(X), toF64(Y), n, d, d));
  let err = 0;
  let norm = 0;
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    row.fill(0);
    for (let t = 0; t < d; t++) {
      const x = X[i * d + t];
      for (let c = 0; c < d; c++) row[c] += x * rotation.data[t * d + c];
    }
    for (let c = 0; c < d; c++) {
      err += (row[c] - Y[i * d + c]) ** 2;
      norm += Y[i * d + c] ** 2;
    }
  }
  return { rotation, residual: Math.sqrt(err / norm) };
}

/** Columns centred, as float64. */
function centredColumns(X: Float32Array, n: number, d: number): Float64Array {
  const mean = columnMean(X, n, d);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) out[i * d + t] = X[i * d + t] - mean[t];
  return out;
}

/** A^T B for row-major float64 A (n x a) and B (n x b). */
function crossTN(A: Float64Array, B: Float64Array, n: number, a: number, b: number): Mat {
  const out = mat(a, b);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < a; p++) {
      const v = A[i * a + p];
      if (v === 0) continue;
      for (let q = 0; q < b; q++) out.data[p * b + q] += v * B[i * b + q];
    }
  }
  return out;
}
