import { describe, expect, it } from 'vitest';
import { createRng } from '../geometry/random';
import { Crossfilter, type FilterValue } from './crossfilter';
import { binOf, EMPTY_CATEGORY, filterColumn, filterColumns, niceEdges, NO_BIN } from './filterColumns';

describe('filter columns', () => {
  it('types columns by their values: numbers with many values, few categories, free text', () => {
    const n = 200;
    const score = Array.from({ length: n }, (_, i) => String(i / 10));
    const colour = Array.from({ length: n }, (_, i) => ['red', 'blue', ''][i % 3]);
    const note = Array.from({ length: n }, (_, i) => `point ${i}`);
    const small = Array.from({ length: n }, (_, i) => String(i % 4));
    const s = filterColumn('score', score);
    expect(s.kind).toBe('numeric');
    if (s.kind === 'numeric') {
      expect(s.edges[0]).toBeLessThanOrEqual(0);
      expect(s.edges[s.edges.length - 1]).toBeGreaterThanOrEqual(19.9);
      for (let i = 0; i < n; i++) expect(Number(score[i])).toBeGreaterThanOrEqual(s.edges[s.bin[i]]);
    }
    const c = filterColumn('colour', colour);
    expect(c.kind === 'category' && c.categories).toEqual(['blue', 'red', EMPTY_CATEGORY]);
    expect(filterColumn('note', note).kind).toBe('text');
    const k = filterColumn('small', small);
    expect(k.kind === 'category' && k.categories).toEqual(['0', '1', '2', '3']);
    const withClass = filterColumns({ labels: Int32Array.from({ length: n }, (_, i) => i % 2), meta: { columns: ['class', 'score'], values: [small, score] } }, ['a', 'b']);
    expect(withClass.map((x) => x.name)).toEqual(['class', 'score']);
  });

  it('nice edges cover the range in equal steps; the top value is in the last bin', () => {
    const e = niceEdges(0.13, 9.87);
    const step = e[1] - e[0];
    for (let b = 1; b < e.length; b++) expect(e[b] - e[b - 1]).toBeCloseTo(step, 12);
    expect(binOf(e[e.length - 1], e)).toBe(e.length - 2);
    expect(binOf(0.13, e)).toBe(Math.floor((0.13 - e[0]) / step));
  });
});

