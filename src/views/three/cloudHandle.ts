/**
 * What the point cloud shares with its siblings (overlays, box selection, PNG export) without
 * React state: the start and target positions of the current transition and its eased progress
 * (the GPU interpolates between them), the per-point RGBA, the screen-space picking index, and the
 * three.js objects. Written through its methods by PointCloud and the canvas bridge; read in
 * useFrame or on user actions.
 */
import type * as THREE from 'three';
import type { ScreenIndex } from './screenIndex';
import type { TextItem } from './textLayer';

export class CloudHandle {
  /** Display positions (n x 3, unit-ball units) where the running transition started, or null before data. */
  from: Float32Array | null = null;
  /** Display positions of the current view (where the transition ends). */
  to: Float32Array | null = null;
  /** Eased progress of the transition in [0, 1]; drawn position = from + (to - from) * mix. */
  mix = 1;
  /** RGBA per point; alpha 0 = hidden. */
  colors: Float32Array | null = null;
  /** True while a transition runs (followers refresh their positions every frame). */
  animating = false;
  /** Bumped whenever display positions jump or start moving, or colours change. */
  serial = 0;
  /** The screen index of the settled cloud under the current camera, or null while stale. */
  index: ScreenIndex | null = null;
  /** Whether a fresh index changes the picture (the thumbnails' switch reads it), so it needs a frame drawn; set by SpriteCloud. */
  indexDraws = false;
  /** Resolves with a fresh index (builds one now if none is pending); set by PointCloud. */
  requestIndex: () => Promise<ScreenIndex | null> = () => Promise.resolve(null);
  /** Labels at the density peaks of the settled 2D picture (display coordinates), drawn by Annotations. */
  peaks: { x: number; y: number; text: string; count: number }[] = [];
  /** The text drawn over the view in the last frame (ticks, axis names, point labels), CSS px. */
  annotations: TextItem[] = [];
  gl: THREE.WebGLRenderer | null = null;
  scene: THREE.Scene | null = null;
  camera: THREE.Camera | null = null;

  /** The arrays of a new dataset (or none). */
  attach(from: Float32Array | null, to: Float32Array | null, colors: Float32Array | null): void {
    this.from = from;
    this.to = to;
    this.colors = colors;
    this.mix = 1;
    this.index = null;
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
    this.serial++;
  }

  /** Writes the drawn position of point i into out[0..2]; false when there is no such point. */
  positionOf(i: number, out: Float32Array | number[], at = 0): boolean {
    const { from, to, mix } = this;
    if (!from || !to || i < 0 || 3 * i + 2 >= to.length) return false;
    for (let a = 0; a < 3; a++) out[at + a] = from[3 * i + a] + (to[3 * i + a] - from[3 * i + a]) * mix;
    return true;
  }

  /** Says whether a fresh index changes the picture (SpriteCloud: thumbnails can be shown). */
  setIndexDraws(on: boolean): void {
    this.indexDraws = on;
  }

  /** Replaces the density-peak labels (none while the picture moves or is being measured). */
  setPeaks(peaks: CloudHandle['peaks']): void {
    this.peaks = peaks;
  }

  /** The text of the frame just drawn. */
  setAnnotations(items: TextItem[]): void {
    this.annotations = items;
  }

  bind(gl: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.Camera): void {
    this.gl = gl;
    this.scene = scene;
    this.camera = camera;
  }
}
