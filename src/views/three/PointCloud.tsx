/**
 * The point cloud: ONE THREE.Points over a BufferGeometry per dataset. A new view (or 2D/3D)
 * moves every point from where it is to its new place over TRANSITION_MS: the geometry holds the
 * start (aFrom) and the target (position) and the vertex shader interpolates, so a frame of the
 * transition costs one uniform. Hover and click use the screen-space index (picker.ts), not a
 * raycast: hover shows the point's class, row and metadata in a DOM tooltip (text only, through a
 * ref); a click selects the point.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { useAnalysisStore, useInspectStore, useJobsStore } from '../../state/appStore';
import { getPointBuffers, getViewBuffers } from '../../state/pointBuffers';
import { useUiStore } from '../../state/uiStore';
import { getFilterMask, useFilterStore } from '../../state/filterStore';
import { densityActive, useViewStore } from '../../state/viewStore';
import { fillColors } from '../colors';
import { hexToRgb } from '../palette';
import { useColorPlan } from '../useColorPlan';
import { createPointMaterial, densityAlpha, setDensityLook, setPointUniforms } from './pointMaterial';
import { displayPositions, easeInOut, lerpInto, TRANSITION_MS } from './transition';
import { markCanvas } from './canvasMarks';
import type { CloudHandle } from './cloudHandle';
import { CloudPicker } from './picker';
import { writeTooltip } from './tooltip';
import { listen } from '../listen';

/** Hover reach in CSS pixels (points drawn larger are hit anywhere on their disc). */
const PICK_PX = 6;
/** A press that moves further than this (CSS px) before release is a drag, not a click. */
const CLICK_SLOP_PX = 4;
/** The 3D view's background (--view in app.css), for dimming unselected points. */
const BACKGROUND = hexToRgb('#fbfbfc');

interface Props {
  tooltipRef: RefObject<HTMLDivElement | null>;
  handle: CloudHandle;
}

interface CloudData {
  geometry: THREE.BufferGeometry;
  from: Float32Array;
  to: Float32Array;
  colors: Float32Array;
}

