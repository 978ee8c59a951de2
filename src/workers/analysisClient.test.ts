import { describe, expect, it } from 'vitest';
import { AnalysisClient, AnalysisFailure, type WorkerLike } from './analysisClient';
import type { ResultReply, WorkerReply, WorkerRequest } from './analysisProtocol';

/** A worker double: records requests and lets the test deliver replies. */
class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  terminated = false;
  private onMessage: ((e: MessageEvent<WorkerReply>) => void)[] = [];
  private onError: ((e: ErrorEvent) => void)[] = [];
  postMessage(m: WorkerRequest) {
    this.sent.push(m);
  }
  addEventListener(type: 'message' | 'error', fn: ((e: MessageEvent<WorkerReply>) => void) | ((e: ErrorEvent) => void)) {
    if (type === 'message') this.onMessage.push(fn as (e: MessageEvent<WorkerReply>) => void);
    else this.onError.push(fn as (e: ErrorEvent) => void);
  }
  terminate() {
    this.terminated = true;
  }
  reply(r: WorkerReply) {
    for (const fn of this.onMessage) fn({ data: r } as MessageEvent<WorkerReply>);
  }
  fail(message: string) {
    for (const fn of this.onError) fn({ message } as ErrorEvent);
  }
}

const source = { kind: 'url' as const, name: 'digits', vectorsUrl: 'http://x/d.npy' };

function result(id: number): ResultReply {
  return {
    type: 'result',
    id,
    datasetId: 1,
    dataset: 'digits',
    report: {} as ResultReply['report'],
    backend: { backend: 'cpu', preference: 'cpu', reason: 'r', probes: [] },
    rowIndex: new Int32Array(1),
    labels: null,
    classNames: null,
    classCounts: null,
    meta: null,
    choices: null,
    charts: { eigenvalues: [1], pcaMethod: 'exact', classes: null },
    view: {
      view: { kind: 'pca', axes: [0, 1, 2] },
      coords: new Float32Array(3),
      offset: [0, 0, 0],
      scale: 1,
      axes: ['PC1', 'PC2', 'PC3'],
      sample: null,
      means: null,
      globalMean: null,
      etf: null,
      note: '',
    },
    analysisMs: 1,
  };
}

describe('AnalysisClient', () => {
  it('numbers requests and routes progress, backend and the result to the right request', async () => {
    const w = new FakeWorker();
    const c = new AnalysisClient(w);
    const progress: [number, string][] = [];
    const backends: string[] = [];
    const a = c.analyze({ source, backend: 'auto' }, { onProgress: (f, s) => progress.push([f, s]), onBackend: (b) => backends.push(b.backend) });
    const b = c.analyze({ source, backend: 'cpu' });
    expect(w.sent).toEqual([
      { type: 'analyze', id: a.id, source, backend: 'auto' },
      { type: 'analyze', id: b.id, source, backend: 'cpu' },
    ]);
    expect(b.id).toBe(a.id + 1);
    w.reply({ type: 'progress', id: a.id, fraction: 0.5, stage: 'knn' });
    w.reply({ type: 'progress', id: a.id, fraction: 0.6, stage: 'reading', bytes: { done: 6, total: 10 } });
    w.reply({ type: 'progress', id: b.id, fraction: 0.9, stage: 'other' });
    w.reply({ type: 'backend', id: a.id, choice: { backend: 'wasm', preference: 'auto', reason: '', probes: [] } });
    w.reply(result(a.id));
    await expect(a.result).resolves.toMatchObject({ id: a.id, dataset: 'digits' });
    expect(progress).toEqual([[0.5, 'knn'], [0.6, 'reading']]);
    expect(backends).toEqual(['wasm']);
    w.reply({ type: 'error', id: b.id, kind: 'input', problem: 'bad rows', fix: 'fix them' });
    const err = await b.result.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnalysisFailure);
    expect(err).toMatchObject({ kind: 'input', problem: 'bad rows', fix: 'fix them', message: 'bad rows fix them' });
  });

  it('routes the other request kinds to their replies', async () => {
    const w = new FakeWorker();
    const c = new AnalysisClient(w);
    const nn = c.neighbours({ dataset: 1, point: 4, k: 20, metric: 'cosine' });
    const view = c.project({ dataset: 1, view: { kind: 'simplex' } });
    expect(w.sent).toEqual([
      { type: 'neighbours', id: nn.id, dataset: 1, point: 4, k: 20, metric: 'cosine' },
      { type: 'project', id: view.id, dataset: 1, view: { kind: 'simplex' } },
    ]);
    w.reply({ type: 'neighbours', id: nn.id, point: 4, metric: 'cosine', indices: new Int32Array([2]), distances: new Float64Array([0.1]) });
    await expect(nn.result).resolves.toMatchObject({ type: 'neighbours', point: 4 });
    w.reply({ type: 'cancelled', id: view.id });
    await expect(view.result).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('sends cancel for a pending request only, and rejects it as cancelled on the reply', async () => {
    const w = new FakeWorker();
    const c = new AnalysisClient(w);
    const a = c.analyze({ source, backend: 'auto' });
    c.cancel(a.id);
    c.cancel(999);
    expect(w.sent.filter((m) => m.type === 'cancel')).toEqual([{ type: 'cancel', id: a.id }]);
    w.reply({ type: 'cancelled', id: a.id });
    await expect(a.result).rejects.toMatchObject({ kind: 'cancelled' });
    c.cancel(a.id);
    expect(w.sent.filter((m) => m.type === 'cancel')).toHaveLength(1);
  });

  it('rejects everything pending when the worker fails, and on dispose', async () => {
    const w = new FakeWorker();
    const c = new AnalysisClient(w);
    const a = c.analyze({ source, backend: 'auto' });
    w.fail('SyntaxError in worker');
    await expect(a.result).rejects.toMatchObject({ kind: 'internal', problem: 'SyntaxError in worker' });
    const b = c.analyze({ source, backend: 'auto' });
    c.dispose();
    expect(w.terminated).toBe(true);
    await expect(b.result).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('AnalysisClient intrinsicDimension', () => {
  it('sends the ID stage for a dataset, routes its progress, resolves with its reply and can be cancelled', async () => {
    const w = new FakeWorker();
    const client = new AnalysisClient(w);
    const seen: number[] = [];
    const t = client.intrinsicDimension({ dataset: 3 }, { onProgress: (f) => seen.push(f) });
    expect(w.sent.at(-1)).toEqual({ type: 'intrinsicDimension', id: t.id, dataset: 3 });
    w.reply({ type: 'progress', id: t.id, fraction: 0.5, stage: 'intrinsic dimension' });
    const reply = { type: 'intrinsicDimension' as const, id: t.id, dataset: 3, intrinsicDimension: { twoNN: 2, mle: { k: 20, harmonic: 2, mean: 2.1 }, sample: null }, classDimension: null, ms: 5 };
    w.reply(reply);
    await expect(t.result).resolves.toEqual(reply);
    expect(seen).toEqual([0.5]);
    const u = client.intrinsicDimension({ dataset: 3 });
    client.cancel(u.id);
    expect(w.sent.at(-1)).toEqual({ type: 'cancel', id: u.id });
    w.reply({ type: 'cancelled', id: u.id });
    await expect(u.result).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
