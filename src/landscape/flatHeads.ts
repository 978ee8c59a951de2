/**
 * The heads of the flat MLP as functions of theta: learned linear, frozen simplex ETF (not in
 * theta), and GCR whose class bases are a block of theta, orthonormalised before use.
 */
import * as tf from '@tensorflow/tfjs-core';
import { gcrLogits } from '../training/grassmann';
import type { HeadConfig } from '../training/types';
import type { HeadSlot } from './flatLayout';

/** Added to squared norms under rsqrt so a zero column keeps a finite gradient. */
const NORM_EPS = 1e-12;

/**
 * orth(A): the Q factor of the thin QR A_c = Q_c R_c with diag(R_c) > 0 of every F x k block of A
 * (K x F x k), by classical Gram-Schmidt with one re-orthogonalisation pass per column (CGS2, "twice
 * is enough"), batched over the K blocks: v = a_j - Q (Q^T a_j) twice, q_j = v / ||v||. Built
 * from differentiable ops, so gradients reach A. span(orth(A_c)) = span(A_c), and orth(S) = S
 * (to round-off) when S already has orthonormal columns. Needs full column rank.
 */
export function orthonormalColumns(A: tf.Tensor3D): tf.Tensor3D {
  const [K, F, k] = A.shape;
  let Q: tf.Tensor3D | null = null;
  for (let j = 0; j < k; j++) {
    let v = tf.slice(A, [0, 0, j], [K, F, 1]) as tf.Tensor3D;
    if (Q) {
      for (let pass = 0; pass < 2; pass++) v = tf.sub(v, tf.matMul(Q, tf.matMul(Q, v, true, false)));
    }
    const q = tf.mul(v, tf.rsqrt(tf.add(tf.sum(tf.square(v), 1, true), NORM_EPS))) as tf.Tensor3D;
    Q = Q ? (tf.concat([Q, q], 2) as tf.Tensor3D) : q;
  }
  return Q as tf.Tensor3D;
}

/**
 * Logits of features h (B x F) for the head in `slot` of theta:
 * linear: h W^T + b (W K x F); ETF: h W^T with the frozen rows `etf` (K x F, not in theta);
 * GCR: gamma ||orth(S_c)^T h/||h|| || with S_c class c's F x k block of theta. The ETF tensor is
 * created here, so call inside tf.tidy.
 */
export function headLogits(theta: tf.Tensor1D, h: tf.Tensor2D, head: HeadConfig, slot: HeadSlot, F: number, K: number, etf: Float32Array | null): tf.Tensor2D {
  if (head.kind === 'linear') {
    const W = tf.reshape(tf.slice(theta, [slot.offset], [K * F]), [K, F]) as tf.Tensor2D;
    const b = tf.slice(theta, [slot.offset + K * F], [K]);
    return tf.add(tf.matMul(h, W, false, true), b) as tf.Tensor2D;
  }
  if (head.kind === 'etf') {
    if (!etf) throw new Error('the ETF head needs its frozen rows');
    return tf.matMul(h, tf.tensor2d(etf, [K, F]), false, true);
  }
  const S = tf.reshape(tf.slice(theta, [slot.offset], [slot.size]), [K, F, head.k]) as tf.Tensor3D;
  return gcrLogits(h, orthonormalColumns(S), head.gamma);
}
