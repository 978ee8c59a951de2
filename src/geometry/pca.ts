/**
 * Principal components of the centred rows. Exact: the D x D covariance accumulated in float64
 * over row blocks (each block's Xc^T Xc through tfjs), then symEigTop (every eigenvalue, the
 * leading axes only); the n x n Gram when n < D (pcaDual.ts). Randomized when both n and D
 * exceed 2048: subspace iteration (pcaRandomized.ts). Eigenvalues use 1/N.
 */
import type { Mat, PcaResult } from './types';
import { mat } from './linalg';
import { symEigTop } from './linalg/eigTop';
import { columnMean } from './rows';
import { addInto, blockRows, blockTN, forEachCentredBlock, symmetrise } from './tf/blocks';
import { randomizedPca } from './pcaRandomized';
import { signComponents, summarise } from './pcaSummary';
import { exactDual } from './pcaDual';

export interface PcaOptions {
  /** Principal axes to return (default min(d, 10)). */
  components?: number;
  /** 'auto' (default): exact for d <= 2048 or n < d <= any (n <= 2048, the dual Gram), randomized otherwise. */
  method?: 'auto' | 'exact' | 'randomized';
  /** Seed of the randomized method's starting subspace (default 1). */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** Largest dimension handled by the exact D x D covariance path. */
export const EXACT_PCA_MAX_DIM = 2048;

/** Rows per covariance block: about 2^21 values, within [64, 1024] (float32 sums stay short). */
export function pcaBlockRows(n: number, d: number): number {
  return blockRows(n, d, 1 << 21, 64, 1024);
}

/**
 * PCA of X (n x d). explainedVarianceRatio_i = lambda_i / Tr C, pcId90 = fewest components whose
 * ratios sum to >= 0.9 (1e-10 slack for round-off), participationRatio = (Tr C)^2 / ||C||_F^2,
 * components = unit axes as rows, each signed so its largest-magnitude coordinate is positive.
 */
export async function pca(X: Float32Array, n: number, d: number, opts: PcaOptions = {}): Promise<PcaResult> {
  if (!(n >= 1 && d >= 1)) throw new RangeError(`pca needs at least one row and column (n = ${n}, d = ${d})`);
  const q = Math.min(d, Math.max(1, Math.floor(opts.components ?? 10)));
  const method = opts.method ?? 'auto';
  const mean = columnMean(X, n, d);
  const dual = n < d && (method === 'exact' || (method === 'auto' && n <= EXACT_PCA_MAX_DIM));
  if (method === 'randomized' || (method === 'auto' && !dual && d > EXACT_PCA_MAX_DIM)) {
    return randomizedPca(X, n, d, mean, q, opts);
  }
  if (dual) return exactDual(X, n, d, mean, q, opts.signal);
  const C = await covariance(X, n, d, mean, opts.signal, opts.onProgress);
  return pcaFromCovariance(C, mean, q);
}

/**
 * The exact PCA of a d x d covariance C (1/N convention, symmetric) of rows with column means
 * `mean`: eigenvalues clipped at 0, q signed axes, ratios over Tr C, participation (Tr C)^2/||C||_F^2.
 */
export function pcaFromCovariance(C: Mat, mean: Float64Array, q: number): PcaResult {
  const d = C.rows;
  let trace = 0;
  let frob2 = 0;
  for (let a = 0; a < d; a++) trace += C.data[a * d + a];
  for (let t = 0; t < d * d; t++) frob2 += C.data[t] * C.data[t];
  const { values, vectors } = symEigTop(C, q);
  const eigenvalues = values.map((v) => Math.max(v, 0));
  const components = mat(q, d);
  for (let i = 0; i < q; i++) for (let j = 0; j < d; j++) components.data[i * d + j] = vectors.data[j * q + i];
  signComponents(components);
  return summarise(mean, eigenvalues, trace, frob2, components, 'exact');
}

/** C = (1/n) Xc^T Xc in float64, summed over row blocks whose products run on the active tfjs backend. */
export async function covariance(
  X: Float32Array,
  n: number,
  d: number,
  mean: Float64Array,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
): Promise<Mat> {
  const C = mat(d, d);
  await forEachCentredBlock(
    X,
    n,
    d,
    mean,
    pcaBlockRows(n, d),
    (block) => addInto(C.data, blockTN(block, block)),
    signal,
    (done) => onProgress?.(done / n),
  );
  for (let t = 0; t < d * d; t++) C.data[t] /= n;
  return symmetrise(C, d);
}

/** Coordinates (x_i - mean) . v_c on the first q principal axes, n x q row-major float32. */
export function projectPca(X: Float32Array, n: number, d: number, p: PcaResult, q: number): Float32Array {
  if (q > p.components.rows) throw new RangeError(`projectPca: ${q} axes requested, ${p.components.rows} computed`);
  const out = new Float32Array(n * q);
  const v = p.components.data;
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) centred[t] = X[i * d + t] - p.mean[t];
    for (let c = 0; c < q; c++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += centred[t] * v[c * d + t];
      out[i * q + c] = s;
    }
  }
  return out;
}

