/**
 * Types of Landscape mode (Li et al. 2018, "Measuring the intrinsic dimension of objective
 * landscapes"): a model seen as a loss over one flat parameter vector theta in R^D, trained only
 * inside theta = theta0 + P theta_d with theta0 frozen at initialisation.
 */
import type * as tf from '@tensorflow/tfjs-core';
import type { DataConfig } from '../datasets/build';
import type { LossKind, ModelConfig } from '../training/types';

/**
 * Per-run state of a model that is not a parameter: not in theta, not counted in D, never moved by
 * the optimiser (batch-norm running means and variances). A training-mode loss records what it
 * needs (its batch statistics); commit() folds that in after each step, outside the subspace.
 */
export interface ModelState {
  /** Applies what the last training-mode forward pass recorded (running <- m running + (1 - m) batch). */
  commit(): void;
  dispose(): void;
}

/**
 * A block of theta that ordinary training keeps on a manifold: K orthonormal F x k class bases
 * (a GCR head), row-major K x F x k at `offset`, the last block of theta. Ordinary training moves
 * it by Riemannian SGD (Train mode's rule); subspace runs move it with the rest of theta.
 */
export interface ManifoldBlock {
  offset: number;
  shape: [number, number, number];
  /** Step size of the Riemannian SGD (Train mode's subspaceLearningRate). */
  learningRate: number;
}

/**
 * A model as a function of its flat parameter vector (length numParams = D). `loss` and
 * `accuracy` must be differentiable tfjs expressions of theta, so gradients reach theta_d through P.
 * B is the model's batch type (tensors created by a BatchStream inside the caller's tf.tidy).
 */
export interface SubspaceModel<B> {
  /** D, the number of parameters. */
  readonly numParams: number;
  /** theta0: the seeded initialisation (a fresh copy every call). */
  initialParams(): Float32Array;
  /** A fresh per-run state (buffers at their initial values), for models that have one. */
  createState?(): ModelState | null;
  /** The block ordinary training keeps on a manifold (GCR bases), if any. */
  readonly manifold?: ManifoldBlock | null;
  /** Mean training loss of one batch at parameters theta (a 1-D tensor of length D), in training mode; records into `state`. */
  loss(theta: tf.Tensor1D, batch: B, state?: ModelState | null): tf.Scalar;
  /** Fraction of the batch classified correctly at theta (classifiers only). */
  accuracy?(theta: tf.Tensor1D, batch: B): tf.Scalar;
}

/** Training batches of one run; every run of a sweep gets a fresh stream with the same order. */
export interface BatchStream<B> {
  /** The next batch; called inside tf.tidy, so its tensors are freed after the step. */
  next(): B;
}

/** How good theta is on held-out data (the test rows for classifiers). */
export interface Evaluation {
  /** Mean loss. */
  loss: number;
  /** Higher-is-better score the thresholds use: test accuracy for classifiers (see each task). */
  score: number;
  /** Test accuracy in [0, 1]; null for tasks without classes. */
  accuracy: number | null;
}

/** A model plus its data: what a sweep trains. */
export interface SubspaceTask<B> {
  readonly model: SubspaceModel<B>;
  /** A fresh batch stream (seeded: the same batches in the same order on every call). */
  batches(): BatchStream<B>;
  /** Evaluates theta (length D) on held-out data, in eval mode with the run's state; reads back with await data(). */
  evaluate(theta: tf.Tensor1D, state?: ModelState | null): Promise<Evaluation>;
  /** Frees the task's tensors (data uploaded to the backend). */
  dispose(): void;
}

/**
 * 'identity': P = I (ordinary training, the baseline); 'dense': Gaussian D x d with unit-norm
 * columns; 'sparse': each column has s seeded distinct nonzero rows equal to +-1/sqrt(s).
 */
export type ProjectionKind = 'identity' | 'dense' | 'sparse';

/** The user's projection choice: a kind, or 'auto' (dense while it fits the dense budget, else sparse). */
export type ProjectionChoice = 'auto' | 'dense' | 'sparse';

/** What a projection is and what it costs, known before it is built. */
export interface ProjectionInfo {
  kind: ProjectionKind;
  /** Parameters D (rows of P). */
  D: number;
  /** Subspace dimension d (columns of P). */
  d: number;
  /** Nonzeros per column: D for dense, s for sparse, 1 for identity. */
  nonzerosPerColumn: number;
  /** Bytes P holds on the backend: 4 D d (dense), 8 d s (sparse: int32 rows + float32 values), 0 (identity). */
  memoryBytes: number;
}

/** A built projection theta_d -> P theta_d on the active tfjs backend. */
export interface Projection {
  readonly info: ProjectionInfo;
  /** P theta_d (length D), differentiable in theta_d (length d). */
  apply(thetaD: tf.Tensor1D): tf.Tensor1D;
  dispose(): void;
}

