import { describe, expect, it } from 'vitest';
import { autoPointSize, useViewStore } from './viewStore';

describe('view store', () => {
  it('keeps 7 px for small sets and shrinks towards 2 px for a million points', () => {
    expect(autoPointSize(1797)).toBe(7);
    expect(autoPointSize(60_000)).toBe(4);
    expect(autoPointSize(1_000_000)).toBe(2);
  });

  it('clears hidden categories when the colouring changes and clamps the point size', () => {
    const s = useViewStore.getState();
    s.toggleHidden('3');
    expect(useViewStore.getState().hidden).toEqual(['3']);
    s.setColorBy('meta:note');
    expect(useViewStore.getState()).toMatchObject({ colorBy: 'meta:note', hidden: [] });
    s.setPointSize(99);
    expect(useViewStore.getState().pointSize).toBe(14);
  });
});
