/**
 * The Landscape sweep: ordinary training first (the baseline, OrdinaryRun: Train mode's update
 * rules, Riemannian SGD for GCR bases), then one subspace run per d, each with the same step
 * budget, the same batches and the same frozen theta0; cancellable, keeping every completed run.
 */
import * as tf from '@tensorflow/tfjs-core';
import { isAbortError } from '../geometry/abort';
import { checkOptimizerConfig } from './optimizer';
import { OrdinaryRun } from './ordinaryRun';
import { createProjection, identityProjection, planProjection } from './projection';
import type { TrainableRun } from './runLoop';
import { SubspaceRun } from './subspaceRun';
import { compressionRatio, intrinsicDimension } from './threshold';
import type { ModelState, Projection, ProjectionInfo, RunProgress, RunResult, SubspaceTask, SweepConfig, SweepResult } from './types';

export interface SweepCallbacks {
  /** Checked between steps; when it fires the sweep resolves with the runs completed so far (cancelled: true). */
  signal?: AbortSignal;
  /** Before each run: its index (0 = baseline), d (null for the baseline) and which projection runs. */
  onRunStart?: (run: number, d: number | null, projection: ProjectionInfo) => void;
  /** Every progressEvery steps of each run. */
  onProgress?: (p: RunProgress) => void;
  /** After each completed run. */
  onResult?: (run: number, result: RunResult) => void;
  /**
   * After each completed run, with its trained theta = theta0 + P theta_d (length D) and its model
   * state (batch-norm running statistics, or null), both freed when the returned promise settles:
   * e.g. the penultimate features via FlatMlp.forward in eval mode.
   */
  onTrained?: (run: number, d: number | null, theta: tf.Tensor1D, state: ModelState | null) => void | Promise<void>;
}

/** The sweep's dims sorted ascending without duplicates; throws a RangeError for d outside [1, D]. */
export function normaliseDims(dims: readonly number[], D: number): number[] {
  for (const d of dims) if (!(Number.isInteger(d) && d >= 1 && d <= D)) throw new RangeError(`every d must be an integer in [1, ${D}] (got ${d})`);
  return [...new Set(dims)].sort((a, b) => a - b);
}

/**
 * Plans every run of a sweep (identity for the baseline, then planProjection per d) without
 * building anything: what the UI shows before starting; throws like planProjection.
 */
export function planSweep(D: number, config: Pick<SweepConfig, 'dims' | 'projection' | 'denseBudgetBytes' | 'sparseNonzeros'>): ProjectionInfo[] {
  const opts = { denseBudgetBytes: config.denseBudgetBytes, sparseNonzeros: config.sparseNonzeros };
  return [identityProjection(D).info, ...normaliseDims(config.dims, D).map((d) => planProjection(D, d, config.projection, opts))];
}

/**
 * Runs the sweep on the active backend. d_int90 = intrinsicDimension(runs, baseline, 0.9):
 * the smallest d reaching 90% of the baseline's score, interpolated in log d.
 */
export async function runSweep<B>(task: SubspaceTask<B>, config: SweepConfig, callbacks: SweepCallbacks = {}): Promise<SweepResult> {
  const D = task.model.numParams;
  if (!(Number.isInteger(config.steps) && config.steps >= 1)) throw new RangeError(`steps must be a positive integer (got ${config.steps})`);
  checkOptimizerConfig(config.optimizer);
  if (config.baselineOptimizer) checkOptimizerConfig(config.baselineOptimizer);
  const plans = planSweep(D, config);
  const theta0 = tf.tensor1d(task.model.initialParams());
  let baseline: RunResult | null = null;
  const runs: RunResult[] = [];
  let cancelled = false;
  try {
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i];
      const d = i === 0 ? null : plan.d;
      callbacks.onRunStart?.(i, d, plan);
      const projection: Projection | null = i === 0 ? null : createProjection(plan, config.seed);
      const run: TrainableRun = projection ? new SubspaceRun(task, theta0, projection, config.optimizer) : new OrdinaryRun(task, theta0, config.baselineOptimizer ?? config.optimizer);
      try {
        const summary = await run.train(config.steps, {
          signal: callbacks.signal,
          progressEvery: config.progressEvery,
          onProgress: (step, batchLoss) => callbacks.onProgress?.({ run: i, d, step, steps: config.steps, batchLoss }),
        });
        const result: RunResult = {
          d,
          projection: plan,
          evaluation: await run.evaluate(),
          trainLoss: summary.batchLoss,
          steps: summary.steps,
          seconds: summary.seconds,
        };
        if (callbacks.onTrained) {
          const theta = run.params();
          try {
            await callbacks.onTrained(i, d, theta, run.state);
          } finally {
            theta.dispose();
          }
        }
        if (i === 0) baseline = result;
        else runs.push(result);
        callbacks.onResult?.(i, result);
      } finally {
        run.dispose();
        projection?.dispose();
      }
    }
  } catch (e) {
    if (!isAbortError(e)) throw e;
    cancelled = true;
  } finally {
    theta0.dispose();
  }
  const dInt90 = baseline ? intrinsicDimension(runs, baseline, 0.9) : null;
  return { numParams: D, baseline, runs, dInt90, compression: compressionRatio(D, dInt90), cancelled };
}
