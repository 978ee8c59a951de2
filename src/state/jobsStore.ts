/**
 * Worker jobs on the dataset on screen: the view (projection) being shown or computed, the
 * per-point local intrinsic dimension, and the principal angles for a chosen k. Each keeps its own
 * status and progress; a new dataset resets them all. Buffers go to pointBuffers.
 */
import { create } from 'zustand';
import type { AnalysisClient } from '../workers/analysisClient';
import { follow, whileCurrent } from '../workers/rpc/latest';
import type { AnglesReply, ViewResult, ViewSpec } from '../workers/analysisProtocol';
import { setLocalIdBuffer, setViewBuffers } from './pointBuffers';
import { DEFAULT_MLE_K } from '../geometry/dimension';

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

/** The text of a failure: its problem and fix. */
const failureText = (f: Error) => f.message;

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
      const current = () => get().view.requestId;
      const ticket = getClient().project(
        { dataset: getDataset(), view: spec },
        { onProgress: whileCurrent(current, () => ticket.id, (f, stage) => set({ view: { ...get().view, progress: f, stage } })) },
      );
      set({ wanted: spec, view: { status: 'running', progress: 0, stage: 'starting', requestId: ticket.id, error: null } });
      follow(
        ticket,
        current,
        (r) => {
          setViewBuffers(r.result);
          set({ shown: spec, axes: r.result.axes, note: r.result.note, viewVersion: get().viewVersion + 1, view: IDLE });
        },
        (f) => set({ wanted: get().shown, view: f.kind === 'cancelled' ? IDLE : { ...IDLE, status: 'error', error: failureText(f) } }),
      );
    },

    cancelView() {
      const id = get().view.requestId;
      if (id !== null) getClient().cancel(id);
    },

    requestLocalId(k = DEFAULT_MLE_K) {
      const cur = get().localId;
      if (cur.status === 'running' || (cur.status === 'done' && cur.k !== null)) return;
      const current = () => get().localId.requestId;
      const ticket = getClient().localId(
        { dataset: getDataset(), k },
        { onProgress: whileCurrent(current, () => ticket.id, (f, stage) => set({ localId: { ...get().localId, progress: f, stage } })) },
      );
      set({ localId: { ...cur, status: 'running', progress: 0, stage: 'local ID', requestId: ticket.id, error: null } });
      follow(
        ticket,
        current,
        (r) => {
          setLocalIdBuffer(r.values);
          set({ localId: { ...IDLE, status: 'done', k: r.k, version: get().localId.version + 1 } });
        },
        (f) => {
          const cancelled = f.kind === 'cancelled';
          set({ localId: { ...get().localId, ...IDLE, status: cancelled ? 'idle' : 'error', error: cancelled ? null : failureText(f) } });
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
      const ticket = getClient().angles({ dataset: getDataset(), k });
      set({ angles: { ...get().angles, status: 'running', requestId: ticket.id, error: null } });
      follow(
        ticket,
        () => get().angles.requestId,
        (r) => set({ angles: { ...IDLE, status: 'done', data: r.angles } }),
        (f) => set({ angles: { ...get().angles, ...IDLE, status: 'error', error: failureText(f) } }),
      );
    },
  }));
}
