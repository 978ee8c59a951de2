/** Checkpoints and action goals evaluated on a run's metrics history (pure; the Teach panel calls them on the live run). */
import type { Checkpoint, CheckResult, LessonAction, LessonRow, Recording } from './types';

const num = (v: number) => (Math.abs(v) >= 100 || v === 0 ? v.toFixed(0) : v.toPrecision(2));

/** The first snapshot of the terminal phase (train accuracy 1), or undefined. */
export function terminalSnapshot<R extends { trainAccuracy: number }>(rows: readonly R[]): R | undefined {
  return rows.find((r) => r.trainAccuracy === 1);
}

/** Evaluates one checkpoint on `rows` (snapshot order) and the values earlier steps recorded. A missing value fails with the reason. */
export function evaluate(c: Checkpoint, rows: readonly LessonRow[], recorded: Readonly<Record<string, number>> = {}): CheckResult {
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
  if (c.kind === 'sinceStart') {
    const from = rows[0][c.metric];
    if (from === null) return verdict(false, `${c.metric} is not available at step ${rows[0].step}`);
    const ratio = c.relation === 'rose' ? latest / from : from / latest;
    return verdict(ratio >= c.factor, `${num(from)} at step ${rows[0].step} -> ${num(latest)} at step ${last.step}, ${num(ratio)}x`);
  }
  if (c.kind === 'compare') {
    const other = recorded[c.than];
    if (other === undefined) return verdict(false, `the step that measures ${c.than} has not been run yet`);
    const f = c.factor ?? 1;
    const pass = c.relation === 'above' ? latest > other * f : latest * f < other;
    const ratio = c.relation === 'above' ? latest / other : other / latest;
    return verdict(pass, `${num(latest)} at step ${last.step}, ${c.than} ${num(other)}${f !== 1 && Number.isFinite(ratio) ? `, ${num(ratio)}x` : ''}`);
  }
  const start = terminalSnapshot(rows);
  if (!start) return verdict(false, 'train accuracy has not reached 100% yet');
  const from = start[c.metric];
  if (from === null) return verdict(false, `${c.metric} is not available for this run`);
  const ratio = from / latest;
  return verdict(ratio >= c.factor, `${num(from)} at step ${start.step} -> ${num(latest)} at step ${last.step}, ${num(ratio)}x`);
}

/** Whether a step's action has finished: its goal met, or its step budget spent (counted from `startStep`). */
export function actionDone(a: LessonAction, rows: readonly LessonRow[], startStep: number): { done: boolean; met: boolean } {
  const last = rows[rows.length - 1];
  if (!last) return { done: false, met: false };
  // A sweep ends with the Landscape sweep itself (sweepRunner.ts), not with the Train run's rows.
  if (a.kind === 'sweep') return { done: false, met: false };
  if (a.kind === 'play-for') return { done: last.step >= startStep + a.steps, met: last.step >= startStep + a.steps };
  const v = last[a.metric];
  const met = v !== null && v >= a.atLeast;
  return { done: met || last.step >= startStep + a.maxSteps, met };
}

/** The values a step records from the latest row (metrics that are null there are left out). */
export function recordings(list: readonly Recording[] | undefined, rows: readonly LessonRow[]): Record<string, number> {
  const last = rows[rows.length - 1];
  const out: Record<string, number> = {};
  for (const r of list ?? []) {
    const v = last?.[r.metric];
    if (typeof v === 'number' && Number.isFinite(v)) out[r.name] = v;
  }
  return out;
}
