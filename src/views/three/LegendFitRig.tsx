/**
 * Keeps Explore's 2D picture clear of the legend (legendFit.ts): the camera's zoom and view offset
 * set the fit, so its position and target, what the address keeps, stay the user's. The fit is
 * redone when the view's size, the cloud or the legend's box changes; the canvas carries it in
 * `data-legend-fit` ("zoom,shift px") for the journeys to read. 3D views are left as they are.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import { getViewBuffers } from '../../state/pointBuffers';
import { useUiStore } from '../../state/uiStore';
import { useViewStore } from '../../state/viewStore';
import { axisBox } from './axisTicks';
import { legendFit, NO_FIT, type LegendFit } from './legendFit';
import { CAMERA_DISTANCE_2D } from './OrbitRig';

/** The legend's box beside this canvas (px relative to it), or null when none is open. */
function legendRect(canvas: HTMLCanvasElement): { left: number; top: number; right: number; bottom: number } | null {
  const el = canvas.closest('.point-view')?.parentElement?.querySelector('.legend-box');
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const c = canvas.getBoundingClientRect();
  return r.width > 0 ? { left: r.left - c.left, top: r.top - c.top, right: r.right - c.left, bottom: r.bottom - c.top } : null;
}

/** Puts the fit on the camera (and, when given, says it in the canvas's data-legend-fit). */
function apply(camera: THREE.PerspectiveCamera, fit: LegendFit, width: number, height: number, canvas?: HTMLCanvasElement): void {
  if (canvas) canvas.dataset.legendFit = `${fit.zoom.toFixed(3)},${fit.shift.toFixed(1)}`;
  camera.zoom = fit.zoom;
  if (fit.shift > 0) camera.setViewOffset(width, height, fit.shift, 0, width, height);
  else camera.clearViewOffset();
  camera.updateProjectionMatrix();
}

export function LegendFitRig({ dims }: { dims: 2 | 3 }) {
  const { camera, size, gl, invalidate } = useThree();
  const viewVersion = useJobsStore((s) => s.viewVersion);
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const collapsed = useUiStore((s) => s.legendCollapsed);
  const colorBy = useViewStore((s) => s.colorBy);
  const applied = useRef('');
  const box = useMemo(() => {
    const v = dims === 2 && viewVersion >= 0 && dataVersion > 0 ? getViewBuffers() : null;
    if (!v) return null;
    const present = v.sample ? new Uint8Array(v.coords.length / 3) : null;
    if (present && v.sample) for (const i of v.sample) present[i] = 1;
    return axisBox(v.coords, (i) => !present || present[i] === 1, v.offset, v.scale, true);
  }, [viewVersion, dataVersion, dims]);

  // A new frame (and so a new fit) whenever the legend's box changes size.
  useEffect(() => {
    const el = gl.domElement.closest('.point-view')?.parentElement?.querySelector('.legend-box');
    invalidate();
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => invalidate());
    observer.observe(el);
    return () => observer.disconnect();
  }, [gl, invalidate, collapsed, colorBy, box]);

  useFrame(() => {
    if (!(camera instanceof THREE.PerspectiveCamera)) return;
    const unitPx = size.height / 2 / (CAMERA_DISTANCE_2D * Math.tan(THREE.MathUtils.degToRad(camera.fov / 2)));
    const fit = box ? legendFit(box.lo, box.hi, unitPx, size.width, size.height, legendRect(gl.domElement)) : NO_FIT;
    const key = `${fit.zoom.toFixed(4)},${fit.shift.toFixed(1)},${size.width},${size.height}`;
    if (key === applied.current) return;
    applied.current = key;
    apply(camera, fit, size.width, size.height, gl.domElement);
    invalidate();
  });

  useEffect(
    () => () => {
      if (camera instanceof THREE.PerspectiveCamera) apply(camera, NO_FIT, size.width, size.height);
    },
    [camera, size],
  );
  return null;
}
