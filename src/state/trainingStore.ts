/**
 * Train mode's store: the run settings, the worker's run and its status, the latest metrics, and a
 * kept run to compare with. Snapshot buffers go to trainingBuffers.ts; the store only bumps
 * `version`, at most once per animation frame, so a fast run never floods React. A changed setting
 * rebuilds the run (debounced) and resumes playing if it was playing. A features export asks the
 * worker for the penultimate features of every row of the current run (pausing it first).
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { DEFAULT_PRESET, findPreset } from '../training/presets';
import type { RunConfig, SnapshotCollapse, SnapshotMetrics } from '../training/types';
import type { BackendChoice, BackendPreference } from '../workers/analysisProtocol';
import { createTrainingClient, type TrainingListener } from '../workers/trainingClient';
import type { FrameMode, RunInfo, SnapshotMessage, StoppedReply, TrainSpeed } from '../workers/trainingProtocol';
import { appendSnapshot, getHistory, resetHistory } from './trainingBuffers';
import { runLabel } from './trainingConfig';
import type { AllRowFeatures } from './trainingExport';
import { initialBackend } from './backendQuery';

export type TrainStatus = 'idle' | 'building' | 'ready' | 'playing' | 'error';

/** A finished (or paused) run kept to overlay its curves on the next one. */
export interface KeptRun {
  label: string;
  metrics: SnapshotMetrics[];
  /** First step with train accuracy 1 (the terminal phase), or null. */
  terminalStep: number | null;
}

/** A features export in flight (progress in [0, 1]), or the reason the last one failed. */
export type FeatureExportState = { status: 'running'; fraction: number } | { status: 'error'; problem: string; fix: string };

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

/** The worker client the store drives (TrainingClient, or a fake in tests). */
export interface TrainingPort {
  configure(config: RunConfig, backend: BackendPreference, baseUrl: string): number;
  play(run: number, speed: TrainSpeed, maxSteps?: number): number;
  pause(run: number): void;
  setSpeed(speed: TrainSpeed): void;
  features(run: number): number;
  cancel(id: number): void;
}

export interface TrainingStoreDeps {
  /** Creates the client on first use, wired to the listener the store passes. */
  connect: (listener: TrainingListener) => TrainingPort;
  baseUrl: () => string;
  /** Runs `fn` before the next paint (default requestAnimationFrame, else at once). */
  schedule?: (fn: () => void) => void;
  /** Delay before a changed setting rebuilds the run (ms, default 250). */
  debounceMs?: number;
}

/** The first step whose train accuracy is 1, or null. */
export function terminalStepOf(rows: readonly SnapshotMetrics[]): number | null {
  return rows.find((r) => r.trainAccuracy === 1)?.step ?? null;
}

