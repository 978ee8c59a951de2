import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Embeddings } from '../geometry/types';
import { analyze } from '../geometry/analyze';
import { classDimensions } from '../geometry/classGeometry';
import { nearestTo } from '../geometry/neighbours';
import { pca, projectPca } from '../geometry/pca';
import { createRng } from '../geometry/random';
import { selectRows } from '../geometry/rows';
import { InputError } from '../io/errors';
import { cachedLoader, createAnalysisService, sourceKey, type AnalysisServiceDeps } from './analysisService';
import type { BackendChoice, DatasetSource, ResultReply, WorkerReply } from './analysisProtocol';

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
  const meta = { columns: ['id'], values: [Array.from({ length: n }, (_, i) => `p${i}`)] };
  return { n, dim: d, vectors, labels, classNames: Array.from({ length: K }, (_, k) => `c${k}`), meta };
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
    load: async () => ({ emb: typeof emb === 'function' ? await emb() : emb, choices: null }),
  };
  return { service: createAnalysisService(deps), replies, transfers };
}

async function loaded(h: ReturnType<typeof harness>, id = 1): Promise<ResultReply> {
  h.service.handle({ type: 'analyze', id, source, backend: 'cpu' });
  await h.service.idle();
  const res = h.replies.at(-1)!;
  if (res.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(res)}`);
  return res;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('analysis service', () => {
  it('answers with progress, the backend, then the report, the PCA view, metadata and charts (transferred)', async () => {
    const emb = blobs(240, 12, 4, true);
    const original = emb.vectors.slice();
    const full = await analyze({ ...emb, vectors: emb.vectors.slice() });
    const h = harness(emb);
    const res = await loaded(h, 7);
    const types = h.replies.map((r) => r.type);
    expect(types[0]).toBe('progress');
    expect(types).toContain('backend');
    expect(h.replies.every((r) => r.id === 7)).toBe(true);
    const fractions = h.replies.flatMap((r) => (r.type === 'progress' ? [r.fraction] : []));
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);

    // The first view: analyze()'s report with the ID estimates still pending (null).
    const pending = { twoNN: null, mle: { k: full.intrinsicDimension.mle.k, harmonic: null, mean: null }, sample: null };
    expect(res.report).toEqual({ ...full, intrinsicDimension: pending });
    expect(res.charts.classes?.dimension).toBeNull();
    expect(res.report.skipped.nonFinite).toBe(1);
    expect(res.rowIndex.length).toBe(239);
    expect(res.rowIndex[3]).toBe(4);
    expect(res.labels?.[3]).toBe(emb.labels![4]);
    expect(res.meta?.values[0][3]).toBe('p4');
    expect(res.classNames).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(res.classCounts).toEqual([60, 60, 60, 59]);

    const kept = selectRows(original, 12, res.rowIndex);
    const expected = projectPca(kept, 239, 12, await pca(kept, 239, 12, { components: 3 }), 3);
    const v = res.view;
    expect(v.axes).toEqual(['PC1', 'PC2', 'PC3']);
    for (let t = 0; t < expected.length; t++) expect(Math.abs(v.coords[t] - expected[t])).toBeLessThan(1e-4);
    expect(v.means?.length).toBe(12);
    expect(v.etf?.length).toBe(12);
    expect(res.charts.eigenvalues.length).toBe(12);
    expect(res.charts.classes?.counts).toEqual([60, 60, 60, 59]);
    expect(res.charts.classes?.cosines?.length).toBe(16);
    expect(h.transfers.at(-1)).toContain(res.rowIndex.buffer);
    expect(h.transfers.at(-1)).toContain(v.coords.buffer);
    expect(tf.memory().numTensors).toBe(0);

    // The ID stage completes the report: together the stages equal analyze().
    h.service.handle({ type: 'intrinsicDimension', id: 8, dataset: res.datasetId });
    await h.service.idle();
    const id = h.replies.at(-1)!;
    if (id.type !== 'intrinsicDimension') throw new Error(JSON.stringify(id));
    expect({ ...res.report, intrinsicDimension: id.intrinsicDimension }).toEqual(full);
    const finiteLabels = Int32Array.from(res.rowIndex, (i) => emb.labels![i]);
    const dims = await classDimensions(kept, 239, 12, finiteLabels, 4, 20);
    expect(id.classDimension).toEqual({ twoNN: Array.from(dims.twoNN), mleHarmonic: Array.from(dims.mleHarmonic), k: Array.from(dims.k) });
    // The global TwoNN/MLE come first, in their own reply, before the per-class estimates start.
    const mine = h.replies.filter((r) => r.id === 8);
    const global = mine.findIndex((r) => r.type === 'intrinsicDimensionGlobal');
    const perClass = mine.findIndex((r) => r.type === 'progress' && r.stage === 'TwoNN/MLE per class');
    expect(global).toBeGreaterThanOrEqual(0);
    expect(perClass).toBeGreaterThan(global);
    const g = mine[global];
    if (g.type !== 'intrinsicDimensionGlobal') throw new Error(JSON.stringify(g));
    expect(g.intrinsicDimension).toEqual(full.intrinsicDimension);
    expect(g.threads).toBe(1);
    const idProgress = h.replies.filter((r) => r.id === 8 && r.type === 'progress');
    expect(idProgress.length).toBeGreaterThan(1);
    expect(tf.memory().numTensors).toBe(0);
  });

  it('serves views, neighbours, local ID and angles on the dataset it names', async () => {
    const emb = blobs(120, 6, 3);
    const h = harness(emb);
    const res = await loaded(h);
    const ds = res.datasetId;
    h.service.handle({ type: 'project', id: 2, dataset: ds, view: { kind: 'simplex' } });
    h.service.handle({ type: 'neighbours', id: 3, dataset: ds, point: 5, k: 20, metric: 'cosine' });
    h.service.handle({ type: 'localId', id: 4, dataset: ds, k: 10 });
    h.service.handle({ type: 'angles', id: 5, dataset: ds, k: 2 });
    h.service.handle({ type: 'project', id: 6, dataset: ds + 1, view: { kind: 'simplex' } });
    await h.service.idle();
    const by = (id: number) => h.replies.filter((r) => r.id === id && r.type !== 'progress').at(-1)!;
    const simplex = by(2);
    if (simplex.type !== 'projection') throw new Error(JSON.stringify(simplex));
    expect(simplex.result.axes).toEqual(['simplex 1', 'simplex 2', '']);
    const nn = by(3);
    if (nn.type !== 'neighbours') throw new Error(JSON.stringify(nn));
    expect(Array.from(nn.indices)).toEqual(Array.from(nearestTo(emb.vectors, 120, 6, 5, 20, 'cosine').indices));
    const local = by(4);
    if (local.type !== 'localId') throw new Error(JSON.stringify(local));
    expect(local.values.length).toBe(120);
    const angles = by(5);
    if (angles.type !== 'angles') throw new Error(JSON.stringify(angles));
    expect(angles.angles.k).toBe(2);
    expect(by(6)).toEqual({ type: 'cancelled', id: 6 });
  });

  it('keeps the previous dataset when a newer load fails', async () => {
    let bad = false;
    const good = blobs(90, 5, 3);
    const h = harness(async () => {
      if (bad) throw new InputError('x.csv line 4 has 3 values but line 1 has 5.', 'Fix it.');
      return good;
    });
    const first = await loaded(h);
    bad = true;
    h.service.handle({ type: 'analyze', id: 2, source: { ...source, vectorsUrl: 'http://x/other.csv' }, backend: 'cpu' });
    await h.service.idle();
    expect(h.replies.at(-1)).toMatchObject({ type: 'error', kind: 'input', problem: 'x.csv line 4 has 3 values but line 1 has 5.' });
    h.service.handle({ type: 'neighbours', id: 3, dataset: first.datasetId, point: 0, k: 3, metric: 'euclidean' });
    await h.service.idle();
    expect(h.replies.at(-1)).toMatchObject({ type: 'neighbours', id: 3 });
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
    const h = harness(blobs(30, 4, 1));
    h.service.handle({ type: 'analyze', id: 6, source, backend: 'cpu' });
    await h.service.idle();
    expect(h.replies.at(-1)).toMatchObject({ type: 'error', id: 6, kind: 'input' });
  });
});

describe('cachedLoader', () => {
  it('loads a source once, and again after a failure or a different choice', async () => {
    let calls = 0;
    let fail = true;
    const cache = cachedLoader(async () => {
      calls++;
      if (fail) throw new Error('offline');
      return { emb: { n: 3, dim: 1, vectors: new Float32Array(3) }, choices: null };
    });
    const signal = new AbortController().signal;
    await expect(cache(source, signal, () => {})).rejects.toThrow('offline');
    fail = false;
    const a = await cache(source, signal, () => {});
    expect(await cache(source, signal, () => {})).toBe(a);
    expect(calls).toBe(2);
    await cache({ ...source, choice: { labelColumn: 'y' } }, signal, () => {});
    expect(calls).toBe(3);
    expect(sourceKey(source)).not.toBe(sourceKey({ ...source, labelsUrl: 'http://x/l.txt' }));
  });

  it('an analysis that failed on a lost WebGPU device runs once more (on the fallback); otherwise the failure stands', async () => {
    const run = async (lost: string | null) => {
      const replies: WorkerReply[] = [];
      let loads = 0;
      const service = createAnalysisService({
        post: (r) => replies.push(r),
        selectBackend: async () => cpuChoice,
        load: async () => {
          if (loads++ === 0) throw new Error('mapAsync failed: the device was lost');
          return { emb: blobs(60, 4, 3), choices: null };
        },
        deviceLost: () => lost,
      });
      service.handle({ type: 'analyze', id: 1, source, backend: 'auto' });
      await service.idle();
      return { replies, loads };
    };
    const lost = await run('Device was destroyed.');
    expect(lost.loads).toBe(2);
    expect(lost.replies.filter((r) => r.type === 'backend')).toHaveLength(2);
    expect(lost.replies.at(-1)?.type).toBe('result');
    const healthy = await run(null);
    expect(healthy.loads).toBe(1);
    expect(healthy.replies.at(-1)).toMatchObject({ type: 'error', kind: 'internal', problem: 'mapAsync failed: the device was lost' });
  });
});
