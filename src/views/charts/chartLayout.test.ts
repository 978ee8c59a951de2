import { describe, expect, it } from 'vitest';
import { valueLabel } from './BarChart';
import { heatmapLabels, labelStep, MIN_CELL } from './Heatmap';
import { spansOverlap, textWidth } from './measure';

describe('chart label layout', () => {
  it("moves a value label that would cross the marker line to the line's far side, and leaves the others", () => {
    const x = (v: number) => v * 10;
    // "6.62" starts at 69.2 and is ~25 px wide: the line at 70 would run through it.
    const crossed = valueLabel(6.62, x, 70);
    expect(crossed.text).toBe('6.62');
    expect(crossed.x).toBe(74);
    expect(spansOverlap(crossed.x, textWidth(crossed.text, 10), 69, 2)).toBe(false);
    expect(valueLabel(3.1, x, 70)).toEqual({ text: '3.10', x: 34 });
    expect(valueLabel(8.2, x, 70)).toEqual({ text: '8.20', x: 85 });
    expect(valueLabel(null, x, 70)).toEqual({ text: 'n/a', x: 3 });
    expect(valueLabel(6.62, x, null).x).toBeCloseTo(69.2, 9);
  });

  it('labels heatmap classes by name clipped at the end or in the middle, by number when clipped names would repeat, every nth row at small cells', () => {
    expect(heatmapLabels(['cat', 'automobile'])).toEqual(['cat', 'automob…']);
    expect(heatmapLabels(['Quercus_1', 'Quercus_2', 'oak'])).toEqual(['Que…us_1', 'Que…us_2', 'oak']);
    expect(heatmapLabels(['Quercus_1_leaf', 'Quercus_2_leaf', 'oak'])).toEqual(['1', '2', '3']);
    expect(labelStep(10.8)).toBe(1);
    expect(labelStep(MIN_CELL)).toBe(2);
    expect(labelStep(3)).toBe(4);
  });
});