export function createTrainingStore(deps: TrainingStoreDeps): UseBoundStore<StoreApi<TrainingState>> {
  const schedule = deps.schedule ?? ((fn: () => void) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => fn()) : fn()));
  const debounceMs = deps.debounceMs ?? 250;
  let port: TrainingPort | null = null;
  let configureId = 0;
  let playId = 0;
  /** Play as soon as the run being built is ready: 'run' until paused, 'step' for one snapshot. */
  let after: 'run' | 'step' | null = null;
  let rebuildTimer: ReturnType<typeof setTimeout> | null = null;
  let flushPending = false;
  /** The features request in flight and who waits for it. */
  let exporting: { id: number; done: Promise<AllRowFeatures | null>; resolve: (f: AllRowFeatures | null) => void } | null = null;
  /** The trainer's step as last reported (snapshots and stopped replies of the current run). */
  let trainerStep = -1;
  /** The last features answered, reused while the run has not moved. */
  let lastFeatures: AllRowFeatures | null = null;

  const useStore = create<TrainingState>()((set, get) => {
    const listener: TrainingListener = {
      progress: (id, fraction, stage) => {
        if (id === configureId) set({ progress: { fraction, stage } });
        else if (exporting?.id === id) set({ featureExport: { status: 'running', fraction } });
      },
      backend: (id, choice) => {
        if (id === configureId) set({ backend: choice });
      },
      ready: (id, info) => {
        if (id !== configureId) return;
        resetHistory(info.run);
        trainerStep = 0;
        lastFeatures = null;
        set((s) => ({ info, latest: null, collapse: null, terminalStep: null, replay: null, version: s.version + 1, featureExport: exporting ? s.featureExport : null }));
      },
      snapshot: (_id, run, snap) => {
        if (run === get().info?.run) receive(run, snap);
      },
      stopped: (r) => {
        if (r.run === get().info?.run) trainerStep = r.step;
        if (r.id === configureId) {
          set({ status: 'ready', stopReason: null });
          const next = after;
          after = null;
          if (next) startPlay(next === 'step');
        } else if (r.id === playId) {
          set({ status: 'ready', stopReason: r.reason });
        }
      },
      features: (r) => {
        if (!exporting || r.id !== exporting.id) return;
        const { info } = get();
        lastFeatures = {
          run: r.run,
          step: r.step,
          featureDim: r.featureDim,
          trainRows: r.trainRows,
          testRows: r.testRows,
          features: r.features,
          labels: r.labels,
          classNames: info?.run === r.run ? info.classNames.slice() : [],
        };
        finishExport(lastFeatures, null);
      },
      cancelled: (id) => {
        if (exporting?.id === id) finishExport(null, null);
      },
      error: (id, kind, problem, fix) => {
        if (exporting && (id === exporting.id || id === 0)) finishExport(null, { status: 'error', problem, fix });
        if (id !== 0 && id !== configureId && id !== playId) return;
        after = null;
        set({ status: 'error', error: { kind, problem, fix } });
      },
    };

    const client = () => (port ??= deps.connect(listener));

    function finishExport(result: AllRowFeatures | null, state: FeatureExportState | null): void {
      const e = exporting;
      exporting = null;
      set({ featureExport: state });
      e?.resolve(result);
    }

    function receive(run: number, snap: SnapshotMessage): void {
      appendSnapshot(run, snap);
      const m = snap.metrics;
      trainerStep = m.step;
      set((s) => ({
        latest: m,
        collapse: snap.collapse,
        tensors: snap.tensors,
        stepsPerSecond: snap.stepsPerSecond ?? s.stepsPerSecond,
        terminalStep: s.terminalStep ?? (m.trainAccuracy === 1 ? m.step : null),
      }));
      if (flushPending) return;
      flushPending = true;
      schedule(() => {
        flushPending = false;
        set((s) => ({ version: s.version + 1 }));
      });
    }

    function build(): void {
      if (rebuildTimer) clearTimeout(rebuildTimer);
      rebuildTimer = null;
      const { config, preference } = get();
      playId = 0;
      configureId = client().configure(config, preference, deps.baseUrl());
      set({ status: 'building', error: null, stopReason: null, progress: { fraction: 0, stage: 'starting' } });
    }

    function startPlay(oneSnapshot: boolean, maxSteps?: number): void {
      const { info, speed, config } = get();
      if (!info) return;
      playId = client().play(info.run, speed, maxSteps ?? (oneSnapshot ? config.train.snapshotEvery : undefined));
      set({ status: 'playing', stopReason: null, replay: null });
    }

    /** Rebuild now or after the debounce, then resume what was running. */
    function rebuild(delay: number): void {
      const s = get();
      if (s.status === 'playing') after = 'run';
      if (s.status === 'playing' && s.info) client().pause(s.info.run);
      set({ status: 'building' });
      if (rebuildTimer) clearTimeout(rebuildTimer);
      rebuildTimer = setTimeout(build, delay);
    }

    return {
      presetId: DEFAULT_PRESET.id,
      config: structuredClone(DEFAULT_PRESET.config),
      preference: initialBackend(),
      backend: null,
      speed: 'max',
      frameMode: 'procrustes',
      status: 'idle',
      progress: { fraction: 0, stage: '' },
      info: null,
      error: null,
      stopReason: null,
      version: 0,
      latest: null,
      collapse: null,
      stepsPerSecond: null,
      tensors: null,
      terminalStep: null,
      kept: null,
      replay: null,
      featureExport: null,

      setPreset: (id) => {
        const p = findPreset(id);
        if (!p) return;
        set({ presetId: id, config: structuredClone(p.config) });
        rebuild(0);
      },
      edit: (update) => {
        set((s) => ({ presetId: null, config: update(s.config) }));
        rebuild(debounceMs);
      },
      setPreference: (preference) => {
        set({ preference });
        rebuild(0);
      },
      setSpeed: (speed) => {
        set({ speed });
        if (port) port.setSpeed(speed);
      },
      setFrameMode: (frameMode) => set({ frameMode }),
      setReplay: (replay) => set({ replay }),
      ensureRun: () => {
        if (get().status === 'idle') build();
      },
      play: () => {
        const s = get();
        if (s.status === 'playing') return;
        if (s.status === 'ready' && s.info) startPlay(false);
        else {
          after = 'run';
          if (s.status !== 'building') build();
        }
      },
      pause: () => {
        const s = get();
        after = null;
        if (s.status !== 'playing' || !s.info) return;
        client().pause(s.info.run);
        playId = 0;
        set({ status: 'ready', stopReason: 'paused' });
      },
      step: () => {
        const s = get();
        if (s.status === 'ready' && s.info) startPlay(true);
        else if (s.status !== 'playing') {
          after = 'step';
          if (s.status !== 'building') build();
        }
      },
      stepOne: () => {
        const s = get();
        if (s.status === 'ready' && s.info) startPlay(true, 1);
      },
      reset: () => {
        after = null;
        build();
      },
      keepRun: () => {
        const { config } = get();
        const metrics = getHistory().metrics.slice();
        if (metrics.length === 0) return;
        set({ kept: { label: runLabel(config), metrics, terminalStep: terminalStepOf(metrics) } });
      },
      clearKept: () => set({ kept: null }),
      exportFeatures: () => {
        if (exporting) return exporting.done;
        const s = get();
        if (!s.info || s.status === 'building' || s.status === 'idle') return Promise.resolve(null);
        if (s.status === 'playing') get().pause();
        else if (lastFeatures?.run === s.info.run && lastFeatures.step === trainerStep) return Promise.resolve(lastFeatures);
        let resolve: (f: AllRowFeatures | null) => void = () => undefined;
        const done = new Promise<AllRowFeatures | null>((r) => (resolve = r));
        exporting = { id: client().features(s.info.run), done, resolve };
        set({ featureExport: { status: 'running', fraction: 0 } });
        return done;
      },
      cancelFeatureExport: () => {
        if (exporting) client().cancel(exporting.id);
      },
    };
  });
  return useStore;
}

/** The app's training store, bound to the training worker (created when Train mode first builds a run). */
export const useTrainingStore = createTrainingStore({
  connect: createTrainingClient,
  baseUrl: () => document.baseURI,
});
