/** A step's checkpoints on the live run and sweep: what it records, then every verdict (Teach panel and scripts/teach/measure.ts). */
import { evaluate, recordings } from './checks';
import { evaluateSweep, isSweepCheckpoint, sweepRecordings, type SweepView } from './sweepChecks';
import type { CheckResult, LessonRow, LessonStep } from './types';

export function checkStep(step: LessonStep | undefined, rows: readonly LessonRow[], sweep: SweepView | null, before: Readonly<Record<string, number>>): { recorded: Record<string, number>; results: CheckResult[] } {
  const recorded = { ...before, ...recordings(step?.record, rows), ...sweepRecordings(step?.sweepRecord, sweep) };
  const results = (step?.checkpoints ?? []).map((c) => (isSweepCheckpoint(c) ? evaluateSweep(c, sweep, recorded) : evaluate(c, rows, recorded)));
  return { recorded, results };
}
