/**
 * The point cloud: ONE THREE.Points over a BufferGeometry per dataset. A new view (or 2D/3D)
 * moves every point from where it is to its new place over TRANSITION_MS, interpolated in useFrame
 * into the position buffer (no allocation per frame). Hover shows the point's class, row and
 * metadata in a DOM tooltip (text only, through a ref); a click selects the point.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import * as THREE from 'three';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { useAnalysisStore, useInspectStore, useJobsStore } from '../../state/appStore';
import { getPointBuffers, getViewBuffers } from '../../state/pointBuffers';
import { useUiStore } from '../../state/uiStore';
import { useViewStore } from '../../state/viewStore';
import { fillColors } from '../colors';
import { hexToRgb } from '../palette';
import { useColorPlan } from '../useColorPlan';
import { createPointMaterial, setPointUniforms } from './pointMaterial';
import { displayPositions, easeInOut, lerpInto, TRANSITION_MS } from './transition';
import type { CloudHandle } from './cloudHandle';
import { writeTooltip } from './tooltip';

/** Hover radius in CSS pixels. */
const PICK_PX = 6;
/** The 3D view's background (--view in app.css), for dimming unselected points. */
const BACKGROUND = hexToRgb('#fbfbfc');

interface Props {
  tooltipRef: RefObject<HTMLDivElement | null>;
  handle: CloudHandle;
}

interface CloudData {
  geometry: THREE.BufferGeometry;
  display: Float32Array;
  from: Float32Array;
  to: Float32Array;
  colors: Float32Array;
  /** The geometry's bounding sphere, resized to hold both ends of a transition (raycasting uses it). */
  sphere: THREE.Sphere;
}

function maxRadius(a: Float32Array, b: Float32Array): number {
  let r2 = 0;
  for (let i = 0; i < a.length; i += 3) r2 = Math.max(r2, a[i] ** 2 + a[i + 1] ** 2 + a[i + 2] ** 2, b[i] ** 2 + b[i + 1] ** 2 + b[i + 2] ** 2);
  return Math.sqrt(r2);
}

