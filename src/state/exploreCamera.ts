/**
 * Explore's camera as the address keeps it: where it sits and what it looks at, rounded to 3
 * decimals (a link stays short and the view looks the same), with the 2D/3D view it belongs to.
 * null: the default camera of that view. The orbit controls report the user's moves (setPose);
 * a link applies one (applyPose), which the view puts on its camera.
 */
import { create } from 'zustand';

export type Vec3 = [number, number, number];

export interface CameraPose {
  position: Vec3;
  target: Vec3;
  /** The view the pose was taken in: a pose of the 3D orbit is not applied to the 2D view, nor the other way. */
  dims: 2 | 3;
}

const round = (v: number) => Math.round(v * 1000) / 1000 || 0;

/** A pose from a camera's position and target, rounded to 3 decimals. */
export function roundedPose(position: readonly number[], target: readonly number[], dims: 2 | 3): CameraPose {
  return { position: position.map(round) as Vec3, target: target.map(round) as Vec3, dims };
}

/** "x,y,z,tx,ty,tz": the address's form of a pose (the dims travel in their own field). */
export function poseText(p: CameraPose): string {
  return [...p.position, ...p.target].join(',');
}

/** Parses "x,y,z,tx,ty,tz" (six finite numbers, each within +-100); null when it is not that. */
export function parsePose(text: string, dims: 2 | 3): CameraPose | null {
  const xs = text.split(',').map((t) => (t.trim() === '' ? NaN : Number(t)));
  if (xs.length !== 6 || !xs.every((x) => Number.isFinite(x) && Math.abs(x) <= 100)) return null;
  return roundedPose(xs.slice(0, 3), xs.slice(3), dims);
}

interface ExploreCameraState {
  pose: CameraPose | null;
  /** Bumped by applyPose: the view puts the pose on its camera. */
  applied: number;
  /** The user moved the camera (or reset it: null). */
  setPose: (pose: CameraPose | null) => void;
  /** A link's pose (null: the default camera). */
  applyPose: (pose: CameraPose | null) => void;
}

export const useExploreCamera = create<ExploreCameraState>()((set, get) => ({
  pose: null,
  applied: 0,
  setPose: (pose) => set({ pose }),
  applyPose: (pose) => set({ pose, applied: get().applied + 1 }),
}));
