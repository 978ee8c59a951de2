import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { buildDataset } from '../datasets/build';
import { sampleRows } from '../geometry/sample';
import { knn } from '../geometry/knn';
import { twoNN } from '../geometry/dimension';
import { defaultDims } from '../landscape';
import { DEFAULT_DATA, DEFAULT_MODEL } from '../training/presets';
import { planSetup, sampleTwoNN, sourceShape } from '../landscape/setup';
import { createLandscapeService } from './landscapeService';
import type { LandscapeReply, LandscapeSetup } from './landscapeProtocol';
import type { BackendChoice } from './analysisProtocol';

const wasmChoice: BackendChoice = { backend: 'wasm', preference: 'wasm', reason: 'test', probes: [] };
const PUBLIC = new URL('../../public/', import.meta.url);

/** Blobs 16-d, 4 classes, an MLP 16-32-4 (D = 676): the core's own sweep test task, short budget. */
const small: LandscapeSetup = {
  data: { ...DEFAULT_DATA, source: { kind: 'blobs', n: 600, dim: 16, classes: 4, separation: 3, noise: 1 }, testFraction: 0.3 },
  model: { ...DEFAULT_MODEL, depth: 1, featureWidth: 32 },
  loss: 'ce',
  labelSmoothing: 0,
  dims: [2, 8, 128],
  steps: 150,
  batchSize: 32,
  optimizer: { kind: 'adam', learningRate: 0.05, momentum: 0, schedule: 'constant' },
  baselineOptimizer: { kind: 'adam', learningRate: 0.01, momentum: 0, schedule: 'constant' },
  projection: 'auto',
  seed: 2,
  idSample: 300,
};

function harness(onReply?: (r: LandscapeReply, service: ReturnType<typeof createLandscapeService>) => void) {
  const replies: LandscapeReply[] = [];
  const reads: string[] = [];
  const service = createLandscapeService({
    post: (r) => {
      replies.push(r);
      onReply?.(r, service);
    },
    selectBackend: async () => wasmChoice,
    read: async (path, base) => {
      reads.push(`${base}${path}`);
      return new Uint8Array(await readFile(new URL(path, PUBLIC)));
    },
  });
  return { service, replies, reads };
}

const ofType = <T extends LandscapeReply['type']>(replies: LandscapeReply[], type: T) => replies.filter((r): r is Extract<LandscapeReply, { type: T }> => r.type === type);

describe('planSetup', () => {
  it('counts D = sum (fanIn + 1) fanOut and plans each run; Fashion-MNIST 784-200-200-10 has D = 199,210', () => {
    const plan = planSetup(small);
    expect(plan.widths).toEqual([16, 32, 4]);
    expect(plan.numParams).toBe(17 * 32 + 33 * 4);
    expect(plan.plans.map((p) => [p.kind, p.d, p.memoryBytes])).toEqual([['identity', 676, 0], ['dense', 2, 4 * 676 * 2], ['dense', 8, 4 * 676 * 8], ['dense', 128, 4 * 676 * 128]]);
    const li: LandscapeSetup = { ...small, data: { ...small.data, source: { kind: 'fashion-mnist', limit: 10000 } }, model: { ...DEFAULT_MODEL, depth: 2, width: 200, featureWidth: 200 }, dims: 'default' };
    const fm = planSetup(li);
    expect(fm.widths).toEqual([784, 200, 200, 10]);
    expect(fm.numParams).toBe(199210);
    expect(fm.dims).toEqual(defaultDims(199210));
    const s = Math.ceil(Math.sqrt(199210));
    for (const p of fm.plans.slice(1)) expect(p.memoryBytes).toBe(p.kind === 'dense' ? 4 * 199210 * p.d : 8 * p.d * s);
    expect(fm.plans.at(-1)!.kind).toBe('sparse');
    expect(Math.max(...fm.plans.map((p) => p.memoryBytes))).toBeLessThanOrEqual(256 * 2 ** 20);
    expect(sourceShape({ kind: 'digits' })).toEqual({ dim: 64, classes: 10 });
  });

  it('answers a plan request, and an error reply naming the problem for an impossible setup', () => {
    const h = harness();
    h.service.handle({ type: 'plan', id: 1, setup: small });
    h.service.handle({ type: 'plan', id: 2, setup: { ...small, dims: [1000] } });
    h.service.handle({ type: 'plan', id: 3, setup: { ...small, model: { ...small.model, head: { kind: 'gcr', k: 40, gamma: 25, subspaceLearningRate: 0.05 } } } });
    const big = { ...small, data: { ...small.data, source: { kind: 'fashion-mnist', limit: 100 } as const }, model: { ...DEFAULT_MODEL, depth: 2, width: 200, featureWidth: 200 } };
    h.service.handle({ type: 'plan', id: 4, setup: { ...big, dims: [1000], projection: 'dense' } });
    expect(h.replies[0]).toMatchObject({ type: 'plan', id: 1, plan: { numParams: 676, dims: [2, 8, 128] } });
    expect(h.replies.slice(1).map((r) => [r.type, r.id, r.type === 'error' ? r.kind : ''])).toEqual([['error', 2, 'input'], ['error', 3, 'input'], ['error', 4, 'input']]);
    const errors = ofType(h.replies, 'error');
    expect(errors[0].problem).toMatch(/\[1, 676\]/);
    expect(errors[1].problem).toMatch(/head\.k must be an integer in \[1, featureWidth = 32\]/);
    expect(errors[2].problem).toMatch(/256 MiB/);
  });
});

