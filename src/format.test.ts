import { describe, expect, it } from 'vitest';
import { formatFixedList, formatPercent } from './format';

describe('formatPercent and formatFixedList', () => {
  it('print a share as a percentage with the decimals asked for', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.5, 0)).toBe('50%');
    expect(formatPercent(1)).toBe('100.0%');
  });
  it('print values with fixed decimals, space-separated', () => {
    expect(formatFixedList([0.5, 0.12345, 1])).toBe('0.500 0.123 1.000');
    expect(formatFixedList([2 / 3], 1)).toBe('0.7');
    expect(formatFixedList([])).toBe('');
  });
});
