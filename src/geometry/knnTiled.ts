/**
 * The symmetric tile scan of knn() through tfjs: for each tile (I, J), I <= J, one matMul of
 * centred rows gives G = C_I C_J^T in float32, offered to both sides' candidate lists.
 * Runs the same on the main thread and inside a pool's threads (each with its own tfjs).
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkpoint } from './abort';
import type { CandidateLists, Tile } from './parallel/tiles';

/** Centred rows (n x d float32, row-major) and their float64 squared norms, as the tile scan reads them. */
export interface CentredRows {
  C: Float32Array;
  normSq: Float64Array;
  n: number;
  d: number;
}

/** Offers every tile of `tiles` (tile size T; tiles in row order) into `lists`; onTile() after each. */
export async function scanTiles(rows: CentredRows, T: number, tiles: Tile[], lists: CandidateLists, signal?: AbortSignal, onTile?: () => void): Promise<void> {
  const { C, normSq, n, d } = rows;
  // A fresh array per tensor: the cpu backend keeps the array it is given rather than copying it.
  const rowTensor = (I: number): tf.Tensor2D => {
    const start = I * T;
    const count = Math.min(T, n - start);
    const buf = new Float32Array(T * d);
    buf.set(C.subarray(start * d, (start + count) * d));
    return tf.tensor2d(buf, [T, d]);
  };
  const transposed = new Map<number, tf.Tensor2D>();
  const reference = (J: number): tf.Tensor2D => {
    let t = transposed.get(J);
    if (!t) {
      const r = rowTensor(J);
      t = tf.transpose(r);
      r.dispose();
      transposed.set(J, t);
    }
    return t;
  };
  let query: tf.Tensor2D | null = null;
  let queryI = -1;
  try {
    for (const { I, J } of tiles) {
      await checkpoint(signal);
      if (I !== queryI) {
        query?.dispose();
        query = rowTensor(I);
        queryI = I;
      }
      const q = query as tf.Tensor2D;
      const product = tf.matMul(q, reference(J));
      let G: Float32Array;
      try {
        G = (await product.data()) as Float32Array;
      } finally {
        product.dispose();
      }
      lists.offerTile(G, T, Math.min(T, n - I * T), Math.min(T, n - J * T), I * T, J * T, normSq);
      onTile?.();
    }
  } finally {
    query?.dispose();
    for (const t of transposed.values()) t.dispose();
  }
}
