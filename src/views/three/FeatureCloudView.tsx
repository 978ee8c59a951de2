/** The canvas of Train mode's 3D view: renders on demand, orbit controls around the global mean aimed so the class means show apart, the feature cloud. */
import { Canvas } from '@react-three/fiber';
import { FeatureCloud, type CloudOverlays, type FrameSnapshot } from './FeatureCloud';
import { CAMERA_DISTANCE } from './OrbitRig';
import { TrainCameraRig } from './TrainCameraRig';
import { CLOUD_FIT, CLOUD_FOV } from './trainCamera';

interface Props {
  frame: FrameSnapshot | null;
  overlays: CloudOverlays;
  /** Bumping it puts the camera back. */
  resetKey: number;
}

export function FeatureCloudView({ frame, overlays, resetKey }: Props) {
  return (
    <div className="point-view train-cloud" data-testid="train-cloud">
      <Canvas frameloop="demand" dpr={[1, 2]} camera={{ fov: CLOUD_FOV, near: 0.01, far: 100, position: [0, 0, CAMERA_DISTANCE] }} gl={{ antialias: true, alpha: true }} aria-label="3D feature cloud">
        <group scale={CLOUD_FIT}>
          <FeatureCloud frame={frame} overlays={overlays} />
        </group>
        <TrainCameraRig frame={frame} resetKey={resetKey} />
      </Canvas>
    </div>
  );
}