describe('planSetup for every Train-mode model', () => {
  it('counts D as theta holds it: BN gamma/beta in, running statistics out; the ETF head adds nothing; GCR adds K F k', () => {
    const base = planSetup(small).numParams;
    const bn = { ...small.model, batchNorm: true };
    expect(planSetup({ ...small, model: bn }).numParams).toBe(base + 2 * 32);
    expect(planSetup({ ...small, model: { ...bn, head: { kind: 'etf' } } }).numParams).toBe(base + 2 * 32 - 33 * 4);
    const gcr = { ...bn, head: { kind: 'gcr', k: 4, gamma: 25, subspaceLearningRate: 0.05 } } as const;
    expect(planSetup({ ...small, model: gcr }).numParams).toBe(16 * 32 + 32 + 2 * 32 + 4 * 32 * 4);
  });
});

describe('sweep requests', () => {
  // gamma = 2: MSE targets are in [0, 1] and GCR logits in [0, gamma], so a large gamma makes MSE a poor objective.
  it('runs a model with batch norm and a GCR head under MSE with label smoothing, with feature TwoNN from eval-mode features', async () => {
    const h = harness();
    const model = { ...small.model, batchNorm: true, head: { kind: 'gcr', k: 4, gamma: 2, subspaceLearningRate: 0.1 } } as const;
    h.service.handle({ type: 'sweep', id: 1, setup: { ...small, model, loss: 'mse', labelSmoothing: 0.1, dims: [1, 64], steps: 120 }, backend: 'wasm', baseUrl: '' });
    await h.service.idle();
    const done = ofType(h.replies, 'done')[0].result;
    expect(done.numParams).toBe(16 * 32 + 32 + 2 * 32 + 4 * 32 * 4);
    expect(done.baseline!.evaluation.accuracy!).toBeGreaterThan(0.8);
    expect(done.runs[1].evaluation.accuracy!).toBeGreaterThan(done.runs[0].evaluation.accuracy!);
    for (const r of ofType(h.replies, 'runResult')) expect(r.featureTwoNN).not.toBeNull();
  });

  it('streams the backend, data, input TwoNN, each run with progress and feature TwoNN, then the SweepResult', async () => {
    const before = tf.memory().numTensors;
    const h = harness();
    h.service.handle({ type: 'sweep', id: 7, setup: small, backend: 'wasm', baseUrl: 'http://x/' });
    await h.service.idle();
    expect(tf.memory().numTensors).toBe(before);
    const types = h.replies.map((r) => r.type);
    expect(types.indexOf('backend')).toBeLessThan(types.indexOf('dataset'));
    expect(types.indexOf('inputId')).toBeLessThan(types.indexOf('runStart'));
    expect(types.at(-1)).toBe('done');
    expect(h.replies.every((r) => r.id === 7)).toBe(true);
    expect(ofType(h.replies, 'runStart').map((r) => [r.run, r.d, r.projection.kind])).toEqual([[0, null, 'identity'], [1, 2, 'dense'], [2, 8, 'dense'], [3, 128, 'dense']]);
    const progress = ofType(h.replies, 'runProgress').filter((r) => r.progress.run === 1).map((r) => r.progress.step);
    expect(progress).toEqual([3, 6, 9].concat(Array.from({ length: 47 }, (_, i) => 12 + 3 * i)));

    const dataset = await buildDataset(small.data);
    const rows = sampleRows(dataset.yTrain.length, 300, small.seed);
    const X = new Float32Array(rows.length * 16);
    rows.forEach((r, i) => X.set(dataset.xTrain.subarray(r * 16, r * 16 + 16), i * 16));
    const input = ofType(h.replies, 'inputId')[0];
    expect(input).toMatchObject({ sampleRows: 300, dim: 16 });
    expect(input.twoNN).toBeCloseTo(twoNN(await knn(X, 300, 16, 2)), 12);
    expect(input.twoNN!).toBeGreaterThan(8);

    const results = ofType(h.replies, 'runResult');
    expect(results.map((r) => r.run)).toEqual([0, 1, 2, 3]);
    for (const r of results) {
      expect(r.featureTwoNN).not.toBeNull();
      expect(r.featureTwoNN!).toBeGreaterThan(0.5);
      expect(r.featureTwoNN!).toBeLessThan(40);
    }
    const done = ofType(h.replies, 'done')[0].result;
    expect(done.cancelled).toBe(false);
    expect(done.numParams).toBe(676);
    expect(done.runs.map((r) => r.d)).toEqual([2, 8, 128]);
    expect(done.baseline!.evaluation.accuracy!).toBeGreaterThan(0.8);
    expect(done.runs[0].evaluation.accuracy!).toBeLessThan(0.9 * done.baseline!.evaluation.accuracy!);
    expect(done.runs[2].evaluation.accuracy!).toBeGreaterThanOrEqual(0.9 * done.baseline!.evaluation.accuracy!);
    expect(done.dInt90!).toBeGreaterThan(2);
    expect(done.dInt90!).toBeLessThanOrEqual(128);
    expect(results.map((r) => r.result)).toEqual([done.baseline, ...done.runs]);
  });

  it('cancel mid-sweep finishes with the completed runs; cancel before training replies cancelled', async () => {
    const before = tf.memory().numTensors;
    const h = harness((r, service) => {
      if (r.type === 'runProgress' && r.progress.run === 2 && r.progress.step === 30) service.handle({ type: 'cancel', id: 1 });
    });
    h.service.handle({ type: 'sweep', id: 1, setup: small, backend: 'wasm', baseUrl: 'http://x/' });
    await h.service.idle();
    const done = ofType(h.replies, 'done')[0].result;
    expect(done.cancelled).toBe(true);
    expect(done.baseline).not.toBeNull();
    expect(done.runs.map((r) => r.d)).toEqual([2]);
    expect(ofType(h.replies, 'runResult').map((r) => r.run)).toEqual([0, 1]);

    h.service.handle({ type: 'sweep', id: 2, setup: small, backend: 'wasm', baseUrl: 'http://x/' });
    h.service.handle({ type: 'sweep', id: 3, setup: { ...small, dims: [4], steps: 20 }, backend: 'wasm', baseUrl: 'http://x/' });
    await h.service.idle();
    expect(h.replies.filter((r) => r.id === 2).map((r) => r.type)).toEqual(['cancelled']);
    expect(ofType(h.replies, 'done').at(-1)).toMatchObject({ id: 3, result: { cancelled: false, runs: [{ d: 4 }] } });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads shipped data relative to the base URL, caches it across sweeps, and reports setup errors as input errors', async () => {
    const h = harness();
    const digits: LandscapeSetup = { ...small, data: { ...small.data, source: { kind: 'digits' } }, dims: [16], steps: 10, idSample: 200 };
    h.service.handle({ type: 'sweep', id: 1, setup: digits, backend: 'wasm', baseUrl: 'http://host/app/' });
    await h.service.idle();
    h.service.handle({ type: 'sweep', id: 2, setup: { ...digits, seed: 5 }, backend: 'wasm', baseUrl: 'http://host/app/' });
    await h.service.idle();
    expect(h.reads.sort()).toEqual(['http://host/app/data/digits-labels.txt', 'http://host/app/data/digits.npy']);
    expect(ofType(h.replies, 'dataset').map((r) => [r.trainRows + r.testRows, r.plan.widths[0]])).toEqual([[1797, 64], [1797, 64]]);
    expect(ofType(h.replies, 'done')).toHaveLength(2);

    h.service.handle({ type: 'sweep', id: 3, setup: { ...small, loss: 'mse', labelSmoothing: 1 }, backend: 'wasm', baseUrl: '' });
    await h.service.idle();
    h.service.handle({ type: 'sweep', id: 4, setup: { ...small, steps: 0 }, backend: 'wasm', baseUrl: '' });
    await h.service.idle();
    const errors = ofType(h.replies, 'error');
    expect(errors.map((e) => [e.id, e.kind])).toEqual([[3, 'input'], [4, 'input']]);
    expect(errors[0].problem).toMatch(/^Label smoothing must be in \[0, 1\)/);
    expect(errors[1].problem).toMatch(/^Steps must be a positive integer/);
  });

  it('sampleTwoNN: null below 3 rows or with non-finite values; about 2 on a noisy plane', async () => {
    expect(await sampleTwoNN(new Float32Array(4), 2, 2)).toBeNull();
    expect(await sampleTwoNN(Float32Array.from([0, 1, 2, NaN, 4, 5, 6, 7, 8]), 3, 3)).toBeNull();
    const m = 800;
    const X = new Float32Array(m * 5);
    for (let i = 0; i < m; i++) {
      X[i * 5] = Math.sin(i * 12.9898) * 43758.5453 % 1;
      X[i * 5 + 1] = Math.sin(i * 78.233) * 12345.678 % 1;
    }
    const id = await sampleTwoNN(X, m, 5);
    expect(id!).toBeGreaterThan(1.7);
    expect(id!).toBeLessThan(2.3);
  });
});
