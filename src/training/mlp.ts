/** The MLP feature extractor of Train mode, built from tfjs-core ops and variables. */
import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../geometry/random';
import type { Activation, ModelConfig } from './types';

/** Running-average factor of the batch-norm statistics used in eval mode. */
const BN_MOMENTUM = 0.9;
const BN_EPS = 1e-5;

interface BatchNorm {
  gamma: tf.Variable;
  beta: tf.Variable;
  runningMean: tf.Variable;
  runningVar: tf.Variable;
}

interface Layer {
  w: tf.Variable;
  b: tf.Variable;
  bn: BatchNorm | null;
}

/** Batch moments of each batch-norm layer from one training-mode forward pass. */
export type BatchMoments = { mean: tf.Tensor; variance: tf.Tensor }[];

export interface ForwardResult {
  /** The feature h (output of the last hidden layer), B x F. */
  features: tf.Tensor2D;
  /** Every hidden layer's output (features last); only when asked for. */
  hidden: tf.Tensor2D[];
}

/** GELU, tanh approximation: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
export function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
}

function activate(x: tf.Tensor, a: Activation): tf.Tensor {
  if (a === 'relu') return tf.relu(x);
  if (a === 'tanh') return tf.tanh(x);
  return gelu(x);
}

/** A variable holding `values` with the given shape. */
export function variableFrom(values: Float32Array, shape: number[], trainable = true): tf.Variable {
  const t = tf.tensor(values, shape, 'float32');
  const v = tf.variable(t, trainable);
  t.dispose();
  return v;
}

/** n normal variates with standard deviation std. */
export function gaussian(rng: Rng, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = std * rng.normal();
  return out;
}

/** Layer widths input -> width x (depth - 1) -> featureWidth. */
export function layerWidths(inputDim: number, cfg: ModelConfig): number[] {
  return [inputDim, ...Array.from({ length: cfg.depth - 1 }, () => cfg.width), cfg.featureWidth];
}

/**
 * Hidden layer l: z = a W_l + b_l, optionally batch-normalised (batch moments in training, running
 * averages with factor 0.9 in eval), then the activation. Weights ~ N(0, g / fan_in) with g = 2
 * for ReLU/GELU (He) and g = 1 for tanh (LeCun); biases 0, BN gamma 1 and beta 0.
 */
export class Mlp {
  readonly widths: number[];
  private readonly layers: Layer[];

  constructor(inputDim: number, readonly cfg: ModelConfig, rng: Rng) {
    this.widths = layerWidths(inputDim, cfg);
    const gain = cfg.activation === 'tanh' ? 1 : 2;
    this.layers = [];
    for (let l = 0; l + 1 < this.widths.length; l++) {
      const [fanIn, fanOut] = [this.widths[l], this.widths[l + 1]];
      const w = variableFrom(gaussian(rng, fanIn * fanOut, Math.sqrt(gain / fanIn)), [fanIn, fanOut]);
      const b = variableFrom(new Float32Array(fanOut), [fanOut]);
      const bn = cfg.batchNorm
        ? {
            gamma: variableFrom(new Float32Array(fanOut).fill(1), [fanOut]),
            beta: variableFrom(new Float32Array(fanOut), [fanOut]),
            runningMean: variableFrom(new Float32Array(fanOut), [fanOut], false),
            runningVar: variableFrom(new Float32Array(fanOut).fill(1), [fanOut], false),
          }
        : null;
      this.layers.push({ w, b, bn });
    }
  }

  /** The trainable variables (weights, biases, BN scale and shift). */
  get variables(): tf.Variable[] {
    return this.layers.flatMap((l) => (l.bn ? [l.w, l.b, l.bn.gamma, l.bn.beta] : [l.w, l.b]));
  }

  /**
   * Every parameter by its export name: layer{l}.kernel (fan_in x fan_out, so z = a kernel + bias),
   * layer{l}.bias and, with batch norm, layer{l}.bn.gamma, .beta, .running_mean, .running_var.
   */
  named(): { name: string; tensor: tf.Tensor }[] {
    return this.layers.flatMap((l, i) => [
      { name: `layer${i}.kernel`, tensor: l.w },
      { name: `layer${i}.bias`, tensor: l.b },
      ...(l.bn
        ? [
            { name: `layer${i}.bn.gamma`, tensor: l.bn.gamma },
            { name: `layer${i}.bn.beta`, tensor: l.bn.beta },
            { name: `layer${i}.bn.running_mean`, tensor: l.bn.runningMean },
            { name: `layer${i}.bn.running_var`, tensor: l.bn.runningVar },
          ]
        : []),
    ]);
  }

  /**
   * Forward pass. In 'train' mode batch-norm layers push their batch moments onto `moments`
   * (kept: the caller disposes them after updateRunningStats).
   */
  forward(x: tf.Tensor2D, mode: 'train' | 'eval', keepHidden = false, moments?: BatchMoments): ForwardResult {
    const hidden: tf.Tensor2D[] = [];
    let a: tf.Tensor = x;
    for (const layer of this.layers) {
      let z: tf.Tensor = tf.add(tf.matMul(a as tf.Tensor2D, layer.w as tf.Tensor2D), layer.b);
      if (layer.bn) z = this.normalise(z, layer.bn, mode, moments);
      a = activate(z, this.cfg.activation);
      if (keepHidden) hidden.push(a as tf.Tensor2D);
    }
    return { features: a as tf.Tensor2D, hidden };
  }

  private normalise(z: tf.Tensor, bn: BatchNorm, mode: 'train' | 'eval', moments?: BatchMoments): tf.Tensor {
    let mean: tf.Tensor = bn.runningMean;
    let variance: tf.Tensor = bn.runningVar;
    if (mode === 'train') {
      ({ mean, variance } = tf.moments(z, 0));
      moments?.push({ mean: tf.keep(mean), variance: tf.keep(variance) });
    }
    const zHat = tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, BN_EPS)));
    return tf.add(tf.mul(zHat, bn.gamma), bn.beta);
  }

  /** running <- 0.9 running + 0.1 batch for every BN layer; disposes the moments. */
  updateRunningStats(moments: BatchMoments): void {
    const bns = this.layers.flatMap((l) => (l.bn ? [l.bn] : []));
    tf.tidy(() => {
      bns.forEach((bn, i) => {
        const m = moments[i];
        if (!m) return;
        bn.runningMean.assign(tf.add(tf.mul(BN_MOMENTUM, bn.runningMean), tf.mul(1 - BN_MOMENTUM, m.mean)));
        bn.runningVar.assign(tf.add(tf.mul(BN_MOMENTUM, bn.runningVar), tf.mul(1 - BN_MOMENTUM, m.variance)));
      });
    });
    for (const m of moments) tf.dispose([m.mean, m.variance]);
    moments.length = 0;
  }

  dispose(): void {
    for (const l of this.layers) {
      tf.dispose([l.w, l.b]);
      if (l.bn) tf.dispose([l.bn.gamma, l.bn.beta, l.bn.runningMean, l.bn.runningVar]);
    }
  }
}
