/**
 * The history of the current training run, kept out of reactive state: the training store bumps a
 * version number and the views read these arrays when it changes. 3D frames are thinned as the run
 * grows (the older half keeps every other frame) so memory stays bounded on long runs.
 */
import { NO_SNAPSHOT_MEASURES, type SnapshotMeasures } from '../teach/lessonMeasures';
import type { Divergence } from '../training/divergence';
import type { LayerId, SnapshotMetrics, SubspaceAngles } from '../training/types';
import type { FeatureFrame, FrameMode, ProbePairs } from '../workers/trainingProtocol';

/** The 3D frames of one snapshot. */
export interface FrameEntry {
  step: number;
  frames: Record<FrameMode, FeatureFrame>;
}

export interface TrainHistory {
  /** The worker's run number. */
  run: number;
  /** One row per snapshot, in step order. */
  metrics: SnapshotMetrics[];
  /** The lesson measures of each snapshot (aligned with metrics). */
  measures: SnapshotMeasures[];
  /** 3D frames, in step order (thinned past MAX_FRAMES). */
  frames: FrameEntry[];
  /** Labels of the fixed sample rows (the same for every snapshot: the first snapshot's array is kept), or null before the first. */
  sampleLabels: Int32Array | null;
  /** Which sample rows carry a flipped (noisy) label, from the first snapshot; null when none does. */
  sampleNoisy: Uint8Array | null;
  /** Layer-ID profiles, every profileEvery steps. */
  profiles: { step: number; layers: LayerId[] }[];
  /** GCR principal angles, every profileEvery steps. */
  angles: { step: number; angles: SubspaceAngles }[];
  /** The latest raw features of the fixed sample (sample x dim). */
  features: { data: Float32Array; dim: number } | null;
  /** The divergence of the latest snapshot (null or absent while healthy). */
  divergence?: Divergence | null;
  /** The mixup probe's pairs (the same every snapshot of a run), or null. */
  probe?: ProbePairs | null;
}

/** Frames kept before the older half is thinned. */
export const MAX_FRAMES = 1200;

let history: TrainHistory = emptyHistory(0);

/** A history with no snapshots for run `run`. */
export function emptyHistory(run: number): TrainHistory {
  return { run, metrics: [], measures: [], frames: [], sampleLabels: null, sampleNoisy: null, profiles: [], angles: [], features: null, divergence: null };
}

/** Starts a new run's history (the previous one is dropped). */
export function resetHistory(run: number): void {
  history = emptyHistory(run);
}

export function getHistory(): TrainHistory {
  return history;
}

/** Drops every other frame of the older half of `frames` (the first frame is always kept). */
export function thinFrames(frames: FrameEntry[]): FrameEntry[] {
  const half = Math.floor(frames.length / 2);
  return [...frames.slice(0, half).filter((_, i) => i % 2 === 0), ...frames.slice(half)];
}

/** Appends one snapshot to the history of run `run` (ignored for another run). */
export function appendSnapshot(
  run: number,
  s: {
    metrics: SnapshotMetrics;
    frames: Record<FrameMode, FeatureFrame>;
    sampleLabels: Int32Array;
    sampleNoisy?: Uint8Array | null;
    features: Float32Array;
    featureDim: number;
    layerIds: LayerId[] | null;
    subspaceAngles: SubspaceAngles | null;
    divergence?: Divergence | null;
    mixupProbe?: ProbePairs | null;
    measures?: SnapshotMeasures;
  },
): void {
  if (run !== history.run) return;
  const step = s.metrics.step;
  history.metrics.push(s.metrics);
  history.measures.push(s.measures ?? NO_SNAPSHOT_MEASURES);
  history.frames.push({ step, frames: s.frames });
  if (history.frames.length > MAX_FRAMES) history.frames = thinFrames(history.frames);
  if (history.metrics.length === 1) history.sampleNoisy = s.sampleNoisy ?? null;
  history.sampleLabels ??= s.sampleLabels;
  history.features = { data: s.features, dim: s.featureDim };
  if (s.layerIds) history.profiles.push({ step, layers: s.layerIds });
  if (s.subspaceAngles) history.angles.push({ step, angles: s.subspaceAngles });
  history.divergence = s.divergence ?? null;
  history.probe = s.mixupProbe ?? null;
}
