/**
 * The central 3D view: an r3f canvas rendering on demand with the point cloud, the class-mean and
 * ETF overlays, the neighbour rings, orbit controls and the axes hint. Shift-drag draws a box that
 * selects the points inside it; in 2D the picture keeps clear of the legend (LegendFitRig). Overlays are DOM siblings of the canvas. Pointer picking is the
 * point cloud's own (a screen index), so no object here takes react-three-fiber pointer events.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Canvas, useThree } from '@react-three/fiber';
import { useJobsStore } from '../../state/appStore';
import { useViewStore } from '../../state/viewStore';
import { useExploreCamera } from '../../state/exploreCamera';
import { PointCloud } from './PointCloud';
import { MeansOverlay } from './MeansOverlay';
import { HighlightOverlay } from './HighlightOverlay';
import { CAMERA_DISTANCE, OrbitRig } from './OrbitRig';
import { AxesGizmoDriver, AxesGizmoSvg } from './AxesGizmo';
import { BoxSelect } from './BoxSelect';
import { CloudHandle } from './cloudHandle';
import { Annotations } from './Annotations';
import { DensityLayer } from './DensityLayer';
import { PeakLabelLayer } from './PeakLabelLayer';
import { SpriteCloud } from './SpriteCloud';
import { LegendFitRig } from './LegendFitRig';

/** Hands the renderer, scene and camera to the cloud handle (for box selection and PNG export). */
function Bridge({ handle }: { handle: CloudHandle }) {
  const { gl, scene, camera } = useThree();
  useEffect(() => {
    handle.bind(gl, scene, camera);
  }, [handle, gl, scene, camera]);
  return null;
}

/** A short axis name for the corner hint: PC2, S1 (simplex), U2 (UMAP), T1 (t-SNE), D1 (class direction), x. */
export function shortAxis(name: string): string {
  const m = /(\d+)$/.exec(name);
  if (name.startsWith('PC') || !m) return name;
  if (name.startsWith('simplex')) return `S${m[1]}`;
  if (name.startsWith('UMAP')) return `U${m[1]}`;
  if (name.startsWith('t-SNE')) return `T${m[1]}`;
  return `D${m[1]}`;
}

/** The one cloud handle of the page (the export menu reads it too). */
export const cloudHandle = new CloudHandle();

export function PointView() {
  const dims = useViewStore((s) => s.dims);
  const axes = useJobsStore((s) => s.axes);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const gizmo = useRef<SVGSVGElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [resetKey, setResetKey] = useState(0);
  const names = useMemo(() => axes.map(shortAxis), [axes]);
  const pose = useExploreCamera((s) => s.pose);
  const applied = useExploreCamera((s) => s.applied);
  const setPose = useExploreCamera((s) => s.setPose);

  // The text layer is the view's sibling, so the view keeps one <canvas> (the journeys find it so).
  return (
    <>
      <div className="point-view" data-testid="point-view">
        <BoxSelect handle={cloudHandle}>
          <Canvas
            frameloop="demand"
            dpr={[1, 2]}
            camera={{ fov: 45, near: 0.01, far: 100, position: [0, 0, CAMERA_DISTANCE] }}
            gl={{ antialias: true, alpha: true }}
            aria-label="3D point cloud"
          >
            <Bridge handle={cloudHandle} />
            <DensityLayer handle={cloudHandle} />
            <PeakLabelLayer handle={cloudHandle} />
            <PointCloud tooltipRef={tooltipRef} handle={cloudHandle} />
            <SpriteCloud handle={cloudHandle} />
            <MeansOverlay />
            <HighlightOverlay handle={cloudHandle} />
            <OrbitRig dims={dims} resetKey={resetKey} pose={pose} applied={applied} onPose={setPose} />
            <LegendFitRig dims={dims} />
            <AxesGizmoDriver svg={gizmo} flat={dims === 2} />
            <Annotations overlay={overlay} handle={cloudHandle} names={axes} />
          </Canvas>
        </BoxSelect>
        <div ref={tooltipRef} className="point-tooltip" role="status" aria-live="off" data-testid="point-tooltip" />
        <AxesGizmoSvg ref={gizmo} names={names} />
        <button
          type="button"
          className="view-reset"
          onClick={() => {
            setPose(null);
            setResetKey((k) => k + 1);
          }}
          title="Reset the camera"
          data-testid="view-reset"
        >
          Reset view
        </button>
        <p className="view-hint">
          {dims === 3 ? 'drag: rotate · scroll: zoom · right-drag: pan' : 'scroll: zoom · drag: pan'} · shift-drag: select
        </p>
      </div>
      <canvas ref={overlay} className="view-text" aria-hidden="true" data-testid="view-text" />
    </>
  );
}
