/**
 * Train's orbit controls, aimed so every class mean shows apart on screen and clear of the view's
 * overlays (elements with the class `cloud-overlay` beside the canvas: legend, frame picker)
 * (trainCamera.ts): the camera is aimed at each new run and each "Reset view", and re-aimed while
 * the user has not moved it whenever a new snapshot makes two means overlap or hides one under an
 * overlay and a clearly better view exists.
 */
import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import type { FrameSnapshot } from './FeatureCloud';
import { CAMERA_DISTANCE, OrbitRig } from './OrbitRig';
import { CLOUD_FIT, CLOUD_FOV, coveredAreas, minSeparation, nextDirection, OBLIQUE, type Covered, type Direction } from './trainCamera';

/** The screen areas of the overlays drawn over `canvas` (its parent's `.cloud-overlay` elements). */
function overlaysOver(canvas: HTMLCanvasElement): Covered[] {
  const stage = canvas.closest('.train-stage');
  if (!stage) return [];
  const rects = Array.from(stage.querySelectorAll('.cloud-overlay'), (el) => el.getBoundingClientRect());
  return coveredAreas(canvas.getBoundingClientRect(), rects);
}

export function TrainCameraRig({ frame, resetKey }: { frame: FrameSnapshot | null; resetKey: number }) {
  const { camera, size, invalidate, gl } = useThree();
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
    const spec = { fov: CLOUD_FOV, aspect: size.width / Math.max(1, size.height), distance: CAMERA_DISTANCE, fit: CLOUD_FIT, covered: overlaysOver(gl.domElement) };
    const next = nextDirection(direction.current, frame.frame.means, frame.classes, spec, fresh);
    // What the aim achieved, for the e2e: the smallest screen distance between two marks (0: a mean under an overlay).
    gl.domElement.setAttribute('data-mean-apart', String(minSeparation(next ?? direction.current, frame.frame.means, frame.classes, spec)));
    if (!next) return;
    direction.current = next;
    const n = Math.hypot(...next);
    camera.up.set(0, 1, 0);
    camera.position.set((next[0] / n) * CAMERA_DISTANCE, (next[1] / n) * CAMERA_DISTANCE, (next[2] / n) * CAMERA_DISTANCE);
    camera.lookAt(0, 0, 0);
    invalidate();
  }, [frame, resetKey, size, camera, invalidate, gl]);

  return <OrbitRig dims={3} resetKey={resetKey} onUserMove={() => (moved.current = true)} />;
}
