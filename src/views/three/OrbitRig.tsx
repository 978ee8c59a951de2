/**
 * three's OrbitControls around the origin, rendering on demand: every camera change calls
 * invalidate(). In 2D the camera looks down the PC3 axis at the PC1-PC2 plane and cannot rotate;
 * in 3D it looks from an oblique direction (Train's TrainCameraRig then aims it), put back on a reset.
 */
import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { MOUSE } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { OBLIQUE } from './trainCamera';

/** Camera distance from the origin for a cloud scaled to radius 1. */
export const CAMERA_DISTANCE = 2.65;
/**
 * In 2D, a little farther: the axes run on the cloud's bounding box, and at the default distance
 * a cloud taller than wide put the x axis's tick labels below the canvas at 1280 x 720 (seen in
 * the 100,000-point screenshot); this leaves about a tenth of the height for them.
 */
export const CAMERA_DISTANCE_2D = CAMERA_DISTANCE * 1.15;

interface Props {
  dims: 2 | 3;
  resetKey: number;
  /** Called when the user starts moving the camera. */
  onUserMove?: () => void;
}

export function OrbitRig({ dims, resetKey, onUserMove }: Props) {
  const { camera, gl, invalidate } = useThree();
  const controls = useRef<OrbitControls | null>(null);
  const userMove = useRef(onUserMove);
  useEffect(() => {
    userMove.current = onUserMove;
  });

  useEffect(() => {
    const c = new OrbitControls(camera, gl.domElement);
    c.enableDamping = false;
    c.minDistance = 0.4;
    c.maxDistance = 12;
    const onChange = () => invalidate();
    const onStart = () => userMove.current?.();
    c.addEventListener('change', onChange);
    c.addEventListener('start', onStart);
    controls.current = c;
    return () => {
      c.removeEventListener('change', onChange);
      c.removeEventListener('start', onStart);
      c.dispose();
      controls.current = null;
    };
  }, [camera, gl, invalidate]);

  useEffect(() => {
    const c = controls.current;
    if (!c) return;
    const [x, y, z] = dims === 2 ? [0, 0, 1] : OBLIQUE;
    const norm = Math.hypot(x, y, z) / (dims === 2 ? CAMERA_DISTANCE_2D : CAMERA_DISTANCE);
    camera.up.set(0, 1, 0);
    camera.position.set(x / norm, y / norm, z / norm);
    c.target.set(0, 0, 0);
    c.enableRotate = dims === 3;
    c.mouseButtons.LEFT = dims === 3 ? MOUSE.ROTATE : MOUSE.PAN;
    c.update();
    invalidate();
  }, [dims, resetKey, camera, invalidate]);

  return null;
}
