import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { benchSubspaceSteps } from './bench';
import { leastSquaresProblem, leastSquaresTask } from './leastSquares';

describe('benchSubspaceSteps', () => {
  it('times the ordinary step first, then each (d, kind) within the memory cap, skipping the rest', async () => {
    const before = tf.memory().numTensors;
    const task = leastSquaresTask(leastSquaresProblem({ D: 70_000, rank: 2, active: 50, seed: 1 }));
    const rows = await benchSubspaceSteps(task, [4, 1000], ['dense', 'sparse'], 2, 1, 1);
    task.dispose();
    expect(rows.map((r) => [r.projection.kind, r.projection.d])).toEqual([['identity', 70_000], ['dense', 4], ['sparse', 4], ['sparse', 1000]]);
    expect(rows[0].ratio).toBe(1);
    for (const r of rows) {
      expect(r.secondsPerStep).toBeGreaterThan(0);
      expect(r.ratio).toBeCloseTo(r.secondsPerStep / rows[0].secondsPerStep, 12);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
