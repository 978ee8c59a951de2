/** The shape of Train mode's store (trainingStore.ts): settings, the worker's run, its status, metrics, a kept run and the features export. */
import type { RunConfig, SnapshotCollapse, SnapshotMetrics } from '../training/types';
import type { BackendChoice, BackendPreference } from '../workers/analysisProtocol';
import type { FrameMode, RunInfo, StoppedReply, TrainSpeed } from '../workers/trainingProtocol';
import type { AllRowFeatures } from './trainingExport';
import type { FeatureExportState } from './trainingFeatureExport';

export type { FeatureExportState } from './trainingFeatureExport';

export type TrainStatus = 'idle' | 'building' | 'ready' | 'playing' | 'error';

/** A finished (or paused) run kept to overlay its curves on the next one. */
export interface KeptRun {
  label: string;
  metrics: SnapshotMetrics[];
  /** First step with train accuracy 1 (the terminal phase), or null. */
  terminalStep: number | null;
}

export interface TrainingState {
  /** The preset the settings came from, or null once edited. */
  presetId: string | null;
  config: RunConfig;
  preference: BackendPreference;
  backend: BackendChoice | null;
  speed: TrainSpeed;
  frameMode: FrameMode;
  status: TrainStatus;
  progress: { fraction: number; stage: string };
  /** The run on the worker (null before the first is built). */
  info: RunInfo | null;
  error: { kind: 'input' | 'internal'; problem: string; fix: string } | null;
  /** Why the last play stopped ('diverged' is shown as a warning). */
  stopReason: StoppedReply['reason'] | null;
  /** Bumped when the history in trainingBuffers changes. */
  version: number;
  latest: SnapshotMetrics | null;
  /** The latest snapshot's collapse block: reasons for the metrics it leaves NaN, NC1's conditioning, nc1Dominated. */
  collapse: SnapshotCollapse | null;
  stepsPerSecond: number | null;
  tensors: number | null;
  /** First snapshot step with train accuracy 1 (train error 0): the terminal phase starts there. */
  terminalStep: number | null;
  kept: KeptRun | null;
  /** Snapshot index shown in 3D while replaying, or null to follow the latest. */
  replay: number | null;
  /** The features export in flight or its failure; null when none. */
  featureExport: FeatureExportState | null;

  setPreset: (id: string) => void;
  /** Replaces the settings (the controls compute them with trainingConfig.ts); the run rebuilds. */
  edit: (update: (c: RunConfig) => RunConfig) => void;
  setPreference: (p: BackendPreference) => void;
  setSpeed: (s: TrainSpeed) => void;
  setFrameMode: (m: FrameMode) => void;
  setReplay: (index: number | null) => void;
  /** Builds the run when none exists (opening Train mode). */
  ensureRun: () => void;
  play: () => void;
  pause: () => void;
  /** Trains snapshotEvery steps (one snapshot) and pauses. */
  step: () => void;
  /** One optimisation step (and its snapshot), then pause. */
  stepOne: () => void;
  /** Rebuilds the run from step 0 with the same settings (the same seed gives the same run). */
  reset: () => void;
  keepRun: () => void;
  clearKept: () => void;
  /**
   * The penultimate features of every training and test row of the current run at its current
   * step (a playing run is paused first); null when there is no run, or the export was cancelled,
   * superseded by a new run, or failed (featureExport says why).
   */
  exportFeatures: () => Promise<AllRowFeatures | null>;
  cancelFeatureExport: () => void;
}
