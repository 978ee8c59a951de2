import { describe, expect, it } from 'vitest';
import { AnalysisClient, type WorkerLike } from '../workers/analysisClient';
import type { ResultReply, WorkerReply, WorkerRequest } from '../workers/analysisProtocol';
import { createAnalysisStore } from './analysisStore';
import { getPointBuffers, getViewBuffers } from './pointBuffers';
import { blankPcaView } from '../explore/testDataset';

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

/** A store over a fake worker, running `source` (request 1). */
function running() {
  const f = fakeWorker();
  const client = new AnalysisClient(f.worker);
  const store = createAnalysisStore(() => client);
  store.getState().run(source);
  return { f, store };
}

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
    view: blankPcaView(n),
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
    const { f, store } = running();
    f.reply(result(1, 4));
    await flush();
    // The result starts the ID stage (request 2); reruns are requests 3 and 4.
    store.getState().rerun('cpu');
    store.getState().rerun('wasm');
    expect(f.sent.filter((m) => m.type === 'analyze').map((m) => m.type === 'analyze' && m.backend)).toEqual(['auto', 'cpu', 'wasm']);
    f.reply({ type: 'progress', id: 3, fraction: 0.9, stage: 'stale' });
    f.reply({ type: 'cancelled', id: 3 });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'running', requestId: 4, preference: 'wasm' });
    expect(store.getState().progress.stage).not.toBe('stale');
    store.getState().cancel();
    expect(f.sent.at(-1)).toEqual({ type: 'cancel', id: 4 });
    f.reply({ type: 'backend', id: 4, choice: choice('wasm') });
    expect(store.getState().backend?.backend).toBe('wasm');
    f.reply({ type: 'cancelled', id: 4 });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'cancelled', dataVersion: 1, preference: 'cpu' });
    expect(store.getState().backend?.backend).toBe('cpu');
    expect(store.getState().report?.n).toBe(4);
  });

  it('runs the ID stage after the first view: pending with progress, then merged into the report and charts', async () => {
    const { f, store } = running();
    const first = result(1, 6);
    first.report = { n: 6, intrinsicDimension: { twoNN: null, mle: { k: 5, harmonic: null, mean: null }, sample: null } } as ResultReply['report'];
    first.charts = { eigenvalues: [1], pcaMethod: 'exact', classes: { names: ['a'], counts: [6], variance: [1], cosines: [1], etfCosines: [1], etfResidual: null, matricesOmitted: null, dimension: null, angles: null } };
    f.reply(first);
    await flush();
    expect(f.sent.at(-1)).toEqual({ type: 'intrinsicDimension', id: 2, dataset: 1, sample: { size: 100_000, strategy: 'uniform', seed: 1 } });
    expect(store.getState()).toMatchObject({ status: 'done', idStage: { status: 'running', requestId: 2 } });
    f.reply({ type: 'progress', id: 2, fraction: 0.42, stage: 'intrinsic dimension' });
    expect(store.getState().idStage.progress).toEqual({ fraction: 0.42, stage: 'intrinsic dimension' });
    const id = { twoNN: 3.5, mle: { k: 5, harmonic: 3.1, mean: 3.3 }, sample: null };
    // The global estimates arrive first: in the report, the stage still running (per-class next).
    f.reply({ type: 'intrinsicDimensionGlobal', id: 2, dataset: 1, intrinsicDimension: id, threads: 2 });
    await flush();
    expect(store.getState().report?.intrinsicDimension).toEqual(id);
    expect(store.getState().idStage).toMatchObject({ status: 'running', global: true, threads: 2 });
    expect(store.getState().charts?.classes?.dimension).toBeNull();
    const dims = { twoNN: [2.5], mleHarmonic: [2.4], k: [5] };
    f.reply({ type: 'intrinsicDimension', id: 2, dataset: 1, intrinsicDimension: id, classDimension: dims, ms: 40 });
    await flush();
    const s = store.getState();
    expect(s.idStage).toMatchObject({ status: 'done', requestId: null, ms: 40 });
    expect(s.report?.intrinsicDimension).toEqual(id);
    expect(s.report?.n).toBe(6);
    expect(s.charts?.classes?.dimension).toEqual(dims);

    // Cancel with no load running stops the ID stage; compute starts it again.
    store.getState().computeId();
    expect(f.sent.at(-1)).toEqual({ type: 'intrinsicDimension', id: 3, dataset: 1, sample: { size: 100_000, strategy: 'uniform', seed: 1 } });
    store.getState().cancel();
    expect(f.sent.at(-1)).toEqual({ type: 'cancel', id: 3 });
    f.reply({ type: 'cancelled', id: 3 });
    await flush();
    expect(store.getState().idStage.status).toBe('cancelled');
    expect(store.getState().status).toBe('done');

    // A reply for another dataset never lands in the report on screen.
    store.getState().computeId();
    f.reply({ type: 'intrinsicDimension', id: 4, dataset: 99, intrinsicDimension: { ...id, twoNN: 99 }, classDimension: null, ms: 1 });
    await flush();
    expect(store.getState().report?.intrinsicDimension.twoNN).toBe(3.5);

    // Another sample asked for runs the ID stage again on it; the same one asked again does not.
    store.getState().setIdSample({ size: 4, strategy: 'stratified', seed: 7 });
    expect(f.sent.at(-1)).toMatchObject({ type: 'intrinsicDimension', id: 5, dataset: 1, sample: { size: 4, strategy: 'stratified', seed: 7 } });
    const sent = f.sent.length;
    store.getState().setIdSample({ size: 4, strategy: 'stratified', seed: 7 });
    expect(f.sent.length).toBe(sent);
    // Without labels a stratified sample is drawn uniformly.
    store.setState({ classNames: null });
    store.getState().computeId();
    expect(f.sent.at(-1)).toMatchObject({ sample: { size: 4, strategy: 'uniform', seed: 7 } });
    store.setState({ classNames: ['a'] });
    store.getState().computeId();
    expect(f.sent.at(-1)).toMatchObject({ sample: { size: 4, strategy: 'stratified', seed: 7 } });
  });

  it('keeps an error with its problem, fix and source while the previous data stays', async () => {
    const { f, store } = running();
    f.reply(result(1, 4));
    await flush();
    store.getState().run({ ...source, name: 'bad.csv' });
    f.reply({ type: 'error', id: 3, kind: 'input', problem: 'Only one class.', fix: 'Give two.' });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'error', dataVersion: 1, dataset: 'digits', error: { kind: 'input', problem: 'Only one class.', fix: 'Give two.', source: 'bad.csv' } });
    store.getState().dismissError();
    expect(store.getState().error).toBeNull();
  });

  it('waits for a file choice, then loads the same source with it', async () => {
    const { f, store } = running();
    const choices = { file: 'z.npz', kind: 'npz' as const, arrays: [], chosen: { vectors: 'a', labelsArray: '', labelColumn: '' }, reason: 'which?' };
    f.reply({ type: 'choose', id: 1, choices });
    await flush();
    expect(store.getState()).toMatchObject({ status: 'choosing', pendingChoice: choices });
    store.getState().choose({ vectors: 'b', labelsArray: 'y' });
    expect(f.sent.at(-1)).toMatchObject({ type: 'analyze', source: { ...source, choice: { vectors: 'b', labelsArray: 'y' } } });
    expect(store.getState().pendingChoice).toBeNull();
  });
});
