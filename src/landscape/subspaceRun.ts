/**
 * One subspace training run: theta = theta0 + P theta_d with theta0 frozen (a constant tensor)
 * and theta_d = 0 at the start the only trainable variable. With P = I it is ordinary training.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradient functions by itself (the tfjs union package does this import).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { abortError } from '../geometry/abort';
import { createOptimizer, type VectorOptimizer } from './optimizer';
import type { Evaluation, OptimizerConfig, Projection, SubspaceTask } from './types';

let runCounter = 0;

export interface TrainOptions {
  /** Checked between steps; when it fires, train() rejects with an AbortError. */
  signal?: AbortSignal;
  /** Called every progressEvery steps and after the last one with (steps done, latest batch loss). */
  onProgress?: (step: number, batchLoss: number) => void;
  /** Default 25. */
  progressEvery?: number;
  /** Yield one macrotask (setTimeout 0) after this many milliseconds of steps (default 8). */
  yieldMs?: number;
}

export interface TrainSummary {
  steps: number;
  /** Loss of the last batch. */
  batchLoss: number;
  /** Wall-clock seconds of the steps, yields and progress read-backs included. */
  seconds: number;
}

export class SubspaceRun<B> {
  /** theta_d, length d = projection.info.d: the run's only trainable variable. */
  readonly thetaD: tf.Variable;
  private readonly optimizer: VectorOptimizer;
  private disposed = false;

  /**
   * theta0 (length D) is borrowed and never written; the projection is borrowed too (the caller
   * disposes both). The optimiser's state is held in non-trainable variables.
   */
  constructor(
    readonly task: SubspaceTask<B>,
    readonly theta0: tf.Tensor1D,
    readonly projection: Projection,
    readonly optimizerConfig: OptimizerConfig,
  ) {
    const { D, d } = projection.info;
    if (task.model.numParams !== D || theta0.size !== D) {
      throw new RangeError(`projection rows (${D}), theta0 (${theta0.size}) and the model (${task.model.numParams} parameters) disagree`);
    }
    const zeros = tf.zeros([d]);
    this.thetaD = tf.variable(zeros, true, `landscape/thetaD-${++runCounter}`);
    zeros.dispose();
    this.optimizer = createOptimizer(optimizerConfig, d);
  }

  /** The variables this run trains: [thetaD], d numbers in all. */
  get trainableVariables(): tf.Variable[] {
    return [this.thetaD];
  }

  /** theta = theta0 + P theta_d (a new tensor the caller disposes). */
  params(): tf.Tensor1D {
    return tf.tidy(() => tf.add(this.theta0, this.projection.apply(this.thetaD as tf.Tensor1D)) as tf.Tensor1D);
  }

  /**
   * `steps` gradient steps of the model's batch loss with respect to theta_d alone, batches from a
   * fresh task.batches() stream; the learning-rate schedule spans these `steps`.
   */
  async train(steps: number, opts: TrainOptions = {}): Promise<TrainSummary> {
    if (this.disposed) throw new Error('this run has been disposed');
    if (!(Number.isInteger(steps) && steps >= 1)) throw new RangeError(`steps must be a positive integer (got ${steps})`);
    const every = opts.progressEvery ?? 25;
    const yieldMs = opts.yieldMs ?? 8;
    const stream = this.task.batches();
    const t0 = performance.now();
    let since = t0;
    let batchLoss = NaN;
    for (let t = 0; t < steps; t++) {
      if (opts.signal?.aborted) throw abortError();
      const loss = tf.tidy(() => {
        const batch = stream.next();
        const f = () => this.task.model.loss(this.params(), batch);
        const { value, grads } = tf.variableGrads(f, [this.thetaD]);
        this.optimizer.update(this.thetaD, grads[this.thetaD.name], t, steps);
        return value;
      });
      try {
        if ((t + 1) % every === 0 || t + 1 === steps) {
          batchLoss = (await loss.data())[0];
          opts.onProgress?.(t + 1, batchLoss);
        }
      } finally {
        loss.dispose();
      }
      if (performance.now() - since >= yieldMs) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        since = performance.now();
      }
    }
    return { steps, batchLoss, seconds: (performance.now() - t0) / 1000 };
  }

  /** The task's held-out evaluation at the current theta. */
  async evaluate(): Promise<Evaluation> {
    const theta = this.params();
    try {
      return await this.task.evaluate(theta);
    } finally {
      theta.dispose();
    }
  }

  /** Frees theta_d and the optimiser state (not theta0 or the projection). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.thetaD.dispose();
    this.optimizer.dispose();
  }
}
