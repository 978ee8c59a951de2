/** Training losses and targets, as tfjs ops (training) and in float64 JS (evaluation). */
import * as tf from '@tensorflow/tfjs-core';
import type { LossKind } from './types';

/** Row-major N x K targets (1 - eps) onehot(y) + eps / K. */
export function smoothedTargets(y: Int32Array, K: number, eps: number): Float32Array {
  const out = new Float32Array(y.length * K).fill(eps / K);
  for (let i = 0; i < y.length; i++) out[i * K + y[i]] += 1 - eps;
  return out;
}

/**
 * Batch loss, averaged over rows: 'ce' = -sum_c t_c log softmax(z)_c; 'mse' = 1/2 sum_c (z_c - t_c)^2
 * (targets t may be soft: smoothed or mixed).
 */
export function lossOp(kind: LossKind, logits: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  if (kind === 'ce') return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1))) as tf.Scalar;
  return tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(logits, targets)), 1))) as tf.Scalar;
}

/**
 * The same loss summed over rows of row-major logits Z (n x K) against smoothed one-hot targets,
 * plus the number of rows whose argmax (first on ties) equals the label. Float64, log-sum-exp.
 */
export function lossAndHits(kind: LossKind, Z: Float32Array, y: Int32Array, K: number, eps: number): { loss: number; hits: number } {
  let loss = 0;
  let hits = 0;
  for (let i = 0; i < y.length; i++) {
    const o = i * K;
    let arg = 0;
    for (let c = 1; c < K; c++) if (Z[o + c] > Z[o + arg]) arg = c;
    if (arg === y[i]) hits++;
    if (kind === 'ce') {
      let s = 0;
      for (let c = 0; c < K; c++) s += Math.exp(Z[o + c] - Z[o + arg]);
      const lse = Z[o + arg] + Math.log(s);
      for (let c = 0; c < K; c++) loss -= ((c === y[i] ? 1 - eps : 0) + eps / K) * (Z[o + c] - lse);
    } else {
      for (let c = 0; c < K; c++) loss += 0.5 * (Z[o + c] - ((c === y[i] ? 1 - eps : 0) + eps / K)) ** 2;
    }
  }
  return { loss, hits };
}
