/**
 * The analysis slice: which dataset and backend were asked for, progress, the latest report and
 * backend choice, and errors. The point arrays live in pointBuffers; this store only bumps
 * `dataVersion`. Actions are plain functions the worker client's callbacks call.
 */
import { create } from 'zustand';
import type { AnalysisReport } from '../geometry/types';
import { AnalysisFailure, type AnalysisClient } from '../workers/analysisClient';
import type { BackendChoice, BackendPreference, DatasetSource } from '../workers/protocol';
import { setPointBuffers } from './pointBuffers';

export type AnalysisStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

export interface AnalysisState {
  status: AnalysisStatus;
  progress: { fraction: number; stage: string };
  /** The running request, or null. */
  requestId: number | null;
  preference: BackendPreference;
  /** The backend of the running analysis once chosen, else that of the values on screen. */
  backend: BackendChoice | null;
  /** The backend the values on screen were computed on. */
  resultBackend: BackendChoice | null;
  report: AnalysisReport | null;
  /** The dataset the report describes. */
  dataset: string | null;
  classNames: string[] | null;
  classCounts: number[] | null;
  /** Bumped whenever pointBuffers change. */
  dataVersion: number;
  analysisMs: number | null;
  error: { kind: 'input' | 'internal'; problem: string; fix: string } | null;
  /** The source of the latest request. */
  source: DatasetSource | null;
  /** Runs the analysis of `source` on the preferred backend (cancels a running one). */
  run: (source: DatasetSource, preference?: BackendPreference) => void;
  /** Runs the latest source again on another backend preference. */
  rerun: (preference: BackendPreference) => void;
  /** Cancels the running analysis; the previous values stay on screen. */
  cancel: () => void;
}

/** A store bound to a client factory (the app passes the real worker; tests pass a fake). */
export function createAnalysisStore(getClient: () => AnalysisClient) {
  return create<AnalysisState>()((set, get) => ({
    status: 'idle',
    progress: { fraction: 0, stage: '' },
    requestId: null,
    preference: 'auto',
    backend: null,
    resultBackend: null,
    report: null,
    dataset: null,
    classNames: null,
    classCounts: null,
    dataVersion: 0,
    analysisMs: null,
    error: null,
    source: null,

    run(source, preference = get().preference) {
      const { id, result } = getClient().analyze(
        { source, backend: preference },
        {
          onProgress: (fraction, stage) => {
            if (get().requestId === id) set({ progress: { fraction, stage } });
          },
          onBackend: (choice) => {
            if (get().requestId === id) set({ backend: choice });
          },
        },
      );
      set({ status: 'running', requestId: id, preference, source, error: null, progress: { fraction: 0, stage: 'starting' } });
      result.then(
        (r) => {
          if (get().requestId !== id) return;
          setPointBuffers({ coords: r.coords, rowIndex: r.rowIndex, labels: r.labels });
          set({
            status: 'done',
            requestId: null,
            backend: r.backend,
            resultBackend: r.backend,
            report: r.report,
            dataset: r.dataset,
            classNames: r.classNames,
            classCounts: r.classCounts,
            analysisMs: r.analysisMs,
            dataVersion: get().dataVersion + 1,
            progress: { fraction: 1, stage: 'done' },
          });
        },
        (e: unknown) => {
          if (get().requestId !== id) return;
          const f = e instanceof AnalysisFailure ? e : new AnalysisFailure('internal', String(e), '');
          // The values on screen stay, so the backend shown and selected go back to theirs.
          const prev = get().resultBackend;
          const restore = prev ? { backend: prev, preference: prev.preference } : {};
          if (f.kind === 'cancelled') set({ status: 'cancelled', requestId: null, ...restore });
          else set({ status: 'error', requestId: null, error: { kind: f.kind, problem: f.problem, fix: f.fix }, ...restore });
        },
      );
    },

    rerun(preference) {
      const { source } = get();
      if (source) get().run(source, preference);
      else set({ preference });
    },

    cancel() {
      const id = get().requestId;
      if (id !== null) getClient().cancel(id);
    },
  }));
}
