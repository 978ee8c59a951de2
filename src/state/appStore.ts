/**
 * The app's store instances, bound to the one analysis worker (created on first use, replaced
 * when it dies), and the wiring between them: a new dataset resets the view, the jobs and the
 * selection through one explicit action, `onNewDataset`.
 */
import { createAnalysisClient, type AnalysisClient } from '../workers/analysisClient';
import type { BackendPreference, DatasetSource } from '../workers/protocol';
import type { WorkerFailure } from '../workers/rpc/failure';
import { createAnalysisStore, type AnalysisState } from './analysisStore';
import { DEMO_DATASETS, demoSource, sourceFromQuery } from './datasets';
import { createInspectStore } from './inspectStore';
import { createJobsStore } from './jobsStore';
import { getViewBuffers } from './pointBuffers';
import { autoPointSize, useViewStore } from './viewStore';

let client: AnalysisClient | null = null;
const getClient = () => (client ??= createAnalysisClient(onWorkerDeath));

export const useAnalysisStore = createAnalysisStore(getClient, { onNewDataset });
const currentDataset = () => useAnalysisStore.getState().datasetId;
export const useJobsStore = createJobsStore(getClient, currentDataset);
export const useInspectStore = createInspectStore(getClient, currentDataset, () => useAnalysisStore.getState().classNames);

/** A new dataset is on screen: reset the view's jobs and buffers, the selection, the point size and the colouring. */
function onNewDataset(s: AnalysisState): void {
  const view = getViewBuffers();
  if (view) useJobsStore.getState().reset(view);
  useInspectStore.getState().reset();
  const v = useViewStore.getState();
  if (s.report) v.setPointSize(autoPointSize(s.report.n));
  const keep = v.colorBy === 'uniform' || v.colorBy === 'localId' || (v.colorBy === 'class' && s.classNames) || s.metaColumns.includes(v.colorBy.slice(5));
  if (!keep) v.setColorBy(s.classNames ? 'class' : 'uniform');
  else useViewStore.setState({ hidden: [] });
  if (v.colorBy === 'localId') useJobsStore.getState().requestLocalId();
}

/** The analysis worker died (and was replaced): the pending requests failed with the message; say it even when none was pending. */
function onWorkerDeath(f: WorkerFailure): void {
  if (useAnalysisStore.getState().requestId === null) useAnalysisStore.getState().reportError({ kind: 'internal', problem: f.problem, fix: f.fix, source: 'the analysis worker' });
}

/** The analysis worker's client (test hooks crash it as a fault would). */
export function analysisClientForTests(): AnalysisClient {
  return getClient();
}

/** Loads the example `id` (default: the first) on the current or given backend preference. */
export function analyzeDemo(id: string = DEMO_DATASETS[0].id, preference?: BackendPreference): void {
  const d = DEMO_DATASETS.find((x) => x.id === id) ?? DEMO_DATASETS[0];
  useAnalysisStore.getState().run(demoSource(d, document.baseURI), preference);
}

/** Loads user files: the vectors file plus an optional metadata/labels file. */
export function analyzeFiles(vectors: File, metadata?: File): void {
  const source: DatasetSource = { kind: 'files', name: vectors.name, vectors, metadata };
  useAnalysisStore.getState().run(source);
}

/** Opens the file kept in browser storage when there is one (resolves false otherwise); src/url/keptSync.ts sets it. */
let openKept: (() => Promise<boolean>) | null = null;
export function setKeptOpener(open: () => Promise<boolean>): void {
  openKept = open;
}

/**
 * The first load: `?data=` when given (refused with a message when off-origin, then the default
 * example), else the file kept in browser storage, else the default example.
 */
export function analyzeInitial(): void {
  const q = sourceFromQuery(window.location.search, document.baseURI, window.location.origin);
  if (q && 'source' in q) {
    useAnalysisStore.getState().run(q.source);
    return;
  }
  if (!q && openKept) {
    void openKept().then((opened) => opened || analyzeDemo());
    return;
  }
  analyzeDemo();
  if (q) useAnalysisStore.getState().reportError({ kind: 'input', problem: q.error, fix: q.fix, source: '?data=' });
}
