/**
 * three's OrbitControls around the origin, rendering on demand: every camera change calls
 * invalidate(). In 2D the camera looks down the PC3 axis at the PC1-PC2 plane and cannot rotate;
 * in 3D it looks from an oblique direction (Train's TrainCameraRig then aims it), put back on a reset.
 * Explore passes `pose` (a link's camera, applied when `applied` changes or the view opens) and
 * `onPose` (the user's camera after each move, rounded); the canvas carries the camera in
 * `data-camera` ("x,y,z,tx,ty,tz", rounded) for the journeys to read.
 */
import { useEffect, useRef } from 'react';
import { useThree } from '@react-three/fiber';
import { MOUSE, type Camera } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { OBLIQUE } from './trainCamera';
import { poseText, roundedPose, type CameraPose } from '../../state/exploreCamera';

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
  /** A camera to put on (when its dims match), after the default one. */
  pose?: CameraPose | null;
  /** Changes when `pose` should be applied again (a link opened). */
  applied?: number;
  /** Called with the camera after each user move. */
  onPose?: (pose: CameraPose) => void;
}

/** Writes the camera into the canvas's data-camera and returns it as a rounded pose. */
function mark(camera: Camera, c: OrbitControls, el: HTMLElement, dims: 2 | 3): CameraPose {
  const p = roundedPose(camera.position.toArray(), c.target.toArray(), dims);
  el.dataset.camera = poseText(p);
  return p;
}

export function OrbitRig({ dims, resetKey, onUserMove, pose = null, applied = 0, onPose }: Props) {
  const { camera, gl, invalidate } = useThree();
  const controls = useRef<OrbitControls | null>(null);
  const userMove = useRef(onUserMove);
  const reportPose = useRef(onPose);
  const poseRef = useRef(pose);
  const dimsRef = useRef(dims);
  useEffect(() => {
    userMove.current = onUserMove;
    reportPose.current = onPose;
    poseRef.current = pose;
    dimsRef.current = dims;
  });


  useEffect(() => {
    const c = new OrbitControls(camera, gl.domElement);
    c.enableDamping = false;
    c.minDistance = 0.4;
    c.maxDistance = 12;
    const onChange = () => invalidate();
    const onStart = () => userMove.current?.();
    const onEnd = () => reportPose.current?.(mark(camera, c, gl.domElement, dimsRef.current));
    c.addEventListener('change', onChange);
    c.addEventListener('start', onStart);
    c.addEventListener('end', onEnd);
    controls.current = c;
    return () => {
      c.removeEventListener('change', onChange);
      c.removeEventListener('start', onStart);
      c.removeEventListener('end', onEnd);
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
    const p = poseRef.current;
    if (p && p.dims === dims) {
      camera.position.set(...p.position);
      c.target.set(...p.target);
    }
    c.enableRotate = dims === 3;
    c.mouseButtons.LEFT = dims === 3 ? MOUSE.ROTATE : MOUSE.PAN;
    c.update();
    mark(camera, c, gl.domElement, dims);
    invalidate();
  }, [dims, resetKey, applied, camera, gl, invalidate]);

  return null;
}
