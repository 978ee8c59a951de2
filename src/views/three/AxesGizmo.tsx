/**
 * The axes hint: a small SVG in the view's corner showing where the view's three axes (PC1-PC3,
 * simplex directions, UMAP axes...) point from the current camera. Updated inside the render loop
 * through a ref (no React state per frame).
 */
import { useRef, type RefObject } from 'react';
import * as THREE from 'three';
import { useFrame } from '@react-three/fiber';

const AXES = [new THREE.Vector3(1, 0, 0), new THREE.Vector3(0, 1, 0), new THREE.Vector3(0, 0, 1)];
/** The SVG is GIZMO_SIZE x GIZMO_SIZE; arms are ARM long from its centre. */
export const GIZMO_SIZE = 96;
const ARM = 30;

/** Scene member that projects the axes into the SVG each rendered frame; the third axis is hidden when flat. */
export function AxesGizmoDriver({ svg, flat }: { svg: RefObject<SVGSVGElement | null>; flat: boolean }) {
  const v = useRef(new THREE.Vector3());
  useFrame(({ camera }) => {
    const root = svg.current;
    if (!root) return;
    const c = GIZMO_SIZE / 2;
    // useFrame runs before render: refresh the camera's matrices so the hint matches this frame.
    camera.updateMatrixWorld();
    for (let i = 0; i < 3; i++) {
      const g = root.children[i];
      if (!g) continue;
      const d = v.current.copy(AXES[i]).transformDirection(camera.matrixWorldInverse);
      const [line, label] = [g.children[0], g.children[1]];
      line.setAttribute('x2', (c + d.x * ARM).toFixed(1));
      line.setAttribute('y2', (c - d.y * ARM).toFixed(1));
      label.setAttribute('x', (c + d.x * (ARM + 13)).toFixed(1));
      label.setAttribute('y', (c - d.y * (ARM + 13) + 4).toFixed(1));
      g.setAttribute('visibility', flat && i === 2 ? 'hidden' : 'visible');
    }
  });
  return null;
}

/** The SVG the driver writes into: one group (line, label) per axis, in axis order; unnamed axes are left out. */
export function AxesGizmoSvg({ ref, names }: { ref: RefObject<SVGSVGElement | null>; names: readonly string[] }) {
  const c = GIZMO_SIZE / 2;
  return (
    <svg ref={ref} className="axes-gizmo" width={GIZMO_SIZE} height={GIZMO_SIZE} viewBox={`0 0 ${GIZMO_SIZE} ${GIZMO_SIZE}`} aria-label={`Axes: ${names.filter((x) => x).join(', ')}`}>
      {names.map((name, i) => (
        <g key={i} className={`axis axis-${i}`} display={name ? undefined : 'none'}>
          <line x1={c} y1={c} x2={c} y2={c} />
          <text x={c} y={c} textAnchor="middle">
            {name}
          </text>
        </g>
      ))}
    </svg>
  );
}
