/**
 * Rings around the clicked point (dark, large) and its nearest neighbours in the original space
 * (accent colour), following the points while they move between views.
 */
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { useInspectStore } from '../../state/appStore';
import { NEIGHBOUR_COUNT } from '../../state/inspectStore';
import { useViewStore } from '../../state/viewStore';
import { hexToRgb } from '../palette';
import { createPointMaterial, setPointUniforms } from './pointMaterial';
import type { CloudHandle } from './cloudHandle';

const SELECTED = hexToRgb('#111827');
const NEIGHBOUR = hexToRgb('#c2410c');

function ringGeometry(count: number, rgb: [number, number, number]): THREE.BufferGeometry {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(count * 3), 3).setUsage(THREE.DynamicDrawUsage));
  const colors = new Float32Array(count * 4);
  for (let j = 0; j < count; j++) colors.set([...rgb, 1], 4 * j);
  g.setAttribute('aColor', new THREE.BufferAttribute(colors, 4));
  g.setDrawRange(0, 0);
  return g;
}

function ringMaterial(hollow: number): THREE.ShaderMaterial {
  const m = createPointMaterial();
  m.depthTest = false;
  m.uniforms.uRim.value = 0;
  m.uniforms.uHollow.value = hollow;
  return m;
}

/** Copies the drawn positions of `indices` into a ring geometry and sets its draw range. */
function place(g: THREE.BufferGeometry, handle: CloudHandle, indices: readonly number[]): void {
  const pos = g.getAttribute('position') as THREE.BufferAttribute;
  const arr = pos.array as Float32Array;
  let m = 0;
  for (const i of indices) if (handle.positionOf(i, arr, 3 * m)) m++;
  g.setDrawRange(0, m);
  pos.needsUpdate = true;
}

export function HighlightOverlay({ handle }: { handle: CloudHandle }) {
  const selected = useInspectStore((s) => s.selectedPoint);
  const neighbours = useInspectStore((s) => s.neighbours);
  const pointSize = useViewStore((s) => s.pointSize);
  const { invalidate } = useThree();
  const seen = useRef(-1);

  const rings = useMemo(
    () => ({
      selectedG: ringGeometry(1, SELECTED),
      neighboursG: ringGeometry(NEIGHBOUR_COUNT, NEIGHBOUR),
      selectedMat: ringMaterial(0.42),
      neighbourMat: ringMaterial(0.4),
    }),
    [],
  );
  useEffect(() => () => Object.values(rings).forEach((r) => r.dispose()), [rings]);

  const chosen = useMemo(() => (selected === null ? [] : [selected]), [selected]);
  const near = useMemo(() => (neighbours && neighbours.point === selected ? Array.from(neighbours.indices) : []), [selected, neighbours]);

  useEffect(() => {
    seen.current = -1;
    setPointUniforms(rings.selectedMat, { size: pointSize + 12 });
    setPointUniforms(rings.neighbourMat, { size: pointSize + 9 });
    invalidate();
  }, [chosen, near, pointSize, rings, invalidate]);

  useFrame((state) => {
    const dist = state.camera.position.length();
    const pixelRatio = state.gl.getPixelRatio();
    setPointUniforms(rings.selectedMat, { refDistance: dist, pixelRatio });
    setPointUniforms(rings.neighbourMat, { refDistance: dist, pixelRatio });
    if (!handle.animating && seen.current === handle.serial) return;
    seen.current = handle.serial;
    place(rings.selectedG, handle, chosen);
    place(rings.neighboursG, handle, near);
  });

  if (chosen.length === 0) return null;
  return (
    <group>
      <points geometry={rings.neighboursG} material={rings.neighbourMat} frustumCulled={false} renderOrder={5} />
      <points geometry={rings.selectedG} material={rings.selectedMat} frustumCulled={false} renderOrder={6} />
    </group>
  );
}
