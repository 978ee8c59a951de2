/**
 * Worker jobs on the dataset on screen: the view (projection) being shown or computed, the
 * per-point local intrinsic dimension, and the principal angles for a chosen k. Each keeps its own
 * status and progress; a new dataset resets them all. Buffers go to pointBuffers.
 */
import { create } from 'zustand';
import { AnalysisFailure, type AnalysisClient } from '../workers/analysisClient';
import type { AnglesReply, ViewResult, ViewSpec } from '../workers/protocol';
import { setLocalIdBuffer, setViewBuffers } from './pointBuffers';

export type JobStatus = 'idle' | 'running' | 'done' | 'error';

export interface JobState {
  status: JobStatus;
  progress: number;
  stage: string;
  requestId: number | null;
  error: string | null;
}

const IDLE: JobState = { status: 'idle', progress: 0, stage: '', requestId: null, error: null };

export interface JobsState {
  /** The view on screen (its spec, axes and note) and the one being computed. */
  shown: ViewSpec | null;
  axes: [string, string, string];
  note: string;
  /** Bumped when the view buffers change. */
  viewVersion: number;
  /** The view requested last (may still be running). */
  wanted: ViewSpec | null;
  view: JobState;
  localId: JobState & { k: number | null; version: number };
  angles: JobState & { data: AnglesReply['angles'] | null };
  /** A new dataset arrived with its default view. */
  reset: (view: ViewResult) => void;
  /** Computes and shows a view (the previous one stays until it is ready). */
  showView: (spec: ViewSpec) => void;
  cancelView: () => void;
  /** Computes the pointwise MLE (k neighbours) once per dataset. */
  requestLocalId: (k?: number) => void;
  cancelLocalId: () => void;
  /** Principal angles between class subspaces of dimension k. */
  requestAngles: (k: number) => void;
}

function failureText(e: unknown): string {
  if (e instanceof AnalysisFailure) return e.fix ? `${e.problem} ${e.fix}` : e.problem;
  return String(e);
}

/** A store bound to the worker client and the dataset on screen. */
export function createJobsStore(getClient: () => AnalysisClient, getDataset: () => number) {
  return create<JobsState>()((set, get) => ({
    shown: null,
    axes: ['', '', ''],
    note: '',
    viewVersion: 0,
    wanted: null,
    view: IDLE,
    localId: { ...IDLE, k: null, version: 0 },
    angles: { ...IDLE, data: null },

    reset(view) {
      const { view: v, localId, angles } = get();
      for (const id of [v.requestId, localId.requestId, angles.requestId]) if (id !== null) getClient().cancel(id);
      setViewBuffers(view);
      set({
        shown: view.view,
        wanted: view.view,
        axes: view.axes,
        note: view.note,
        viewVersion: get().viewVersion + 1,
        view: IDLE,
        localId: { ...IDLE, k: null, version: get().localId.version + 1 },
        angles: { ...IDLE, data: null },
      });
    },

    showView(spec) {
      const prev = get().view.requestId;
      if (prev !== null) getClient().cancel(prev);
      const { id, result } = getClient().project(
        { dataset: getDataset(), view: spec },
        { onProgress: (f, stage) => get().view.requestId === id && set({ view: { ...get().view, progress: f, stage } }) },
      );
      set({ wanted: spec, view: { status: 'running', progress: 0, stage: 'starting', requestId: id, error: null } });
      result.then(
        (r) => {
          if (get().view.requestId !== id) return;
          setViewBuffers(r.result);
          set({ shown: spec, axes: r.result.axes, note: r.result.note, viewVersion: get().viewVersion + 1, view: IDLE });
        },
        (e: unknown) => {
          if (get().view.requestId !== id) return;
          const cancelled = e instanceof AnalysisFailure && e.kind === 'cancelled';
          set({ wanted: get().shown, view: cancelled ? IDLE : { ...IDLE, status: 'error', error: failureText(e) } });
        },
      );
    },

    cancelView() {
      const id = get().view.requestId;
      if (id !== null) getClient().cancel(id);
    },

    requestLocalId(k = 20) {
      const cur = get().localId;
      if (cur.status === 'running' || (cur.status === 'done' && cur.k !== null)) return;
      const { id, result } = getClient().localId(
        { dataset: getDataset(), k },
        { onProgress: (f, stage) => get().localId.requestId === id && set({ localId: { ...get().localId, progress: f, stage } }) },
      );
      set({ localId: { ...cur, status: 'running', progress: 0, stage: 'local ID', requestId: id, error: null } });
      result.then(
        (r) => {
          if (get().localId.requestId !== id) return;
          setLocalIdBuffer(r.values);
          set({ localId: { ...IDLE, status: 'done', k: r.k, version: get().localId.version + 1 } });
        },
        (e: unknown) => {
          if (get().localId.requestId !== id) return;
          const cancelled = e instanceof AnalysisFailure && e.kind === 'cancelled';
          set({ localId: { ...get().localId, ...IDLE, status: cancelled ? 'idle' : 'error', error: cancelled ? null : failureText(e) } });
        },
      );
    },

    cancelLocalId() {
      const id = get().localId.requestId;
      if (id !== null) getClient().cancel(id);
    },

    requestAngles(k) {
      const prev = get().angles.requestId;
      if (prev !== null) getClient().cancel(prev);
      const { id, result } = getClient().angles({ dataset: getDataset(), k });
      set({ angles: { ...get().angles, status: 'running', requestId: id, error: null } });
      result.then(
        (r) => get().angles.requestId === id && set({ angles: { ...IDLE, status: 'done', data: r.angles } }),
        (e: unknown) => get().angles.requestId === id && set({ angles: { ...get().angles, ...IDLE, status: 'error', error: failureText(e) } }),
      );
    },
  }));
}
