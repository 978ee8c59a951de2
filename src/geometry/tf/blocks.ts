/**
 * Row-block streaming of centred data through tfjs: each block of B rows (x_i - mean, float32,
 * zero-padded to a fixed B x d shape so GPU backends can reuse buffers) becomes one tensor.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Mat } from '../types';
import { checkpoint } from '../abort';

/** Rows per block so that one B x cols float32 block holds about `elements` values, within [lo, hi] and <= n. */
export function blockRows(n: number, cols: number, elements: number, lo: number, hi: number): number {
  return Math.max(1, Math.min(n, hi, Math.max(lo, Math.floor(elements / Math.max(1, cols)))));
}

/**
 * Calls visit(block, start, rows) for every row block of X - mean (X is n x d row-major float32,
 * mean in float64); the block tensor is disposed after visit resolves. The signal is checked
 * before each block; onBlock(done) reports the number of rows processed.
 */
export async function forEachCentredBlock(
  X: Float32Array,
  n: number,
  d: number,
  mean: Float64Array,
  B: number,
  visit: (block: tf.Tensor2D, start: number, rows: number) => Promise<void>,
  signal?: AbortSignal,
  onBlock?: (done: number) => void,
): Promise<void> {
  const buf = new Float32Array(B * d);
  for (let start = 0; start < n; start += B) {
    await checkpoint(signal);
    const rows = Math.min(B, n - start);
    for (let r = 0; r < rows; r++) {
      const o = (start + r) * d;
      for (let t = 0; t < d; t++) buf[r * d + t] = X[o + t] - mean[t];
    }
    if (rows < B) buf.fill(0, rows * d);
    const block = tf.tensor2d(buf, [B, d]);
    try {
      await visit(block, start, rows);
    } finally {
      block.dispose();
    }
    onBlock?.(start + rows);
  }
}

/** target += values of t (read with await t.data()), then disposes t. */
export async function addInto(target: Float64Array, t: tf.Tensor): Promise<void> {
  try {
    const v = await t.data();
    for (let i = 0; i < target.length; i++) target[i] += v[i];
  } finally {
    t.dispose();
  }
}

/** Xb^T Y for a B x d block: transposed explicitly, since some backends' matMul with a transpose flag is far slower. */
export function blockTN(block: tf.Tensor2D, Y: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.matMul(tf.transpose(block), Y));
}

/** (A + A^T)/2 in place, for a Gram summed in float32 blocks. */
export function symmetrise(A: Mat, m: number): Mat {
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const v = (A.data[a * m + b] + A.data[b * m + a]) / 2;
      A.data[a * m + b] = v;
      A.data[b * m + a] = v;
    }
  }
  return A;
}

/**
 * The top `cand` scores (descending) and their column indices of the product query (rows x cols,
 * row-major float32) times reference (cols x m), read back with await t.data().
 */
export async function topScores(query: Float32Array, rows: number, cols: number, reference: tf.Tensor2D, cand: number): Promise<{ scores: Float32Array; found: Int32Array }> {
  const top = tf.tidy(() => tf.topk(tf.matMul(tf.tensor2d(query, [rows, cols]), reference), cand, true));
  try {
    return { scores: (await top.values.data()) as Float32Array, found: (await top.indices.data()) as Int32Array };
  } finally {
    tf.dispose([top.values, top.indices]);
  }
}
