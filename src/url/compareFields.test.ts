import { describe, expect, it } from 'vitest';
import { COMPARE_BASE } from './compareFields';
import { parseUrl, writeUrl } from './urlState';

describe("Compare mode's address", () => {
  it('defaults stay out of the link', () => {
    expect(writeUrl({ mode: 'compare', compare: COMPARE_BASE })).toBe('?mode=compare');
  });

  it('every field round-trips', () => {
    const q = '?mode=compare&k=7&svcca=12&anchors=50&seed=3&idcol=word&shared=1&backend=wasm&colour=agreement&example=digits-pooled&dims=2';
    const { state, notes } = parseUrl(q);
    expect(notes).toEqual([]);
    expect(state).toEqual({ mode: 'compare', compare: { settings: { k: 7, svccaK: 12, anchors: 50, seed: 3, idColumn: 'word', sharedOnly: true }, preference: 'wasm', colourBy: 'agreement', dims: 2, example: 'digits-pooled' } });
    expect(writeUrl(state)).toBe(q);
  });

  it('bad values are ignored with a note', () => {
    const { state, notes } = parseUrl('?mode=compare&k=0&dims=4&example=cats&zoom=2');
    expect(state).toEqual({ mode: 'compare', compare: COMPARE_BASE });
    expect(notes.map((n) => n.field)).toEqual(['k', 'example', 'dims', 'zoom']);
  });
});
