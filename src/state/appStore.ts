/**
 * The app's store instances, bound to the one analysis worker (created on first use, replaced
 * when it dies), and the wiring between them: a new dataset resets the view, the jobs and the
 * selection through one explicit action, `onNewDataset`.
 */
import { createAnalysisClient, type AnalysisClient } from '../workers/analysisClient';
import { LABELS_KEPT_FIX, type BackendPreference, type DatasetSource } from '../workers/analysisProtocol';
import type { WorkerFailure } from '../workers/rpc/failure';
import { createAnalysisStore, type AnalysisState } from './analysisStore';
import { DEMO_DATASETS, demoSource, sourceFromQuery } from './datasets';
import { createInspectStore } from './inspectStore';
import { createJobsStore } from './jobsStore';
import { createFaithfulnessStore } from './faithfulnessStore';
import { useFilterStore } from './filterStore';
import { getViewBuffers } from './pointBuffers';
import { autoPointSize, useViewStore } from './viewStore';

let client: AnalysisClient | null = null;
const getClient = () => (client ??= createAnalysisClient(onWorkerDeath));

export const useAnalysisStore = createAnalysisStore(getClient, { onNewDataset });
const currentDataset = () => useAnalysisStore.getState().datasetId;
export const useJobsStore = createJobsStore(getClient, currentDataset);
export const useInspectStore = createInspectStore(getClient, currentDataset, () => useAnalysisStore.getState().classNames);
export const useFaithfulnessStore = createFaithfulnessStore(getClient);

/** Above this many points a picture is measured on request (the panel's button), not after every view change. */
export const AUTO_MEASURE_MAX_POINTS = 30_000;

/**
 * Measures the view on screen as drawn (its own dims for a layout, else the 2D/3D toggle's), after
 * the ID stage (which it would slow down); on request only (`force`) above AUTO_MEASURE_MAX_POINTS.
 */
export function measureShownView(force = false): void {
  const spec = useJobsStore.getState().shown;
  const a = useAnalysisStore.getState();
  if (!spec || currentDataset() === 0) return;
  if (!force && (a.idStage.status === 'running' || (a.report?.n ?? 0) > AUTO_MEASURE_MAX_POINTS)) {
    useFaithfulnessStore.getState().reset();
    return;
  }
  const dims = spec.kind === 'umap' || spec.kind === 'tsne' ? spec.dims : useViewStore.getState().dims;
  useFaithfulnessStore.getState().measure(currentDataset(), spec, dims);
}
/** A new view is measured once its transition has run (TRANSITION_MS is 600 ms), so the worker's kNN does not take the animation's CPU. */
const MEASURE_DELAY_MS = 700;
let measureTimer: ReturnType<typeof setTimeout> | undefined;
function measureSoon(): void {
  clearTimeout(measureTimer);
  // The values on screen belong to the previous picture: drop them now.
  useFaithfulnessStore.getState().reset();
  measureTimer = setTimeout(() => measureShownView(), MEASURE_DELAY_MS);
}
useJobsStore.subscribe((s, prev) => s.viewVersion !== prev.viewVersion && measureSoon());
useViewStore.subscribe((s, prev) => s.dims !== prev.dims && measureSoon());
useAnalysisStore.subscribe((s, prev) => s.idStage.status !== prev.idStage.status && prev.idStage.status === 'running' && measureShownView());

/** A new dataset is on screen: reset the view's jobs and buffers, the selection, the point size and the colouring. */
function onNewDataset(s: AnalysisState): void {
  // The selection and the picture's measures go first: resetting the view's jobs shows the first
  // view, which applies a link's pending view and clicked point (url/sync.ts).
  useInspectStore.getState().reset();
  useFaithfulnessStore.getState().reset();
  useFilterStore.getState().reset();
  const view = getViewBuffers();
  if (view) useJobsStore.getState().reset(view);
  const v = useViewStore.getState();
  if (s.report) v.setPointSize(autoPointSize(s.report.n));
  const keep = v.colorBy === 'uniform' || v.colorBy === 'localId' || v.colorBy === 'preservation' || (v.colorBy === 'class' && s.classNames) || s.metaColumns.includes(v.colorBy.slice(5));
  if (!keep) v.setColorBy(s.classNames ? 'class' : 'uniform');
  else useViewStore.setState({ hidden: [] });
  if (v.colorBy === 'localId') useJobsStore.getState().requestLocalId();
}

/** The analysis worker died (and was replaced): the pending requests failed with the message; say it even when none was pending. */
function onWorkerDeath(f: WorkerFailure): void {
  if (useAnalysisStore.getState().requestId === null) useAnalysisStore.getState().reportError({ kind: 'internal', problem: f.problem, fix: f.fix, source: 'the analysis worker' });
}

/** The original vectors of plotted points of the dataset on screen (from the worker, which holds them). */
export async function vectorsOf(points: Int32Array): Promise<{ d: number; vectors: Float32Array }> {
  const r = await getClient().vectors({ dataset: currentDataset(), points }).result;
  return { d: r.d, vectors: r.vectors };
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

/** A labels or metadata file given alone (the worker said so with LABELS_KEPT_FIX), kept for the vectors file given next. */
let keptLabels: File | null = null;
let lastAlone: File | null = null;
useAnalysisStore.subscribe((s, prev) => {
  if (s.error !== prev.error && s.error?.fix === LABELS_KEPT_FIX && lastAlone) keptLabels = lastAlone;
});

/** Loads user files: the vectors file plus an optional metadata/labels file (else the labels file kept from a drop of it alone), and a Projector config's companion files. */
export function analyzeFiles(vectors: File, metadata?: File, companions?: File[]): void {
  const labels = metadata ?? keptLabels ?? undefined;
  lastAlone = labels ? null : vectors;
  keptLabels = null;
  const source: DatasetSource = { kind: 'files', name: vectors.name, vectors, metadata: labels, ...(companions ? { companions } : {}) };
  useAnalysisStore.getState().run(source);
}

/**
 * Analyses the data on screen again with the final-layer classifier in `files` (W and b as
 * separate files or one .npz/.safetensors; none: without a classifier), for nc3 and nc4.
 */
export function analyzeWithClassifier(files: File[]): void {
  const s = useAnalysisStore.getState().shownSource;
  if (!s || (s.kind !== 'files' && s.kind !== 'url')) return;
  useAnalysisStore.getState().run({ ...s, classifier: files.length ? files : undefined });
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
