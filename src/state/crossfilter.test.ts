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
});
