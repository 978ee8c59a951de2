import { describe, expect, it } from 'vitest';
import { collapseReasons } from '../../geometry/collapseReasons';
import { shortReason } from './readoutReason';

const facts = { K: 4, d: 16, traceSigmaW: 1, largestSingularValue: 1, onePerClass: false, coincident: false, zeroMean: -1, classifierNorm: 1 };

describe('shortReason: the readout\'s few words for a missing collapse value', () => {
  it('names each of the core\'s reasons in at most 18 characters', () => {
    const cases: [Partial<typeof facts>, string, string][] = [
      [{ d: 2 }, 'etfDistance', 'no simplex fits'],
      [{ K: 2 }, 'etfDistance', 'trivial at K = 2'],
      [{ largestSingularValue: 0, traceSigmaW: 0 }, 'nc1', 'all features equal'],
      [{ largestSingularValue: 0 }, 'nc1', 'means coincide'],
      [{ onePerClass: true }, 'nc1', 'one row per class'],
    ];
    for (const [over, key, want] of cases) {
      const why = collapseReasons({ ...facts, ...over })[key as 'nc1'];
      expect(why, key).toBeTruthy();
      expect(shortReason(why!)).toBe(want);
      expect(want.length).toBeLessThanOrEqual(18);
    }
  });

  it('the snapshot\'s own reasons, and the clause before the colon of any other', () => {
    expect(shortReason('the features are not finite (NaN or infinite): training diverged')).toBe('not finite');
    expect(shortReason('a class has no training rows, so its mean is not defined')).toBe('a class is empty');
    expect(shortReason('something new: with an explanation')).toBe('something new');
  });
});
