/**
 * The aligned view's scene: standardised A as filled points, Procrustes-aligned B as rings, and a
 * segment from each item's A position to its B position, all in the item's colour; hovered and
 * selected items get a dark ring on both ends. Buffers are rebuilt only when the data or colours
 * change; hover redraws through a store subscription and invalidate(), never a React render.
 */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { useThree } from '@react-three/fiber';
import { createPointMaterial, setPointUniforms } from '../three/pointMaterial';
import { useCompareHover } from '../../state/compareStore';

export interface AlignedData {
  n: number;
  components: number;
  a: Float32Array;
  b: Float32Array;
}

/** xyz of row i of an n x q projection (missing axes are 0), scaled by s. */
function xyz(X: Float32Array, q: number, i: number, s: number, out: Float32Array, at: number): void {
  for (let c = 0; c < 3; c++) out[at + c] = c < q ? X[i * q + c] * s : 0;
}

/** 1 / the largest distance from the origin over both sides (the cloud then fits the unit ball). */
export function fitScale(d: AlignedData): number {
  let r = 0;
  for (const X of [d.a, d.b]) {
    for (let i = 0; i < d.n; i++) {
      let s = 0;
      for (let c = 0; c < d.components; c++) s += X[i * d.components + c] ** 2;
      r = Math.max(r, s);
    }
  }
  return r > 0 ? 1 / Math.sqrt(r) : 1;
}

function pointsOf(positions: Float32Array, rgb: Float32Array, n: number, hollow: boolean, flat: boolean, size: number): THREE.Points {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  const rgba = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) rgba.set([rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2], 1], i * 4);
  g.setAttribute('aColor', new THREE.BufferAttribute(rgba, 4));
  const m = createPointMaterial();
  setPointUniforms(m, { size, flat, pixelRatio: typeof window === 'undefined' ? 1 : window.devicePixelRatio });
  m.uniforms.uRim.value = 0.35;
  if (hollow) m.uniforms.uHollow.value = 0.3;
  const p = new THREE.Points(g, m);
  p.frustumCulled = false;
  return p;
}

export function AlignedCloud({ data, rgb, flat, selected }: { data: AlignedData; rgb: Float32Array; flat: boolean; selected: readonly number[] }) {
  const invalidate = useThree((s) => s.invalidate);
  const { n } = data;
  const scene = useMemo(() => {
    const s = fitScale(data);
    const pa = new Float32Array(n * 3);
    const pb = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      xyz(data.a, data.components, i, s, pa, i * 3);
      xyz(data.b, data.components, i, s, pb, i * 3);
    }
    if (flat) for (let i = 0; i < n; i++) pa[i * 3 + 2] = pb[i * 3 + 2] = 0;
    const seg = new Float32Array(n * 6);
    const segRgb = new Float32Array(n * 6);
    for (let i = 0; i < n; i++) {
      seg.set(pa.subarray(i * 3, i * 3 + 3), i * 6);
      seg.set(pb.subarray(i * 3, i * 3 + 3), i * 6 + 3);
      const c = rgb.subarray(i * 3, i * 3 + 3);
      segRgb.set(c, i * 6);
      segRgb.set(c, i * 6 + 3);
    }
    const lg = new THREE.BufferGeometry();
    lg.setAttribute('position', new THREE.BufferAttribute(seg, 3));
    lg.setAttribute('color', new THREE.BufferAttribute(segRgb, 3));
    const lines = new THREE.LineSegments(lg, new THREE.LineBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.8 }));
    lines.frustumCulled = false;
    const size = n > 5000 ? 3 : n > 1000 ? 4 : 6;
    const marks = new THREE.BufferGeometry();
    marks.setAttribute('position', new THREE.BufferAttribute(new Float32Array(0), 3));
    const markMaterial = createPointMaterial();
    setPointUniforms(markMaterial, { size: size * 2.4, flat });
    markMaterial.uniforms.uHollow.value = 0.55;
    const highlight = new THREE.Points(marks, markMaterial);
    highlight.frustumCulled = false;
    highlight.renderOrder = 2;
    return { pa, pb, lines, a: pointsOf(pa, rgb, n, false, flat, size), b: pointsOf(pb, rgb, n, true, flat, size * 1.15), highlight };
  }, [data, rgb, flat, n]);

  useEffect(() => {
    const draw = (hovered: number | null) => {
      const items = hovered === null ? selected : [...selected, hovered];
      const pos = new Float32Array(items.length * 6);
      items.forEach((i, t) => {
        pos.set(scene.pa.subarray(i * 3, i * 3 + 3), t * 6);
        pos.set(scene.pb.subarray(i * 3, i * 3 + 3), t * 6 + 3);
      });
      const g = scene.highlight.geometry;
      g.setAttribute('position', new THREE.BufferAttribute(pos, 3));
      const rgba = new Float32Array(items.length * 8);
      for (let t = 0; t < items.length * 2; t++) rgba.set([0.1, 0.12, 0.16, 1], t * 4);
      g.setAttribute('aColor', new THREE.BufferAttribute(rgba, 4));
      invalidate();
    };
    draw(useCompareHover.getState().item);
    return useCompareHover.subscribe((s) => draw(s.item));
  }, [scene, selected, invalidate]);

  useEffect(() => {
    invalidate();
    return () => {
      for (const o of [scene.a, scene.b, scene.highlight]) {
        o.geometry.dispose();
        (o.material as THREE.Material).dispose();
      }
      scene.lines.geometry.dispose();
      (scene.lines.material as THREE.Material).dispose();
    };
  }, [scene, invalidate]);

  return (
    <group>
      <primitive object={scene.lines} />
      <primitive object={scene.a} />
      <primitive object={scene.b} />
      <primitive object={scene.highlight} />
    </group>
  );
}
