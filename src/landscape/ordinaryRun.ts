/**
 * Ordinary training of all D parameters (the sweep's baseline), by Train mode's update rules:
 * the Euclidean parameters by the vector optimiser, and a GCR head's class bases (the model's
 * manifold block) by Riemannian SGD with momentum and the QR retraction, so they stay orthonormal.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { retractInPlace, riemannianStep } from '../training/grassmann';
import { createOptimizer, learningRateAt, type VectorOptimizer } from './optimizer';
import { batchLossSteps, evaluateAt, type TrainableRun, type TrainOptions, type TrainSummary } from './runLoop';
import type { Evaluation, ManifoldBlock, ModelState, OptimizerConfig, SubspaceTask } from './types';

let runCounter = 0;

function variableOf(t: tf.Tensor, trainable: boolean, name?: string): tf.Variable {
  const v = tf.variable(t, trainable, name);
  t.dispose();
  return v;
}

export class OrdinaryRun<B> implements TrainableRun {
  /** theta outside the manifold block (all of theta for models without one), starting at theta0. */
  readonly euclidean: tf.Variable;
  /** The GCR class bases (K x F x k), starting at theta0's block; null for other models. */
  readonly bases: tf.Variable | null;
  readonly state: ModelState | null;
  private readonly block: ManifoldBlock | null;
  private readonly basesMomentum: tf.Variable | null;
  private readonly optimizer: VectorOptimizer;
  private disposed = false;

  /**
   * theta0 (length D) is copied, never written. With a manifold block (which must be the last
   * block of theta) the bases move by xi = G - S (S^T G), M <- mu P_S(M) + xi, S <- qr(S - lr_t M)
   * with lr_t = block.learningRate times the schedule's factor, mu = the SGD momentum or 0.9 with
   * Adam (as Train mode); everything else by `optimizerConfig`. No weight decay.
   */
  constructor(
    readonly task: SubspaceTask<B>,
    theta0: tf.Tensor1D,
    readonly optimizerConfig: OptimizerConfig,
  ) {
    const D = task.model.numParams;
    if (theta0.size !== D) throw new RangeError(`theta0 (${theta0.size}) and the model (${D} parameters) disagree`);
    const block = task.model.manifold ?? null;
    const m = block ? block.shape[0] * block.shape[1] * block.shape[2] : 0;
    if (block && block.offset + m !== D) throw new RangeError('the manifold block must be the last block of theta');
    this.block = block;
    const id = ++runCounter;
    this.euclidean = variableOf(tf.slice(theta0, [0], [D - m]), true, `landscape/theta-${id}`);
    this.bases = block ? variableOf(tf.tidy(() => tf.reshape(tf.slice(theta0, [D - m], [m]), block.shape)), true, `landscape/bases-${id}`) : null;
    this.basesMomentum = block ? variableOf(tf.zeros(block.shape), false) : null;
    this.optimizer = createOptimizer(optimizerConfig, D - m);
    this.state = task.model.createState?.() ?? null;
  }

  /** The variables this run trains: theta's Euclidean part and the bases: D numbers in all. */
  get trainableVariables(): tf.Variable[] {
    return this.bases ? [this.euclidean, this.bases] : [this.euclidean];
  }

  params(): tf.Tensor1D {
    if (!this.bases) return tf.clone(this.euclidean) as tf.Tensor1D;
    return tf.tidy(() => tf.concat([this.euclidean as tf.Tensor1D, tf.reshape(this.bases!, [-1]) as tf.Tensor1D]));
  }

  async train(steps: number, opts: TrainOptions = {}): Promise<TrainSummary> {
    if (this.disposed) throw new Error('this run has been disposed');
    const c = this.optimizerConfig;
    const mu = c.kind === 'sgd' ? c.momentum : 0.9;
    const bases = this.bases;
    const update = (grads: tf.NamedTensorMap, t: number, T: number) => {
      this.optimizer.update(this.euclidean, grads[this.euclidean.name], t, T);
      if (this.bases && this.basesMomentum && this.block) {
        const lr = (this.block.learningRate * learningRateAt(c, t, T)) / c.learningRate;
        const [S, M] = riemannianStep(this.bases as tf.Tensor3D, grads[this.bases.name] as tf.Tensor3D, this.basesMomentum as tf.Tensor3D, lr, mu);
        this.bases.assign(S);
        this.basesMomentum.assign(M);
      }
    };
    return batchLossSteps(this, this.trainableVariables, steps, opts, update, bases ? () => retractInPlace(bases) : undefined);
  }

  async evaluate(): Promise<Evaluation> {
    return evaluateAt(this.task, this.params(), this.state);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([this.euclidean, ...(this.bases ? [this.bases] : []), ...(this.basesMomentum ? [this.basesMomentum] : [])]);
    this.optimizer.dispose();
    this.state?.dispose();
  }
}
