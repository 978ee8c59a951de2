/**
 * An MLP classifier as a function of one flat parameter vector, so that theta = theta0 + P theta_d
 * flows through every weight: the model Landscape mode trains in random subspaces.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../geometry/random';
import { deriveSeed } from '../datasets/basis';
import { lossOp } from '../training/losses';
import { gelu, layerWidths } from '../training/mlp';
import type { Activation, ModelConfig } from '../training/types';
import type { SubspaceModel } from './types';

/** Layer widths input, hidden..., classes (at least two entries) and the hidden activation. */
export interface FlatMlpConfig {
  widths: readonly number[];
  activation: Activation;
}

/** Where layer l's parameters sit in theta: W_l (fanIn x fanOut, row-major) at `offset`, then b_l (fanOut). */
export interface LayerSlot {
  fanIn: number;
  fanOut: number;
  offset: number;
}

/** A batch of a classification task: inputs B x dim and one-hot targets B x K. */
export interface ClassBatch {
  x: tf.Tensor2D;
  targets: tf.Tensor2D;
}

/** The layout of theta: per layer [W_l, b_l] in order; D = sum over layers of (fanIn + 1) fanOut. */
export function flatMlpLayout(widths: readonly number[]): { layers: LayerSlot[]; numParams: number } {
  if (widths.length < 2 || widths.some((w) => !(Number.isInteger(w) && w >= 1))) {
    throw new RangeError(`an MLP needs at least two positive integer widths (got ${widths.join(', ')})`);
  }
  const layers: LayerSlot[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    layers.push({ fanIn: widths[l], fanOut: widths[l + 1], offset });
    offset += (widths[l] + 1) * widths[l + 1];
  }
  return { layers, numParams: offset };
}

/**
 * Train mode's MLP with a linear head as a flat MLP: widths input -> hidden... -> featureWidth -> classes.
 * Batch norm and the ETF/GCR heads have no flat counterpart here: they throw a RangeError.
 */
export function flatMlpConfigFromModel(inputDim: number, classes: number, model: ModelConfig): FlatMlpConfig {
  if (model.batchNorm) throw new RangeError('Landscape mode trains MLPs without batch norm');
  if (model.head.kind !== 'linear') throw new RangeError(`Landscape mode trains MLPs with a linear head (got '${model.head.kind}')`);
  return { widths: [...layerWidths(inputDim, model), classes], activation: model.activation };
}

/**
 * Seeded theta0: hidden weights ~ N(0, g / fanIn) with g = 2 for ReLU/GELU (He) and 1 for tanh,
 * the last (linear classifier) layer ~ N(0, 1 / fanIn), all biases 0.
 */
export function flatMlpInit(cfg: FlatMlpConfig, seed: number): Float32Array {
  const { layers, numParams } = flatMlpLayout(cfg.widths);
  const theta = new Float32Array(numParams);
  const rng = createRng(deriveSeed(seed, 0x2000));
  const gain = cfg.activation === 'tanh' ? 1 : 2;
  layers.forEach(({ fanIn, fanOut, offset }, l) => {
    const std = Math.sqrt((l + 1 === layers.length ? 1 : gain) / fanIn);
    for (let t = 0; t < fanIn * fanOut; t++) theta[offset + t] = std * rng.normal();
  });
  return theta;
}

function activate(x: tf.Tensor, a: Activation): tf.Tensor {
  if (a === 'relu') return tf.relu(x);
  if (a === 'tanh') return tf.tanh(x);
  return gelu(x);
}

/**
 * Forward pass of a batch x (B x widths[0]): a_0 = x, z_l = a_(l-1) W_l + b_l, a_l = act(z_l) for
 * hidden layers; the last layer is linear. features = the last hidden a_l (x itself without hidden layers).
 */
export function flatMlpForward(theta: tf.Tensor1D, x: tf.Tensor2D, cfg: FlatMlpConfig): { features: tf.Tensor2D; logits: tf.Tensor2D } {
  const { layers } = flatMlpLayout(cfg.widths);
  let a: tf.Tensor2D = x;
  let features = x;
  layers.forEach(({ fanIn, fanOut, offset }, l) => {
    const W = tf.reshape(tf.slice(theta, [offset], [fanIn * fanOut]), [fanIn, fanOut]) as tf.Tensor2D;
    const b = tf.slice(theta, [offset + fanIn * fanOut], [fanOut]);
    const z = tf.add(tf.matMul(a, W), b) as tf.Tensor2D;
    features = a;
    a = l + 1 === layers.length ? z : (activate(z, cfg.activation) as tf.Tensor2D);
  });
  return { features, logits: a };
}

/** The logits of flatMlpForward. */
export function flatMlpLogits(theta: tf.Tensor1D, x: tf.Tensor2D, cfg: FlatMlpConfig): tf.Tensor2D {
  return flatMlpForward(theta, x, cfg).logits;
}

/** The flat MLP as a SubspaceModel: loss = Train mode's mean cross-entropy (lossOp 'ce'), accuracy = mean [argmax z = argmax t]. */
export function flatMlpModel(cfg: FlatMlpConfig, seed: number): SubspaceModel<ClassBatch> {
  const { numParams } = flatMlpLayout(cfg.widths);
  const theta0 = flatMlpInit(cfg, seed);
  return {
    numParams,
    initialParams: () => theta0.slice(),
    loss: (theta, batch) => lossOp('ce', flatMlpLogits(theta, batch.x, cfg), batch.targets),
    accuracy: (theta, batch) =>
      tf.mean(tf.cast(tf.equal(tf.argMax(flatMlpLogits(theta, batch.x, cfg), 1), tf.argMax(batch.targets, 1)), 'float32')),
  };
}