describe('crossfilter', () => {
  const n = 5000;
  const rng = createRng(4);
  const x = Array.from({ length: n }, () => String(Math.round(rng.normal() * 1000) / 100));
  const cat = Array.from({ length: n }, (_, i) => `c${i % 7}`);
  const text = Array.from({ length: n }, (_, i) => `item ${i} ${i % 5 === 0 ? 'red fox' : 'grey dog'}`);
  const cols = [filterColumn('x', x), filterColumn('cat', cat), filterColumn('text', text)];
  const passes = (c: number, v: FilterValue, i: number): boolean => {
    const col = cols[c];
    if (col.kind === 'numeric' && v.kind === 'range') return col.bin[i] !== NO_BIN && col.bin[i] >= v.b0 && col.bin[i] <= v.b1;
    if (col.kind === 'category' && v.kind === 'categories') return !v.off.includes(col.codes[i]);
    if (col.kind === 'text' && v.kind === 'text') return text[i].toLowerCase().includes(v.query.toLowerCase());
    return true;
  };

  it('AND of the filters; each column counted over the rows passing the other filters (brute force)', () => {
    const f = new Crossfilter(cols, n);
    const filters: FilterValue[] = [
      { kind: 'range', b0: 3, b1: 9 },
      { kind: 'categories', off: [1, 4] },
      { kind: 'text', query: 'FOX', regex: false },
    ];
    filters.forEach((v, c) => expect(f.setFilter(c, v)).toBeNull());
    const all = (i: number, skip = -1) => filters.every((v, c) => c === skip || passes(c, v, i));
    const mask = f.mask()!;
    let passing = 0;
    for (let i = 0; i < n; i++) {
      expect(mask[i]).toBe(all(i) ? 1 : 0);
      passing += mask[i];
    }
    expect(f.passing()).toBe(passing);
    expect(passing).toBeGreaterThan(0);
    for (let c = 0; c < 2; c++) {
      const col = cols[c];
      const want = new Int32Array(f.counts(c).length);
      for (let i = 0; i < n; i++) {
        if (!all(i, c)) continue;
        if (col.kind === 'numeric' && col.bin[i] !== NO_BIN) want[col.bin[i]]++;
        if (col.kind === 'category') want[col.codes[i]]++;
      }
      expect(Array.from(f.counts(c))).toEqual(Array.from(want));
    }
    expect(f.counts(2)[0]).toBe(passing);
    // Changing one filter replaces it; clearing all leaves no mask.
    f.setFilter(0, { kind: 'range', b0: 0, b1: cols[0].kind === 'numeric' ? cols[0].edges.length - 2 : 0 });
    expect(f.passing()).toBe(Array.from({ length: n }, (_, i) => i).filter((i) => passes(1, filters[1], i) && passes(2, filters[2], i)).length);
    [0, 1, 2].forEach((c) => f.setFilter(c, null));
    expect(f.mask()).toBeNull();
    expect(f.passing()).toBe(n);
    expect(Array.from(f.counts(1))).toEqual(Array.from(f.totals[1]));
  });

  it('an invalid regular expression is reported and leaves the filter as it was', () => {
    const f = new Crossfilter(cols, n);
    expect(f.setFilter(2, { kind: 'text', query: 'fox|', regex: true })).toBeNull();
    const before = f.passing();
    expect(f.setFilter(2, { kind: 'text', query: 'fox[', regex: true })).toMatch(/Not a valid regular expression/);
    expect(f.passing()).toBe(before);
  });

  /** Every column's counts, the mask and the passing rows, by brute force over the filters set. */
  function bruteForce(values: (FilterValue | null)[]) {
    const ok = (c: number, i: number) => values[c] === null || passes(c, values[c]!, i);
    const mask = Uint8Array.from({ length: n }, (_, i) => (cols.every((_, c) => ok(c, i)) ? 1 : 0));
    const counts = cols.map((col, c) => {
      if (col.kind === 'text') return [mask.reduce((s, v) => s + v, 0)];
      const out = new Int32Array(col.kind === 'numeric' ? col.edges.length - 1 : col.kind === 'category' ? col.categories.length : 1);
      for (let i = 0; i < n; i++) {
        if (!cols.every((_, k) => k === c || ok(k, i))) continue;
        if (col.kind === 'numeric') {
          if (col.bin[i] !== NO_BIN) out[col.bin[i]]++;
        } else out[col.kind === 'category' ? col.codes[i] : 0]++;
      }
      return Array.from(out);
    });
    return { mask, counts, passing: mask.reduce((s, v) => s + v, 0) };
  }

  it('incremental updates equal brute force over a random sequence of brushes, toggles, queries and clears', () => {
    const f = new Crossfilter(cols, n);
    const r = createRng(17);
    const values: (FilterValue | null)[] = [null, null, null];
    const bins = cols[0].kind === 'numeric' ? cols[0].edges.length - 1 : 0;
    const queries = ['fox', 'dog', 'item 1', ''];
    for (let step = 0; step < 60; step++) {
      const c = Math.floor(r.uniform() * 3);
      let v: FilterValue | null = null;
      if (r.uniform() > 0.2) {
        if (c === 0) {
          const b0 = Math.floor(r.uniform() * bins);
          v = { kind: 'range', b0, b1: Math.min(bins - 1, b0 + Math.floor(r.uniform() * 6)) };
        } else if (c === 1) v = { kind: 'categories', off: [0, 1, 2, 3, 4, 5, 6].filter(() => r.uniform() < 0.3) };
        else v = { kind: 'text', query: queries[Math.floor(r.uniform() * queries.length)], regex: false };
      }
      expect(f.setFilter(c, v)).toBeNull();
      values[c] = v;
      const want = bruteForce(values);
      expect(f.passing(), `step ${step}`).toBe(want.passing);
      expect(f.active()).toBe(values.some((x) => x !== null));
      if (f.active()) expect(Array.from(f.mask()!)).toEqual(Array.from(want.mask));
      for (let k = 0; k < 3; k++) expect(Array.from(f.counts(k)), `step ${step}, column ${k}`).toEqual(want.counts[k]);
    }
  });

  it('a brush step visits only the rows of the bins it adds or drops, not every row', () => {
    const f = new Crossfilter(cols, n);
    const col = cols[0];
    if (col.kind !== 'numeric') throw new Error('x is numeric');
    const inBins = (b0: number, b1: number) => col.bin.filter((b) => b !== NO_BIN && b >= b0 && b <= b1).length;
    f.setFilter(0, { kind: 'range', b0: 8, b1: 10 });
    // The first brush flips every row outside the range.
    expect(f.lastVisited).toBe(n - inBins(8, 10));
    f.setFilter(0, { kind: 'range', b0: 8, b1: 11 });
    expect(f.lastVisited).toBe(inBins(11, 11));
    f.setFilter(0, { kind: 'range', b0: 9, b1: 11 });
    expect(f.lastVisited).toBe(inBins(8, 8));
    expect(f.lastVisited).toBeLessThan(n / 5);
    // The mask handed out is a copy: later changes do not alter it.
    const m = f.mask()!;
    const before = Array.from(m);
    f.setFilter(0, { kind: 'range', b0: 0, b1: 1 });
    expect(Array.from(m)).toEqual(before);
    f.setFilter(0, null);
    expect(f.mask()).toBeNull();
    expect(f.lastVisited).toBe(n - inBins(0, 1));
  });
});

