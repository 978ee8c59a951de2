/**
 * Train mode's 3D scene: the fixed sample's features (one THREE.Points; rows whose label was
 * flipped by label noise ringed in dark grey over the same positions), class means and
 * classifier rows as arrows from the global mean (the origin), and the nearest simplex ETF as
 * rings joined by edges. A new snapshot (or a replayed one) that comes more than MOVE_MS after the
 * previous one moves everything from where it is to its new place over MOVE_MS, interpolated in
 * useFrame into existing buffers (no allocation per frame); faster snapshots are drawn as they come,
 * the stream being its own animation (and a software renderer is not asked for 60 frames a second).
 */
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import type { FeatureFrame } from '../../workers/trainingProtocol';
import { classColor, hexToRgb } from '../palette';
import { createPointMaterial, setPointUniforms } from './pointMaterial';
import { easeInOut, lerpInto } from './transition';
import { noisyRings } from './noisyRings';

/** Duration of the move to a new snapshot (ms): short, so a streaming run stays in step. */
const MOVE_MS = 320;
const HEAD = { length: 0.09, radius: 0.032 };
const SHAFT_RADIUS = 0.009;
const UP = new THREE.Vector3(0, 1, 0);

export interface CloudOverlays {
  means: boolean;
  classifier: boolean;
  simplex: boolean;
}

interface Props {
  /** The frame to show (null: nothing yet). */
  frame: FrameSnapshot | null;
  overlays: CloudOverlays;
}

/** A frame with its labels and class count (what the scene needs). */
export interface FrameSnapshot {
  frame: FeatureFrame;
  /** Labels of the sample rows: the same array for a whole run (a new array rebuilds the scene). */
  labels: Int32Array;
  /** 1 for each sample row whose label was flipped by label noise (ringed in the view), or null. */
  noisy: Uint8Array | null;
  classes: number;
  /** Identifies the run: a new one snaps into place instead of moving. */
  run: number;
}

interface Arrows {
  shafts: THREE.InstancedMesh;
  heads: THREE.InstancedMesh;
}

interface Scene {
  m: number;
  K: number;
  /** [points m | means K | classifier K | simplex K] x 3, current / start / target. */
  now: Float32Array;
  from: Float32Array;
  to: Float32Array;
  points: THREE.BufferGeometry;
  /** The same positions as `points`, drawn as rings where the label is noisy (alpha 0 elsewhere). */
  noisy: THREE.BufferGeometry | null;
  vertices: THREE.BufferGeometry;
  edges: THREE.BufferGeometry;
  means: Arrows;
  rows: Arrows;
}

/** The shared meshes of arrows: a unit-height cylinder (shaft) and a cone (head), one material tinted per instance. */
export interface ArrowParts {
  shaft: THREE.CylinderGeometry;
  cone: THREE.ConeGeometry;
  material: THREE.MeshBasicMaterial;
}

function attribute(count: number, size = 3): THREE.BufferAttribute {
  return new THREE.BufferAttribute(new Float32Array(count * size), size).setUsage(THREE.DynamicDrawUsage);
}

/** Class k's colour (sRGB hex, converted to three's linear working space) times `darken`. */
function tint(k: number, darken: number): THREE.Color {
  return new THREE.Color(classColor(k)).multiplyScalar(darken);
}

function instanced(geometry: THREE.BufferGeometry, material: THREE.Material, K: number, darken: number): THREE.InstancedMesh {
  const mesh = new THREE.InstancedMesh(geometry, material, K);
  for (let k = 0; k < K; k++) mesh.setColorAt(k, tint(k, darken));
  mesh.frustumCulled = false;
  return mesh;
}

function arrows(parts: ArrowParts, K: number, darken: number): Arrows {
  return { shafts: instanced(parts.shaft, parts.material, K, darken), heads: instanced(parts.cone, parts.material, K, darken) };
}

