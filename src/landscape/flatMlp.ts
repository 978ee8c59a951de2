/**
 * Train mode's MLP and head as a function of one flat parameter vector, so that theta = theta0 +
 * P theta_d flows through every trainable number: the model Landscape mode trains in random
 * subspaces. Batch norm's gamma and beta are parameters (in theta); its running statistics are a
 * per-run BatchNormState, outside theta and outside the subspace.
 */
import * as tf from '@tensorflow/tfjs-core';
import { randomOrthonormal } from '../datasets/basis';
import { simplexEtf } from '../training/heads';
import { lossOp } from '../training/losses';
import { gaussian, gelu } from '../training/mlp';
import { STREAM, streamRng } from '../training/random';
import type { Activation } from '../training/types';
import { flatMlpLayout, headOf, type FlatLayout, type FlatMlpConfig } from './flatLayout';
import { headLogits } from './flatHeads';
import type { ManifoldBlock, ModelState, SubspaceModel } from './types';

/** Train mode's batch-norm constants (src/training/mlp.ts; the flat-vs-Network test holds them equal). */
const BN_MOMENTUM = 0.9;
const BN_EPS = 1e-5;

/** A batch of a classification task: inputs B x dim and (smoothed) one-hot targets B x K. */
export interface ClassBatch {
  x: tf.Tensor2D;
  targets: tf.Tensor2D;
}

function activate(x: tf.Tensor, a: Activation): tf.Tensor {
  if (a === 'relu') return tf.relu(x);
  if (a === 'tanh') return tf.tanh(x);
  return gelu(x);
}

function variableOf(values: Float32Array): tf.Variable {
  const t = tf.tensor1d(values);
  const v = tf.variable(t, false);
  t.dispose();
  return v;
}

/**
 * Running means and variances of every batch-norm layer of one run (non-trainable buffers, mean 0
 * and variance 1 at the start, as in Train mode). A training-mode forward pass records its batch
 * moments; commit() does running <- 0.9 running + 0.1 batch and frees them.
 */
export class BatchNormState implements ModelState {
  readonly runningMean: tf.Variable[];
  readonly runningVar: tf.Variable[];
  private pending: { mean: tf.Tensor; variance: tf.Tensor }[] = [];

  constructor(widths: readonly number[]) {
    this.runningMean = widths.map((w) => variableOf(new Float32Array(w)));
    this.runningVar = widths.map((w) => variableOf(new Float32Array(w).fill(1)));
  }

  /** Keeps the batch moments of the next layer (called by the forward pass, inside its tidy). */
  record(mean: tf.Tensor, variance: tf.Tensor): void {
    this.pending.push({ mean: tf.keep(mean), variance: tf.keep(variance) });
  }

  commit(): void {
    const L = this.runningMean.length;
    const last = this.pending.slice(-L);
    if (last.length === L) {
      tf.tidy(() => {
        last.forEach(({ mean, variance }, l) => {
          this.runningMean[l].assign(tf.add(tf.mul(BN_MOMENTUM, this.runningMean[l]), tf.mul(1 - BN_MOMENTUM, mean)));
          this.runningVar[l].assign(tf.add(tf.mul(BN_MOMENTUM, this.runningVar[l]), tf.mul(1 - BN_MOMENTUM, variance)));
        });
      });
    }
    for (const m of this.pending) tf.dispose([m.mean, m.variance]);
    this.pending = [];
  }

  dispose(): void {
    for (const m of this.pending) tf.dispose([m.mean, m.variance]);
    this.pending = [];
    tf.dispose([...this.runningMean, ...this.runningVar]);
  }
}

/** The flat model of a config and seed: its layout, theta0, the frozen ETF rows, the forward pass. */
export class FlatMlp {
  readonly layout: FlatLayout;
  readonly numParams: number;
  /** The frozen ETF rows (K x F) of an ETF head: Train mode's simplexEtf from the same seed; null otherwise. */
  readonly etf: Float32Array | null;

  constructor(
    readonly cfg: FlatMlpConfig,
    readonly seed: number,
  ) {
    this.layout = flatMlpLayout(cfg);
    this.numParams = this.layout.numParams;
    const { features: F, classes: K } = this.layout;
    this.etf = headOf(cfg).kind === 'etf' ? Float32Array.from(simplexEtf(K, F, streamRng(seed, STREAM.head)).data) : null;
  }

