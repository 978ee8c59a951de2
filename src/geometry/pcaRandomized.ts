/**
 * Randomized PCA for wide data (Halko, Martinsson & Tropp 2011, subspace iteration): C Q is
 * applied as (1/n) Xc^T (Xc Q) over row blocks through tfjs, never forming C; the trace and
 * ||C||_F^2 are exact (float64 two-pass, and C's column panels accumulated blockwise).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Mat, PcaResult } from './types';
import { mat, matmulTN, matmul, qr, symEig } from './linalg';
import { totalVariance } from './rows';
import { createRng, type Rng } from './random';
import { addInto, blockRows, forEachCentredBlock } from './tf/blocks';
import type { PcaOptions } from './pca';
import { signComponents, summarise } from './pcaSummary';

const OVERSAMPLE = 10;
const POWER_ITERATIONS = 4;
/** Largest number of components the randomized method grows to while looking for 90% of the variance. */
export const RANDOMIZED_RANK_CAP = 1024;

/**
 * Top eigenpairs of C = (1/n) Xc^T Xc by subspace iteration with QR (oversampling 10, 4 power
 * iterations, Rayleigh-Ritz). The rank starts at max(q, 32) and doubles (up to 1024 or min(n, d))
 * until the computed eigenvalues reach 90% of Tr C; pcId90 is NaN when they never do. At most
 * min(q, n, d) components are returned.
 */
export async function randomizedPca(
  X: Float32Array,
  n: number,
  d: number,
  mean: Float64Array,
  q: number,
  opts: PcaOptions,
): Promise<PcaResult> {
  const { signal, onProgress } = opts;
  const trace = totalVariance(X, n, d, mean);
  const frob2 = await covarianceFrobeniusSq(X, n, d, mean, signal, (f) => onProgress?.(0.3 * f));
  const maxRank = Math.min(n, d);
  const rng = createRng(opts.seed ?? 1);
  let target = Math.min(maxRank, Math.max(q, 32));
  let basis: Mat | null = null;
  for (;;) {
    const l = Math.min(maxRank, target + OVERSAMPLE);
    let Q = startBasis(basis, d, l, rng);
    const passes = POWER_ITERATIONS + 1;
    const report = (pass: number) => (f: number) => onProgress?.(Math.min(0.99, 0.3 + (0.7 * (pass + f)) / passes));
    for (let it = 0; it < POWER_ITERATIONS; it++) Q = qr(await applyCovariance(X, n, d, mean, Q, signal, report(it))).q;
    const CQ = await applyCovariance(X, n, d, mean, Q, signal, report(POWER_ITERATIONS));
    const small = matmulTN(Q, CQ);
    for (let a = 0; a < l; a++) {
      for (let b = a + 1; b < l; b++) {
        const v = (small.data[a * l + b] + small.data[b * l + a]) / 2;
        small.data[a * l + b] = v;
        small.data[b * l + a] = v;
      }
    }
    const { values, vectors } = symEig(small);
    basis = matmul(Q, vectors);
    let explained = 0;
    for (let i = 0; i < target; i++) explained += Math.max(values[i], 0);
    const done = explained >= (0.9 - 1e-10) * trace || target >= maxRank || target >= RANDOMIZED_RANK_CAP;
    if (done) {
      const eigenvalues = Float64Array.from(values.subarray(0, target), (v) => Math.max(v, 0));
      const rows = Math.min(q, l);
      const components = mat(rows, d);
      for (let i = 0; i < rows; i++) for (let j = 0; j < d; j++) components.data[i * d + j] = basis.data[j * l + i];
      signComponents(components);
      onProgress?.(1);
      return summarise(mean, eigenvalues, trace, frob2, components, 'randomized');
    }
    target = Math.min(maxRank, RANDOMIZED_RANK_CAP, 2 * target);
  }
}

/** An orthonormal d x l start: the previous basis's columns, then Gaussian columns, through QR. */
function startBasis(previous: Mat | null, d: number, l: number, rng: Rng): Mat {
  const start = mat(d, l);
  const keep = previous ? Math.min(previous.cols, l) : 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < l; j++) start.data[i * l + j] = j < keep ? previous!.data[i * previous!.cols + j] : rng.normal();
  }
  return qr(start).q;
}

/** C Q = (1/n) sum over row blocks of Xb^T (Xb Q), accumulated in float64. */
async function applyCovariance(
  X: Float32Array,
  n: number,
  d: number,
  mean: Float64Array,
  Q: Mat,
  signal: AbortSignal | undefined,
  onProgress: (fraction: number) => void,
): Promise<Mat> {
  const l = Q.cols;
  const out = mat(d, l);
  const Qt = tf.tensor2d(Float32Array.from(Q.data), [d, l]);
  try {
    await forEachCentredBlock(
      X,
      n,
      d,
      mean,
      blockRows(n, d, 1 << 21, 64, 4096),
      (block) => addInto(out.data, tf.tidy(() => tf.matMul(tf.transpose(block), tf.matMul(block, Qt)))),
      signal,
      (done) => onProgress(done / n),
    );
  } finally {
    Qt.dispose();
  }
  for (let t = 0; t < out.data.length; t++) out.data[t] /= n;
  return out;
}

/**
 * ||C||_F^2 without holding C: column panels C[j0:, j0:j1] accumulated in float64 over row
 * blocks; by symmetry the diagonal block counts once and the rows below it twice.
 */
export async function covarianceFrobeniusSq(
  X: Float32Array,
  n: number,
  d: number,
  mean: Float64Array,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
): Promise<number> {
  const w = Math.max(1, Math.min(d, Math.floor((1 << 22) / d)));
  const B = blockRows(n, d, 1 << 21, 64, 4096);
  let total = 0;
  const panels = Math.ceil(d / w);
  for (let p = 0; p < panels; p++) {
    const j0 = p * w;
    const width = Math.min(w, d - j0);
    const panel = new Float64Array((d - j0) * width);
    await forEachCentredBlock(
      X,
      n,
      d,
      mean,
      B,
      (block) =>
        addInto(
          panel,
          tf.tidy(() => {
            const tail = tf.slice(block, [0, j0], [B, d - j0]);
            return tf.matMul(tf.transpose(tail), tf.slice(block, [0, j0], [B, width]));
          }),
        ),
      signal,
      (done) => onProgress?.((p + done / n) / panels),
    );
    for (let r = 0; r < d - j0; r++) {
      const factor = r < width ? 1 : 2;
      for (let c = 0; c < width; c++) total += factor * (panel[r * width + c] / n) ** 2;
    }
  }
  return total;
}
