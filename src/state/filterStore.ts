/**
 * The filter slice: per column of the plotted points a filter (crossfilter.ts), how filtered-out
 * points are drawn (dimmed or hidden), and how many rows pass. The engine and the mask are large
 * buffers, kept in this module (the store holds a version number). A new dataset's columns are
 * typed one per task, after the task that puts the data on screen (at 100,000 rows each is
 * milliseconds to tens of them), so none of it adds to that task.
 */
import { create } from 'zustand';
import { Crossfilter, type FilterValue } from './crossfilter';
import { filterColumnJobs, type FilterColumn } from './filterColumns';
import { getPointBuffers } from './pointBuffers';

export interface FilterState {
  /** The dataset version the columns belong to (0: none built). */
  built: number;
  /** Per column: its filter, or null. */
  values: (FilterValue | null)[];
  /** Per column: why its filter could not be applied (an invalid regular expression), or null. */
  errors: (string | null)[];
  /** Filtered-out points: drawn dimmed (still hoverable) or hidden. */
  mode: 'dim' | 'hide';
  /** Rows passing every filter (all rows when none is set). */
  passing: number;
  /** Bumped at every change of a filter (the mask and the counts changed); not by a build, which sets none. */
  version: number;
  /** Types the columns of the dataset on screen, one per task (a no-op when they are built or being built for it). */
  build: (dataVersion: number, classNames: readonly string[] | null) => void;
  setFilter: (column: number, value: FilterValue | null) => void;
  clear: () => void;
  setMode: (mode: 'dim' | 'hide') => void;
  /** Drops the columns and filters (a new dataset: FilterSection builds its columns). */
  reset: () => void;
}

/** The name of the User Timing measure of each filter change. */
export const FILTER_MEASURE = 'subspace-lab:filter';

let engine: Crossfilter | null = null;
let mask: Uint8Array | null = null;
let counts: Int32Array[] = [];
/** The build under way (its dataset version), cancelled by a newer build or a reset. */
let building: { dataVersion: number; cancelled: boolean } | null = null;

/** Runs `f` in a task of its own (after the current one and its rendering). */
const nextTask = (f: () => void) => setTimeout(f, 0);

/** Per column: its counts over the rows passing the other filters (Crossfilter.counts), as of the last change. */
export function getFilterCounts(): Int32Array[] {
  return counts;
}

/** The cross-filter of the dataset on screen, or null before its columns are built. */
export function getCrossfilter(): Crossfilter | null {
  return engine;
}

/** 1 where a plotted point passes every filter, or null when no filter is set. */
export function getFilterMask(): Uint8Array | null {
  return mask;
}

export const useFilterStore = create<FilterState>()((set, get) => ({
  built: 0,
  values: [],
  errors: [],
  mode: 'dim',
  passing: 0,
  version: 0,

  build(dataVersion, classNames) {
    if (get().built === dataVersion || building?.dataVersion === dataVersion) return;
    if (building) building.cancelled = true;
    const b = getPointBuffers();
    const n = b?.rowIndex.length ?? 0;
    const job = { dataVersion, cancelled: false };
    building = job;
    const jobs = b && dataVersion > 0 ? filterColumnJobs(b, classNames) : null;
    const columns: FilterColumn[] = [];
    const finish = () => {
      building = null;
      engine = jobs ? new Crossfilter(columns, n) : null;
      mask = null;
      counts = engine ? engine.columns.map((_, c) => engine!.counts(c)) : [];
      const cols = engine?.columns.length ?? 0;
      // No version bump: no filter is set before or after, so the cloud (which follows `version`) is not redrawn.
      set({ built: dataVersion, values: Array(cols).fill(null), errors: Array(cols).fill(null), passing: n });
    };
    const step = () => {
      if (job.cancelled) return;
      if (!jobs || columns.length === jobs.length) finish();
      else {
        columns.push(jobs[columns.length]());
        nextTask(step);
      }
    };
    nextTask(step);
  },

  setFilter(column, value) {
    if (!engine) return;
    const start = performance.now();
    const error = engine.setFilter(column, value);
    const values = [...get().values];
    const errors = [...get().errors];
    errors[column] = error;
    if (error === null) values[column] = value;
    mask = engine.mask();
    const e = engine;
    counts = e.columns.map((_, c) => e.counts(c));
    set({ values, errors, passing: engine.passing(), version: get().version + 1 });
    // The filter's update (its mask, the AND and every column's counts), for tests and profiling.
    performance.measure(FILTER_MEASURE, { start, end: performance.now() });
  },

  clear() {
    if (!engine) return;
    get().values.forEach((v, c) => v && engine?.setFilter(c, null));
    mask = null;
    counts = [...engine.totals];
    set({ values: get().values.map(() => null), errors: get().errors.map(() => null), passing: engine.n, version: get().version + 1 });
  },

  reset() {
    if (building) building.cancelled = true;
    building = null;
    engine = null;
    mask = null;
    counts = [];
    set({ built: 0, values: [], errors: [], passing: 0, version: get().version + 1 });
  },

  setMode(mode) {
    set({ mode, version: get().version + 1 });
  },
}));