  /**
   * theta0 = Train mode's initialisation for this seed, bit for bit: hidden W_l ~ N(0, g / fanIn)
   * (g = 2 for ReLU/GELU, 1 for tanh) from stream 'init', biases 0, BN gamma 1 and beta 0; the
   * linear head W ~ N(0, 1/F), b = 0, or the GCR bases Q of Gaussian F x k matrices, from stream 'head'.
   */
  initialParams(): Float32Array {
    const { layers, head, features: F, classes: K } = this.layout;
    const theta = new Float32Array(this.numParams);
    const rng = streamRng(this.seed, STREAM.init);
    const gain = this.cfg.activation === 'tanh' ? 1 : 2;
    for (const l of layers) {
      theta.set(gaussian(rng, l.fanIn * l.fanOut, Math.sqrt(gain / l.fanIn)), l.offset);
      if (l.gamma !== null) theta.fill(1, l.gamma, l.gamma + l.fanOut);
    }
    const cfgHead = headOf(this.cfg);
    const headRng = streamRng(this.seed, STREAM.head);
    if (cfgHead.kind === 'linear') theta.set(gaussian(headRng, K * F, Math.sqrt(1 / F)), head.offset);
    if (cfgHead.kind === 'gcr') {
      for (let c = 0; c < K; c++) theta.set(Float32Array.from(randomOrthonormal(headRng, F, cfgHead.k).data), head.offset + c * F * cfgHead.k);
    }
    return theta;
  }

  /** Fresh running statistics for one run (null without batch norm). */
  createState(): BatchNormState | null {
    return this.cfg.batchNorm ? new BatchNormState(this.layout.layers.map((l) => l.fanOut)) : null;
  }

  /** The GCR bases block for ordinary training's Riemannian SGD; null for other heads. */
  get manifold(): ManifoldBlock | null {
    const head = headOf(this.cfg);
    if (head.kind !== 'gcr') return null;
    return { offset: this.layout.head.offset, shape: [this.layout.classes, this.layout.features, head.k], learningRate: head.subspaceLearningRate };
  }

  /**
   * Forward pass of x (B x input): z_l = a_(l-1) W_l + b_l; with batch norm
   * z_l <- gamma_l (z_l - mu) / sqrt(var + 1e-5) + beta_l, (mu, var) the batch moments in 'train'
   * mode (recorded into `state` when given) and the state's running averages in 'eval' mode;
   * a_l = act(z_l). features = the last a_l; logits from the head (flatHeads.headLogits). Call inside tf.tidy.
   */
  forward(theta: tf.Tensor1D, x: tf.Tensor2D, mode: 'train' | 'eval', state?: ModelState | null): { features: tf.Tensor2D; logits: tf.Tensor2D } {
    const bn = state instanceof BatchNormState ? state : null;
    if (this.cfg.batchNorm && mode === 'eval' && !bn) throw new Error('eval mode of a batch-norm model needs its running statistics (the run state)');
    let a: tf.Tensor2D = x;
    this.layout.layers.forEach((l, i) => {
      const W = tf.reshape(tf.slice(theta, [l.offset], [l.fanIn * l.fanOut]), [l.fanIn, l.fanOut]) as tf.Tensor2D;
      let z: tf.Tensor = tf.add(tf.matMul(a, W), tf.slice(theta, [l.bias], [l.fanOut]));
      if (l.gamma !== null && l.beta !== null) {
        let mean: tf.Tensor;
        let variance: tf.Tensor;
        if (mode === 'train') {
          ({ mean, variance } = tf.moments(z, 0));
          bn?.record(mean, variance);
        } else {
          [mean, variance] = [bn!.runningMean[i], bn!.runningVar[i]];
        }
        const zHat = tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, BN_EPS)));
        z = tf.add(tf.mul(zHat, tf.slice(theta, [l.gamma], [l.fanOut])), tf.slice(theta, [l.beta], [l.fanOut]));
      }
      a = activate(z, this.cfg.activation) as tf.Tensor2D;
    });
    const { head, features: F, classes: K } = this.layout;
    return { features: a, logits: headLogits(theta, a, headOf(this.cfg), head, F, K, this.etf) };
  }
}

/**
 * The flat MLP as a SubspaceModel: loss = Train mode's lossOp (CE or MSE against the batch's
 * targets) in training mode, recording batch-norm moments into the run state; accuracy = mean
 * [argmax z = argmax t] (training mode, nothing recorded).
 */
export function flatMlpModel(net: FlatMlp): SubspaceModel<ClassBatch> {
  const kind = net.cfg.loss ?? 'ce';
  return {
    numParams: net.numParams,
    initialParams: () => net.initialParams(),
    createState: () => net.createState(),
    manifold: net.manifold,
    loss: (theta, batch, state) => lossOp(kind, net.forward(theta, batch.x, 'train', state).logits, batch.targets),
    accuracy: (theta, batch) => tf.mean(tf.cast(tf.equal(tf.argMax(net.forward(theta, batch.x, 'train').logits, 1), tf.argMax(batch.targets, 1)), 'float32')),
  };
}
