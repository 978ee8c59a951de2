/**
 * Keeps the cloud's screen index (screenIndex.ts) in step with the camera and the points: any
 * change of the camera, the canvas size or the point size makes the index stale, and it is rebuilt
 * once they have been still for REBUILD_MS (in slices, cancelled by a newer change). While a
 * transition runs there is no index (hover pauses); it is rebuilt when the points settle.
 */
import { buildScreenIndex } from './buildScreenIndex';
import type { ScreenIndex, ScreenSpec } from './screenIndex';
import type { CloudHandle } from './cloudHandle';

/** Quiet time after the last camera change before the index is rebuilt. */
export const REBUILD_MS = 120;
/** Longest slice of index work before yielding to the page. */
const SLICE_MS = 12;

function sameSpec(a: ScreenSpec, b: ScreenSpec): boolean {
  if (a.width !== b.width || a.height !== b.height || a.size !== b.size || a.refDistance !== b.refDistance || a.pickPx !== b.pickPx) return false;
  for (let k = 0; k < 16; k++) if (a.matrix[k] !== b.matrix[k]) return false;
  return true;
}

export class CloudPicker {
  private spec: ScreenSpec | null = null;
  private moving = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private pending: Promise<ScreenIndex | null> | null = null;
  /** The last index built (its n-sized arrays are reused by the next build). */
  private last: ScreenIndex | null = null;

  constructor(
    private readonly handle: CloudHandle,
    /** Called when a fresh index is in place (e.g. to refresh the hover under a still pointer). */
    private readonly onReady: () => void,
  ) {}

  /** Reports the current camera and look (every drawn frame); a change makes the index stale. */
  frame(spec: ScreenSpec): void {
    if (this.spec && sameSpec(this.spec, spec)) return;
    this.spec = { ...spec, matrix: Array.from(spec.matrix) };
    this.stale();
  }

  /** Positions start moving (a transition) or jump (new data). */
  positionsMoving(): void {
    this.moving = true;
    this.stale();
  }

  /** The points have arrived where the view puts them. */
  positionsSettled(): void {
    this.moving = false;
    this.stale();
  }

  /** A fresh index, now if there is one, else after a build started now (null without data or while moving). */
  request(): Promise<ScreenIndex | null> {
    if (this.handle.index) return Promise.resolve(this.handle.index);
    if (this.pending) return this.pending;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    return this.build();
  }

  /** Stops a pending rebuild (the picker stays usable: the next change schedules one again). */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.generation++;
    this.pending = null;
    this.handle.index = null;
  }

  private stale(): void {
    this.handle.index = null;
    this.generation++;
    this.pending = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = this.moving ? null : setTimeout(() => {
      this.timer = null;
      void this.build();
    }, REBUILD_MS);
  }

  private build(): Promise<ScreenIndex | null> {
    const { to } = this.handle;
    const spec = this.spec;
    if (!to || !spec || this.moving) return Promise.resolve(null);
    const gen = ++this.generation;
    const reuse = this.last;
    this.last = null;
    const job = buildScreenIndex(to, spec, { sliceMs: SLICE_MS, cancelled: () => gen !== this.generation, reuse }).then((index) => {
      if (index) this.last = index;
      if (gen !== this.generation || !index) return null;
      this.pending = null;
      this.handle.index = index;
      this.onReady();
      return index;
    });
    this.pending = job;
    return job;
  }
}