function build(m: number, K: number, labels: Int32Array, noisy: Uint8Array | null, parts: ArrowParts): Scene {
  const size = 3 * (m + 3 * K);
  const now = new Float32Array(size);
  const points = new THREE.BufferGeometry();
  const position = new THREE.BufferAttribute(now.subarray(0, 3 * m), 3).setUsage(THREE.DynamicDrawUsage);
  points.setAttribute('position', position);
  const colors = new Float32Array(4 * m);
  for (let i = 0; i < m; i++) colors.set([...hexToRgb(classColor(labels[i])), 1], 4 * i);
  points.setAttribute('aColor', new THREE.BufferAttribute(colors, 4));
  const vertices = new THREE.BufferGeometry().setAttribute('position', attribute(K));
  const vColors = new Float32Array(4 * K);
  for (let k = 0; k < K; k++) vColors.set([...hexToRgb(classColor(k)), 1], 4 * k);
  vertices.setAttribute('aColor', new THREE.BufferAttribute(vColors, 4));
  const edges = new THREE.BufferGeometry().setAttribute('position', attribute(K * (K - 1)));
  return { m, K, now, from: new Float32Array(size), to: new Float32Array(size), points, noisy: noisyRings(position, noisy), vertices, edges, means: arrows(parts, K, 1), rows: arrows(parts, K, 0.5) };
}

/** Copies a frame into the target layout (NaN -> 0; missing overlays -> the origin). */
function target(s: Scene, f: FeatureFrame): void {
  const put = (src: Float32Array | null, offset: number, n: number) => {
    for (let i = 0; i < 3 * n; i++) s.to[offset + i] = src && Number.isFinite(src[i]) ? src[i] : 0;
  };
  put(f.points, 0, s.m);
  put(f.means, 3 * s.m, s.K);
  put(f.classifier, 3 * (s.m + s.K), s.K);
  put(f.simplex, 3 * (s.m + 2 * s.K), s.K);
}

const dummy = new THREE.Object3D();
const dir = new THREE.Vector3();

/** Places arrows from the origin to the K tips at now[offset..]: shaft up to the head's base, head at the tip. */
function writeArrows(now: Float32Array, offset: number, K: number, a: Arrows): void {
  for (let k = 0; k < K; k++) {
    const o = offset + 3 * k;
    dir.set(now[o], now[o + 1], now[o + 2]);
    const len = dir.length();
    const unit = len > 1e-9 ? dir.multiplyScalar(1 / len) : dir.copy(UP);
    const shaft = Math.max(0, len - HEAD.length);
    dummy.quaternion.setFromUnitVectors(UP, unit);
    dummy.position.copy(unit).multiplyScalar(shaft / 2);
    dummy.scale.set(1, shaft, 1);
    dummy.updateMatrix();
    a.shafts.setMatrixAt(k, dummy.matrix);
    const head = Math.min(len, HEAD.length);
    dummy.position.copy(unit).multiplyScalar(len - head / 2);
    dummy.scale.setScalar(head / HEAD.length);
    dummy.updateMatrix();
    a.heads.setMatrixAt(k, dummy.matrix);
  }
  a.shafts.instanceMatrix.needsUpdate = true;
  a.heads.instanceMatrix.needsUpdate = true;
}

function writeScene(s: Scene): void {
  const { m, K, now } = s;
  (s.points.getAttribute('position') as THREE.BufferAttribute).needsUpdate = true;
  writeArrows(now, 3 * m, K, s.means);
  writeArrows(now, 3 * (m + K), K, s.rows);
  const v = s.vertices.getAttribute('position') as THREE.BufferAttribute;
  (v.array as Float32Array).set(now.subarray(3 * (m + 2 * K), 3 * (m + 3 * K)));
  v.needsUpdate = true;
  const e = s.edges.getAttribute('position') as THREE.BufferAttribute;
  const ea = e.array as Float32Array;
  let w = 0;
  const base = 3 * (m + 2 * K);
  for (let a = 0; a < K; a++) {
    for (let b = a + 1; b < K; b++) {
      for (let c = 0; c < 3; c++) ea[w + c] = now[base + 3 * a + c];
      for (let c = 0; c < 3; c++) ea[w + 3 + c] = now[base + 3 * b + c];
      w += 6;
    }
  }
  e.needsUpdate = true;
}

