import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { leastSquaresLoss, leastSquaresProblem, leastSquaresTask, subspaceOptimum } from './leastSquares';
import { denseColumns } from './projection';
import { runSweep } from './sweep';
import { intrinsicDimension } from './threshold';
import type { OptimizerConfig, ProjectionChoice } from './types';

/**
 * d_int100 tolerance: a run "reaches the optimum" when its score 1 - L/L(theta0) is within 1e-6 of
 * the baseline's, i.e. L <= L_baseline + 1e-6 L(theta0) (the baseline reaches L* = 0 to ~1e-14).
 */
const TOL = 1e-6;
const ADAM: OptimizerConfig = { kind: 'adam', learningRate: 1, momentum: 0, schedule: 'cosine' };

async function knownAnswer(r: number, D: number, dims: number[], projection: ProjectionChoice, steps: number) {
  const problem = leastSquaresProblem({ D, rank: r, active: Math.min(D, 2 * r + 10), seed: 7 });
  const task = leastSquaresTask(problem);
  try {
    const sweep = await runSweep(task, { dims, steps, optimizer: ADAM, projection, seed: 3 });
    return { problem, sweep };
  } finally {
    task.dispose();
  }
}

describe('least squares ||A theta - b||^2 with rank(A) = r (known answer)', () => {
  it('has rank r: the closed-form subspace optimum is exact iff d >= r', () => {
    const p = leastSquaresProblem({ D: 40, rank: 6, active: 20, seed: 1 });
    expect(p.initialLoss).toBeGreaterThan(1);
    expect(leastSquaresLoss(p, p.theta0)).toBe(p.initialLoss);
    for (const d of [3, 5, 6, 7, 12]) {
      const opt = subspaceOptimum(p, denseColumns(40, d, 2), d);
      if (d >= 6) expect(1 - opt.score).toBeLessThan(1e-12);
      else expect(1 - opt.score).toBeGreaterThan(1e-3);
    }
  });

  for (const [r, D, dims, steps] of [
    [5, 60, [2, 4, 5, 6, 10], 2000],
    [20, 100, [10, 15, 19, 20, 25], 2000],
  ] as const) {
    it(`r = ${r}: the sweep reports d_int100 = ${r} and d_int90 below it, matching the closed form`, async () => {
      const before = tf.memory().numTensors;
      const { problem, sweep } = await knownAnswer(r, D, [...dims], 'dense', steps);
      expect(tf.memory().numTensors).toBe(before);
      expect(sweep.cancelled).toBe(false);
      const baseline = sweep.baseline!;
      expect(1 - baseline.evaluation.score).toBeLessThan(1e-9);
      expect(sweep.runs.map((x) => x.d)).toEqual(dims);
      for (const run of sweep.runs) {
        const d = run.d!;
        expect(run.projection.kind).toBe('dense');
        const gap = 1 - run.evaluation.score;
        const closed = 1 - subspaceOptimum(problem, denseColumns(D, d, 3), d).score;
        if (d >= r) {
          expect(gap).toBeLessThan(TOL);
          expect(closed).toBeLessThan(1e-12);
        } else {
          expect(closed).toBeGreaterThan(1e-3);
          expect(Math.abs(gap - closed)).toBeLessThan(1e-3 * closed);
        }
      }
      const dInt100 = intrinsicDimension(sweep.runs, baseline, 1, TOL)!;
      expect(dInt100).toBeGreaterThan(r - 1);
      expect(dInt100).toBeCloseTo(r, 2);
      expect(sweep.dInt90).not.toBeNull();
      expect(sweep.dInt90!).toBeLessThan(r);
      expect(sweep.dInt90!).toBeGreaterThan(1);
      expect(sweep.compression).toBeCloseTo(D / sweep.dInt90!, 9);
    });
  }

  it('r = 5 with the sparse projection: the optimum is reached from d = r on', async () => {
    const { sweep } = await knownAnswer(5, 60, [4, 5], 'sparse', 2000);
    expect(sweep.runs.every((x) => x.projection.kind === 'sparse' && x.projection.nonzerosPerColumn === 8)).toBe(true);
    expect(1 - sweep.runs[0].evaluation.score).toBeGreaterThan(1e-3);
    expect(intrinsicDimension(sweep.runs, sweep.baseline!, 1, TOL)).toBeCloseTo(5, 2);
  });
});
