import { afterEach, describe, expect, it, vi } from 'vitest';
import { filterColumns } from './filterColumns';
import { getCrossfilter, getFilterCounts, getFilterMask, useFilterStore } from './filterStore';
import { setPointBuffers } from './pointBuffers';

const n = 3000;
const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
const meta = {
  columns: ['score', 'size', 'note'],
  values: [Array.from({ length: n }, (_, i) => String((i * 7919) % 1000)), Array.from({ length: n }, (_, i) => ['s', 'm', 'l'][i % 3]), Array.from({ length: n }, (_, i) => `row ${i}`)],
};
const classNames = ['a', 'b', 'c'];

afterEach(() => {
  useFilterStore.getState().reset();
  vi.useRealTimers();
});

describe('filter store', () => {
  it('types a new dataset’s columns one per task, after the task that asked, and then equal to filterColumns', () => {
    vi.useFakeTimers();
    setPointBuffers({ rowIndex: Int32Array.from({ length: n }, (_, i) => i), labels, meta });
    useFilterStore.getState().build(1, classNames);
    // Nothing is typed in the caller's task (the one that put the data on screen).
    expect(useFilterStore.getState().built).toBe(0);
    expect(getCrossfilter()).toBeNull();
    const want = filterColumns({ labels, meta }, classNames);
    // One task per column, then one that builds the engine.
    for (let t = 0; t < want.length; t++) {
      vi.advanceTimersToNextTimer();
      expect(useFilterStore.getState().built, `after task ${t + 1}`).toBe(0);
    }
    const version = useFilterStore.getState().version;
    vi.advanceTimersToNextTimer();
    expect(useFilterStore.getState().built).toBe(1);
    // No filter before or after: the cloud, which redraws on a version bump, is left alone.
    expect(useFilterStore.getState().version).toBe(version);
    const engine = getCrossfilter()!;
    expect(engine.columns.map((c) => [c.name, c.kind])).toEqual(want.map((c) => [c.name, c.kind]));
    expect(getFilterCounts().map((c) => Array.from(c))).toEqual(want.map((_, c) => Array.from(engine.totals[c])));
    expect(useFilterStore.getState().passing).toBe(n);
    // Asking again for the same data does nothing.
    useFilterStore.getState().build(1, classNames);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a newer dataset or a reset cancels a build under way', () => {
    vi.useFakeTimers();
    setPointBuffers({ rowIndex: Int32Array.from({ length: n }, (_, i) => i), labels, meta });
    useFilterStore.getState().build(1, classNames);
    vi.advanceTimersToNextTimer();
    setPointBuffers({ rowIndex: Int32Array.from({ length: 10 }, (_, i) => i), labels: labels.slice(0, 10), meta: null });
    useFilterStore.getState().build(2, classNames);
    vi.runAllTimers();
    expect(useFilterStore.getState().built).toBe(2);
    expect(getCrossfilter()!.n).toBe(10);
    useFilterStore.getState().reset();
    useFilterStore.getState().build(3, classNames);
    useFilterStore.getState().reset();
    vi.runAllTimers();
    expect(useFilterStore.getState().built).toBe(0);
    expect(getCrossfilter()).toBeNull();
  });

  it('a filter change hands out a fresh mask and counts equal to the engine’s', () => {
    vi.useFakeTimers();
    setPointBuffers({ rowIndex: Int32Array.from({ length: n }, (_, i) => i), labels, meta });
    useFilterStore.getState().build(1, classNames);
    vi.runAllTimers();
    useFilterStore.getState().setFilter(2, { kind: 'categories', off: [0] });
    const first = getFilterMask()!;
    const passing = useFilterStore.getState().passing;
    expect(first.reduce((s, v) => s + v, 0)).toBe(passing);
    useFilterStore.getState().setFilter(1, { kind: 'range', b0: 0, b1: 3 });
    // The first mask (perhaps held as a selection) is not changed by the next filter.
    expect(first.reduce((s, v) => s + v, 0)).toBe(passing);
    expect(getFilterMask()).not.toBe(first);
    expect(getFilterCounts().map((c) => Array.from(c))).toEqual(getCrossfilter()!.columns.map((_, c) => Array.from(getCrossfilter()!.counts(c))));
  });
});
