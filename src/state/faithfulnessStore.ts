/**
 * The faithfulness of the view on screen as drawn (2D or 3D): trustworthiness, continuity, mean
 * neighbourhood preservation and the variance share, measured in the worker after every new view
 * or 2D/3D switch (a newer one cancels the older); the per-point preservation goes to pointBuffers.
 */
import { create } from 'zustand';
import { AnalysisFailure, type AnalysisClient } from '../workers/analysisClient';
import type { ViewFaithfulness, ViewSpec } from '../workers/analysisProtocol';
import { setPreservationBuffer } from './pointBuffers';

export interface FaithfulnessState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  progress: number;
  requestId: number | null;
  /** The dataset, view and dims measured (or being measured). */
  dataset: number;
  view: ViewSpec | null;
  dims: 2 | 3;
  summary: ViewFaithfulness | null;
  error: string | null;
  /** Bumped when the per-point preservation buffer changes. */
  version: number;
  /** Measures `view` drawn in `dims` dimensions on dataset `dataset` (no-op when it is already measured or running). */
  measure: (dataset: number, view: ViewSpec, dims: 2 | 3) => void;
  cancel: () => void;
  /** A new dataset: drop the values. */
  reset: () => void;
}

const same = (a: ViewSpec | null, b: ViewSpec) => a !== null && JSON.stringify(a) === JSON.stringify(b);

export function createFaithfulnessStore(getClient: () => AnalysisClient) {
  return create<FaithfulnessState>()((set, get) => ({
    status: 'idle',
    progress: 0,
    requestId: null,
    dataset: 0,
    view: null,
    dims: 3,
    summary: null,
    error: null,
    version: 0,

    measure(dataset, view, dims) {
      const cur = get();
      if (cur.dataset === dataset && same(cur.view, view) && cur.dims === dims && (cur.status === 'running' || cur.status === 'done')) return;
      if (cur.requestId !== null) getClient().cancel(cur.requestId);
      const { id, result } = getClient().faithfulness(
        { dataset, view, dims },
        { onProgress: (f) => get().requestId === id && set({ progress: f }) },
      );
      setPreservationBuffer(null);
      set({ status: 'running', progress: 0, requestId: id, dataset, view, dims, summary: null, error: null, version: get().version + 1 });
      result.then(
        (r) => {
          if (get().requestId !== id) return;
          setPreservationBuffer(r.preservation);
          set({ status: 'done', requestId: null, progress: 1, summary: r.summary, version: get().version + 1 });
        },
        (e: unknown) => {
          if (get().requestId !== id) return;
          const f = e instanceof AnalysisFailure ? e : null;
          if (f?.kind === 'cancelled') set({ status: 'cancelled', requestId: null });
          else set({ status: 'error', requestId: null, error: f ? `${f.problem} ${f.fix}`.trim() : String(e) });
        },
      );
    },

    cancel() {
      const id = get().requestId;
      if (id !== null) getClient().cancel(id);
    },

    reset() {
      const id = get().requestId;
      if (id !== null) getClient().cancel(id);
      setPreservationBuffer(null);
      set({ status: 'idle', progress: 0, requestId: null, view: null, summary: null, error: null, version: get().version + 1 });
    },
  }));
}
