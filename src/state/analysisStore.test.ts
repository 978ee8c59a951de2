import { describe, expect, it } from 'vitest';
import { AnalysisClient, type WorkerLike } from '../workers/analysisClient';
import type { ResultReply, WorkerReply, WorkerRequest } from '../workers/protocol';
import { createAnalysisStore } from './analysisStore';
import { getPointBuffers, getViewBuffers } from './pointBuffers';

function fakeWorker() {
  const sent: WorkerRequest[] = [];
  let deliver: (r: WorkerReply) => void = () => {};
  const worker: WorkerLike = {
    postMessage: (m) => sent.push(m),
    addEventListener: ((type: string, fn: (e: MessageEvent<WorkerReply>) => void) => {
      if (type === 'message') deliver = (r) => fn({ data: r } as MessageEvent<WorkerReply>);
    }) as WorkerLike['addEventListener'],
    terminate: () => {},
  };
  return { worker, sent, reply: (r: WorkerReply) => deliver(r) };
}

const source = { kind: 'url' as const, name: 'digits', vectorsUrl: 'http://x/d.npy' };
const choice = (backend: 'cpu' | 'wasm') => ({ backend, preference: backend, reason: 'because', probes: [] });
const flush = () => new Promise((r) => setTimeout(r, 0));

function result(id: number, n: number): ResultReply {
  return {
    type: 'result',
    id,
    datasetId: id,
    dataset: 'digits',
    report: { n } as ResultReply['report'],
    backend: choice('cpu'),
    rowIndex: new Int32Array(n),
    labels: new Int32Array(n),
    classNames: ['a'],
    classCounts: [n],
    meta: { columns: ['note'], values: [Array.from({ length: n }, () => 'x')] },
    choices: null,
    charts: { eigenvalues: [1], pcaMethod: 'exact', classes: null },
    view: {
      view: { kind: 'pca', axes: [0, 1, 2] },
      coords: new Float32Array(3 * n),
      offset: [0, 0, 0],
      scale: 1,
      axes: ['PC1', 'PC2', 'PC3'],
      sample: null,
      means: null,
      globalMean: null,
      etf: null,
      note: '',
    },
    analysisMs: 12,
  };
}

describe('analysis store', () => {
  it('tracks a run: progress with bytes, backend, result into the buffer registry with a version bump', async () => {
    const f = fakeWorker();
    const store = createAnalysisStore(() => new AnalysisClient(f.worker));
    store.getState().run(source, 'cpu');
    expect(store.getState()).toMatchObject({ status: 'running', preference: 'cpu', requestId: 1, source });
    f.reply({ type: 'backend', id: 1, choice: choice('cpu') });
    f.reply({ type: 'progress', id: 1, fraction: 0.04, stage: 'reading', bytes: { done: 10, total: 40 } });
    expect(store.getState().backend?.backend).toBe('cpu');
    expect(store.getState().progress).toEqual({ fraction: 0.04, stage: 'reading', bytes: { done: 10, total: 40 } });
    f.reply(result(1, 5));
    await flush();
    const s = store.getState();
    expect(s).toMatchObject({ status: 'done', requestId: null, dataVersion: 1, datasetId: 1, classNames: ['a'], metaColumns: ['note'], analysisMs: 12, shownSource: source });
    expect(s.report?.n).toBe(5);
    expect(getPointBuffers()?.rowIndex.length).toBe(5);
    expect(getViewBuffers()?.coords.length).toBe(15);
  });

  it('ignores replies of a superseded request; a cancel keeps the old values and their backend', async () => {
    const f = fakeWorker();
    const client = new AnalysisClient(f.worker);
    const store = createAnalysisStore(() => client);
    store.getState().run(source);
    f.reply(result(1, 4));
    await flush();
    store.getState().rerun('cpu');
    store.getState().rerun('wasm');
    expect(f.sent.map((m) => m.type === 'analyze' && m.backend)).toEqual(['auto', 'cpu', 'wasm']);
    f.reply({ type: 'progress', id: 2, fraction: 0.9, stage: 'stale' });
    f.reply({ type: 'cancelled', id: 2 });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'running', requestId: 3, preference: 'wasm' });
    expect(store.getState().progress.stage).not.toBe('stale');
    store.getState().cancel();
    expect(f.sent.at(-1)).toEqual({ type: 'cancel', id: 3 });
    f.reply({ type: 'backend', id: 3, choice: choice('wasm') });
    expect(store.getState().backend?.backend).toBe('wasm');
    f.reply({ type: 'cancelled', id: 3 });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'cancelled', dataVersion: 1, preference: 'cpu' });
    expect(store.getState().backend?.backend).toBe('cpu');
    expect(store.getState().report?.n).toBe(4);
  });

  it('keeps an error with its problem, fix and source while the previous data stays', async () => {
    const f = fakeWorker();
    const client = new AnalysisClient(f.worker);
    const store = createAnalysisStore(() => client);
    store.getState().run(source);
    f.reply(result(1, 4));
    await flush();
    store.getState().run({ ...source, name: 'bad.csv' });
    f.reply({ type: 'error', id: 2, kind: 'input', problem: 'Only one class.', fix: 'Give two.' });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'error', dataVersion: 1, dataset: 'digits', error: { kind: 'input', problem: 'Only one class.', fix: 'Give two.', source: 'bad.csv' } });
    store.getState().dismissError();
    expect(store.getState().error).toBeNull();
  });

  it('waits for a file choice, then loads the same source with it', async () => {
    const f = fakeWorker();
    const client = new AnalysisClient(f.worker);
    const store = createAnalysisStore(() => client);
    store.getState().run(source);
    const choices = { file: 'z.npz', kind: 'npz' as const, arrays: [], chosen: { vectors: 'a', labelsArray: '', labelColumn: '' }, reason: 'which?' };
    f.reply({ type: 'choose', id: 1, choices });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'choosing', pendingChoice: choices });
    store.getState().choose({ vectors: 'b', labelsArray: 'y' });
    expect(f.sent.at(-1)).toMatchObject({ type: 'analyze', source: { ...source, choice: { vectors: 'b', labelsArray: 'y' } } });
    expect(store.getState().pendingChoice).toBeNull();
  });
});
