import { describe, expect, it } from 'vitest';
import { AnalysisClient, type WorkerLike } from '../workers/analysisClient';
import type { ResultReply, WorkerReply, WorkerRequest } from '../workers/protocol';
import { createAnalysisStore } from './analysisStore';
import { getPointBuffers } from './pointBuffers';

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
    dataset: 'digits',
    report: { n } as ResultReply['report'],
    backend: choice('cpu'),
    coords: new Float32Array(3 * n),
    rowIndex: new Int32Array(n),
    labels: new Int32Array(n),
    classNames: ['a'],
    classCounts: [n],
    analysisMs: 12,
  };
}

describe('analysis store', () => {
  it('tracks a run: progress, backend, result into the buffer registry with a version bump', async () => {
    const f = fakeWorker();
    const store = createAnalysisStore(() => new AnalysisClient(f.worker));
    store.getState().run(source, 'cpu');
    expect(store.getState()).toMatchObject({ status: 'running', preference: 'cpu', requestId: 1, source });
    f.reply({ type: 'backend', id: 1, choice: choice('cpu') });
    f.reply({ type: 'progress', id: 1, fraction: 0.4, stage: 'knn' });
    expect(store.getState().backend?.backend).toBe('cpu');
    expect(store.getState().progress).toEqual({ fraction: 0.4, stage: 'knn' });
    f.reply(result(1, 5));
    await flush();
    const s = store.getState();
    expect(s).toMatchObject({ status: 'done', requestId: null, dataVersion: 1, classNames: ['a'], analysisMs: 12 });
    expect(s.report?.n).toBe(5);
    expect(getPointBuffers()?.coords.length).toBe(15);
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

  it('keeps an error reply with its problem and fix', async () => {
    const f = fakeWorker();
    const store = createAnalysisStore(() => new AnalysisClient(f.worker));
    store.getState().run(source);
    f.reply({ type: 'error', id: 1, kind: 'input', problem: 'Only one class.', fix: 'Give two.' });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'error', error: { kind: 'input', problem: 'Only one class.', fix: 'Give two.' } });
  });
});
