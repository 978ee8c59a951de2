/**
 * Train's orbit controls, aimed so every class mean shows apart on screen (trainCamera.ts): the
 * camera is aimed at each new run and each "Reset view", and re-aimed while the user has not moved
 * it whenever a new snapshot makes two means overlap and a clearly better view exists.
 */
import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import type { FrameSnapshot } from './FeatureCloud';
import { CAMERA_DISTANCE, OrbitRig } from './OrbitRig';
import { CLOUD_FIT, CLOUD_FOV, nextDirection, OBLIQUE, type Direction } from './trainCamera';

export function TrainCameraRig({ frame, resetKey }: { frame: FrameSnapshot | null; resetKey: number }) {
  const { camera, size, invalidate } = useThree();
  const direction = useRef<Direction>(OBLIQUE);
  const moved = useRef(false);
  const aimed = useRef<{ run: number; reset: number } | null>(null);

  // Runs after OrbitRig's own reset (a child's effects run first), so the aim wins.
  useEffect(() => {
    if (!frame) return;
    const fresh = aimed.current?.run !== frame.run || aimed.current.reset !== resetKey;
    if (fresh) moved.current = false;
    if (!fresh && moved.current) return;
    aimed.current = { run: frame.run, reset: resetKey };
    const spec = { fov: CLOUD_FOV, aspect: size.width / Math.max(1, size.height), distance: CAMERA_DISTANCE, fit: CLOUD_FIT };
    const next = nextDirection(direction.current, frame.frame.means, frame.classes, spec, fresh);
    if (!next) return;
    direction.current = next;
    const n = Math.hypot(...next);
    camera.up.set(0, 1, 0);
    camera.position.set((next[0] / n) * CAMERA_DISTANCE, (next[1] / n) * CAMERA_DISTANCE, (next[2] / n) * CAMERA_DISTANCE);
    camera.lookAt(0, 0, 0);
    invalidate();
  }, [frame, resetKey, size, camera, invalidate]);

  return <OrbitRig dims={3} resetKey={resetKey} onUserMove={() => (moved.current = true)} />;
}
