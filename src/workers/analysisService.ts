/**
 * The analysis worker's logic as an ordinary module (testable in Node). An `analyze` request loads
 * a source, runs the first stage of the CLI's analysis (PCA, duplicates, collapse), builds the
 * dataset, its default view and chart data, and only then replaces the dataset it holds: a failure
 * leaves the previous one in place. The slow intrinsic-dimension stage follows as its own request
 * (the UI sends it on every result), like the other requests (views, neighbours, local ID, angles)
 * on the dataset they name. A newer analyze cancels every job and waits for them to release their
 * tensors before the backend may change. The matrix is held once: parsed in place, compacted in
 * place when rows are non-finite, and shared by the dataset.
 */
import { analyzeBase, prepareAnalysis } from '../geometry/analyze';
import { throwIfAborted } from '../geometry/abort';
import { localDimension } from '../geometry/localId';
import { nearestTo } from '../geometry/neighbours';
import { computeAngles, computeCharts } from '../explore/charts';
import { buildDataset, classCounts, type Dataset } from '../explore/dataset';
import { computeIdStage, APP_ID_SAMPLE } from '../explore/idStage';
import { finiteRowsOf, loadSource, readClassifier, type BytesProgress, type Loaded } from '../explore/sources';
import { computeView, DEFAULT_VIEW } from '../explore/views';
import { measureView } from '../explore/viewFaithfulness';
import { subsetOf } from '../explore/subset';
import { clusteredOf } from '../explore/clusterSource';
import { ViewMemo } from '../explore/viewMemo';
import type { AnalyzeRequest, BackendChoice, BackendPreference, DatasetSource, IntrinsicDimensionGlobalReply, WorkerReply, WorkerRequest } from './analysisProtocol';
import { ANALYSIS_POLICY, transferablesOf } from './analysisProtocol';
import { selectRows } from '../geometry/rows';
import { createHeld } from './rpc/held';
import { createJobs, finish } from './rpc/jobs';

export interface AnalysisServiceDeps {
  /** Sends a reply; the service passes the transfer list of its typed arrays. */
  post: (reply: WorkerReply, transfer: Transferable[]) => void;
  /** Activates a backend and explains the choice. */
  selectBackend: (preference: BackendPreference) => Promise<BackendChoice>;
  /** Loads a source (default: sources.ts loadSource, with the last one cached). */
  load?: (source: DatasetSource, signal: AbortSignal, onBytes: BytesProgress) => Promise<Loaded>;
  /** Why the WebGPU device was lost, or null: an analysis that failed on it runs once more (on the fallback). */
  deviceLost?: () => string | null;
}

/** A key that identifies a source and its choices (Files by name, size and modification time). */
export function sourceKey(s: DatasetSource): string {
  const file = (f?: File) => (f ? `${f.name}|${f.size}|${f.lastModified}` : '');
  const choice = 'choice' in s ? JSON.stringify(s.choice ?? {}) : '';
  if (s.kind === 'files') return `files\n${file(s.vectors)}\n${file(s.metadata)}\n${choice}`;
  if (s.kind === 'url') return `url\n${s.vectorsUrl}\n${s.labelsUrl ?? ''}\n${choice}`;
  if (s.kind === 'rows') return `rows\n${s.dataset}\n${s.points.length}`;
  if (s.kind === 'clusters') return `clusters\n${s.dataset}\n${JSON.stringify(s.cluster)}\n${s.seed}`;
  return `synthetic\n${JSON.stringify(s.params)}`;
}

/** A loader that keeps the most recent successfully loaded source, so a backend switch does not reload it. */
export function cachedLoader(load: NonNullable<AnalysisServiceDeps['load']> = loadSource): NonNullable<AnalysisServiceDeps['load']> {
  let cached: { key: string; loaded: Loaded } | null = null;
  return async (source, signal, onBytes) => {
    const key = sourceKey(source);
    if (cached?.key === key) return cached.loaded;
    const loaded = await load(source, signal, onBytes);
    if ('emb' in loaded) cached = { key, loaded };
    return loaded;
  };
}

