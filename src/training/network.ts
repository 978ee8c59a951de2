/** An MLP feature extractor plus a classifier head: the trained model of a run. */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradient functions by itself (the tfjs union package does this import).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { streamRng, STREAM } from './random';
import { createHead, type Head } from './heads';
import { Mlp, type BatchMoments } from './mlp';
import type { ModelConfig } from './types';

export interface NetworkOutput {
  features: tf.Tensor2D;
  logits: tf.Tensor2D;
  /** Hidden-layer outputs (features last) when asked for. */
  hidden: tf.Tensor2D[];
}

/** Checks the model settings against the Train-mode ranges; throws a RangeError naming the field. */
export function checkModelConfig(cfg: ModelConfig): void {
  const bad = (field: string, range: string, value: unknown) => new RangeError(`model.${field} must be ${range} (got ${String(value)})`);
  if (!(Number.isInteger(cfg.depth) && cfg.depth >= 1 && cfg.depth <= 6)) throw bad('depth', 'an integer in [1, 6]', cfg.depth);
  if (!(Number.isInteger(cfg.width) && cfg.width >= 8 && cfg.width <= 1024)) throw bad('width', 'an integer in [8, 1024]', cfg.width);
  if (!(Number.isInteger(cfg.featureWidth) && cfg.featureWidth >= 1 && cfg.featureWidth <= 1024)) {
    throw bad('featureWidth', 'an integer in [1, 1024]', cfg.featureWidth);
  }
  const head = cfg.head;
  if (head.kind === 'gcr') {
    if (!(Number.isInteger(head.k) && head.k >= 1 && head.k <= cfg.featureWidth)) throw bad('head.k', `an integer in [1, featureWidth = ${cfg.featureWidth}]`, head.k);
    if (!(head.gamma > 0)) throw bad('head.gamma', '> 0', head.gamma);
    if (!(head.subspaceLearningRate > 0)) throw bad('head.subspaceLearningRate', '> 0', head.subspaceLearningRate);
  }
}

/** MLP + head with seeded initialisation (stream 'init' for the MLP, 'head' for the head). */
export class Network {
  readonly mlp: Mlp;
  readonly head: Head;

  constructor(readonly inputDim: number, readonly classes: number, readonly cfg: ModelConfig, seed: number) {
    checkModelConfig(cfg);
    this.mlp = new Mlp(inputDim, cfg, streamRng(seed, STREAM.init));
    this.head = createHead(cfg.head, cfg.featureWidth, classes, streamRng(seed, STREAM.head));
  }

  /** Euclidean trainable variables: the MLP's and the head's affine parameters. */
  get euclidean(): tf.Variable[] {
    return [...this.mlp.variables, ...this.head.euclidean];
  }

  /** Features, logits and (optionally) hidden outputs of a batch. */
  forward(x: tf.Tensor2D, mode: 'train' | 'eval', keepHidden = false, moments?: BatchMoments): NetworkOutput {
    const { features, hidden } = this.mlp.forward(x, mode, keepHidden, moments);
    return { features, logits: this.head.logits(features), hidden };
  }

  dispose(): void {
    this.mlp.dispose();
    this.head.dispose();
  }
}
