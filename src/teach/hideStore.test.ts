import { describe, expect, it } from 'vitest';
import { controlName, HIDE_MODES, HIDEABLE, parseHidden, showTestId, useHideStore } from './hideStore';

describe('hideable Train and Landscape controls', () => {
  it("names a control by its test id without its mode's prefix", () => {
    expect(controlName('train-lr')).toEqual({ mode: 'train', name: 'lr' });
    expect(controlName('train-gcr-k')).toEqual({ mode: 'train', name: 'gcr-k' });
    expect(controlName('ls-depth')).toEqual({ mode: 'landscape', name: 'depth' });
    expect(controlName('ls-lr-baseline')).toEqual({ mode: 'landscape', name: 'lr-baseline' });
    expect(controlName('train-chart-layers')).toBeNull();
    expect(controlName('ls-acc')).toBeNull();
    expect(controlName('lr')).toBeNull();
    expect(showTestId('train', 'lr')).toBe('show-lr');
    expect(showTestId('landscape', 'lr')).toBe('ls-show-lr');
  });

  it("parses hide=: the mode's known names in panel order, the rest reported", () => {
    expect(parseHidden('train', 'wd,lr, bogus,,seed')).toEqual({ hidden: ['lr', 'wd', 'seed'], unknown: ['bogus'] });
    expect(parseHidden('landscape', 'seed,wd,dims,run')).toEqual({ hidden: ['dims', 'seed', 'run'], unknown: ['wd'] });
    expect(parseHidden('train', null)).toEqual({ hidden: [], unknown: [] });
    for (const mode of HIDE_MODES) expect(new Set(HIDEABLE[mode]).size).toBe(HIDEABLE[mode].length);
  });

  it("toggles keep the panel order and touch only the mode's list", () => {
    useHideStore.setState({ hidden: { train: [], landscape: ['seed'] } });
    useHideStore.getState().toggle('train', 'seed');
    useHideStore.getState().toggle('train', 'lr');
    expect(useHideStore.getState().hidden).toEqual({ train: ['lr', 'seed'], landscape: ['seed'] });
    useHideStore.getState().toggle('train', 'seed');
    useHideStore.getState().toggle('landscape', 'steps');
    expect(useHideStore.getState().hidden).toEqual({ train: ['lr'], landscape: ['steps', 'seed'] });
  });
});