export function FeatureCloud({ frame, overlays }: Props) {
  const { invalidate } = useThree();
  const anim = useRef({ start: 0, active: false, run: -1 });
  const m = frame ? frame.labels.length : 0;
  const K = frame?.classes ?? 0;
  const labels = frame?.labels ?? null;
  const noisy = frame?.noisy ?? null;

  const shared = useMemo(() => {
    const cone = new THREE.ConeGeometry(HEAD.radius, HEAD.length, 16);
    const shaft = new THREE.CylinderGeometry(SHAFT_RADIUS, SHAFT_RADIUS, 1, 8);
    const arrow = new THREE.MeshBasicMaterial({ color: '#ffffff', depthTest: false, transparent: true });
    const point = createPointMaterial();
    const flipped = createPointMaterial();
    flipped.uniforms.uHollow.value = 0.5;
    flipped.uniforms.uRim.value = 0;
    const ring = createPointMaterial();
    ring.depthTest = false;
    ring.uniforms.uHollow.value = 0.45;
    ring.uniforms.uRim.value = 0;
    const edge = new THREE.LineBasicMaterial({ color: '#6b7686', transparent: true, opacity: 0.55, depthTest: false });
    const centre = new THREE.PointsMaterial({ color: '#1b2330', size: 7, sizeAttenuation: false, depthTest: false });
    const origin = new THREE.BufferGeometry().setAttribute('position', new THREE.BufferAttribute(new Float32Array(3), 3));
    return { cone, shaft, arrow, point, flipped, ring, edge, centre, origin };
  }, []);
  useEffect(() => () => Object.values(shared).forEach((o) => o.dispose()), [shared]);

  const scene = useMemo(
    () => (labels && K > 0 ? build(m, K, labels, noisy, { shaft: shared.shaft, cone: shared.cone, material: shared.arrow }) : null),
    [m, K, labels, noisy, shared],
  );
  useEffect(() => {
    anim.current.run = -1;
    return () => {
      if (!scene) return;
      for (const g of [scene.points, scene.noisy, scene.vertices, scene.edges]) g?.dispose();
      for (const a of [scene.means, scene.rows]) {
        a.shafts.dispose();
        a.heads.dispose();
      }
    };
  }, [scene]);

  useEffect(() => {
    const size = m > 2000 ? 4 : m > 600 ? 5.5 : 7;
    setPointUniforms(shared.point, { size });
    setPointUniforms(shared.flipped, { size: 2 * size + 2 });
    setPointUniforms(shared.ring, { size: 22 });
    invalidate();
  }, [m, shared, invalidate]);

  useEffect(() => {
    if (!scene || !frame) return;
    target(scene, frame.frame);
    const now = performance.now();
    const move = anim.current.run === frame.run && now - anim.current.start > MOVE_MS;
    scene.from.set(scene.now);
    if (!move) scene.now.set(scene.to);
    anim.current = { start: now, active: move, run: frame.run };
    writeScene(scene);
    invalidate();
  }, [scene, frame, invalidate]);

  useFrame((state) => {
    const dist = state.camera.position.length();
    const pixelRatio = state.gl.getPixelRatio();
    setPointUniforms(shared.point, { refDistance: dist, pixelRatio });
    setPointUniforms(shared.flipped, { refDistance: dist, pixelRatio });
    setPointUniforms(shared.ring, { refDistance: dist, pixelRatio });
    if (!scene || !anim.current.active) return;
    const e = easeInOut((performance.now() - anim.current.start) / MOVE_MS);
    lerpInto(scene.now, scene.from, scene.to, e);
    writeScene(scene);
    if (e < 1) invalidate();
    else anim.current.active = false;
  });

  if (!scene || !frame) return null;
  const f = frame.frame;
  return (
    <group>
      <points geometry={scene.points} material={shared.point} frustumCulled={false} renderOrder={1} />
      {scene.noisy ? <points geometry={scene.noisy} material={shared.flipped} frustumCulled={false} renderOrder={1} /> : null}
      <lineSegments geometry={scene.edges} material={shared.edge} visible={overlays.simplex && f.simplex !== null} frustumCulled={false} renderOrder={2} />
      <points geometry={scene.vertices} material={shared.ring} visible={overlays.simplex && f.simplex !== null} frustumCulled={false} renderOrder={3} />
      <primitive object={scene.rows.shafts} visible={overlays.classifier && f.classifier !== null} renderOrder={4} />
      <primitive object={scene.rows.heads} visible={overlays.classifier && f.classifier !== null} renderOrder={4} />
      <primitive object={scene.means.shafts} visible={overlays.means} renderOrder={6} />
      <primitive object={scene.means.heads} visible={overlays.means} renderOrder={6} />
      <points geometry={shared.origin} material={shared.centre} visible={overlays.means} frustumCulled={false} renderOrder={8} />
    </group>
  );
}
