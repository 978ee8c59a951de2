/**
 * The central 3D view: an r3f canvas rendering on demand, the point cloud, orbit controls, the
 * axes hint and the hover tooltip. Overlays are DOM siblings of the canvas.
 */
import { useRef, useState } from 'react';
import { Canvas } from '@react-three/fiber';
import { useViewStore } from '../../state/viewStore';
import { PointCloud } from './PointCloud';
import { CAMERA_DISTANCE, OrbitRig } from './OrbitRig';
import { AxesGizmoDriver, AxesGizmoSvg } from './AxesGizmo';

export function PointView() {
  const dims = useViewStore((s) => s.dims);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const gizmo = useRef<SVGSVGElement>(null);
  const [resetKey, setResetKey] = useState(0);

  return (
    <div className="point-view" data-testid="point-view">
      <Canvas
        frameloop="demand"
        dpr={[1, 2]}
        camera={{ fov: 45, near: 0.01, far: 100, position: [0, 0, CAMERA_DISTANCE] }}
        gl={{ antialias: true, alpha: true }}
        aria-label="3D PCA point cloud"
      >
        <PointCloud tooltipRef={tooltipRef} />
        <OrbitRig dims={dims} resetKey={resetKey} />
        <AxesGizmoDriver svg={gizmo} flat={dims === 2} />
      </Canvas>
      <div ref={tooltipRef} className="point-tooltip" role="status" aria-live="off" />
      <AxesGizmoSvg ref={gizmo} />
      <button type="button" className="view-reset" onClick={() => setResetKey((k) => k + 1)} title="Reset the camera">
        Reset view
      </button>
      <p className="view-hint">{dims === 3 ? 'Drag to rotate · scroll to zoom · right-drag to pan' : 'Scroll to zoom · drag to pan'}</p>
    </div>
  );
}
