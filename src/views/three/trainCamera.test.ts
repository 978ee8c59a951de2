import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { bestDirection, cameraFor, coveredAreas, MIN_APART, minSeparation, OBLIQUE, screenMarks, underOverlay, type CameraSpec, type Covered } from './trainCamera';

/** The view's camera (FeatureCloudView: fov 45, CAMERA_DISTANCE 2.65, FIT 0.82) on a 16:10 canvas. */
const SPEC: CameraSpec = { fov: 45, aspect: 1.6, distance: 2.65, fit: 0.82 };

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647);
}

/** The K vertices of a regular simplex (centred, unit radius) in R^(K-1), seen through a random 3D orthonormal projection, scaled to radius 0.9. */
function simplexIn3d(K: number, seed: number): Float32Array {
  const r = rng(seed);
  const D = K - 1;
  const V: number[][] = [];
  for (let k = 0; k < K; k++) V.push(Array.from({ length: K }, (_, j) => (j === k ? 1 : 0) - 1 / K));
  // Random 3 x K orthonormal rows orthogonal to 1 (the simplex's span): Gram-Schmidt.
  const rows: number[][] = [];
  while (rows.length < Math.min(3, D)) {
    let v = Array.from({ length: K }, () => r() - 0.5);
    const m = v.reduce((a, b) => a + b, 0) / K;
    v = v.map((x) => x - m);
    for (const q of rows) {
      const d = v.reduce((a, x, i) => a + x * q[i], 0);
      v = v.map((x, i) => x - d * q[i]);
    }
    const n = Math.hypot(...v);
    rows.push(v.map((x) => x / n));
  }
  const out = new Float32Array(3 * K);
  for (let k = 0; k < K; k++) for (let c = 0; c < rows.length; c++) out[3 * k + c] = V[k].reduce((a, x, i) => a + x * rows[c][i], 0);
  let R = 0;
  for (let k = 0; k < K; k++) R = Math.max(R, Math.hypot(out[3 * k], out[3 * k + 1], out[3 * k + 2]));
  return out.map((x) => (0.9 * x) / R);
}

