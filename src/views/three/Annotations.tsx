/**
 * What the view writes besides points: the axis lines with tick marks (three.js line segments on
 * the cloud's bounding box), and on a 2D canvas over the view the tick values in data units, the
 * axis names and, when chosen, point labels from a metadata column. Point labels are decluttered
 * on a screen grid (one per cell, nearest the camera first, then no two boxes overlapping); the
 * whole cloud is projected for that at most every LAYOUT_MS while the camera moves, the chosen
 * labels follow the camera every frame. The items drawn are kept on the handle for the PNG export.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { useAnalysisStore, useJobsStore } from '../../state/appStore';
import { getPointBuffers, getViewBuffers } from '../../state/pointBuffers';
import { useViewStore } from '../../state/viewStore';
import { axisBox, boxCentre, edgePoint, outerEdges, type AxisBox } from './axisTicks';
import type { CloudHandle } from './cloudHandle';
import { elementBoxes, nearestPerCell, placeGreedy, spaceRepeats, type Box } from './declutter';
import { projectRange } from './screenIndex';
import { drawTextItems, itemBox, type TextItem } from './textLayer';
import { labelItem, project, tickItems } from './tickItems';
import { usePick } from '../usePick';

/** Least time between two layouts of the point labels. */
export const LAYOUT_MS = 100;
/** The label grid's cell (CSS px) and the most labels drawn. */
const CELL_W = 90;
const CELL_H = 20;
const MAX_LABELS = 300;
const MAX_CHARS = 24;
/** A label repeating the text of a nearer one within this many px is left out (a class name once per cluster). */
const REPEAT_PX = 140;
/** Elements over the view that text keeps clear of. */
const FLOATING = '.legend-box, .axes-gizmo, .view-reset, .view-loading, .view-error';
/** Density-peak labels' ink. */
const CLUSTER_COLOR = '#0b1f3a';
/** Tick marks stick out of their axis by this much (display units). */
const TICK_LEN = 0.03;

/** The text of point i for a labelling choice ('class' or `meta:<column>`), or null for none. */
export function pointText(labelBy: string | null, classNames: readonly string[] | null, maxChars = MAX_CHARS): ((i: number) => string) | null {
  const b = getPointBuffers();
  if (!b || !labelBy) return null;
  const clip = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  if (labelBy === 'class' && b.labels && classNames) return (i) => clip(classNames[b.labels![i]] ?? '');
  const c = labelBy.startsWith('meta:') && b.meta ? b.meta.columns.indexOf(labelBy.slice(5)) : -1;
  if (c < 0 || !b.meta) return null;
  const values = b.meta.values[c];
  return (i) => clip(values[i] ?? '');
}

/** The density-peak labels (highest peak first) placed for this camera, decluttered; `occupied` receives their boxes. */
function peakItems(ctx: CanvasRenderingContext2D, peaks: CloudHandle['peaks'], m: ArrayLike<number>, width: number, height: number, occupied: Box[]): TextItem[] {
  const items: TextItem[] = [];
  for (const p of peaks) {
    const s = project(m, [p.x, p.y, 0], width, height);
    if (s) items.push({ text: p.text, x: s[0], y: s[1], align: 'center', kind: 'cluster', color: CLUSTER_COLOR });
  }
  return placeGreedy(items.map((it) => itemBox(ctx, it)), width, height, occupied).map((k) => items[k]);
}

/** The axis lines and tick marks on the chosen edges, as segment end points. */
function axisSegments(box: AxisBox, sides: readonly number[]): number[] {
  const centre = boxCentre(box);
  const v: number[] = [];
  box.axes.forEach(({ axis, ticks }, k) => {
    v.push(...edgePoint(box, axis, sides[k], box.lo[axis]), ...edgePoint(box, axis, sides[k], box.hi[axis]));
    const out = edgePoint(box, axis, sides[k], centre[axis]).map((x, a) => (a === axis ? 0 : x - centre[a]));
    const norm = Math.hypot(...out) || 1;
    for (const t of ticks) {
      const p = edgePoint(box, axis, sides[k], t.at);
      v.push(...p, ...p.map((x, a) => x + (out[a] / norm) * TICK_LEN));
    }
  });
  return v;
}

/** Replaces the segments a LineSegments draws. */
function setSegments(lines: THREE.LineSegments, v: number[]): void {
  lines.geometry.setAttribute('position', new THREE.Float32BufferAttribute(v, 3));
  lines.geometry.computeBoundingSphere();
}

/** Sizes the overlay's backing store to w x h device px (a no-op when it already is). */
function fitCanvas(canvas: HTMLCanvasElement, w: number, h: number): void {
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
}

/** Says on the overlay how many tick values and point labels it shows (for tests and assistive tooling). */
function markCounts(canvas: HTMLCanvasElement, items: readonly TextItem[]): void {
  canvas.dataset.ticks = String(items.filter((t) => t.kind === 'tick').length);
  canvas.dataset.labels = String(items.filter((t) => t.kind === 'label').length);
  canvas.dataset.clusterLabels = items
    .filter((t) => t.kind === 'cluster')
    .map((t) => t.text)
    .join(' | ');
}

