/** The step loop shared by subspace runs and ordinary training: abort checks, progress read-backs, yields. */
import * as tf from '@tensorflow/tfjs-core';
import { abortError } from '../geometry/abort';
import type { Evaluation, ModelState, SubspaceTask } from './types';

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

/** What a sweep needs of a run: train it, read theta and its state, evaluate, free it. */
export interface TrainableRun {
  /** The run's per-model state (batch-norm running statistics), or null. */
  readonly state: ModelState | null;
  train(steps: number, opts?: TrainOptions): Promise<TrainSummary>;
  /** theta (length D), a new tensor the caller disposes. */
  params(): tf.Tensor1D;
  evaluate(): Promise<Evaluation>;
  dispose(): void;
}

/**
 * Runs step(t, T) for t = 0..T-1 (each returns its batch loss, a tensor the loop disposes), checking
 * the signal before each step, reading the loss back every progressEvery steps and at the end, and
 * yielding a macrotask every yieldMs milliseconds.
 */
export async function stepLoop(steps: number, opts: TrainOptions, step: (t: number, T: number) => Promise<tf.Scalar>): Promise<TrainSummary> {
  if (!(Number.isInteger(steps) && steps >= 1)) throw new RangeError(`steps must be a positive integer (got ${steps})`);
  const every = opts.progressEvery ?? 25;
  const yieldMs = opts.yieldMs ?? 8;
  const t0 = performance.now();
  let since = t0;
  let batchLoss = NaN;
  for (let t = 0; t < steps; t++) {
    if (opts.signal?.aborted) throw abortError();
    const loss = await step(t, steps);
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

/** The task's held-out evaluation at a run's current theta (eval mode, the run's model state); theta is freed after. */
export async function evaluateAt<B>(task: SubspaceTask<B>, theta: tf.Tensor1D, state: ModelState | null): Promise<Evaluation> {
  try {
    return await task.evaluate(theta, state);
  } finally {
    theta.dispose();
  }
}

/**
 * `steps` steps (stepLoop) of the model's batch loss over a fresh task.batches() stream: each takes
 * the loss's gradients at run.params() with respect to `variables` and hands them to `update` inside
 * the step's tidy, then the model state takes in the batch's moments and `after` runs (when given).
 */
export function batchLossSteps<B>(
  run: { task: SubspaceTask<B>; state: ModelState | null; params(): tf.Tensor1D },
  variables: tf.Variable[],
  steps: number,
  opts: TrainOptions,
  update: (grads: tf.NamedTensorMap, t: number, T: number) => void,
  after?: () => Promise<void>,
): Promise<TrainSummary> {
  const stream = run.task.batches();
  return stepLoop(steps, opts, async (t, T) => {
    const loss = tf.tidy(() => {
      const batch = stream.next();
      const { value, grads } = tf.variableGrads(() => run.task.model.loss(run.params(), batch, run.state), variables);
      update(grads, t, T);
      return value;
    });
    run.state?.commit();
    if (after) await after();
    return loss;
  });
}