/** Optimiser of theta_d (or of theta for the baseline); the learning rate follows `schedule`. */
export interface OptimizerConfig {
  /** SGD with heavy-ball momentum (v <- m v + g; x <- x - lr v), or Adam (beta1 0.9, beta2 0.999, eps 1e-8, bias-corrected). */
  kind: 'sgd' | 'adam';
  learningRate: number;
  /** SGD momentum m in [0, 1) (ignored by Adam). */
  momentum: number;
  /** 'constant', or 'cosine': lr_t = lr (1 + cos(pi t / T)) / 2 over the run's T steps. */
  schedule: 'constant' | 'cosine';
}

/** Progress of one run, reported every `progressEvery` steps and at its end. */
export interface RunProgress {
  /** Index of the run in the sweep: 0 = baseline, i = dims[i - 1]. */
  run: number;
  /** Subspace dimension, or null for the baseline. */
  d: number | null;
  step: number;
  steps: number;
  /** Training loss of the latest batch. */
  batchLoss: number;
}

/** The outcome of one completed run. */
export interface RunResult {
  /** Subspace dimension, or null for the baseline (ordinary training of all D parameters). */
  d: number | null;
  projection: ProjectionInfo;
  /** Held-out evaluation at the end of the run. */
  evaluation: Evaluation;
  /** Training loss of the last batch. */
  trainLoss: number;
  steps: number;
  /** Wall-clock seconds of the training steps (evaluation excluded). */
  seconds: number;
}

/** A sweep: the baseline, then one subspace run per d, all with the same budget and batches. */
export interface SweepConfig {
  /** Subspace dimensions, each 1 <= d <= D (sorted ascending, duplicates removed). */
  dims: number[];
  /** Training steps per run (the baseline's too). */
  steps: number;
  optimizer: OptimizerConfig;
  /** Optimiser of the baseline; default: `optimizer`. */
  baselineOptimizer?: OptimizerConfig;
  projection: ProjectionChoice;
  /** 'auto' uses dense while 4 D d <= this (default DEFAULT_DENSE_BUDGET); no P may exceed MAX_PROJECTION_BYTES. */
  denseBudgetBytes?: number;
  /** Nonzeros per column of sparse projections; default ceil(sqrt(D)). */
  sparseNonzeros?: number;
  /** Seed of P (column j of every P depends only on (seed, j), so the subspaces are nested in d). */
  seed: number;
  /** Report progress every this many steps (default 25). */
  progressEvery?: number;
}

/** Everything a sweep produced so far (partial when cancelled). */
export interface SweepResult {
  /** D. */
  numParams: number;
  /** Null when cancelled before the baseline finished. */
  baseline: RunResult | null;
  /** Completed subspace runs, ascending in d. */
  runs: RunResult[];
  /** Smallest d reaching 90% of the baseline score, interpolated in log d; null if none did (or no baseline). */
  dInt90: number | null;
  /** D / dInt90, or null. */
  compression: number | null;
  cancelled: boolean;
}

/** Everything that fixes a sweep: data, model, budget, optimisers, projection and the seed. */
export interface LandscapeSetup {
  /** A Train-mode data configuration (source and split). */
  data: DataConfig;
  /**
   * Any Train-mode model: depth, widths, activation, batch norm, and a linear, fixed simplex-ETF or
   * GCR head (the flat MLP of src/landscape; D counts what is in theta: weights, biases, BN gamma and
   * beta, linear-head W and b, GCR bases; never BN running statistics or the frozen ETF).
   */
  model: ModelConfig;
  /** Train mode's loss: cross-entropy or MSE, against targets with label smoothing eps in [0, 1). */
  loss: LossKind;
  labelSmoothing: number;
  /** Subspace dimensions d, or 'default' for defaultDims(D) (log-spaced 10 ... min(5000, D)). */
  dims: number[] | 'default';
  /** Training steps of every run, the baseline's too. */
  steps: number;
  batchSize: number;
  /** Optimiser of theta_d in the subspace runs. */
  optimizer: OptimizerConfig;
  /** Optimiser of the baseline (ordinary training of all D parameters). */
  baselineOptimizer: OptimizerConfig;
  projection: ProjectionChoice;
  /** Seeds theta0, the batch order, the projections and the ID sample. */
  seed: number;
  /** Training rows in the fixed sample for TwoNN of the inputs and of the penultimate features. */
  idSample: number;
}

/** The sweep a setup gives, known before anything is built: D, the layer widths and every run's projection. */
export interface SweepPlan {
  numParams: number;
  /** Flat MLP widths: input, hidden..., classes. */
  widths: number[];
  /** The d values that will run (sorted, deduplicated). */
  dims: number[];
  /** One per run: the baseline's identity, then planProjection per d. */
  plans: ProjectionInfo[];
}
