/**
 * The optimiser of one parameter vector (theta_d, or theta - theta0 for the baseline): SGD with
 * heavy-ball momentum or Adam, with a constant or cosine learning rate. Its state lives in
 * non-trainable variables, so the only trainable variable of a run is the vector itself.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerConfig } from './types';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** Checks an optimiser config; throws a RangeError naming the field. */
export function checkOptimizerConfig(c: OptimizerConfig): void {
  if (!(c.learningRate > 0 && Number.isFinite(c.learningRate))) throw new RangeError(`optimizer.learningRate must be > 0 (got ${c.learningRate})`);
  if (!(c.momentum >= 0 && c.momentum < 1)) throw new RangeError(`optimizer.momentum must be in [0, 1) (got ${c.momentum})`);
  if (c.kind !== 'sgd' && c.kind !== 'adam') throw new RangeError(`optimizer.kind must be 'sgd' or 'adam' (got ${String(c.kind)})`);
  if (c.schedule !== 'constant' && c.schedule !== 'cosine') throw new RangeError(`optimizer.schedule must be 'constant' or 'cosine' (got ${String(c.schedule)})`);
}

/** Learning rate of step t (0-based) of T: lr, or lr (1 + cos(pi t / T)) / 2 for 'cosine'. */
export function learningRateAt(c: OptimizerConfig, t: number, T: number): number {
  if (c.schedule === 'constant') return c.learningRate;
  return (c.learningRate * (1 + Math.cos((Math.PI * Math.min(t, T)) / T))) / 2;
}

export interface VectorOptimizer {
  /**
   * One update of `x` with gradient g at step t of T (call inside tf.tidy).
   * SGD: v <- m v + g, x <- x - lr v. Adam: m <- b1 m + (1-b1) g, u <- b2 u + (1-b2) g^2,
   * x <- x - lr (m / (1 - b1^(t+1))) / (sqrt(u / (1 - b2^(t+1))) + eps), with the bias corrections
   * folded into one scalar step (same update, two fewer tensor ops).
   */
  update(x: tf.Variable, g: tf.Tensor, t: number, T: number): void;
  dispose(): void;
}

/** An optimiser for a vector of `size` entries. */
export function createOptimizer(c: OptimizerConfig, size: number): VectorOptimizer {
  checkOptimizerConfig(c);
  const slot = () => {
    const zeros = tf.zeros([size]);
    const v = tf.variable(zeros, false);
    zeros.dispose();
    return v;
  };
  if (c.kind === 'sgd') {
    const v = slot();
    return {
      update(x, g, t, T) {
        v.assign(c.momentum > 0 ? tf.add(tf.mul(c.momentum, v), g) : g);
        x.assign(tf.sub(x, tf.mul(learningRateAt(c, t, T), v)));
      },
      dispose: () => v.dispose(),
    };
  }
  const m = slot();
  const u = slot();
  return {
    update(x, g, t, T) {
      m.assign(tf.add(tf.mul(BETA1, m), tf.mul(1 - BETA1, g)));
      u.assign(tf.add(tf.mul(BETA2, u), tf.mul(1 - BETA2, tf.square(g))));
      const c2 = Math.sqrt(1 - BETA2 ** (t + 1));
      const step = (learningRateAt(c, t, T) * c2) / (1 - BETA1 ** (t + 1));
      x.assign(tf.sub(x, tf.mul(step, tf.div(m, tf.add(tf.sqrt(u), EPS * c2)))));
    },
    dispose: () => tf.dispose([m, u]),
  };
}
