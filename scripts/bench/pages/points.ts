/**
 * Bench module, loaded into the app's own page (a module script tag): bare three.js scenes with ONE
 * THREE.Points over the same n x 3 .npy the app draws, placed as the app's raw-coordinates view
 * places it, with no React, picking or overlays: the frame-time baseline for the app's 3D view.
 * Each scene has its own canvas laid exactly over the app's canvas, shown only while it is timed.
 * The material is three's stock PointsMaterial (vertex colours, fixed size), or the app's own point
 * shader (pointMaterial.ts), which isolates the cost of everything around the draw.
 * The bench calls window.benchPoints.load(), show() and measure().
 */
import * as THREE from 'three';
import { npyToMatrix, parseNpy } from '../../../src/io/npy';
import { createPointMaterial, setPointUniforms } from '../../../src/views/three/pointMaterial';

export type BareKind = 'stock' | 'app';

/** The app's camera distance (OrbitRig.tsx) from a cloud fitted into the unit ball, seen obliquely. */
const CAMERA_DISTANCE = 2.65;
const OBLIQUE = new THREE.Vector3(0.55, 0.42, 0.72).normalize();
/** Ten categorical colours, cycled over the points. */
const PALETTE = [0x4c78a8, 0xf58518, 0xe45756, 0x72b7b2, 0x54a24b, 0xeeca3b, 0xb279a2, 0xff9da6, 0x9d755d, 0xbab0ac].map((c) => new THREE.Color(c));
/** The app's fit of a view into the unit ball (views.ts): radius 0.92 at the 99th percentile distance from the centre. */
const FIT_RADIUS = 0.92;

interface Scene {
  renderer: THREE.WebGLRenderer;
  material: THREE.Material;
  scene: THREE.Scene;
  camera: THREE.PerspectiveCamera;
  zoomIn: boolean;
}

const scenes = new Map<string, Scene>();

/** Display positions as the app's raw view computes them: (x - mean) * 0.92 / (99th percentile of ||x - mean||). */
function fitted(data: Float32Array, n: number): Float32Array {
  const mean = [0, 0, 0];
  for (let i = 0; i < n; i++) for (let a = 0; a < 3; a++) mean[a] += data[3 * i + a] / n;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = Math.hypot(data[3 * i] - mean[0], data[3 * i + 1] - mean[1], data[3 * i + 2] - mean[2]);
  r.sort();
  const radius = r[Math.min(n - 1, Math.floor(0.99 * n))];
  const scale = radius > 0 ? FIT_RADIUS / radius : 1;
  const out = new Float32Array(3 * n);
  for (let i = 0; i < 3 * n; i++) out[i] = (data[i] - mean[i % 3]) * scale;
  return out;
}

function material(kind: BareKind, geometry: THREE.BufferGeometry, n: number, size: number): THREE.Material {
  if (kind === 'stock') {
    const colors = new Float32Array(3 * n);
    for (let i = 0; i < n; i++) PALETTE[i % PALETTE.length].toArray(colors, 3 * i);
    geometry.setAttribute('color', new THREE.BufferAttribute(colors, 3));
    return new THREE.PointsMaterial({ size, sizeAttenuation: false, vertexColors: true });
  }
  // The app's shader with an RGBA colour per point, as PointCloud.tsx sets it up.
  const colors = new Float32Array(4 * n);
  for (let i = 0; i < n; i++) {
    PALETTE[i % PALETTE.length].toArray(colors, 4 * i);
    colors[4 * i + 3] = 1;
  }
  geometry.setAttribute('aColor', new THREE.BufferAttribute(colors, 4));
  const m = createPointMaterial();
  setPointUniforms(m, { size, pixelRatio: 1, refDistance: CAMERA_DISTANCE, flat: false });
  return m;
}

/** Builds scene `name` of `kind` over the n x 3 .npy at `url` in a canvas over `rect` (CSS pixels, pixel ratio 1), hidden; returns its point count. */
async function load(name: string, kind: BareKind, url: string, rect: { x: number; y: number; width: number; height: number }, pointSize: number): Promise<number> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const { rows, cols, data } = npyToMatrix(parseNpy(bytes, url), url);
  if (cols !== 3) throw new Error(`${url} has ${cols} columns; the bare scene draws n x 3 points`);
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(fitted(data, rows), 3));
  const mat = material(kind, geometry, rows, pointSize);
  const points = new THREE.Points(geometry, mat);
  points.frustumCulled = false;
  const scene = new THREE.Scene();
  scene.add(points);
  const renderer = new THREE.WebGLRenderer({ antialias: true, alpha: true });
  renderer.setPixelRatio(1);
  renderer.setSize(rect.width, rect.height);
  Object.assign(renderer.domElement.style, { position: 'fixed', left: `${rect.x}px`, top: `${rect.y}px`, zIndex: '50', pointerEvents: 'none', visibility: 'hidden', background: '#fbfbfc' });
  renderer.domElement.dataset.bench = name;
  document.body.append(renderer.domElement);
  const camera = new THREE.PerspectiveCamera(45, rect.width / rect.height, 0.01, 100);
  camera.position.copy(OBLIQUE).multiplyScalar(CAMERA_DISTANCE);
  camera.lookAt(0, 0, 0);
  scenes.set(name, { renderer, material: mat, scene, camera, zoomIn: true });
  return rows;
}

/** Shows the canvas of scene `name` (null: none), hiding the others. */
function show(name: string | null): void {
  for (const [k, s] of scenes) s.renderer.domElement.style.visibility = k === name ? 'visible' : 'hidden';
}

/**
 * Times `frames` re-renders of scene `name`, each inside an animation-frame callback as in the app:
 * the camera moves 5% in or out (as a wheel zoom does), render(), then a one-pixel readPixels() that
 * returns once the GPU has drawn the frame (gl.finish() does not wait in Chromium). Milliseconds.
 */
async function measure(name: string, frames: number): Promise<number[]> {
  const s = scenes.get(name);
  if (!s) throw new Error(`load scene ${name} first`);
  const gl = s.renderer.getContext();
  const pixel = new Uint8Array(4);
  const times: number[] = [];
  for (let i = 0; i < frames; i++) {
    s.camera.position.multiplyScalar(s.zoomIn ? 1 / 1.05 : 1.05);
    s.zoomIn = !s.zoomIn;
    // The app's point size follows the camera distance (PointCloud.tsx sets uRefDistance every frame).
    if (s.material instanceof THREE.ShaderMaterial) setPointUniforms(s.material, { refDistance: s.camera.position.length() });
    times.push(
      await new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const t0 = performance.now();
          s.renderer.render(s.scene, s.camera);
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
          resolve(performance.now() - t0);
        }),
      ),
    );
  }
  return times;
}

export interface BenchPoints {
  load: typeof load;
  show: typeof show;
  measure: typeof measure;
}

(window as unknown as { benchPoints: BenchPoints }).benchPoints = { load, show, measure };
