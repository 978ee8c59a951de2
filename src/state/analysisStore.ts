/**
 * The analysis slice: which dataset and backend were asked for, progress (with bytes read), the
 * latest report, chart data and backend choice, a pending file choice, and errors. The point
 * arrays live in pointBuffers; this store bumps `dataVersion`. A failed or cancelled load keeps
 * every value of the previous dataset.
 */
import { create } from 'zustand';
import type { AnalysisReport } from '../geometry/types';
import { DEFAULT_ID_SAMPLE, type SampleSpec } from '../geometry/sample';
import type { AnalysisClient } from '../workers/analysisClient';
import { follow, whileCurrent } from '../workers/rpc/latest';
import type { BackendChoice, BackendPreference, DatasetCharts, DatasetSource, FileChoices, LoadChoice, ResultReply } from '../workers/analysisProtocol';
import { setPointBuffers, setViewBuffers } from './pointBuffers';
import { initialBackend } from './backendQuery';

export type AnalysisStatus = 'idle' | 'running' | 'choosing' | 'done' | 'error' | 'cancelled';

export interface Progress {
  fraction: number;
  stage: string;
  bytes?: { done: number; total: number };
}

/**
 * The intrinsic-dimension stage of the dataset on screen (it follows the first view): 'running'
 * until TwoNN/MLE arrive in the report ('done'); 'cancelled' or 'error' leave them null.
 */
export interface IdStageState {
  status: 'none' | 'running' | 'done' | 'cancelled' | 'error';
  requestId: number | null;
  progress: Progress;
  /** Milliseconds the stage took, once done. */
  ms: number | null;
  error: string | null;
  /** Threads its nearest-neighbour scans ran on, once the global estimates are in. */
  threads?: number;
  /** The global TwoNN/MLE are in the report (the per-class estimates may still be running). */
  global?: boolean;
}

export interface AnalysisError {
  kind: 'input' | 'internal';
  problem: string;
  fix: string;
  /** The source that failed (its name), for the message. */
  source: string;
}

export interface AnalysisState {
  status: AnalysisStatus;
  progress: Progress;
  /** The running request, or null. */
  requestId: number | null;
  preference: BackendPreference;
  /** The backend of the running analysis once chosen, else that of the values on screen. */
  backend: BackendChoice | null;
  /** The backend the values on screen were computed on. */
  resultBackend: BackendChoice | null;
  report: AnalysisReport | null;
  /** The dataset the report describes, and its serial number in the worker. */
  dataset: string | null;
  datasetId: number;
  classNames: string[] | null;
  classCounts: number[] | null;
  /** Metadata column names of the plotted points (values in pointBuffers). */
  metaColumns: string[];
  charts: DatasetCharts | null;
  /** The choices the file on screen was loaded with. */
  choices: FileChoices | null;
  /** Where the classifier of the data on screen came from (W, b), or null without one. */
  classifier: { weightsFrom: string; biasFrom: string | null } | null;
  /** A file waiting for the user's choice (status 'choosing'). */
  pendingChoice: FileChoices | null;
  /** Bumped whenever pointBuffers change (a new dataset). */
  dataVersion: number;
  analysisMs: number | null;
  error: AnalysisError | null;
  /** The source of the latest request, and of the data on screen. */
  source: DatasetSource | null;
  shownSource: DatasetSource | null;
  /** Loads and analyses `source` on the preferred backend (cancels a running one). */
  run: (source: DatasetSource, preference?: BackendPreference) => void;
  /** The intrinsic-dimension stage of the dataset on screen. */
  idStage: IdStageState;
  /** (Re)starts the intrinsic-dimension stage of the dataset on screen. */
  computeId: () => void;
  /** The ID sample asked for (size, strategy, seed); stratified is drawn uniformly for data without labels. */
  idSample: SampleSpec;
  /** Sets the ID sample; with data on screen the ID stage runs again on it (`rerun` false: only remembered). */
  setIdSample: (spec: SampleSpec, rerun?: boolean) => void;
  /** Runs the source on screen again on another backend preference. */
  rerun: (preference: BackendPreference) => void;
  /** Loads the pending (or shown) file again with these choices. */
  choose: (choice: LoadChoice) => void;
  /** Drops a pending choice without loading. */
  dismissChoice: () => void;
  /** Cancels the running analysis (the previous values stay on screen), else a running ID stage. */
  cancel: () => void;
  /** Hides the error message. */
  dismissError: () => void;
  /** Shows an error that happened before any request (e.g. a rejected ?data= address). */
  reportError: (error: AnalysisError) => void;
}

function withChoice(source: DatasetSource, choice: LoadChoice): DatasetSource {
  return source.kind === 'synthetic' || source.kind === 'rows' || source.kind === 'clusters' ? source : { ...source, choice };
}

export interface AnalysisStoreOptions {
  /** The explicit cross-slice action run when a new dataset is accepted (the app resets view, jobs and selection). */
  onNewDataset?: (state: AnalysisState) => void;
}

