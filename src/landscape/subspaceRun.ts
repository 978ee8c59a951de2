/**
 * One subspace training run: theta = theta0 + P theta_d with theta0 frozen (a constant tensor)
 * and theta_d = 0 at the start the only trainable variable. With P = I it is ordinary training of
 * a flat vector (the baseline uses OrdinaryRun, which also keeps GCR bases on the Grassmannian).
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradient functions by itself (the tfjs union package does this import).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createOptimizer, type VectorOptimizer } from './optimizer';
import { batchLossSteps, evaluateAt, type TrainableRun, type TrainOptions, type TrainSummary } from './runLoop';
import type { Evaluation, ModelState, OptimizerConfig, Projection, SubspaceTask } from './types';

export type { TrainOptions, TrainSummary } from './runLoop';

let runCounter = 0;

export class SubspaceRun<B> implements TrainableRun {
  /** theta_d, length d = projection.info.d: the run's only trainable variable. */
  readonly thetaD: tf.Variable;
  /** Batch-norm running statistics: buffers updated after each step, outside the subspace (null without BN). */
  readonly state: ModelState | null;
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
    this.state = task.model.createState?.() ?? null;
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
   * fresh task.batches() stream; the learning-rate schedule spans these `steps`. After each step
   * the model state (batch-norm running statistics) takes in that step's batch moments.
   */
  async train(steps: number, opts: TrainOptions = {}): Promise<TrainSummary> {
    if (this.disposed) throw new Error('this run has been disposed');
    return batchLossSteps(this, [this.thetaD], steps, opts, (grads, t, T) => this.optimizer.update(this.thetaD, grads[this.thetaD.name], t, T));
  }

  /** The task's held-out evaluation at the current theta (eval mode, this run's state). */
  async evaluate(): Promise<Evaluation> {
    return evaluateAt(this.task, this.params(), this.state);
  }

  /** Frees theta_d, the optimiser state and the model state (not theta0 or the projection). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.thetaD.dispose();
    this.optimizer.dispose();
    this.state?.dispose();
  }
}
