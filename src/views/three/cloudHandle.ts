/**
 * What the point cloud shares with its siblings (overlays, box selection, PNG export) without
 * React state: the display positions being drawn, the per-point RGBA, and the three.js objects.
 * Written through its methods by PointCloud and the canvas bridge; read in useFrame or on user actions.
 */
import type * as THREE from 'three';

export class CloudHandle {
  /** Display positions (n x 3, unit-ball units) as drawn this frame, or null before data. */
  display: Float32Array | null = null;
  /** RGBA per point; alpha 0 = hidden. */
  colors: Float32Array | null = null;
  /** True while a transition runs (followers refresh their positions every frame). */
  animating = false;
  /** Bumped whenever display positions jump or start moving, or colours change. */
  serial = 0;
  gl: THREE.WebGLRenderer | null = null;
  scene: THREE.Scene | null = null;
  camera: THREE.Camera | null = null;

  /** The arrays of a new dataset (or none). */
  attach(display: Float32Array | null, colors: Float32Array | null): void {
    this.display = display;
    this.colors = colors;
    this.serial++;
  }

  /** Positions or colours changed; `moving` while a transition runs. */
  changed(moving: boolean): void {
    this.animating = moving;
    this.serial++;
  }

  /** The transition has finished. */
  settled(): void {
    this.animating = false;
  }

  bind(gl: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.Camera): void {
    this.gl = gl;
    this.scene = scene;
    this.camera = camera;
  }
}

/** Even-odd test: is (x, y) inside the closed polygon `poly` ([x0, y0, x1, y1, ...])? */
export function insidePolygon(x: number, y: number, poly: readonly number[]): boolean {
  let inside = false;
  const m = poly.length / 2;
  for (let i = 0, j = m - 1; i < m; j = i++) {
    const [xi, yi, xj, yj] = [poly[2 * i], poly[2 * i + 1], poly[2 * j], poly[2 * j + 1]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Marks the visible points whose screen position (CSS px, relative to the canvas) passes `test`.
 * `project` maps display coordinates to normalised device coordinates; points behind the camera are skipped.
 */
export function pointsOnScreen(
  handle: Pick<CloudHandle, 'display' | 'colors'>,
  test: (sx: number, sy: number) => boolean,
  size: { width: number; height: number },
  project: (x: number, y: number, z: number) => [number, number, number],
): Uint8Array | null {
  const { display, colors } = handle;
  if (!display || !colors) return null;
  const n = display.length / 3;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (colors[4 * i + 3] === 0) continue;
    const [nx, ny, nz] = project(display[3 * i], display[3 * i + 1], display[3 * i + 2]);
    if (nz > 1) continue;
    if (test(((nx + 1) / 2) * size.width, ((1 - ny) / 2) * size.height)) mask[i] = 1;
  }
  return mask;
}

/** The visible points inside a screen rectangle. */
export function pointsInRect(
  handle: Pick<CloudHandle, 'display' | 'colors'>,
  rect: { x0: number; y0: number; x1: number; y1: number },
  size: { width: number; height: number },
  project: (x: number, y: number, z: number) => [number, number, number],
): Uint8Array | null {
  const [xa, xb] = [Math.min(rect.x0, rect.x1), Math.max(rect.x0, rect.x1)];
  const [ya, yb] = [Math.min(rect.y0, rect.y1), Math.max(rect.y0, rect.y1)];
  return pointsOnScreen(handle, (sx, sy) => sx >= xa && sx <= xb && sy >= ya && sy <= yb, size, project);
}
