import { describe, expect, it } from 'vitest';
import { evaluateSweep, isSweepCheckpoint, sweepRecordings, type SweepView } from './sweepChecks';
import { checkStep } from './stepChecks';
import { playStep, reached, sweepStep } from './steps';
import type { SweepCheckpoint } from './types';

const result = (d: number | null, accuracy: number) => ({ d, result: { evaluation: { accuracy, loss: 0, score: accuracy } } }) as SweepView['rows'][number];

/** Baseline 0.9 (threshold 0.81): d = 10 at 0.5, d = 100 at 0.8, d = 1000 at 0.9; d_int90 by hand: 10^(2 + (0.81 - 0.8) / (0.9 - 0.8)) = 125.9. */
const sweep: SweepView = { numParams: 10_000, rows: [result(null, 0.9), result(10, 0.5), result(100, 0.8), result(1000, 0.9)], dInt90: 10 ** 2.1, compression: 10_000 / 10 ** 2.1 };

describe('sweep checkpoints', () => {
  it('baseline, run (reaches / misses 90% of the baseline), dInt90 range and compression', () => {
    expect(evaluateSweep({ kind: 'baseline', atLeast: 0.85, claim: 'b' }, sweep)).toEqual({ pass: true, text: 'b: yes (90.0% on the test rows)' });
    expect(evaluateSweep({ kind: 'baseline', atLeast: 0.95, claim: 'b' }, sweep).pass).toBe(false);
    expect(evaluateSweep({ kind: 'run', d: 100, relation: 'misses', claim: 'm' }, sweep)).toEqual({ pass: true, text: 'm: yes (80.0% against 90% of 90.0% = 81.0%)' });
    expect(evaluateSweep({ kind: 'run', d: 100, relation: 'reaches', claim: 'r' }, sweep).pass).toBe(false);
    expect(evaluateSweep({ kind: 'run', d: 1000, relation: 'reaches', claim: 'r' }, sweep).pass).toBe(true);
    expect(evaluateSweep({ kind: 'run', d: 30, relation: 'reaches', claim: 'r' }, sweep).text).toBe('r: no (the run at d = 30 has not finished)');
    expect(evaluateSweep({ kind: 'dInt90', atLeast: 100, atMost: 200, claim: 'i' }, sweep)).toEqual({ pass: true, text: 'i: yes (d_int90 ≈ 126 of D = 10,000)' });
    expect(evaluateSweep({ kind: 'dInt90', atLeast: 130, atMost: 200, claim: 'i' }, sweep).pass).toBe(false);
    expect(evaluateSweep({ kind: 'compression', atLeast: 79, claim: 'c' }, sweep)).toEqual({ pass: true, text: 'c: yes (D / d_int90 = 79.4x)' });
    expect(evaluateSweep({ kind: 'compression', atLeast: 80, claim: 'c' }, sweep).pass).toBe(false);
  });

  it('says what is missing: no sweep, no baseline, no d_int90', () => {
    expect(evaluateSweep({ kind: 'baseline', atLeast: 0.5, claim: 'b' }, null).text).toBe('b: no (no sweep has run yet)');
    const early: SweepView = { numParams: 10, rows: [{ d: null, result: null }, result(10, 0.5)], dInt90: null, compression: null };
    expect(evaluateSweep({ kind: 'run', d: 10, relation: 'misses', claim: 'r' }, early).text).toBe('r: no (the baseline has not finished)');
    expect(evaluateSweep({ kind: 'dInt90', atLeast: 1, atMost: 9, claim: 'i' }, early).text).toBe('i: no (no d on the grid reached 90% of the baseline)');
    expect(evaluateSweep({ kind: 'compression', atLeast: 1, claim: 'c' }, early).text).toBe('c: no (no d_int90 yet)');
  });

  it('sweepCompare: the ratio to a value an earlier step recorded', () => {
    const recorded = sweepRecordings([{ name: 'small', metric: 'dInt90' }, { name: 'D', metric: 'numParams' }], { ...sweep, dInt90: 100 });
    expect(recorded).toEqual({ small: 100, D: 10_000 });
    const c: SweepCheckpoint = { kind: 'sweepCompare', metric: 'dInt90', than: 'small', ratio: { atMost: 2 }, claim: 'grew less than 2x' };
    expect(evaluateSweep(c, sweep, recorded)).toEqual({ pass: true, text: 'grew less than 2x: yes (d_int90 126 against 100, 1.26x)' });
    expect(evaluateSweep({ ...c, ratio: { atLeast: 1.3 } }, sweep, recorded).pass).toBe(false);
    expect(evaluateSweep(c, sweep, {}).text).toBe('grew less than 2x: no (the step that measures small has not been run yet)');
    expect(sweepRecordings([{ name: 'x', metric: 'dInt90' }], null)).toEqual({});
  });

  it('a step mixes nothing up: sweep checkpoints read the sweep, run checkpoints the rows', () => {
    const step = sweepStep({ title: 't', text: 'x' }, 'preset=digits', 'Run', [{ kind: 'baseline', atLeast: 0.5, claim: 'b' }], [{ name: 'd', metric: 'dInt90' }]);
    expect(step).toEqual({ title: 't', text: 'x', landscape: 'preset=digits', action: { kind: 'sweep', label: 'Run' }, checkpoints: [{ kind: 'baseline', atLeast: 0.5, claim: 'b' }], sweepRecord: [{ name: 'd', metric: 'dInt90' }] });
    expect(checkStep(step, [], sweep, { old: 1 })).toEqual({ recorded: { old: 1, d: 10 ** 2.1 }, results: [{ pass: true, text: 'b: yes (90.0% on the test rows)' }] });
    expect(isSweepCheckpoint(reached('r'))).toBe(false);
    expect(isSweepCheckpoint({ kind: 'run', d: 1, relation: 'reaches', claim: '' })).toBe(true);
  });

  it('playStep leaves out what a step does not have, and names its action', () => {
    expect(playStep({ title: 't', text: 'x' }, undefined, null, ['nc1'])).toEqual({ title: 't', text: 'x', watch: ['nc1'] });
    expect(playStep({ title: 't', text: 'x' }, 'a=1', 1800, [], [reached('r')]).action).toEqual({ kind: 'play-for', steps: 1800, label: 'Play 1,800 steps' });
    expect(playStep({ title: 't', text: 'x' }, undefined, { until: 'trainAccuracy', atLeast: 1, maxSteps: 9, label: 'L' }, []).action).toEqual({ kind: 'play-until', metric: 'trainAccuracy', atLeast: 1, maxSteps: 9, label: 'L' });
  });
});