interface LabelState {
  chosen: number[];
  at: number;
  serial: number;
  timer: ReturnType<typeof setTimeout> | null;
  sx: Float32Array;
  sy: Float32Array;
  sw: Float32Array;
}

export function Annotations({ overlay, handle, names }: { overlay: RefObject<HTMLCanvasElement | null>; handle: CloudHandle; names: readonly string[] }) {
  const { invalidate } = useThree();
  const { dims, showTicks, labelBy } = usePick(useViewStore, 'dims', 'showTicks', 'labelBy');
  const viewVersion = useJobsStore((s) => s.viewVersion);
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const classNames = useAnalysisStore((s) => s.classNames);
  const matrix = useMemo(() => new THREE.Matrix4(), []);
  const labels = useRef<LabelState>({ chosen: [], at: 0, serial: -1, timer: null, sx: new Float32Array(0), sy: new Float32Array(0), sw: new Float32Array(0) });

  const box = useMemo(() => {
    const v = viewVersion >= 0 && dataVersion > 0 ? getViewBuffers() : null;
    if (!v || !showTicks) return null;
    const present = v.sample ? new Uint8Array(v.coords.length / 3) : null;
    if (present && v.sample) for (const i of v.sample) present[i] = 1;
    return axisBox(v.coords, (i) => !present || present[i] === 1, v.offset, v.scale, dims === 2);
  }, [viewVersion, dataVersion, dims, showTicks]);
  const lines = useMemo(() => (box ? new THREE.LineSegments(new THREE.BufferGeometry(), new THREE.LineBasicMaterial({ color: '#9aa3af' })) : null), [box]);
  const drawnSides = useRef('');
  useEffect(() => {
    drawnSides.current = '';
    return () => {
      lines?.geometry.dispose();
      (lines?.material as THREE.Material | undefined)?.dispose();
    };
  }, [lines]);
  const text = useMemo(() => (dataVersion > 0 ? pointText(labelBy, classNames) : null), [labelBy, classNames, dataVersion]);
  useEffect(() => {
    labels.current.serial = -1;
    invalidate();
  }, [text, box, viewVersion, dims, invalidate]);
  useEffect(() => {
    const st = labels.current;
    return () => {
      if (st.timer !== null) clearTimeout(st.timer);
    };
  }, []);

  /** The point labels for this camera: a fresh layout when due, else the chosen points moved with the camera. */
  const pointItems = (ctx: CanvasRenderingContext2D, m: ArrayLike<number>, width: number, height: number, occupied: Box[]): TextItem[] => {
    const st = labels.current;
    const { to, colors } = handle;
    if (!text || !to || !colors || handle.animating) return [];
    const now = performance.now();
    if (st.serial !== handle.serial || now - st.at >= LAYOUT_MS) {
      const n = to.length / 3;
      if (st.sx.length !== n) [st.sx, st.sy, st.sw] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
      projectRange(to, m, width, height, st.sx, st.sy, st.sw, 0, n);
      st.chosen = nearestPerCell(st.sx, st.sy, st.sw, (i) => colors[4 * i + 3] > 0 && text(i) !== '', width, height, CELL_W, CELL_H);
      st.at = now;
      st.serial = handle.serial;
    } else if (st.timer === null) {
      st.timer = setTimeout(() => {
        st.timer = null;
        st.at = 0;
        invalidate();
      }, LAYOUT_MS - (now - st.at));
    }
    const items: TextItem[] = [];
    const p = [0, 0, 0];
    for (const i of st.chosen) {
      if (!handle.positionOf(i, p)) continue;
      const s = project(m, p, width, height);
      if (s) items.push(labelItem(text(i), s[0], s[1]));
    }
    const spaced = spaceRepeats(items, REPEAT_PX).map((k) => items[k]);
    const kept = placeGreedy(spaced.map((it) => itemBox(ctx, it)), width, height, occupied).slice(0, MAX_LABELS);
    return kept.map((k) => spaced[k]);
  };

  useFrame(({ camera, size, gl }) => {
    const canvas = overlay.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = gl.getPixelRatio();
    const [w, h] = [Math.round(size.width * dpr), Math.round(size.height * dpr)];
    fitCanvas(canvas, w, h);
    camera.updateMatrixWorld();
    matrix.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
    const m = matrix.elements;
    const sides = box ? outerEdges(box, (p) => project(m, p, size.width, size.height), size.width, size.height) : [];
    if (box && lines && sides.join() !== drawnSides.current) {
      drawnSides.current = sides.join();
      setSegments(lines, axisSegments(box, sides));
    }
    const occupied = canvas.parentElement ? elementBoxes(canvas.getBoundingClientRect(), canvas.parentElement.querySelectorAll(FLOATING)) : [];
    const ticks = tickItems(ctx, box, sides, names, m, size.width, size.height, occupied);
    const clusters = peakItems(ctx, handle.animating ? [] : handle.peaks, m, size.width, size.height, occupied);
    const points = pointItems(ctx, matrix.elements, size.width, size.height, occupied);
    const items = [...ticks, ...clusters, ...points];
    ctx.clearRect(0, 0, w, h);
    drawTextItems(ctx, items, dpr);
    handle.setAnnotations(items);
    markCounts(canvas, items);
  });

  return lines ? <primitive object={lines} /> : null;
}
