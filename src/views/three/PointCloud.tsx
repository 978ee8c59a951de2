/**
 * The point cloud: ONE THREE.Points over a BufferGeometry built from the buffer registry when the
 * store's dataVersion changes. Hover shows a point's class in a DOM tooltip updated through a ref
 * (no React state per pointer move); a ring marks the hovered point.
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import * as THREE from 'three';
import { useFrame, useThree, type ThreeEvent } from '@react-three/fiber';
import { useAnalysisStore } from '../../state/appStore';
import { getPointBuffers } from '../../state/pointBuffers';
import { useViewStore } from '../../state/viewStore';
import { createPointMaterial, setPointUniforms } from './pointMaterial';
import { fillPointColors } from './pointColors';
import { classColor } from '../palette';

/** Hover radius in CSS pixels. */
const PICK_PX = 6;

interface Props {
  tooltipRef: RefObject<HTMLDivElement | null>;
}

/** Largest distance of a point from the origin (the PCA coordinates are centred). */
function radiusOf(coords: Float32Array): number {
  let r2 = 0;
  for (let i = 0; i < coords.length; i += 3) r2 = Math.max(r2, coords[i] ** 2 + coords[i + 1] ** 2 + coords[i + 2] ** 2);
  return Math.sqrt(r2) || 1;
}

export function PointCloud({ tooltipRef }: Props) {
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const classNames = useAnalysisStore((s) => s.classNames);
  const { colorMode, pointSize, dims, hiddenClasses } = useViewStore();
  const { invalidate, gl } = useThree();

  const data = useMemo(() => {
    const b = getPointBuffers();
    if (!b || dataVersion === 0) return null;
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(b.coords, 3));
    geometry.setAttribute('aColor', new THREE.BufferAttribute(new Float32Array((b.coords.length / 3) * 4), 4));
    return { geometry, buffers: b, scale: 1 / radiusOf(b.coords) };
  }, [dataVersion]);
  useEffect(() => () => data?.geometry.dispose(), [data]);

  const material = useMemo(() => createPointMaterial(), []);
  const ringMaterial = useMemo(() => {
    const m = createPointMaterial();
    m.depthTest = false;
    m.uniforms.uHollow.value = 0.45;
    m.uniforms.uRim.value = 0;
    return m;
  }, []);
  const ring = useMemo(() => {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(new Float32Array(3), 3));
    g.setAttribute('aColor', new THREE.BufferAttribute(new Float32Array([0.1, 0.1, 0.1, 1]), 4));
    return g;
  }, []);
  useEffect(
    () => () => {
      material.dispose();
      ringMaterial.dispose();
      ring.dispose();
    },
    [material, ringMaterial, ring],
  );
  const ringRef = useRef<THREE.Points>(null);

  useEffect(() => {
    if (!data) return;
    const attr = data.geometry.getAttribute('aColor') as THREE.BufferAttribute;
    fillPointColors(attr.array as Float32Array, data.buffers.labels, colorMode, hiddenClasses);
    attr.needsUpdate = true;
    invalidate();
  }, [data, colorMode, hiddenClasses, invalidate]);

  useEffect(() => {
    setPointUniforms(material, { size: pointSize, flat: dims === 2 });
    setPointUniforms(ringMaterial, { size: pointSize + 8, flat: dims === 2 });
    invalidate();
  }, [pointSize, dims, material, ringMaterial, invalidate]);

  useFrame((state) => {
    const dist = state.camera.position.length();
    const pixelRatio = state.gl.getPixelRatio();
    setPointUniforms(material, { refDistance: dist, pixelRatio });
    setPointUniforms(ringMaterial, { refDistance: dist, pixelRatio });
    const fov = (state.camera as THREE.PerspectiveCamera).fov ?? 45;
    const worldPerPx = (2 * dist * Math.tan(((fov / 2) * Math.PI) / 180)) / state.size.height;
    state.raycaster.params.Points.threshold = PICK_PX * worldPerPx;
  });

  const hideTip = () => {
    if (tooltipRef.current) tooltipRef.current.style.visibility = 'hidden';
    if (ringRef.current?.visible) {
      ringRef.current.visible = false;
      invalidate();
    }
  };

  const onMove = (e: ThreeEvent<PointerEvent>) => {
    if (!data) return;
    const colors = (data.geometry.getAttribute('aColor') as THREE.BufferAttribute).array;
    let best = -1;
    let bestD = Infinity;
    for (const hit of e.intersections) {
      const i = hit.index ?? -1;
      if (hit.object !== e.eventObject || i < 0 || colors[4 * i + 3] === 0) continue;
      if ((hit.distanceToRay ?? Infinity) < bestD) {
        bestD = hit.distanceToRay ?? Infinity;
        best = i;
      }
    }
    if (best < 0) return hideTip();
    const { labels, rowIndex, coords } = data.buffers;
    const tip = tooltipRef.current;
    if (tip) {
      const k = labels ? labels[best] : -1;
      const name = k >= 0 ? (classNames?.[k] ?? String(k)) : 'point';
      tip.replaceChildren();
      const swatch = document.createElement('span');
      swatch.className = 'tip-swatch';
      swatch.style.background = k >= 0 ? classColor(k) : 'transparent';
      const strong = document.createElement('strong');
      strong.textContent = k >= 0 ? `class ${name}` : name;
      tip.append(swatch, strong, ` · row ${rowIndex[best]}`);
      const rect = gl.domElement.getBoundingClientRect();
      tip.style.transform = `translate(${e.clientX - rect.left + 14}px, ${e.clientY - rect.top + 14}px)`;
      tip.style.visibility = 'visible';
    }
    const ringPoints = ringRef.current;
    if (ringPoints) {
      const pos = ringPoints.geometry.getAttribute('position') as THREE.BufferAttribute;
      pos.setXYZ(0, coords[3 * best], coords[3 * best + 1], coords[3 * best + 2]);
      pos.needsUpdate = true;
      ringPoints.visible = true;
      invalidate();
    }
  };

  if (!data) return null;
  return (
    <group>
      <points
        scale={data.scale}
        geometry={data.geometry}
        material={material}
        frustumCulled={false}
        onPointerMove={onMove}
        onPointerOut={hideTip}
      />
      <points ref={ringRef} scale={data.scale} geometry={ring} material={ringMaterial} frustumCulled={false} visible={false} renderOrder={1} />
    </group>
  );
}
