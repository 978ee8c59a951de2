import { describe, expect, it } from 'vitest';
import { controlName, HIDEABLE, parseHidden, useHideStore } from './hideStore';

describe('hideable Train controls', () => {
  it('names a control by its test id without the train- prefix', () => {
    expect(controlName('train-lr')).toBe('lr');
    expect(controlName('train-gcr-k')).toBe('gcr-k');
    expect(controlName('ls-depth')).toBeNull();
    expect(controlName('train-chart-layers')).toBeNull();
  });

  it('parses hide=: known names in panel order, the rest reported', () => {
    expect(parseHidden('wd,lr, bogus,,seed')).toEqual({ hidden: ['lr', 'wd', 'seed'], unknown: ['bogus'] });
    expect(parseHidden(null)).toEqual({ hidden: [], unknown: [] });
    expect(new Set(HIDEABLE).size).toBe(HIDEABLE.length);
  });

  it('toggles keep the panel order', () => {
    useHideStore.setState({ hidden: [] });
    useHideStore.getState().toggle('seed');
    useHideStore.getState().toggle('lr');
    expect(useHideStore.getState().hidden).toEqual(['lr', 'seed']);
    useHideStore.getState().toggle('seed');
    expect(useHideStore.getState().hidden).toEqual(['lr']);
  });
});
