/**
 * Animated transitions between views: positions are interpolated from the previous view to the
 * next over TRANSITION_MS with an ease-in-out curve, written into existing arrays (no allocation
 * per frame). A shared clock lets the overlays move in step with the points.
 */

export const TRANSITION_MS = 600;

/** Cubic ease-in-out of t in [0, 1]. */
export function easeInOut(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/** out[i] = from[i] + (to[i] - from[i]) * e for every i (the three arrays have the same length). */
export function lerpInto(out: Float32Array, from: Float32Array, to: Float32Array, e: number): void {
  for (let i = 0; i < out.length; i++) out[i] = from[i] + (to[i] - from[i]) * e;
}

/** Writes the unit-ball display positions of a view: (coords - offset) * scale, z = 0 when flat. */
export function displayPositions(out: Float32Array, coords: Float32Array, offset: readonly number[], scale: number, flat: boolean): void {
  for (let i = 0; i < out.length; i += 3) {
    out[i] = (coords[i] - offset[0]) * scale;
    out[i + 1] = (coords[i + 1] - offset[1]) * scale;
    out[i + 2] = flat ? 0 : (coords[i + 2] - offset[2]) * scale;
  }
}

/** The start time of the running transition (shared by the point cloud and the overlays). */
export interface TransitionClock {
  start: number;
  /** Bumped at every new transition so followers can pick up their new targets. */
  serial: number;
}

/** Eased progress in [0, 1] of the clock at `now` (1 when no transition has run). */
export function progressAt(clock: TransitionClock, now: number): number {
  return clock.serial === 0 ? 1 : easeInOut((now - clock.start) / TRANSITION_MS);
}