export function PointCloud({ tooltipRef, handle }: Props) {
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const classNames = useAnalysisStore((s) => s.classNames);
  const viewVersion = useJobsStore((s) => s.viewVersion);
  const { pointSize, dims, hidden, focus, density } = useViewStore();
  const selection = useInspectStore((s) => s.selection);
  const isolate = useInspectStore((s) => s.isolate);
  const filterVersion = useFilterStore((s) => s.version);
  const filterHide = useFilterStore((s) => s.mode === 'hide');
  const plan = useColorPlan();
  const { invalidate, gl } = useThree();
  const anim = useRef({ start: 0, active: false });
  /** The dataset whose positions have been placed once (its first view snaps instead of animating). */
  const placed = useRef<CloudData | null>(null);
  const matrix = useMemo(() => new THREE.Matrix4(), []);
  /** The pointer over the canvas (CSS px from its top-left) and the point whose tooltip is shown. */
  const pointer = useRef({ x: 0, y: 0, inside: false, shown: -1, down: null as { x: number; y: number } | null });
  const names = useRef(classNames);
  names.current = classNames;

  const data = useMemo<CloudData | null>(() => {
    const b = getPointBuffers();
    if (!b || dataVersion === 0) return null;
    const n = b.rowIndex.length;
    const from = new Float32Array(n * 3);
    const to = new Float32Array(n * 3);
    const colors = new Float32Array(n * 4);
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(to, 3));
    geometry.setAttribute('aFrom', new THREE.BufferAttribute(from, 3));
    geometry.setAttribute('aColor', new THREE.BufferAttribute(colors, 4).setUsage(THREE.DynamicDrawUsage));
    return { geometry, from, to, colors };
  }, [dataVersion]);
  useEffect(() => () => data?.geometry.dispose(), [data]);

  const material = useMemo(() => createPointMaterial({ morph: true }), []);
  useEffect(() => () => material.dispose(), [material]);

  /** Shows the tooltip of the point under the pointer (or hides it); a no-op while the index is stale. */
  const hover = useMemo(() => {
    return () => {
      const tip = tooltipRef.current;
      const p = pointer.current;
      const index = handle.index;
      const b = getPointBuffers();
      const i = index && handle.colors && p.inside && !p.down ? index.pick(p.x, p.y, handle.colors) : -1;
      if (!tip) return;
      if (i < 0 || !b) {
        tip.style.visibility = 'hidden';
        p.shown = -1;
        return;
      }
      if (i !== p.shown) writeTooltip(tip, i, b, names.current);
      p.shown = i;
      tip.style.transform = `translate(${p.x + 14}px, ${p.y + 14}px)`;
      tip.style.visibility = 'visible';
    };
  }, [handle, tooltipRef]);

  // A fresh index draws a frame only when the picture depends on it (the thumbnails' switch): at
  // 100,000 points a frame is a full redraw, and a software renderer blocks the page for it.
  const picker = useMemo(
    () =>
      new CloudPicker(handle, () => {
        hover();
        if (handle.indexDraws) invalidate();
      }),
    [handle, hover, invalidate],
  );
  useEffect(() => {
    handle.requestIndex = () => picker.request();
    return () => {
      picker.dispose();
      handle.requestIndex = () => Promise.resolve(null);
    };
  }, [handle, picker]);

  useEffect(() => {
    handle.attach(data?.from ?? null, data?.to ?? null, data?.colors ?? null);
    picker.positionsMoving();
    pointer.current.shown = -1;
  }, [data, handle, picker]);

  // A new view or 2D/3D: animate from the drawn positions to the new ones (the first one snaps).
  useEffect(() => {
    const v = getViewBuffers();
    if (!data || !v || v.coords.length !== data.to.length) return;
    const first = placed.current !== data;
    placed.current = data;
    picker.positionsMoving();
    if (!first) lerpInto(data.from, data.from, data.to, handle.mix);
    displayPositions(data.to, v.coords, v.offset, v.scale, dims === 2);
    if (first) data.from.set(data.to);
    data.geometry.getAttribute('position').needsUpdate = true;
    data.geometry.getAttribute('aFrom').needsUpdate = true;
    handle.mix = first ? 1 : 0;
    setPointUniforms(material, { mix: handle.mix });
    if (first) {
      anim.current.active = false;
      gl.domElement.dataset.moving = 'false';
      handle.changed(false);
      picker.positionsSettled();
    } else {
      anim.current = { start: performance.now(), active: true };
      handle.changed(true);
    }
    invalidate();
  }, [data, viewVersion, dims, handle, picker, material, gl, invalidate]);

  useEffect(() => {
    if (!data || !plan) return;
    const v = getViewBuffers();
    let present: Uint8Array | null = null;
    if (v?.sample) {
      present = new Uint8Array(data.to.length / 3);
      for (const i of v.sample) present[i] = 1;
    }
    const filterMask = filterVersion >= 0 ? getFilterMask() : null;
    fillColors(data.colors, plan, { hidden, selection, isolate, present, background: BACKGROUND, focus, filter: filterMask, filterHide });
    data.geometry.getAttribute('aColor').needsUpdate = true;
    markCanvas(gl.domElement, 'filtered', filterMask ? String(useFilterStore.getState().passing) : 'none');
    handle.changed(handle.animating);
    pointer.current.shown = -1;
    hover();
    invalidate();
  }, [data, plan, hidden, focus, selection, isolate, filterVersion, filterHide, viewVersion, handle, hover, invalidate, gl]);

  useEffect(() => {
    setPointUniforms(material, { size: pointSize, flat: false });
    invalidate();
  }, [pointSize, material, invalidate]);

  useEffect(() => {
    const n = data ? data.to.length / 3 : 0;
    const on = densityActive(density, n);
    setDensityLook(material, on ? densityAlpha(n) : null);
    markCanvas(gl.domElement, 'density', on ? (dims === 2 ? 'contours' : 'shaded') : 'off');
    invalidate();
  }, [density, data, dims, material, gl, invalidate]);

  // Pointer input straight from the canvas: no per-move raycast through react-three-fiber.
  useEffect(() => {
    const el = gl.domElement;
    const local = (e: MouseEvent) => {
      const r = el.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const onMove = (e: PointerEvent) => {
      Object.assign(pointer.current, local(e), { inside: true });
      if (e.buttons !== 0) pointer.current.down ??= local(e);
      hover();
    };
    const onLeave = () => {
      pointer.current.inside = false;
      hover();
    };
    const onDown = (e: PointerEvent) => {
      pointer.current.down = local(e);
      hover();
    };
    const onClick = async (e: MouseEvent) => {
      const p = local(e);
      const down = pointer.current.down;
      pointer.current.down = null;
      if (down && Math.hypot(p.x - down.x, p.y - down.y) > CLICK_SLOP_PX) return;
      const index = await handle.requestIndex();
      const i = index && handle.colors ? index.pick(p.x, p.y, handle.colors) : -1;
      const select = useInspectStore.getState().selectPoint;
      if (i >= 0) {
        select(i);
        useUiStore.getState().setTab('inspect');
      } else if (!e.shiftKey) select(null);
      hover();
    };
    const onUp = () => {
      // A drag that ends: the click handler (if any) has read `down` first; clear it for hover.
      setTimeout(() => {
        pointer.current.down = null;
      }, 0);
    };
    return listen(el, { pointermove: onMove, pointerleave: onLeave, pointerdown: onDown, pointerup: onUp, click: onClick });
  }, [gl, handle, hover]);

  useFrame((state) => {
    const dist = state.camera.position.length();
    setPointUniforms(material, { refDistance: dist, pixelRatio: state.gl.getPixelRatio() });
    state.camera.updateMatrixWorld();
    matrix.multiplyMatrices(state.camera.projectionMatrix, state.camera.matrixWorldInverse);
    picker.frame({ matrix: matrix.elements, width: state.size.width, height: state.size.height, size: pointSize, refDistance: dist, pickPx: PICK_PX });
    if (!data || !anim.current.active) return;
    const e = easeInOut((performance.now() - anim.current.start) / TRANSITION_MS);
    handle.mix = e;
    setPointUniforms(material, { mix: e });
    // The canvas says whether points are moving (for tests and assistive tooling); a DOM write, no React state.
    state.gl.domElement.dataset.moving = e < 1 ? 'true' : 'false';
    if (e < 1) invalidate();
    else {
      anim.current.active = false;
      handle.settled();
      picker.positionsSettled();
    }
  });

  if (!data) return null;
  return <points geometry={data.geometry} material={material} frustumCulled={false} />;
}