export function PointCloud({ tooltipRef, handle }: Props) {
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const classNames = useAnalysisStore((s) => s.classNames);
  const viewVersion = useJobsStore((s) => s.viewVersion);
  const { pointSize, dims, hidden } = useViewStore();
  const selection = useInspectStore((s) => s.selection);
  const isolate = useInspectStore((s) => s.isolate);
  const selectPoint = useInspectStore((s) => s.selectPoint);
  const plan = useColorPlan();
  const { invalidate, gl } = useThree();
  const anim = useRef({ start: 0, active: false });
  /** The dataset whose positions have been placed once (its first view snaps instead of animating). */
  const placed = useRef<CloudData | null>(null);

  const data = useMemo<CloudData | null>(() => {
    const b = getPointBuffers();
    if (!b || dataVersion === 0) return null;
    const n = b.rowIndex.length;
    const display = new Float32Array(n * 3);
    const colors = new Float32Array(n * 4);
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(display, 3).setUsage(THREE.DynamicDrawUsage));
    geometry.setAttribute('aColor', new THREE.BufferAttribute(colors, 4).setUsage(THREE.DynamicDrawUsage));
    const sphere = new THREE.Sphere(new THREE.Vector3(), 1);
    geometry.boundingSphere = sphere;
    return { geometry, display, from: new Float32Array(n * 3), to: new Float32Array(n * 3), colors, sphere };
  }, [dataVersion]);
  useEffect(() => () => data?.geometry.dispose(), [data]);

  useEffect(() => {
    handle.attach(data?.display ?? null, data?.colors ?? null);
  }, [data, handle]);

  const material = useMemo(() => createPointMaterial(), []);
  useEffect(() => () => material.dispose(), [material]);

  // A new view or 2D/3D: animate from the current positions to the new ones (the first one snaps).
  useEffect(() => {
    const v = getViewBuffers();
    if (!data || !v || v.coords.length !== data.display.length) return;
    displayPositions(data.to, v.coords, v.offset, v.scale, dims === 2);
    const first = placed.current !== data;
    data.from.set(first ? data.to : data.display);
    if (first) data.display.set(data.to);
    placed.current = data;
    data.sphere.set(data.sphere.center, maxRadius(data.from, data.to) + 1e-6);
    data.geometry.getAttribute('position').needsUpdate = true;
    anim.current = { start: performance.now(), active: true };
    handle.changed(true);
    invalidate();
  }, [data, viewVersion, dims, handle, invalidate]);

  useEffect(() => {
    if (!data || !plan) return;
    const v = getViewBuffers();
    let present: Uint8Array | null = null;
    if (v?.sample) {
      present = new Uint8Array(data.display.length / 3);
      for (const i of v.sample) present[i] = 1;
    }
    fillColors(data.colors, plan, { hidden, selection, isolate, present, background: BACKGROUND });
    data.geometry.getAttribute('aColor').needsUpdate = true;
    handle.changed(handle.animating);
    invalidate();
  }, [data, plan, hidden, selection, isolate, viewVersion, handle, invalidate]);

  useEffect(() => {
    setPointUniforms(material, { size: pointSize, flat: false });
    invalidate();
  }, [pointSize, material, invalidate]);

  useFrame((state) => {
    const dist = state.camera.position.length();
    setPointUniforms(material, { refDistance: dist, pixelRatio: state.gl.getPixelRatio() });
    const fov = (state.camera as THREE.PerspectiveCamera).fov ?? 45;
    const worldPerPx = (2 * dist * Math.tan(((fov / 2) * Math.PI) / 180)) / state.size.height;
    state.raycaster.params.Points.threshold = PICK_PX * worldPerPx;
    if (!data || !anim.current.active) return;
    const e = easeInOut((performance.now() - anim.current.start) / TRANSITION_MS);
    lerpInto(data.display, data.from, data.to, e);
    data.geometry.getAttribute('position').needsUpdate = true;
    // The canvas says whether points are moving (for tests and assistive tooling); a DOM write, no React state.
    state.gl.domElement.dataset.moving = e < 1 ? 'true' : 'false';
    if (e < 1) invalidate();
    else {
      anim.current.active = false;
      handle.settled();
    }
  });

  const hideTip = () => {
    if (tooltipRef.current) tooltipRef.current.style.visibility = 'hidden';
  };

  /** The visible hit nearest the ray, or -1. */
  const pick = (e: ThreeEvent<PointerEvent | MouseEvent>): number => {
    if (!data) return -1;
    let best = -1;
    let bestD = Infinity;
    for (const hit of e.intersections) {
      const i = hit.index ?? -1;
      if (hit.object !== e.eventObject || i < 0 || data.colors[4 * i + 3] === 0) continue;
      if ((hit.distanceToRay ?? Infinity) < bestD) {
        bestD = hit.distanceToRay ?? Infinity;
        best = i;
      }
    }
    return best;
  };

  const onMove = (e: ThreeEvent<PointerEvent>) => {
    const i = pick(e);
    const tip = tooltipRef.current;
    if (i < 0 || !tip) return hideTip();
    const b = getPointBuffers();
    if (!b) return;
    writeTooltip(tip, i, b, classNames);
    const rect = gl.domElement.getBoundingClientRect();
    tip.style.transform = `translate(${e.clientX - rect.left + 14}px, ${e.clientY - rect.top + 14}px)`;
    tip.style.visibility = 'visible';
  };

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > 4) return;
    const i = pick(e);
    if (i >= 0) {
      e.stopPropagation();
      selectPoint(i);
      useUiStore.getState().setTab('inspect');
    }
  };

  if (!data) return null;
  return <points geometry={data.geometry} material={material} frustumCulled={false} onPointerMove={onMove} onPointerOut={hideTip} onClick={onClick} />;
}
