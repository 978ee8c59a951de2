/**
 * Exact PCA of wide data (n < D) in the n x n Gram space: rank <= n - 1 after centring, so the
 * cost is O(n^2 D) however large D is (a 10 x 100,000 file takes milliseconds).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Mat, PcaResult } from './types';
import { mat } from './linalg';
import { symEigTop } from './linalg/eigTop';
import { checkpoint } from './abort';
import { addInto, symmetrise } from './tf/blocks';
import { signComponents, summarise } from './pcaSummary';

/** Columns per Gram panel: at most 2048 (float32 sums stay short) and about 2^22 values per n x w panel. */
export function gramPanelColumns(n: number, d: number): number {
  return Math.max(1, Math.min(d, 2048, Math.floor((1 << 22) / n)));
}

/** K = Xc Xc^T (n x n, float64) as a sum over column panels, each panel's product through tfjs in float32. */
export async function centredRowGram(X: Float32Array, n: number, d: number, mean: Float64Array, signal?: AbortSignal): Promise<Mat> {
  const gram = mat(n, n);
  const w = gramPanelColumns(n, d);
  const buf = new Float32Array(n * w);
  for (let c0 = 0; c0 < d; c0 += w) {
    await checkpoint(signal);
    const width = Math.min(w, d - c0);
    const panel = width === w ? buf : new Float32Array(n * width);
    for (let i = 0; i < n; i++) {
      const o = i * d + c0;
      for (let t = 0; t < width; t++) panel[i * width + t] = X[o + t] - mean[c0 + t];
    }
    const block = tf.tensor2d(panel, [n, width]);
    try {
      await addInto(gram.data, tf.tidy(() => tf.matMul(block, tf.transpose(block))));
    } finally {
      block.dispose();
    }
  }
  return symmetrise(gram, n);
}

/**
 * Exact PCA of a wide X (n < d) through the n x n Gram K = Xc Xc^T: C = K/n has the same nonzero
 * eigenvalues (the other d - n are 0), axis v_c = Xc^T u_c / sqrt(n lambda_c); axes beyond the
 * rank are completed to an orthonormal set.
 */
export async function exactDual(X: Float32Array, n: number, d: number, mean: Float64Array, q: number, signal?: AbortSignal): Promise<PcaResult> {
  const gram = await centredRowGram(X, n, d, mean, signal);
  let trace = 0;
  let frob2 = 0;
  for (let a = 0; a < n; a++) trace += gram.data[a * n + a];
  for (let t = 0; t < n * n; t++) frob2 += gram.data[t] * gram.data[t];
  const { values, vectors } = symEigTop(gram, Math.min(q, n));
  const vq = vectors.cols;
  const eigenvalues = new Float64Array(d);
  for (let i = 0; i < n; i++) eigenvalues[i] = Math.max(values[i], 0) / n;
  const components = mat(q, d);
  let rank = 0;
  while (rank < q && rank < n && values[rank] > 1e-12 * values[0]) rank++;
  for (let c = 0; c < rank; c++) {
    const scale = 1 / Math.sqrt(values[c]);
    for (let i = 0; i < n; i++) {
      const u = vectors.data[i * vq + c] * scale;
      for (let t = 0; t < d; t++) components.data[c * d + t] += u * (X[i * d + t] - mean[t]);
    }
  }
  completeRows(components, rank);
  signComponents(components);
  return summarise(mean, eigenvalues, trace / n, frob2 / (n * n), components, 'exact');
}

/** Rows rank.. of an orthonormal-rowed matrix filled by Gram-Schmidt on standard basis vectors. */
function completeRows(A: Mat, rank: number): void {
  const { rows, cols, data } = A;
  let e = 0;
  for (let r = rank; r < rows; r++) {
    for (; e < cols; e++) {
      const v = new Float64Array(cols);
      v[e] = 1;
      for (let pass = 0; pass < 2; pass++) {
        for (let p = 0; p < r; p++) {
          let dot = 0;
          for (let t = 0; t < cols; t++) dot += data[p * cols + t] * v[t];
          for (let t = 0; t < cols; t++) v[t] -= dot * data[p * cols + t];
        }
      }
      let norm = 0;
      for (let t = 0; t < cols; t++) norm += v[t] * v[t];
      norm = Math.sqrt(norm);
      if (norm < 0.5) continue;
      for (let t = 0; t < cols; t++) data[r * cols + t] = v[t] / norm;
      e++;
      break;
    }
  }
}