describe('Train camera', () => {
  it('the camera\'s own matrices project the origin to the centre and a mean to where the camera sees it', () => {
    const cam = cameraFor(OBLIQUE, SPEC);
    const o = new THREE.Vector3(0, 0, 0).project(cam);
    expect(Math.hypot(o.x, o.y)).toBeLessThan(1e-9);
    const n = Math.hypot(...OBLIQUE);
    const along = new Float32Array(OBLIQUE.map((x) => (0.5 * x) / n));
    // A mean straight towards the camera sits on the origin: overlapping.
    expect(minSeparation(OBLIQUE, along, 1, SPEC)).toBeLessThan(1e-6);
  });

  it('the fixed oblique default can hide a mean behind another; the chosen direction shows them apart', () => {
    const n = Math.hypot(...OBLIQUE);
    const u = OBLIQUE.map((x) => x / n);
    const means = new Float32Array([...u.map((x) => 0.8 * x), ...u.map((x) => -0.8 * x), 0.7, -0.3, 0.1]);
    expect(minSeparation(OBLIQUE, means, 3, SPEC)).toBeLessThan(MIN_APART);
    expect(minSeparation(bestDirection(means, 3, SPEC), means, 3, SPEC)).toBeGreaterThan(MIN_APART);
  });

  /** The smallest 3D distance between two of the marks (means and origin): no view shows them farther apart. */
  function closest3d(means: Float32Array, K: number): number {
    const p = (k: number) => (k < K ? [means[3 * k], means[3 * k + 1], means[3 * k + 2]] : [0, 0, 0]);
    let d = Infinity;
    for (let a = 0; a <= K; a++) for (let b = a + 1; b <= K; b++) d = Math.min(d, Math.hypot(...p(a).map((x, i) => x - p(b)[i])));
    return d;
  }
  /** View heights per display unit at the origin's depth (a 3D distance seen side-on). */
  const PER_UNIT = SPEC.fit / (2 * SPEC.distance * Math.tan((SPEC.fov * Math.PI) / 360));

  it.each([2, 3, 4, 5])('K = %i: all class means of a simplex are apart on screen from the chosen direction', (K) => {
    for (let seed = 1; seed <= 8; seed++) {
      const means = simplexIn3d(K, seed * 7919 + K);
      expect(minSeparation(bestDirection(means, K, SPEC), means, K, SPEC), `seed ${seed}`).toBeGreaterThan(MIN_APART);
    }
  });

  it.each([6, 8, 10])('K = %i: the means are apart whenever the 3D frame holds them apart, and never far below what any view could show', (K) => {
    for (let seed = 1; seed <= 8; seed++) {
      const means = simplexIn3d(K, seed * 7919 + K);
      const bound = closest3d(means, K) * PER_UNIT;
      const got = minSeparation(bestDirection(means, K, SPEC), means, K, SPEC);
      expect(got, `seed ${seed}`).toBeGreaterThan(Math.min(MIN_APART, 0.6 * bound));
      if (bound > 2 * MIN_APART) expect(got, `seed ${seed}`).toBeGreaterThan(MIN_APART);
    }
  });

  it('keeps the oblique default when it already shows the means apart (no needless jumps)', () => {
    const means = simplexIn3d(3, 5);
    const oblique = minSeparation(OBLIQUE, means, 3, SPEC);
    const dir = bestDirection(means, 3, SPEC);
    if (dir === OBLIQUE) expect(oblique).toBeGreaterThan(MIN_APART);
    else expect(minSeparation(dir, means, 3, SPEC)).toBeGreaterThan(oblique / 0.9);
  });

  /** The Train view at 1280x720 (a 604 x 550 canvas): the legend's and the frame picker's rectangles, as the rig measures them. */
  const canvas = { left: 272, top: 125, width: 604, height: 550 };
  const LEGEND = { left: 628, top: 135, width: 236, height: 170 };
  const PICKER = { left: 284, top: 135, width: 296, height: 105 };
  const covered: Covered[] = coveredAreas(canvas, [LEGEND, PICKER]);
  const AT_720: CameraSpec = { ...SPEC, aspect: 604 / 550, covered };

  it('overlay rectangles map to normalised device coordinates of the canvas (y up)', () => {
    const [legend] = coveredAreas(canvas, [LEGEND], 0);
    expect(legend.x0).toBeCloseTo((2 * (628 - 272)) / 604 - 1, 12);
    expect(legend.x1).toBeCloseTo((2 * (864 - 272)) / 604 - 1, 12);
    expect(legend.y1).toBeCloseTo(1 - (2 * 10) / 550, 12);
    expect(legend.y0).toBeCloseTo(1 - (2 * 180) / 550, 12);
    expect(coveredAreas(canvas, [{ left: 0, top: 0, width: 0, height: 0 }])).toEqual([]);
  });

  /** Whether any mean tip lies under an overlay from direction `dir`. */
  const hidden = (dir: [number, number, number], means: Float32Array, K: number, spec: CameraSpec) =>
    screenMarks(cameraFor(dir, spec), means, K, spec.fit)
      .slice(0, K)
      .some((p) => underOverlay(p, spec.aspect, spec.covered));

  it.each([3, 4, 5])('K = %i: the chosen view keeps every mean tip out of the legend and the frame picker, and the means apart', (K) => {
    let hiddenByOblique = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const means = simplexIn3d(K, seed * 104729 + K);
      if (hidden(OBLIQUE, means, K, AT_720)) hiddenByOblique++;
      const dir = bestDirection(means, K, AT_720);
      expect(hidden(dir, means, K, AT_720), `seed ${seed}`).toBe(false);
      expect(minSeparation(dir, means, K, AT_720), `seed ${seed}`).toBeGreaterThan(MIN_APART);
    }
    // The overlays matter: the fixed default would hide a mean in some of these runs.
    if (K >= 4) expect(hiddenByOblique).toBeGreaterThan(0);
  });

  it('when no direction clears the overlays, the means are still separated (the legend can be collapsed)', () => {
    const means = simplexIn3d(4, 3);
    const everywhere: CameraSpec = { ...AT_720, covered: [{ x0: -2, x1: 2, y0: -2, y1: 2 }] };
    const dir = bestDirection(means, 4, everywhere);
    expect(minSeparation(dir, means, 4, { ...everywhere, covered: [] })).toBeGreaterThan(MIN_APART);
  });
});