/** Creates the request handler. `handle` never throws: every failure becomes an error reply. */
export function createAnalysisService(deps: AnalysisServiceDeps): { handle: (msg: WorkerRequest) => void; idle: () => Promise<void> } {
  const load = deps.load ?? cachedLoader();
  const send = (reply: WorkerReply) => deps.post(reply, transferablesOf(reply));
  const jobs = createJobs({ post: send, policy: ANALYSIS_POLICY, wording: { internalFix: 'Try another backend in the status bar, or reload the page.' } });
  const datasets = createHeld<Dataset>();
  let analysis: Promise<void> = Promise.resolve();
  const views = new ViewMemo();

  function progressFor(id: number) {
    let last = { fraction: -1, stage: '' };
    return (fraction: number, stage: string, bytes?: { done: number; total: number }) => {
      if (stage === last.stage && fraction - last.fraction < 0.01 && fraction < 1) return;
      last = { fraction, stage };
      send({ type: 'progress', id, fraction, stage, bytes });
    };
  }

  async function runAnalyze(req: AnalyzeRequest, signal: AbortSignal): Promise<void> {
    const { id } = req;
    const progress = progressFor(id);
    throwIfAborted(signal);
    progress(0, 'choosing backend');
    const choice = await deps.selectBackend(req.backend);
    send({ type: 'backend', id, choice });
    progress(0.02, 'reading');
    const src = req.source;
    const clustered = src.kind === 'clusters' ? await clusteredOf(datasetFor(src.dataset), src.cluster, src.seed, { signal, onProgress: (f) => progress(0.1 * f, 'clustering') }) : null;
    const rows = src.kind === 'rows' ? subsetOf(datasetFor(src.dataset), src.points) : (clustered?.loaded ?? null);
    const loaded = rows ?? await load(req.source, signal, (done, total) => {
      progress(0.02 + (0.08 * done) / Math.max(total, 1), 'reading', { done, total });
      if (done >= total) progress(0.1, 'parsing');
    });
    throwIfAborted(signal);
    if ('choose' in loaded) {
      finish(signal, send, { type: 'choose', id, choices: loaded.choose });
      return;
    }
    const t0 = performance.now();
    const finite = finiteRowsOf(loaded);
    const head = await readClassifier(src, finite.emb, signal);
    const input = prepareAnalysis(finite.emb, { k: req.k, nonFinite: finite.nonFinite, classifier: head?.classifier });
    const base = await analyzeBase(input, { signal, idSample: APP_ID_SAMPLE, onProgress: (f, stage) => progress(0.1 + 0.6 * f, stage) });
    if (clustered) base.report.clusters = clustered.clusters;
    progress(0.7, 'views');
    const ds = buildDataset(req.source.name, finite, base, input.mleK);
    const view = await computeView(ds, DEFAULT_VIEW, { signal });
    const charts = await computeCharts(ds, { signal, dimensions: false, onProgress: (f) => progress(0.8 + 0.2 * f, 'class geometry') });
    throwIfAborted(signal);
    const datasetId = datasets.commit(ds);
    views.keep(datasetId, view);
    progress(1, 'done');
    send({
      type: 'result',
      id,
      datasetId,
      dataset: req.source.name,
      report: ds.report,
      backend: choice,
      rowIndex: ds.rowIndex.slice(),
      labels: ds.labels ? ds.labels.slice() : null,
      classNames: ds.classNames,
      classCounts: ds.labels ? classCounts(ds.labels, ds.K) : null,
      meta: ds.meta,
      choices: loaded.choices,
      classifier: head ? { weightsFrom: head.weightsFrom, biasFrom: head.biasFrom } : null,
      charts,
      view,
      analysisMs: performance.now() - t0,
    });
  }

  /** The dataset a request names, or an AbortError when the worker no longer holds it. */
  const datasetFor = (dataset: number): Dataset => datasets.get(dataset);

  async function runJob(msg: Exclude<WorkerRequest, AnalyzeRequest | { type: 'cancel' }>, signal: AbortSignal): Promise<void> {
    await analysis;
    const ds = datasetFor(msg.dataset);
    const progress = progressFor(msg.id);
    switch (msg.type) {
      case 'project': {
        const result = await computeView(ds, msg.view, { signal, onProgress: progress });
        datasetFor(msg.dataset);
        views.keep(msg.dataset, result);
        send({ type: 'projection', id: msg.id, result });
        return;
      }
      case 'localId': {
        const { k, values } = await localDimension(ds.X, ds.n, ds.d, msg.k, { signal, onProgress: (f) => progress(f, 'local ID') });
        datasetFor(msg.dataset);
        send({ type: 'localId', id: msg.id, k, values: Float32Array.from(values) });
        return;
      }
      case 'angles':
        send({ type: 'angles', id: msg.id, angles: await computeAngles(ds, msg.k, signal) });
        return;
      case 'intrinsicDimension': {
        const t0 = performance.now();
        const onGlobal = (g: { intrinsicDimension: IntrinsicDimensionGlobalReply['intrinsicDimension']; threads: number }) =>
          send({ type: 'intrinsicDimensionGlobal', id: msg.id, dataset: msg.dataset, ...g });
        const r = await computeIdStage(ds, { signal, onProgress: progress, onGlobal, sample: msg.sample });
        datasetFor(msg.dataset);
        send({ type: 'intrinsicDimension', id: msg.id, dataset: msg.dataset, ...r, ms: performance.now() - t0 });
        return;
      }
      case 'faithfulness': {
        const v = views.get(msg.dataset, msg.view) ?? (await computeView(ds, msg.view, { signal, onProgress: (f) => progress(0.5 * f, 'view') }));
        const r = await measureView(ds, v, msg.dims, { signal, onProgress: (f, stage) => progress(f, stage) });
        datasetFor(msg.dataset);
        send({ type: 'faithfulness', id: msg.id, dataset: msg.dataset, view: msg.view, dims: msg.dims, ...r });
        return;
      }
      case 'vectors':
        send({ type: 'vectors', id: msg.id, d: ds.d, vectors: selectRows(ds.X, ds.d, msg.points) });
        return;
      case 'neighbours': {
        const nn = nearestTo(ds.X, ds.n, ds.d, msg.point, msg.k, msg.metric);
        send({ type: 'neighbours', id: msg.id, point: msg.point, metric: msg.metric, indices: nn.indices, distances: nn.distances });
        return;
      }
    }
  }

  function handle(msg: WorkerRequest): void {
    if (msg.type === 'cancel') return jobs.cancel(msg.id);
    if (msg.type === 'analyze') {
      analysis = jobs.start(msg, async (signal) => {
        try {
          await runAnalyze(msg, signal);
        } catch (e) {
          if (signal.aborted || !deps.deviceLost?.()) throw e;
          await runAnalyze(msg, signal);
        }
      });
      return;
    }
    jobs.start(msg, (signal) => runJob(msg, signal));
  }

  return { handle, idle: jobs.idle };
}
