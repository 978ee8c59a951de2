/** Eval-mode passes over a whole split in fixed-size chunks (fixed shapes keep WebGPU's buffer pool reusable). */
import * as tf from '@tensorflow/tfjs-core';
import type { Network } from './network';

/** Rows of one split on the device, zero-padded to a multiple of the chunk size. */
export class DeviceRows {
  readonly tensor: tf.Tensor2D;
  readonly chunks: number;

  constructor(X: Float32Array, readonly n: number, readonly dim: number, readonly chunk: number) {
    this.chunks = Math.ceil(n / chunk);
    const padded = new Float32Array(Math.max(1, this.chunks) * chunk * dim);
    padded.set(X.subarray(0, n * dim));
    this.tensor = tf.tensor2d(padded, [Math.max(1, this.chunks) * chunk, dim]);
  }

  dispose(): void {
    this.tensor.dispose();
  }
}

/** Logits (n x K) and, when asked, features (n x F) of every row in eval mode, read back with await data(). */
export async function evaluateRows(
  net: Network,
  rows: DeviceRows,
  withFeatures: boolean,
): Promise<{ logits: Float32Array; features: Float32Array | null }> {
  const K = net.classes;
  const F = net.cfg.featureWidth;
  const logits = new Float32Array(rows.n * K);
  const features = withFeatures ? new Float32Array(rows.n * F) : null;
  for (let c = 0; c < rows.chunks; c++) {
    const start = c * rows.chunk;
    const valid = Math.min(rows.chunk, rows.n - start);
    const out = tf.tidy(() => {
      const x = tf.slice(rows.tensor, [start, 0], [rows.chunk, rows.dim]);
      const o = net.forward(x, 'eval');
      return withFeatures ? [o.logits, o.features] : [o.logits];
    });
    try {
      const z = await out[0].data();
      logits.set(z.subarray(0, valid * K), start * K);
      if (features) features.set((await out[1].data()).subarray(0, valid * F), start * F);
    } finally {
      tf.dispose(out);
    }
  }
  return { logits, features };
}

/** Options of a chunked feature pass. */
export interface FeaturePassOptions {
  /** Checked between chunks: when aborted the pass frees what it holds and throws an AbortError. */
  signal?: AbortSignal;
  /** Called after every chunk read back. */
  onChunk?: () => void;
  /** Yield to the event loop before the first chunk and after this many milliseconds of work (default 8), so a cancel can arrive. */
  yieldMs?: number;
}

function abortError(): Error {
  const e = new Error('Stopped.');
  e.name = 'AbortError';
  return e;
}

/**
 * The penultimate features h(x) of every row (n x F, row order kept), eval mode: batch norm uses its
 * running averages. Fixed-size chunks, read back with await data(). Reads the network only: no
 * variable, running statistic or random stream changes, so training continues exactly as without it.
 */
export async function penultimateFeatures(net: Network, rows: DeviceRows, opts: FeaturePassOptions = {}): Promise<Float32Array> {
  const F = net.cfg.featureWidth;
  const yieldMs = opts.yieldMs ?? 8;
  const out = new Float32Array(rows.n * F);
  let since = -Infinity;
  for (let c = 0; c < rows.chunks; c++) {
    // Yield first (so a cancel sent with the request is seen) and then every yieldMs.
    if (performance.now() - since >= yieldMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    }
    if (opts.signal?.aborted) throw abortError();
    const start = c * rows.chunk;
    const valid = Math.min(rows.chunk, rows.n - start);
    const h = tf.tidy(() => net.mlp.forward(tf.slice(rows.tensor, [start, 0], [rows.chunk, rows.dim]), 'eval').features);
    try {
      out.set((await h.data()).subarray(0, valid * F), start * F);
    } finally {
      h.dispose();
    }
    opts.onChunk?.();
  }
  return out;
}

/** Every layer's output on a fixed batch x (eval mode): hidden layers (features last) then logits, read back. */
export async function layerOutputs(net: Network, x: tf.Tensor2D): Promise<{ data: Float32Array; dim: number }[]> {
  const outs = tf.tidy(() => {
    const o = net.forward(x, 'eval', true);
    return [...o.hidden, o.logits];
  });
  try {
    const result: { data: Float32Array; dim: number }[] = [];
    for (const t of outs) result.push({ data: (await t.data()) as Float32Array, dim: t.shape[1] ?? 1 });
    return result;
  } finally {
    tf.dispose(outs);
  }
}
