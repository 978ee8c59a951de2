/**
 * Long loops written once as generators that yield their progress in [0, 1] between chunks, then
 * run either synchronously (runSteps) or as cancellable async work (runStepsAsync: a checkpoint
 * at every yield, so a worker receives its cancel message and the loop stops there).
 */
import { checkpoint } from './abort';

/** Work that yields its progress fraction between chunks and returns T. */
export type Steps<T> = Generator<number, T, void>;

/** Runs the steps to the end without yielding to the event loop. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps with checkpoint(signal) at every yield (rejects with an AbortError on signal). */
export async function runStepsAsync<T>(steps: Steps<T>, signal?: AbortSignal, onProgress?: (fraction: number) => void): Promise<T> {
  for (;;) {
    await checkpoint(signal);
    const r = steps.next();
    if (r.done) return r.value;
    onProgress?.(r.value);
  }
}

/** The steps of one phase, their progress mapped onto [lo, hi] of the whole. */
export function* within<T>(steps: Steps<T>, lo: number, hi: number): Steps<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield lo + (hi - lo) * r.value;
  }
}

/** Rows per chunk so that one chunk does about `flops` operations at `perRow` each (at least 1). */
export function chunkRows(perRow: number, flops = 2e6): number {
  return Math.max(1, Math.floor(flops / Math.max(1, perRow)));
}
