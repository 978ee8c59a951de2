/**
 * Where Train's 3D camera looks from: the direction that shows every class mean apart on screen.
 * Each candidate direction (a Fibonacci sphere) places a perspective camera as the view does
 * (fov, aspect, distance, looking at the origin, y up), projects the mean tips and the origin with
 * the camera's own matrices, and scores the smallest screen distance between two of them (in units
 * of the view's height), 0 when a mean tip lies under an overlay of the view (the legend, the
 * frame picker); the best direction wins, the oblique default on near-ties.
 */
import * as THREE from 'three';

export type Direction = [number, number, number];

/** Train's cloud (radius 1) is drawn at this scale so that perspective never pushes its near side out of the view. */
export const CLOUD_FIT = 0.82;
/** The view's vertical field of view (degrees). */
export const CLOUD_FOV = 45;

/** The default camera direction (before any data). */
export const OBLIQUE: Direction = [0.55, 0.42, 0.72];
/** Two marks closer than this fraction of the view's height count as overlapping. */
export const MIN_APART = 0.06;
/** Candidate directions tried. */
const CANDIDATES = 600;

/** A screen rectangle an overlay covers, in normalised device coordinates (x and y in [-1, 1], y up). */
export interface Covered {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface CameraSpec {
  fov: number;
  aspect: number;
  distance: number;
  /** The scale of the group the means are drawn in. */
  fit: number;
  /** Screen areas under overlays: a mean tip there counts as hidden. */
  covered?: readonly Covered[];
}

/** Whether screen mark p (x scaled by the aspect, as screenMarks gives it) lies in one of the covered rectangles. */
export function underOverlay(p: [number, number], aspect: number, covered: readonly Covered[] = []): boolean {
  const x = p[0] / aspect;
  return covered.some((r) => x >= r.x0 && x <= r.x1 && p[1] >= r.y0 && p[1] <= r.y1);
}

/** A client rectangle (as getBoundingClientRect gives it). */
export type Box = Pick<DOMRectReadOnly, 'left' | 'top' | 'width' | 'height'>;

/**
 * The overlays' rectangles in the canvas's normalised device coordinates, each grown by `margin`
 * (a fraction of the canvas's half-size), from client rectangles (getBoundingClientRect).
 */
export function coveredAreas(canvas: Box, overlays: readonly Box[], margin = 0.03): Covered[] {
  const nx = (x: number) => (2 * (x - canvas.left)) / Math.max(1, canvas.width) - 1;
  const ny = (y: number) => 1 - (2 * (y - canvas.top)) / Math.max(1, canvas.height);
  return overlays
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ x0: nx(r.left) - margin, x1: nx(r.left + r.width) + margin, y0: ny(r.top + r.height) - margin, y1: ny(r.top) + margin }));
}

/** A camera placed as the view places it for `dir`. */
export function cameraFor(dir: Direction, spec: CameraSpec): THREE.PerspectiveCamera {
  const cam = new THREE.PerspectiveCamera(spec.fov, spec.aspect, 0.01, 100);
  const n = Math.hypot(...dir);
  cam.up.set(0, 1, 0);
  cam.position.set((dir[0] / n) * spec.distance, (dir[1] / n) * spec.distance, (dir[2] / n) * spec.distance);
  cam.lookAt(0, 0, 0);
  cam.updateMatrixWorld();
  cam.updateProjectionMatrix();
  return cam;
}

/** Screen positions (x scaled by the aspect, so both axes are in units of half the view's height) of the K means (K x 3) and the origin. */
export function screenMarks(cam: THREE.PerspectiveCamera, means: Float32Array, K: number, fit: number): [number, number][] {
  const v = new THREE.Vector3();
  const out: [number, number][] = [];
  for (let k = 0; k <= K; k++) {
    if (k < K) v.set(means[3 * k] * fit, means[3 * k + 1] * fit, means[3 * k + 2] * fit);
    else v.set(0, 0, 0);
    v.project(cam);
    out.push([v.x * cam.aspect, v.y]);
  }
  return out;
}

/** The smallest screen distance between two marks (means and origin), as a fraction of the view's height; 0 when a mean lies under an overlay. */
export function minSeparation(dir: Direction, means: Float32Array, K: number, spec: CameraSpec): number {
  const p = screenMarks(cameraFor(dir, spec), means, K, spec.fit);
  if (p.slice(0, K).some((q) => underOverlay(q, spec.aspect, spec.covered))) return 0;
  let best = Infinity;
  for (let a = 0; a < p.length; a++) {
    for (let b = a + 1; b < p.length; b++) best = Math.min(best, Math.hypot(p[a][0] - p[b][0], p[a][1] - p[b][1]) / 2);
  }
  return best;
}

/** The i-th of n points of a Fibonacci sphere. */
function fibonacci(i: number, n: number): Direction {
  const y = 1 - (2 * (i + 0.5)) / n;
  const r = Math.sqrt(1 - y * y);
  const phi = i * Math.PI * (3 - Math.sqrt(5));
  return [r * Math.cos(phi), y, r * Math.sin(phi)];
}

/**
 * The direction to move to from `current` for the means, or null to stay: always on a fresh aim;
 * otherwise only when the current view shows two marks overlapping and the best one is clearly
 * better (1.5x), so a run whose means cannot be separated does not make the camera jump.
 */
export function nextDirection(current: Direction, means: Float32Array, K: number, spec: CameraSpec, fresh: boolean): Direction | null {
  if (fresh) return bestDirection(means, K, spec);
  const now = minSeparation(current, means, K, spec);
  if (!(now < MIN_APART)) return null;
  const best = bestDirection(means, K, spec);
  return minSeparation(best, means, K, spec) > 1.5 * now + 1e-9 ? best : null;
}

/** The direction whose view keeps the means (K x 3, finite) farthest apart; OBLIQUE when it is within 10% of the best. */
export function bestDirection(means: Float32Array, K: number, spec: CameraSpec): Direction {
  if (K < 1 || !means.slice(0, 3 * K).every(Number.isFinite)) return OBLIQUE;
  let best: Direction = OBLIQUE;
  let score = minSeparation(OBLIQUE, means, K, spec);
  const keep = score;
  for (let i = 0; i < CANDIDATES; i++) {
    const d = fibonacci(i, CANDIDATES);
    if (Math.abs(d[1]) > 0.97) continue; // looking straight down the up axis has no stable roll
    const s = minSeparation(d, means, K, spec);
    if (s > score) {
      score = s;
      best = d;
    }
  }
  // No direction keeps every mean clear of the overlays: separate them anyway (the legend collapses).
  if (score === 0 && spec.covered?.length) return bestDirection(means, K, { ...spec, covered: [] });
  return keep >= 0.9 * score ? OBLIQUE : best;
}
