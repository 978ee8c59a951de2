import { describe, expect, it } from 'vitest';
import type { SnapshotMetrics } from '../training/types';
import { actionDone, evaluate } from './checks';

const row = (step: number, trainAccuracy: number, nc1: number, nc4: number | null = 0): SnapshotMetrics =>
  ({ step, trainAccuracy, nc1, nc4, etfDistance: nc1 } as unknown as SnapshotMetrics);

const rows = [row(0, 0.3, 5), row(100, 0.9, 2), row(200, 1, 1), row(300, 1, 0.2), row(400, 1, 0.05)];

describe('lesson checkpoints', () => {
  it('fell: from the first snapshot at 100% train accuracy to the latest', () => {
    expect(evaluate({ kind: 'fell', metric: 'nc1', factor: 10, claim: 'NC1 fell 10x' }, rows)).toEqual({ pass: true, text: 'NC1 fell 10x: yes (1.0 at step 200 -> 0.050 at step 400, 20x)' });
    expect(evaluate({ kind: 'fell', metric: 'nc1', factor: 30, claim: 'NC1 fell 30x' }, rows).pass).toBe(false);
    expect(evaluate({ kind: 'fell', metric: 'nc1', factor: 2, claim: 'c' }, rows.slice(0, 2))).toEqual({ pass: false, text: 'c: no (train accuracy has not reached 100% yet)' });
  });

  it('reached, below and atMost', () => {
    expect(evaluate({ kind: 'reached', metric: 'trainAccuracy', value: 1, claim: 'Train accuracy reached 100%' }, rows).text).toBe('Train accuracy reached 100%: yes (at step 200)');
    expect(evaluate({ kind: 'reached', metric: 'trainAccuracy', value: 1, claim: 'r' }, rows.slice(0, 2)).pass).toBe(false);
    expect(evaluate({ kind: 'below', metric: 'etfDistance', value: 0.1, claim: 'b' }, rows).pass).toBe(true);
    expect(evaluate({ kind: 'below', metric: 'etfDistance', value: 0.05, claim: 'b' }, rows).pass).toBe(false);
    expect(evaluate({ kind: 'atMost', metric: 'nc4', value: 0, claim: 'm' }, rows).pass).toBe(true);
    expect(evaluate({ kind: 'atLeast', metric: 'nc1', value: 0.05, claim: 'l' }, rows).text).toBe('l: yes (0.050 at step 400)');
    expect(evaluate({ kind: 'atLeast', metric: 'nc1', value: 0.1, claim: 'l' }, rows).pass).toBe(false);
    expect(evaluate({ kind: 'atMost', metric: 'nc4', value: 0, claim: 'm' }, [row(0, 1, 1, null)]).text).toBe('m: no (nc4 is not available for this run)');
    expect(evaluate({ kind: 'below', metric: 'nc1', value: 1, claim: 'e' }, []).text).toBe('e: no (no snapshots yet)');
  });

  it('actions finish when their goal is met or their budget spent', () => {
    const until = { kind: 'play-until', metric: 'trainAccuracy', atLeast: 1, maxSteps: 1000, label: '' } as const;
    expect(actionDone(until, rows.slice(0, 2), 0)).toEqual({ done: false, met: false });
    expect(actionDone(until, rows.slice(0, 3), 0)).toEqual({ done: true, met: true });
    expect(actionDone({ ...until, maxSteps: 100 }, rows.slice(0, 2), 0)).toEqual({ done: true, met: false });
    expect(actionDone({ kind: 'play-for', steps: 200, label: '' }, rows, 200)).toEqual({ done: true, met: true });
    expect(actionDone({ kind: 'play-for', steps: 200, label: '' }, rows.slice(0, 4), 200)).toEqual({ done: false, met: false });
  });
});
