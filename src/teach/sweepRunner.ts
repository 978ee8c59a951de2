/**
 * Lesson 7's hold on Landscape mode: applies a step's Landscape settings, runs its sweep (the
 * previous finished sweep kept on the chart for comparison) and reports its end.
 */
import { useLandscapeStore } from '../state/landscapeStore';
import { applyLandscapeQuery } from '../url/storeState';
import type { SweepView } from './sweepChecks';

export const applySweepSettings = applyLandscapeQuery;

/** The sweep on screen as the checkpoints read it, or null. */
export function sweepView(): SweepView | null {
  const c = useLandscapeStore.getState().current;
  return c ? { numParams: c.plan.numParams, rows: c.rows, dInt90: c.dInt90, compression: c.compression } : null;
}

const ended = (status: string) => status === 'done' || status === 'cancelled' || status === 'error';

/** Starts the sweep of the form on screen; `onEnd(finished)` once it is done, cancelled or failed. Returns the detach. */
export function runLessonSweep(onEnd: (finished: boolean) => void): () => void {
  const l = useLandscapeStore.getState();
  if (l.current && l.current.status !== 'error' && ended(l.current.status)) l.keep();
  useLandscapeStore.getState().start();
  const mine = useLandscapeStore.getState().current;
  if (!mine || ended(mine.status)) {
    onEnd(false);
    return () => undefined;
  }
  return useLandscapeStore.subscribe((s) => {
    if (s.current?.key === mine.key && ended(s.current.status)) onEnd(s.current.status === 'done');
  });
}

export function cancelLessonSweep(): void {
  useLandscapeStore.getState().cancel();
}
