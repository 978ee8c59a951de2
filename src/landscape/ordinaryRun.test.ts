import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { gaussianBlobs } from '../datasets/blobs';
import { splitDataset } from '../datasets/split';
import type { LabelledPoints } from '../datasets/types';
import { orthonormalityError } from '../training/grassmann';
import { classificationTask } from './classification';
import { OrdinaryRun } from './ordinaryRun';

const blobs = gaussianBlobs({ n: 400, dim: 16, classes: 4, separation: 3, noise: 1, seed: 3 }) as LabelledPoints;
const dataset = splitDataset(blobs, { testFraction: 0.25, imbalanceRatio: 1, minorityClasses: 0, labelNoise: 0, seed: 1 });

describe('OrdinaryRun (the baseline)', () => {
  it("trains all D parameters and keeps a GCR head's bases orthonormal by Riemannian SGD (Train mode's rule)", async () => {
    const before = tf.memory().numTensors;
    const head = { kind: 'gcr', k: 3, gamma: 10, subspaceLearningRate: 0.1 } as const;
    const task = classificationTask(dataset, { widths: [16, 24, 8, 4], activation: 'relu', batchNorm: true, head }, { batchSize: 32, seed: 2 });
    const D = task.model.numParams;
    expect(task.model.manifold).toEqual({ offset: D - 4 * 8 * 3, shape: [4, 8, 3], learningRate: 0.1 });
    const init = task.model.initialParams();
    const theta0 = tf.tensor1d(init);
    const run = new OrdinaryRun(task, theta0, { kind: 'sgd', learningRate: 0.05, momentum: 0.9, schedule: 'cosine' });
    expect(run.trainableVariables.reduce((s, v) => s + v.size, 0)).toBe(D);
    const start = await run.evaluate();
    await run.train(150);
    const end = await run.evaluate();
    expect(end.loss).toBeLessThan(start.loss);
    expect(end.accuracy!).toBeGreaterThan(0.85);
    const S = await run.bases!.data();
    expect(orthonormalityError(S, 4, 8, 3)).toBeLessThan(1e-4);
    const initialBases = init.subarray(D - 96);
    expect(S.some((v, i) => Math.abs(v - initialBases[i]) > 1e-3)).toBe(true);
    const theta = run.params();
    expect(theta.size).toBe(D);
    expect(Array.from((await theta.data()).subarray(D - 96))).toEqual(Array.from(S));
    expect(Array.from(await theta0.data())).toEqual(Array.from(init));
    theta.dispose();
    run.dispose();
    theta0.dispose();
    task.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
