import { describe, expect, it } from 'vitest';
import type { LessonRow } from './types';
import { actionDone, evaluate, recordings } from './checks';

const row = (step: number, trainAccuracy: number, nc1: number, nc4: number | null = 0): LessonRow =>
  ({ step, trainAccuracy, nc1, nc4, etfDistance: nc1 } as unknown as LessonRow);

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

  it('compare: the latest value against one an earlier step recorded', () => {
    const recorded = recordings([{ name: 'learned', metric: 'nc1' }, { name: 'gone', metric: 'nc4' }], [row(0, 1, 0.4, null)]);
    expect(recorded).toEqual({ learned: 0.4 });
    const below = { kind: 'compare', metric: 'nc1', than: 'learned', relation: 'below', claim: 'NC1 is lower than with the learned head' } as const;
    expect(evaluate(below, rows, recorded)).toEqual({ pass: true, text: 'NC1 is lower than with the learned head: yes (0.050 at step 400, learned 0.40)' });
    expect(evaluate({ ...below, relation: 'above' }, rows, recorded).pass).toBe(false);
    expect(evaluate({ ...below, factor: 10 }, rows, recorded)).toEqual({ pass: false, text: 'NC1 is lower than with the learned head: no (0.050 at step 400, learned 0.40, 8.0x)' });
    expect(evaluate({ ...below, factor: 5 }, rows, recorded).pass).toBe(true);
    expect(evaluate({ ...below, relation: 'above' }, rows, { learned: 0.01 }).pass).toBe(true);
    expect(evaluate(below, rows, {}).text).toBe('NC1 is lower than with the learned head: no (the step that measures learned has not been run yet)');
  });

  it('sinceStart: from the first snapshot to the latest', () => {
    const rose = { kind: 'sinceStart', metric: 'nc1', relation: 'fell', factor: 50, claim: 'NC1 fell 50x since step 0' } as const;
    expect(evaluate(rose, rows)).toEqual({ pass: true, text: 'NC1 fell 50x since step 0: yes (5.0 at step 0 -> 0.050 at step 400, 100x)' });
    expect(evaluate({ ...rose, relation: 'rose' }, rows).pass).toBe(false);
    expect(evaluate({ ...rose, relation: 'rose', factor: 2 }, [rows[4], rows[0]]).text).toBe('NC1 fell 50x since step 0: yes (0.050 at step 400 -> 5.0 at step 0, 100x)');
  });
});
