/** Timing of subspace steps against ordinary steps of the same task (for `npm run bench`). */
import * as tf from '@tensorflow/tfjs-core';
import { OrdinaryRun } from './ordinaryRun';
import { createProjection, identityProjection, planProjection } from './projection';
import type { TrainableRun } from './runLoop';
import { SubspaceRun } from './subspaceRun';
import type { OptimizerConfig, ProjectionChoice, ProjectionInfo, SubspaceTask } from './types';

/** One timed configuration: the projection and seconds per training step (mean over the timed steps). */
export interface StepTiming {
  projection: ProjectionInfo;
  secondsPerStep: number;
  /** secondsPerStep / the ordinary step's (1 for the baseline row). */
  ratio: number;
}

const BENCH_OPTIMIZER: OptimizerConfig = { kind: 'sgd', learningRate: 0.01, momentum: 0.9, schedule: 'constant' };

/** Minimum over `blocks` timed blocks of `steps` steps (after `warmup` untimed steps) of seconds per step. */
async function timeSteps<B>(task: SubspaceTask<B>, theta0: tf.Tensor1D, info: ProjectionInfo, steps: number, warmup: number, blocks: number, seed: number): Promise<number> {
  const projection = info.kind === 'identity' ? null : createProjection(info, seed);
  const run: TrainableRun = projection ? new SubspaceRun(task, theta0, projection, BENCH_OPTIMIZER) : new OrdinaryRun(task, theta0, BENCH_OPTIMIZER);
  try {
    if (warmup > 0) await run.train(warmup, { progressEvery: warmup, yieldMs: Infinity });
    const perStep: number[] = [];
    for (let b = 0; b < blocks; b++) perStep.push((await run.train(steps, { progressEvery: steps, yieldMs: Infinity })).seconds / steps);
    return Math.min(...perStep);
  } finally {
    run.dispose();
    projection?.dispose();
  }
}

/**
 * Seconds per step of ordinary training (the first row: the sweep's baseline, OrdinaryRun) and of subspace training for every
 * (d, kind) pair that fits MAX_PROJECTION_BYTES (others are skipped): each the best (minimum,
 * as Python's timeit advises: slower blocks are other processes interfering) over `blocks` blocks
 * of `steps` steps after `warmup` untimed steps; the loss is read back once per block, so the
 * time covers the whole queue of work.
 */
export async function benchSubspaceSteps<B>(
  task: SubspaceTask<B>,
  dims: readonly number[],
  kinds: readonly Exclude<ProjectionChoice, 'auto'>[],
  steps = 10,
  warmup = 2,
  blocks = 3,
  seed = 1,
): Promise<StepTiming[]> {
  const D = task.model.numParams;
  const theta0 = tf.tensor1d(task.model.initialParams());
  try {
    const base = await timeSteps(task, theta0, identityProjection(D).info, steps, warmup, blocks, seed);
    const rows: StepTiming[] = [{ projection: identityProjection(D).info, secondsPerStep: base, ratio: 1 }];
    for (const d of dims) {
      for (const kind of kinds) {
        let info: ProjectionInfo;
        try {
          info = planProjection(D, d, kind, { denseBudgetBytes: Infinity });
        } catch (e) {
          if (e instanceof RangeError) continue;
          throw e;
        }
        const s = await timeSteps(task, theta0, info, steps, warmup, blocks, seed);
        rows.push({ projection: info, secondsPerStep: s, ratio: s / base });
      }
    }
    return rows;
  } finally {
    theta0.dispose();
  }
}
