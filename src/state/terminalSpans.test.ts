import { describe, expect, it } from 'vitest';
import { terminalBadgeText, terminalSpans, terminalState } from './terminalSpans';

const rows = (accs: number[], every = 25) => accs.map((a, i) => ({ step: i * every, trainAccuracy: a }));

describe('terminal phase spans', () => {
  it('has no span before train accuracy reaches 1', () => {
    const spans = terminalSpans(rows([0.2, 0.9, 0.99]));
    expect(spans).toEqual([]);
    expect(terminalBadgeText(terminalState(spans))).toEqual({ title: 'train error > 0', detail: 'not yet terminal' });
  });

  it('an open span runs to the latest snapshot and the badge says terminal since its start', () => {
    const spans = terminalSpans(rows([0.5, 1, 1, 1]));
    expect(spans).toEqual([{ from: 25, to: 75, endedAt: null }]);
    expect(terminalBadgeText(terminalState(spans)).title).toBe('terminal phase');
    expect(terminalBadgeText(terminalState(spans)).detail).toBe('error 0 since step 25');
  });

  it('accuracy below 1 ends the span at the last snapshot with error 0; every later return is a new span', () => {
    const spans = terminalSpans(rows([0.5, 1, 1, 0.98, 0.97, 1, 0.99, 1, 1]));
    expect(spans).toEqual([
      { from: 25, to: 50, endedAt: 75 },
      { from: 125, to: 125, endedAt: 150 },
      { from: 175, to: 200, endedAt: null },
    ]);
    expect(terminalState(spans)).toEqual({ kind: 'terminal', since: 175, spans: 3 });
  });

  it('after a drop the badge never claims the terminal phase', () => {
    const spans = terminalSpans(rows([1, 1, 0.8]));
    const text = terminalBadgeText(terminalState(spans));
    expect(text.title).toBe('left terminal phase');
    expect(text.title).not.toBe('terminal phase');
    expect(text.detail).toBe('acc. < 100% at step 50');
  });

  it('a non-finite accuracy (a diverged run) ends the span', () => {
    expect(terminalSpans(rows([1, NaN]))).toEqual([{ from: 0, to: 0, endedAt: 25 }]);
  });
});
