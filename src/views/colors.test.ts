import { describe, expect, it } from 'vitest';
import { buildPlan, columnPlan, continuousPlan, fillColors, OTHER_COLOR, scaleColor, type Emphasis } from './colors';
import { classColor, hexToRgb } from './palette';

const plain: Emphasis = { hidden: [], selection: null, isolate: false, present: null, background: [1, 1, 1] };

describe('colour plans', () => {
  it('makes small or textual columns categorical, ranked by frequency, with "other" beyond 39', () => {
    const p = columnPlan('animal', ['cat', 'dog', 'cat', '', 'emu']);
    if (p.kind !== 'categorical') throw new Error(p.kind);
    expect(p.categories).toEqual(['cat', 'dog', 'emu']);
    expect(p.counts).toEqual([2, 1, 1]);
    expect(Array.from(p.codes)).toEqual([0, 1, 0, -1, 2]);
    const forty = columnPlan('w', Array.from({ length: 80 }, (_, i) => `w${i % 40}`));
    if (forty.kind !== 'categorical') throw new Error(forty.kind);
    expect(forty.categories.length).toBe(40);
    expect(new Set(forty.colors).size).toBe(40);
    const many = columnPlan('w', Array.from({ length: 100 }, (_, i) => `w${i % 44}`));
    if (many.kind !== 'categorical') throw new Error(many.kind);
    expect(many.categories.length).toBe(40);
    expect(many.categories[39]).toBe('other (5 values)');
    expect(many.colors[39]).toBe(OTHER_COLOR);
    expect(many.counts.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('gives a value that is a class name the colour of that class, in class order, and others the unused colours', () => {
    const classes = ['cat', 'dog', 'emu', 'fox'];
    const predicted = columnPlan('prediction', ['fox', 'fox', 'fox', 'dog', 'dog', 'cat'], classes);
    if (predicted.kind !== 'categorical') throw new Error(predicted.kind);
    expect(predicted.categories).toEqual(['cat', 'dog', 'fox']);
    expect(predicted.colors).toEqual([classColor(0), classColor(1), classColor(3)]);
    const truth = buildPlan('class', { labels: new Int32Array([3, 1]), meta: null }, classes, [0, 1, 0, 1], null);
    if (truth.kind !== 'categorical') throw new Error(truth.kind);
    for (const [k, name] of predicted.categories.entries()) expect(truth.colors[classes.indexOf(name)]).toBe(predicted.colors[k]);
    const mixed = columnPlan('guess', ['dog', 'dog', 'unsure', 'emu'], classes);
    if (mixed.kind !== 'categorical') throw new Error(mixed.kind);
    expect(mixed.categories).toEqual(['dog', 'emu', 'unsure']);
    expect(mixed.colors.slice(0, 2)).toEqual([classColor(1), classColor(2)]);
    expect([classColor(1), classColor(2)]).not.toContain(mixed.colors[2]);
    const viaMeta = buildPlan('meta:p', { labels: null, meta: { columns: ['p'], values: [['emu', 'cat']] } }, classes, null, null);
    if (viaMeta.kind !== 'categorical') throw new Error(viaMeta.kind);
    expect(viaMeta.colors).toEqual([classColor(0), classColor(2)]);
  });

  it('makes numeric columns with many values continuous over the 2nd-98th percentile', () => {
    const values = Array.from({ length: 101 }, (_, i) => String(i));
    values[5] = '';
    const p = columnPlan('score', values);
    if (p.kind !== 'continuous') throw new Error(p.kind);
    expect(p.min).toBe(2);
    expect(p.max).toBe(98);
    expect(p.missing).toBe(1);
    const flat = continuousPlan('c', new Float32Array([3, 3, NaN]));
    if (flat.kind !== 'continuous') throw new Error(flat.kind);
    expect(flat.max).toBeGreaterThan(flat.min);
  });

  it('falls back to one colour when the choice has no data', () => {
    expect(buildPlan('class', { labels: null, meta: null }, null, null, null)).toEqual({ kind: 'uniform' });
    expect(buildPlan('localId', { labels: null, meta: null }, null, null, null)).toEqual({ kind: 'uniform' });
    expect(buildPlan('meta:nope', { labels: null, meta: { columns: ['a'], values: [['x']] } }, null, null, null)).toEqual({ kind: 'uniform' });
  });

  it('fills RGBA: class colours, hidden categories, dimmed unselected points, isolation and absent points', () => {
    const plan = buildPlan('class', { labels: new Int32Array([0, 1, 1]), meta: null }, ['a', 'b'], [1, 2], null);
    const out = new Float32Array(12);
    fillColors(out, plan, plain);
    expect(Array.from(out.subarray(0, 3))).toEqual(hexToRgb(classColor(0)).map((v) => Math.fround(v)));
    expect(out[3]).toBe(1);
    fillColors(out, plan, { ...plain, hidden: ['b'] });
    expect([out[3], out[7], out[11]]).toEqual([1, 0, 0]);
    const selection = new Uint8Array([1, 0, 0]);
    fillColors(out, plan, { ...plain, selection });
    expect(out[4]).toBeGreaterThan(hexToRgb(classColor(1))[0]);
    fillColors(out, plan, { ...plain, selection, isolate: true });
    expect([out[3], out[7], out[11]]).toEqual([1, 0, 0]);
    fillColors(out, plan, { ...plain, present: new Uint8Array([0, 1, 1]) });
    expect([out[3], out[7], out[11]]).toEqual([0, 1, 1]);
    fillColors(out, plan, { ...plain, focus: 'b' });
    expect(out[0]).toBeGreaterThan(hexToRgb(classColor(0))[0]);
    expect(out[4]).toBeCloseTo(hexToRgb(classColor(1))[0], 6);
    expect([out[3], out[7], out[11]]).toEqual([1, 1, 1]);
  });

  it('scaleColor gives hex colours from dark to light', () => {
    expect(scaleColor(0)).toMatch(/^#[0-9a-f]{6}$/);
    const lum = (h: string) => hexToRgb(h).reduce((a, b) => a + b, 0);
    expect(lum(scaleColor(1))).toBeGreaterThan(lum(scaleColor(0)));
  });
});
