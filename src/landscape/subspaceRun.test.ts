import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { gaussianBlobs } from '../datasets/blobs';
import { splitDataset } from '../datasets/split';
import type { LabelledPoints } from '../datasets/types';
import { classificationTask } from './classification';
import type { FlatMlpConfig } from './flatLayout';
import { BatchNormState } from './flatMlp';
import { createOptimizer, learningRateAt } from './optimizer';
import { createProjection, planProjection } from './projection';
import { SubspaceRun } from './subspaceRun';
import type { OptimizerConfig } from './types';

const blobs = gaussianBlobs({ n: 400, dim: 16, classes: 4, separation: 3, noise: 1, seed: 3 }) as LabelledPoints;
const dataset = splitDataset(blobs, { testFraction: 0.25, imbalanceRatio: 1, minorityClasses: 0, labelNoise: 0, seed: 1 });
const ADAM: OptimizerConfig = { kind: 'adam', learningRate: 0.05, momentum: 0, schedule: 'constant' };

function trainableVariables(): tf.Variable[] {
  return Object.values(tf.engine().state.registeredVariables).filter((v) => v.trainable);
}

function bits(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

const GCR = { kind: 'gcr', k: 3, gamma: 10, subspaceLearningRate: 0.05 } as const;
const MODELS: { name: string; cfg: FlatMlpConfig; kind: 'dense' | 'sparse' }[] = [
  { name: 'linear head', cfg: { widths: [16, 24, 4], activation: 'relu' }, kind: 'dense' },
  { name: 'linear head', cfg: { widths: [16, 24, 4], activation: 'relu' }, kind: 'sparse' },
  { name: 'batch norm, linear head', cfg: { widths: [16, 24, 4], activation: 'relu', batchNorm: true }, kind: 'dense' },
  { name: 'fixed ETF head, MSE loss', cfg: { widths: [16, 24, 8, 4], activation: 'tanh', head: { kind: 'etf' }, loss: 'mse' }, kind: 'sparse' },
  { name: 'batch norm, GCR head, label smoothing', cfg: { widths: [16, 24, 8, 4], activation: 'gelu', batchNorm: true, head: GCR, labelSmoothing: 0.1 }, kind: 'dense' },
];

describe('SubspaceRun', () => {
  for (const { name, cfg, kind } of MODELS) {
    it(`${kind}, ${name}: trains only theta_d (d trainable numbers), leaves theta0 bit-identical, lowers the loss, leaks nothing`, async () => {
      const tensorsBefore = tf.memory().numTensors;
      const task = classificationTask(dataset, cfg, { batchSize: 32, seed: 2 });
      const D = task.model.numParams;
      const d = 12;
      const varsBefore = new Set(trainableVariables());
      const init = task.model.initialParams();
      const theta0 = tf.tensor1d(init);
      const projection = createProjection(planProjection(D, d, kind), 5);
      const run = new SubspaceRun(task, theta0, projection, ADAM);
      const added = trainableVariables().filter((v) => !varsBefore.has(v));
      expect(added).toEqual([run.thetaD]);
      expect(run.trainableVariables).toEqual([run.thetaD]);
      expect(added.reduce((s, v) => s + v.size, 0)).toBe(d);
      expect(run.state === null).toBe(!cfg.batchNorm);
      expect(Array.from(await run.thetaD.data())).toEqual(new Array(d).fill(0));
      const start = await run.evaluate();
      const steps: number[] = [];
      const summary = await run.train(150, { onProgress: (step) => steps.push(step), progressEvery: 50 });
      expect(steps).toEqual([50, 100, 150]);
      expect(summary.steps).toBe(150);
      expect(summary.seconds).toBeGreaterThan(0);
      const end = await run.evaluate();
      expect(end.loss).toBeLessThan(start.loss);
      expect(end.accuracy!).toBeGreaterThan(start.accuracy!);
      expect(trainableVariables().filter((v) => !varsBefore.has(v))).toEqual([run.thetaD]);
      expect(bits((await theta0.data()) as Float32Array)).toEqual(bits(init));
      expect(bits(task.model.initialParams())).toEqual(bits(init));
      if (run.state instanceof BatchNormState) {
        // The running statistics moved (buffers, outside the subspace) and are not trainable.
        expect((await run.state.runningMean[0].data()).some((v) => v !== 0)).toBe(true);
        expect(run.state.runningVar.every((v) => !v.trainable)).toBe(true);
      }
      const theta = run.params();
      const moved = await theta.data();
      expect(moved.some((v, i) => v !== init[i])).toBe(true);
      theta.dispose();
      run.dispose();
      projection.dispose();
      theta0.dispose();
      task.dispose();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(trainableVariables().length).toBe(varsBefore.size);
    });
  }

  it('rejects an AbortSignal that fired, between steps', async () => {
    const task = classificationTask(dataset, { widths: [16, 8, 4], activation: 'tanh' }, { batchSize: 16, seed: 1 });
    const theta0 = tf.tensor1d(task.model.initialParams());
    const projection = createProjection(planProjection(task.model.numParams, 4, 'dense'), 1);
    const run = new SubspaceRun(task, theta0, projection, ADAM);
    const ac = new AbortController();
    const seen: number[] = [];
    const p = run.train(1000, { signal: ac.signal, progressEvery: 10, onProgress: (s) => (seen.push(s), s === 30 && ac.abort()) });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([10, 20, 30]);
    run.dispose();
    tf.dispose([theta0]);
    projection.dispose();
    task.dispose();
  });
});

describe('vector optimiser', () => {
  for (const [kind, schedule] of [['sgd', 'cosine'], ['adam', 'constant'], ['adam', 'cosine']] as const) {
    it(`${kind} (${schedule}) matches a float64 reference on a fixed gradient sequence`, async () => {
      const c: OptimizerConfig = { kind, learningRate: 0.1, momentum: 0.9, schedule };
      const T = 5;
      const grads = [[1, -2], [0.5, 0.25], [-1, 3], [2, 2], [0.1, -0.1]];
      const x = tf.variable(tf.tensor1d([1, 1]), false);
      const opt = createOptimizer(c, 2);
      const ref = [1, 1];
      const [m, u, v] = [[0, 0], [0, 0], [0, 0]];
      for (let t = 0; t < T; t++) {
        tf.tidy(() => opt.update(x, tf.tensor1d(grads[t]), t, T));
        const lr = learningRateAt(c, t, T);
        for (let i = 0; i < 2; i++) {
          const g = grads[t][i];
          if (kind === 'sgd') {
            v[i] = 0.9 * v[i] + g;
            ref[i] -= lr * v[i];
          } else {
            m[i] = 0.9 * m[i] + 0.1 * g;
            u[i] = 0.999 * u[i] + 0.001 * g * g;
            ref[i] -= (lr * (m[i] / (1 - 0.9 ** (t + 1)))) / (Math.sqrt(u[i] / (1 - 0.999 ** (t + 1))) + 1e-8);
          }
        }
      }
      const got = await x.data();
      for (let i = 0; i < 2; i++) expect(got[i]).toBeCloseTo(ref[i], 5);
      expect(learningRateAt(c, T, T)).toBe(schedule === 'cosine' ? 0 : 0.1);
      x.dispose();
      opt.dispose();
    });
  }

  it('validates its settings', () => {
    expect(() => createOptimizer({ kind: 'sgd', learningRate: 0, momentum: 0, schedule: 'constant' }, 2)).toThrow(RangeError);
    expect(() => createOptimizer({ kind: 'sgd', learningRate: 0.1, momentum: 1, schedule: 'constant' }, 2)).toThrow(RangeError);
  });
});