/** A store bound to a client factory (the app passes the real worker; tests pass a fake). */
export function createAnalysisStore(getClient: () => AnalysisClient, options: AnalysisStoreOptions = {}) {
  return create<AnalysisState>()((set, get) => {
    const accept = (r: ResultReply) => {
      setPointBuffers({ rowIndex: r.rowIndex, labels: r.labels, meta: r.meta });
      setViewBuffers(r.view);
      set({
        status: 'done',
        requestId: null,
        backend: r.backend,
        resultBackend: r.backend,
        report: r.report,
        dataset: r.dataset,
        datasetId: r.datasetId,
        classNames: r.classNames,
        classCounts: r.classCounts,
        metaColumns: r.meta?.columns ?? [],
        charts: r.charts,
        choices: r.choices,
        classifier: r.classifier ?? null,
        pendingChoice: null,
        analysisMs: r.analysisMs,
        shownSource: get().source,
        progress: { fraction: 1, stage: 'done' },
      });
      // The other stores are reset for the new data first; then the version bump tells the
      // subscribers (the views, the address's pending view and clicked point) that it is on screen.
      options.onNewDataset?.(get());
      set({ dataVersion: get().dataVersion + 1 });
      get().computeId();
    };

    return {
      status: 'idle',
      progress: { fraction: 0, stage: '' },
      requestId: null,
      preference: initialBackend(),
      backend: null,
      resultBackend: null,
      report: null,
      dataset: null,
      datasetId: 0,
      classNames: null,
      classCounts: null,
      metaColumns: [],
      charts: null,
      choices: null,
      classifier: null,
      pendingChoice: null,
      dataVersion: 0,
      analysisMs: null,
      error: null,
      source: null,
      shownSource: null,
      idStage: { status: 'none', requestId: null, progress: { fraction: 0, stage: '' }, ms: null, error: null },

      idSample: DEFAULT_ID_SAMPLE,

      setIdSample(spec, rerun = true) {
        if (JSON.stringify(spec) === JSON.stringify(get().idSample)) return;
        set({ idSample: spec });
        if (rerun && get().report) get().computeId();
      },

      computeId() {
        const dataset = get().datasetId;
        const asked = get().idSample;
        const sample = asked.strategy === 'stratified' && !get().classNames ? { ...asked, strategy: 'uniform' as const } : asked;
        const prev = get().idStage.requestId;
        if (prev !== null) getClient().cancel(prev);
        const current = () => get().idStage.requestId;
        const ticket = getClient().intrinsicDimension(
          { dataset, sample },
          {
            onProgress: whileCurrent(current, () => ticket.id, (fraction, stage) => set({ idStage: { ...get().idStage, progress: { fraction, stage } } })),
            onIdGlobal: whileCurrent(current, () => ticket.id, (g) => {
              const { report, datasetId } = get();
              if (datasetId !== g.dataset || !report) return;
              set({ report: { ...report, intrinsicDimension: g.intrinsicDimension }, idStage: { ...get().idStage, global: true, threads: g.threads } });
            }),
          },
        );
        set({ idStage: { status: 'running', requestId: ticket.id, progress: { fraction: 0, stage: 'TwoNN/MLE' }, ms: null, error: null } });
        follow(
          ticket,
          current,
          (r) => {
            const { report, charts, datasetId } = get();
            if (datasetId !== r.dataset || !report) return;
            const classes = charts?.classes ? { ...charts.classes, dimension: r.classDimension } : null;
            set({
              report: { ...report, intrinsicDimension: r.intrinsicDimension, codingRate: r.codingRate, projection: r.projection },
              charts: charts ? { ...charts, classes } : charts,
              idStage: { status: 'done', requestId: null, progress: { fraction: 1, stage: 'done' }, ms: r.ms, error: null, threads: r.threads, global: true },
            });
          },
          (f) => {
            const status = f.kind === 'cancelled' ? 'cancelled' : 'error';
            set({ idStage: { ...get().idStage, status, requestId: null, error: status === 'error' ? `${f.problem} ${f.fix}`.trim() : null } });
          },
        );
      },

      run(source, preference = get().preference) {
        const current = () => get().requestId;
        const mine = () => ticket.id;
        const ticket = getClient().analyze(
          { source, backend: preference },
          {
            onProgress: whileCurrent(current, mine, (fraction, stage, bytes) => set({ progress: { fraction, stage, bytes } })),
            onBackend: whileCurrent(current, mine, (choice) => set({ backend: choice })),
          },
        );
        set({ status: 'running', requestId: ticket.id, preference, source, error: null, pendingChoice: null, progress: { fraction: 0, stage: 'starting' } });
        follow(
          ticket,
          current,
          (r) => {
            if (r.type === 'choose') set({ status: 'choosing', requestId: null, pendingChoice: r.choices });
            else accept(r);
          },
          (f) => {
            // The values on screen stay, so the backend shown and selected go back to theirs.
            const prev = get().resultBackend;
            const restore = prev ? { backend: prev, preference: prev.preference } : {};
            if (f.kind === 'cancelled') set({ status: 'cancelled', requestId: null, ...restore });
            else set({ status: 'error', requestId: null, error: { kind: f.kind, problem: f.problem, fix: f.fix, source: source.name }, ...restore });
          },
        );
      },

      rerun(preference) {
        const source = get().shownSource ?? get().source;
        if (source) get().run(source, preference);
        else set({ preference });
      },

      choose(choice) {
        const { pendingChoice, source, shownSource } = get();
        const target = pendingChoice ? source : shownSource;
        if (target) get().run(withChoice(target, choice));
      },

      dismissChoice() {
        if (get().status === 'choosing') set({ status: get().dataVersion > 0 ? 'done' : 'idle', pendingChoice: null });
      },

      cancel() {
        const id = get().requestId ?? get().idStage.requestId;
        if (id !== null) getClient().cancel(id);
      },

      dismissError() {
        set({ error: null });
      },

      reportError(error) {
        set({ error, status: get().requestId === null ? 'error' : get().status });
      },
    };
  });
}
