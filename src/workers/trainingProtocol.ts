/**
 * The message protocol between the UI and the training worker, in the conventions of analysisProtocol.ts:
 * every request carries an id, every reply names the id it answers, failures are explicit error
 * replies, and large arrays travel as transferred typed arrays. A run is one `configure`; its
 * snapshots carry the run id so the UI drops those of a run it has replaced.
 */
import type { SnapshotMeasures } from '../teach/lessonMeasures';
import type { FeatureFrame, FrameMode, LayerId, RunConfig, SnapshotCollapse, SnapshotMetrics, SubspaceAngles } from '../training/types';
import type { Divergence } from '../training/divergence';
import type { NamedArray } from '../training/weights';
import type { FileSourceSpec } from '../datasets/userData';
import type { DataUpload } from './trainingData';

export type { FeatureFrame, FrameMode } from '../training/types';

/** The mixup probe's pairs as the 3D view needs them: class of each end and the weight of class A. */
export interface ProbePairs {
  classA: Int32Array;
  classB: Int32Array;
  lambda: Float32Array;
}
import type { BackendPreference, BackendReply, CancelledReply, CancelRequest, ErrorReply, ProgressReply } from './rpc/envelope';
import type { Policy } from './rpc/jobs';

export type { BackendChoice, BackendName, BackendPreference } from './rpc/envelope';

/** How fast a playing run goes: a cap on optimisation steps per second, or as fast as the backend can. */
export type TrainSpeed = 'slow' | 'medium' | 'max';

/** Steps per second of each speed (Infinity: no cap). */
export const SPEED_STEPS_PER_SECOND: Record<TrainSpeed, number> = { slow: 20, medium: 100, max: Infinity };

/**
 * Build the dataset and a fresh trainer for `config` on a backend (the previous run is stopped and
 * freed first), then send the run's facts and its step-0 snapshot. `baseUrl` resolves the shipped
 * data files (document.baseURI in the browser).
 */
export interface ConfigureRequest {
  type: 'configure';
  id: number;
  config: RunConfig;
  backend: BackendPreference;
  baseUrl: string;
  /** The user's files when the source is a file (handles: the worker reads their bytes once and keeps the rows). */
  upload?: DataUpload;
}

/**
 * Train run `run` until paused (or until `maxSteps` more steps when given), streaming snapshots;
 * a play that stops between snapshot steps (limit or pause) ends with one more snapshot, so the
 * last snapshot is always of the step the run stopped at.
 */
export interface PlayRequest {
  type: 'play';
  id: number;
  run: number;
  speed: TrainSpeed;
  maxSteps?: number;
}

/** Stop the playing request of run `run` after its current step; that request answers `stopped`. */
export interface PauseRequest {
  type: 'pause';
  id: number;
  run: number;
}

/** Change the speed of the playing run (no reply). */
export interface SpeedRequest {
  type: 'speed';
  id: number;
  speed: TrainSpeed;
}

/**
 * The penultimate features of every training row and every test row of run `run` at its current
 * step (eval mode; the run's weights, statistics and random streams are left as they were, so the
 * run continues as if never asked). Stops a playing request first. Answers progress, then
 * `features` (or `cancelled` when cancelled or superseded, or `error`).
 */
export interface FeaturesRequest {
  type: 'features';
  id: number;
  run: number;
}

/** Cancel (rpc/envelope.ts) stops a configure, play or features request; it answers `cancelled` or `stopped`. */
export type TrainingRequest = ConfigureRequest | PlayRequest | PauseRequest | SpeedRequest | FeaturesRequest | CancelRequest;

/** Facts about a configured run, for labels and the status bar. */
export interface RunInfo {
  /** Serial number of the run in the worker; play/pause name it. */
  run: number;
  trainRows: number;
  testRows: number;
  inputDim: number;
  classes: number;
  classNames: string[];
  /** The batch size used (the setting clamped to the training rows). */
  batchSize: number;
  stepsPerEpoch: number;
  /** Rows of the fixed sample drawn in the 3D view and measured for ID. */
  sampleSize: number;
  /** Milliseconds to build the dataset and the model. */
  setupMs: number;
  /** A file source as read: its name, size, content hash, rows and classes (absent for other sources). */
  file?: FileSourceSpec;
}

