/**
 * The 2D view's density contours (densityContours.ts), when density shading is on: filled bands
 * under the points, stacked with a little opacity each (so denser regions read darker), and their
 * outlines drawn over the points (thin and translucent: under 100,000 points the bands alone
 * would be covered). Recomputed once the points settle after a change of positions or
 * visibility (never per frame).
 */
import { useEffect, useMemo, useState } from 'react';
import * as THREE from 'three';
import { useThree } from '@react-three/fiber';
import { useAnalysisStore } from '../../state/appStore';
import { densityActive, useViewStore } from '../../state/viewStore';
import { markCanvas } from './canvasMarks';
import type { CloudHandle } from './cloudHandle';
import { useSettledLayout } from './useSettledLayout';
import { densityBands, type DensityBand } from './densityContours';

const BAND_COLOR = '#2F5D8A';
const LINE_COLOR = '#1b2330';
const BAND_OPACITY = 0.07;
const LINE_OPACITY = 0.45;
/** The contour plane sits this far behind the points (the 2D camera looks down -z). */
const DEPTH = -0.02;
/** Quiet time after the last change before contours are recomputed. */
const SETTLE_MS = 150;

function ringPath(ring: Float32Array, path: THREE.Path): void {
  for (let k = 0; k < ring.length; k += 2) {
    if (k === 0) path.moveTo(ring[0], ring[1]);
    else path.lineTo(ring[k], ring[k + 1]);
  }
}

/** One group: per band a filled mesh and its outline segments. */
function bandsGroup(bands: readonly DensityBand[]): THREE.Group {
  const group = new THREE.Group();
  group.position.z = DEPTH;
  bands.forEach((band) => {
    const shapes = band.polygons.map(([outer, ...holes]) => {
      const shape = new THREE.Shape();
      ringPath(outer, shape);
      for (const h of holes) {
        const hole = new THREE.Path();
        ringPath(h, hole);
        shape.holes.push(hole);
      }
      return shape;
    });
    const fill = new THREE.Mesh(new THREE.ShapeGeometry(shapes), new THREE.MeshBasicMaterial({ color: BAND_COLOR, transparent: true, opacity: BAND_OPACITY, depthWrite: false }));
    const segments: number[] = [];
    for (const ring of band.polygons.flat()) {
      for (let k = 0; k + 3 < ring.length; k += 2) segments.push(ring[k], ring[k + 1], 0, ring[k + 2], ring[k + 3], 0);
    }
    const lineGeometry = new THREE.BufferGeometry();
    lineGeometry.setAttribute('position', new THREE.Float32BufferAttribute(segments, 3));
    const line = new THREE.LineSegments(lineGeometry, new THREE.LineBasicMaterial({ color: LINE_COLOR, transparent: true, opacity: LINE_OPACITY, depthWrite: false, depthTest: false }));
    fill.renderOrder = -1;
    line.renderOrder = 2;
    group.add(fill, line);
  });
  return group;
}

function disposeGroup(g: THREE.Group): void {
  g.traverse((o) => {
    if (o instanceof THREE.Mesh || o instanceof THREE.LineSegments) {
      o.geometry.dispose();
      (o.material as THREE.Material).dispose();
    }
  });
}

export function DensityLayer({ handle }: { handle: CloudHandle }) {
  const { invalidate, gl } = useThree();
  const dims = useViewStore((s) => s.dims);
  const density = useViewStore((s) => s.density);
  const [bands, setBands] = useState<DensityBand[]>([]);
  const n = useAnalysisStore((s) => s.report?.n ?? 0);
  const on = dims === 2 && densityActive(density, n);

  useSettledLayout(handle, on, '', SETTLE_MS, () => {
    const { to, colors } = handle;
    setBands(to && colors ? densityBands(to, (i) => colors[4 * i + 3] > 0) : []);
  });
  useEffect(() => {
    invalidate();
  }, [on, invalidate]);

  const group = useMemo(() => (on && bands.length > 0 ? bandsGroup(bands) : null), [on, bands]);
  useEffect(() => {
    markCanvas(gl.domElement, 'contours', String(group ? bands.length : 0));
    invalidate();
    return () => {
      if (group) disposeGroup(group);
    };
  }, [group, bands, gl, invalidate]);
  return group ? <primitive object={group} /> : null;
}
