/** Checkpoints and action goals evaluated on a run's metrics history (pure; the Teach panel calls them on the live run). */
import type { SnapshotMetrics } from '../training/types';
import type { Checkpoint, CheckResult, LessonAction } from './types';

const num = (v: number) => (Math.abs(v) >= 100 || v === 0 ? v.toFixed(0) : v.toPrecision(2));

/** The first snapshot of the terminal phase (train accuracy 1), or undefined. */
export function terminalSnapshot(rows: readonly SnapshotMetrics[]): SnapshotMetrics | undefined {
  return rows.find((r) => r.trainAccuracy === 1);
}

/** Evaluates one checkpoint on `rows` (snapshot order). A missing value fails with the reason. */
export function evaluate(c: Checkpoint, rows: readonly SnapshotMetrics[]): CheckResult {
  const last = rows[rows.length - 1];
  const verdict = (pass: boolean, detail: string) => ({ pass, text: `${c.claim}: ${pass ? 'yes' : 'no'} (${detail})` });
  if (!last) return verdict(false, 'no snapshots yet');
  const latest = last[c.metric];
  if (c.kind === 'reached') {
    const hit = rows.find((r) => r[c.metric] !== null && (r[c.metric] as number) >= c.value);
    return hit ? verdict(true, `at step ${hit.step}`) : verdict(false, `latest ${latest === null ? 'n/a' : num(latest)} at step ${last.step}`);
  }
  if (latest === null) return verdict(false, `${c.metric} is not available for this run`);
  if (c.kind === 'below') return verdict(latest < c.value, `${num(latest)} at step ${last.step}`);
  if (c.kind === 'atMost') return verdict(latest <= c.value, `${num(latest)} at step ${last.step}`);
  if (c.kind === 'atLeast') return verdict(latest >= c.value, `${num(latest)} at step ${last.step}`);
  const start = terminalSnapshot(rows);
  if (!start) return verdict(false, 'train accuracy has not reached 100% yet');
  const from = start[c.metric];
  if (from === null) return verdict(false, `${c.metric} is not available for this run`);
  const ratio = from / latest;
  return verdict(ratio >= c.factor, `${num(from)} at step ${start.step} -> ${num(latest)} at step ${last.step}, ${num(ratio)}x`);
}

/** Whether a step's action has finished: its goal met, or its step budget spent (counted from `startStep`). */
export function actionDone(a: LessonAction, rows: readonly SnapshotMetrics[], startStep: number): { done: boolean; met: boolean } {
  const last = rows[rows.length - 1];
  if (!last) return { done: false, met: false };
  if (a.kind === 'play-for') return { done: last.step >= startStep + a.steps, met: last.step >= startStep + a.steps };
  const v = last[a.metric];
  const met = v !== null && v >= a.atLeast;
  return { done: met || last.step >= startStep + a.maxSteps, met };
}