/** A snapshot as sent to the UI: scalar metrics, both 3D frames, the raw sample, profiles. */
export interface SnapshotMessage {
  metrics: SnapshotMetrics;
  frames: Record<FrameMode, FeatureFrame>;
  /** Raw features of the fixed sample, sample x F. */
  features: Float32Array;
  featureDim: number;
  sampleLabels: Int32Array;
  /** 1 for each sample row whose training label the label-noise setting flipped; null when none is (the same for a whole run, copied, not transferred). */
  sampleNoisy: Uint8Array | null;
  layerIds: LayerId[] | null;
  subspaceAngles: SubspaceAngles | null;
  /** The collapse metrics as the analysis report states them: reasons for missing values, NC1's conditioning, nc1Dominated. */
  collapse: SnapshotCollapse;
  /** The run's divergence seen at this snapshot (the worker then stops with reason 'diverged'). */
  divergence: Divergence | null;
  /** The mixup probe's pairs (classes and lambda; their 3D positions are in frames[mode].probe), or null. */
  mixupProbe?: ProbePairs | null;
  /** The lesson measures of the full-dimensional snapshot (minority classifier cosines, the probe's positions); absent in old messages. */
  measures?: SnapshotMeasures;
  /** tf.memory().numTensors in the worker after the snapshot. */
  tensors: number;
  /** Optimisation steps per second measured since the previous snapshot of this request (null at a start). */
  stepsPerSecond: number | null;
}

/** Run `info.run` is built and ready (its step-0 snapshot follows). */
export interface ReadyReply {
  type: 'ready';
  id: number;
  info: RunInfo;
}

export interface SnapshotReply {
  type: 'snapshot';
  id: number;
  run: number;
  snapshot: SnapshotMessage;
}

/**
 * Request `id` (a configure or a play) has finished: 'ready' after a configure's first snapshot,
 * 'paused' by a pause or cancel, 'limit' after maxSteps, 'diverged' when the loss became NaN/Inf.
 */
export interface StoppedReply {
  type: 'stopped';
  id: number;
  run: number;
  step: number;
  reason: 'ready' | 'paused' | 'limit' | 'diverged';
}

/** The answer to a features request: all rows of both splits, training rows first, each split in its own row order. */
export interface FeaturesReply {
  type: 'features';
  id: number;
  run: number;
  /** The step the features belong to. */
  step: number;
  featureDim: number;
  trainRows: number;
  testRows: number;
  /** (trainRows + testRows) x featureDim, row-major. */
  features: Float32Array;
  /** The label of every row, in the same order. */
  labels: Int32Array;
  /**
   * The network's parameters at that step (training/weights.ts names), then, for a user's file,
   * `input.mean` and `input.std`: the standardisation its rows went through before layer 0.
   */
  weights: NamedArray[];
}

export type TrainingReply =
  | ProgressReply
  | FeaturesReply
  | BackendReply
  | ReadyReply
  | SnapshotReply
  | StoppedReply
  | CancelledReply
  | ErrorReply;

/** How newer requests stop older ones: one training job at a time; pause and speed are notices, not jobs. */
export const TRAINING_POLICY = { configure: 'exclusive', play: 'exclusive', features: 'exclusive' } as const satisfies Record<'configure' | 'play' | 'features', Policy>;

/** The replies that end a request (besides cancelled and error): a configure and a play end with `stopped`. */
export const TRAINING_FINALS = ['stopped', 'features'] as const satisfies readonly TrainingReply['type'][];

function frameBuffers(f: FeatureFrame): Transferable[] {
  const out: Transferable[] = [f.points.buffer, f.means.buffer];
  if (f.classifier) out.push(f.classifier.buffer);
  if (f.simplex) out.push(f.simplex.buffer);
  return out;
}

/** The transfer list of a reply: the buffers of a snapshot's or a features reply's typed arrays (angle arrays are small and copied). */
export function trainingTransferables(reply: TrainingReply): Transferable[] {
  if (reply.type === 'features') return [reply.features.buffer, reply.labels.buffer, ...reply.weights.map((w) => w.data.buffer)];
  if (reply.type !== 'snapshot') return [];
  const s = reply.snapshot;
  return [s.features.buffer, s.sampleLabels.buffer, ...frameBuffers(s.frames.fixed), ...frameBuffers(s.frames.procrustes)];
}
