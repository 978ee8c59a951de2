import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Embeddings } from '../geometry/types';
import { analyze } from '../geometry/analyze';
import { pca, projectPca } from '../geometry/pca';
import { createRng } from '../geometry/random';
import { InputError } from '../io/errors';
import { classCounts, createAnalysisService, finiteRows, gatherRows, type AnalysisServiceDeps } from './analysisService';
import type { BackendChoice, DatasetSource, WorkerReply } from './protocol';

const source: DatasetSource = { kind: 'url', name: 'blobs', vectorsUrl: 'http://x/blobs.npy' };
const cpuChoice: BackendChoice = { backend: 'cpu', preference: 'cpu', reason: 'test', probes: [] };

/** K Gaussian blobs in D dimensions, seeded; row 3 is made non-finite when `withNaN`. */
function blobs(n: number, d: number, K: number, withNaN = false): Embeddings {
  const rng = createRng(7);
  const centres = Array.from({ length: K }, () => Array.from({ length: d }, () => 4 * rng.normal()));
  const vectors = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % K;
    for (let j = 0; j < d; j++) vectors[i * d + j] = centres[i % K][j] + rng.normal();
  }
  if (withNaN) vectors[3 * d + 1] = NaN;
  return { n, dim: d, vectors, labels, classNames: Array.from({ length: K }, (_, k) => `c${k}`) };
}

function harness(emb: Embeddings | (() => Promise<Embeddings>), onReply?: (r: WorkerReply) => void) {
  const replies: WorkerReply[] = [];
  const transfers: Transferable[][] = [];
  const deps: AnalysisServiceDeps = {
    post: (r, t) => {
      replies.push(r);
      transfers.push(t);
      onReply?.(r);
    },
    selectBackend: async () => cpuChoice,
    loadDataset: async () => (typeof emb === 'function' ? emb() : emb),
  };
  return { service: createAnalysisService(deps), replies, transfers };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('row helpers', () => {
  it('finds finite rows, gathers them, counts classes', () => {
    const X = new Float32Array([1, 2, NaN, 0, 3, 4, 5, Infinity, 6, 7]);
    expect([...finiteRows(X, 5, 2)]).toEqual([0, 2, 4]);
    expect([...gatherRows(X, 2, new Int32Array([4, 0]))]).toEqual([6, 7, 1, 2]);
    expect(classCounts(new Int32Array([0, 2, 2, 1, 2]), 4)).toEqual([1, 1, 3, 0]);
  });
});

describe('analysis service', () => {
  it('answers with progress, the backend, then the report and the 3D projection (transferred)', async () => {
    const emb = blobs(240, 12, 4, true);
    const h = harness(emb);
    h.service.handle({ type: 'analyze', id: 7, source, backend: 'cpu' });
    await h.service.idle();
    const types = h.replies.map((r) => r.type);
    expect(types[0]).toBe('progress');
    expect(types).toContain('backend');
    expect(types.at(-1)).toBe('result');
    expect(h.replies.every((r) => r.id === 7)).toBe(true);
    const fractions = h.replies.flatMap((r) => (r.type === 'progress' ? [r.fraction] : []));
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);

    const res = h.replies.at(-1)!;
    if (res.type !== 'result') throw new Error('no result');
    expect(res.report).toEqual(await analyze(emb));
    expect(res.report.skipped.nonFinite).toBe(1);
    expect(res.rowIndex.length).toBe(239);
    expect(res.rowIndex[3]).toBe(4);
    expect(res.coords.length).toBe(239 * 3);
    expect(res.labels?.[3]).toBe(emb.labels![4]);
    expect(res.classNames).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(res.classCounts).toEqual([60, 60, 60, 59]);

    const kept = gatherRows(emb.vectors, 12, res.rowIndex);
    const expected = projectPca(kept, 239, 12, await pca(kept, 239, 12, { components: 3 }), 3);
    expect(res.coords).toEqual(expected);
    expect(h.transfers.at(-1)).toEqual([res.coords.buffer, res.rowIndex.buffer, res.labels!.buffer]);
    expect(tf.memory().numTensors).toBe(0);
  });

  it('pads the projection with zeros when D < 3', async () => {
    const h = harness(blobs(60, 2, 3));
    h.service.handle({ type: 'analyze', id: 1, source, backend: 'cpu' });
    await h.service.idle();
    const res = h.replies.at(-1)!;
    if (res.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(res)}`);
    expect(res.coords.length).toBe(180);
    for (let i = 0; i < 60; i++) expect(res.coords[3 * i + 2]).toBe(0);
  });

  it('cancels on request, and a newer analyze cancels the older one', async () => {
    const h = harness(blobs(200, 8, 3));
    h.service.handle({ type: 'analyze', id: 1, source, backend: 'cpu' });
    h.service.handle({ type: 'analyze', id: 2, source, backend: 'cpu' });
    h.service.handle({ type: 'analyze', id: 3, source, backend: 'cpu' });
    h.service.handle({ type: 'cancel', id: 3 });
    await h.service.idle();
    const final = h.replies.filter((r) => r.type !== 'progress' && r.type !== 'backend');
    expect(final.map((r) => [r.id, r.type])).toEqual([
      [1, 'cancelled'],
      [2, 'cancelled'],
      [3, 'cancelled'],
    ]);
    expect(tf.memory().numTensors).toBe(0);
  });

  it('stops a running analysis between blocks when cancelled mid-way', async () => {
    let cancelled = false;
    const h = harness(blobs(1500, 16, 5), (r) => {
      if (!cancelled && r.type === 'progress' && r.fraction > 0.1) {
        cancelled = true;
        h.service.handle({ type: 'cancel', id: 9 });
      }
    });
    h.service.handle({ type: 'analyze', id: 9, source, backend: 'cpu' });
    await h.service.idle();
    expect(cancelled).toBe(true);
    expect(h.replies.at(-1)).toEqual({ type: 'cancelled', id: 9 });
    expect(h.replies.some((r) => r.type === 'result')).toBe(false);
    expect(tf.memory().numTensors).toBe(0);
  });

  it('replies with an input error carrying problem and fix, and an internal error otherwise', async () => {
    const bad = harness(async () => {
      throw new InputError('digits.npy is truncated.', 'Re-save it.');
    });
    bad.service.handle({ type: 'analyze', id: 4, source, backend: 'cpu' });
    await bad.service.idle();
    expect(bad.replies.at(-1)).toEqual({ type: 'error', id: 4, kind: 'input', problem: 'digits.npy is truncated.', fix: 'Re-save it.' });

    const broken = harness(async () => {
      throw new Error('Kernel X not registered');
    });
    broken.service.handle({ type: 'analyze', id: 5, source, backend: 'cpu' });
    await broken.service.idle();
    expect(broken.replies.at(-1)).toMatchObject({ type: 'error', id: 5, kind: 'internal', problem: 'Kernel X not registered' });
  });

  it('passes analyze()s InputError for a single labelled class through', async () => {
    const one = blobs(30, 4, 1);
    const h = harness(one);
    h.service.handle({ type: 'analyze', id: 6, source, backend: 'cpu' });
    await h.service.idle();
    expect(h.replies.at(-1)).toMatchObject({ type: 'error', id: 6, kind: 'input' });
  });
});
