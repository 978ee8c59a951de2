/**
 * The inspect slice: the clicked point and its nearest neighbours in the original space, the
 * current selection (box or search) and whether it is isolated. The selection mask is a
 * reference to a Uint8Array over the plotted points (never copied into other state).
 */
import { create } from 'zustand';
import type { AnalysisClient } from '../workers/analysisClient';
import { follow } from '../workers/rpc/latest';
import { getPointBuffers } from './pointBuffers';
import { searchPoints, type TextColumn } from '../explore/search';

/** Neighbours listed for a clicked point. */
export const NEIGHBOUR_COUNT = 20;

export type Metric = 'euclidean' | 'cosine';

export interface NeighbourList {
  point: number;
  metric: Metric;
  indices: Int32Array;
  distances: Float64Array;
}

export interface InspectState {
  selectedPoint: number | null;
  metric: Metric;
  neighbours: NeighbourList | null;
  neighboursStatus: 'idle' | 'running' | 'done' | 'error';
  neighboursError: string | null;
  requestId: number | null;
  /** 1 for selected points; null when nothing is selected. */
  selection: Uint8Array | null;
  selectionCount: number;
  /** How the selection was made, e.g. 'box' or 'search "cat"'. */
  selectionSource: string;
  isolate: boolean;
  query: string;
  regex: boolean;
  queryError: string | null;
  /** Bumped when the selection, the clicked point or its neighbours change. */
  version: number;
  selectPoint: (point: number | null) => void;
  setMetric: (m: Metric) => void;
  setSelection: (mask: Uint8Array | null, source: string) => void;
  setIsolate: (on: boolean) => void;
  search: (query: string, regex: boolean) => void;
  reset: () => void;
}

/** Per-point text columns of the current dataset: the class name, then every metadata column. */
export function textColumns(classNames: readonly string[] | null): TextColumn[] {
  const b = getPointBuffers();
  if (!b) return [];
  const cols: TextColumn[] = [];
  const { labels, meta } = b;
  if (labels && classNames) cols.push({ name: 'class', at: (i) => classNames[labels[i]] ?? '' });
  meta?.columns.forEach((name, c) => cols.push({ name, at: (i) => meta.values[c][i] ?? '' }));
  return cols;
}

const NONE = { selection: null, selectionCount: 0, selectionSource: '', isolate: false };

export function createInspectStore(getClient: () => AnalysisClient, getDataset: () => number, getClassNames: () => string[] | null) {
  return create<InspectState>()((set, get) => {
    const fetchNeighbours = (point: number, metric: Metric) => {
      const prev = get().requestId;
      if (prev !== null) getClient().cancel(prev);
      const ticket = getClient().neighbours({ dataset: getDataset(), point, k: NEIGHBOUR_COUNT, metric });
      set({ requestId: ticket.id, neighboursStatus: 'running', neighboursError: null });
      follow(
        ticket,
        () => get().requestId,
        (r) => set({ requestId: null, neighboursStatus: 'done', neighbours: { point: r.point, metric: r.metric, indices: r.indices, distances: r.distances }, version: get().version + 1 }),
        (f) => {
          const cancelled = f.kind === 'cancelled';
          set({ requestId: null, neighboursStatus: cancelled ? 'idle' : 'error', neighboursError: cancelled ? null : f.message });
        },
      );
    };

    return {
      selectedPoint: null,
      metric: 'euclidean',
      neighbours: null,
      neighboursStatus: 'idle',
      neighboursError: null,
      requestId: null,
      ...NONE,
      query: '',
      regex: false,
      queryError: null,
      version: 0,

      selectPoint(point) {
        set({ selectedPoint: point, neighbours: null, version: get().version + 1 });
        if (point === null) {
          const prev = get().requestId;
          if (prev !== null) getClient().cancel(prev);
          set({ requestId: null, neighboursStatus: 'idle' });
          return;
        }
        fetchNeighbours(point, get().metric);
      },

      setMetric(metric) {
        set({ metric });
        const p = get().selectedPoint;
        if (p !== null) fetchNeighbours(p, metric);
      },

      setSelection(mask, source) {
        let count = 0;
        if (mask) for (let i = 0; i < mask.length; i++) count += mask[i];
        if (!mask || count === 0) set({ ...NONE, version: get().version + 1 });
        else set({ selection: mask, selectionCount: count, selectionSource: source, version: get().version + 1 });
      },

      setIsolate(isolate) {
        set({ isolate: isolate && get().selection !== null, version: get().version + 1 });
      },

      search(query, regex) {
        const b = getPointBuffers();
        set({ query, regex });
        if (!b || query === '') {
          set({ queryError: null });
          if (get().selectionSource.startsWith('search')) get().setSelection(null, '');
          return;
        }
        const r = searchPoints(query, regex, textColumns(getClassNames()), b.rowIndex.length);
        if (r.error !== null) {
          set({ queryError: r.error });
          return;
        }
        set({ queryError: null });
        get().setSelection(r.mask, `search ${regex ? `/${query}/` : `"${query}"`}`);
      },

      reset() {
        const prev = get().requestId;
        if (prev !== null) getClient().cancel(prev);
        set({ selectedPoint: null, neighbours: null, neighboursStatus: 'idle', requestId: null, ...NONE, query: '', queryError: null, version: get().version + 1 });
      },
    };
  });
}
