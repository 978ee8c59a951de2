/**
 * Train mode's store: the run settings, the worker's run and its status, the latest metrics, and a
 * kept run to compare with. Snapshot buffers go to trainingBuffers.ts; the store only bumps
 * `version`, at most once per animation frame, so a fast run never floods React. A changed setting
 * rebuilds the run (debounced) and resumes playing if it was playing. A features export asks the
 * worker for the penultimate features of every row of the current run (pausing it first).
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { DEFAULT_PRESET, findPreset } from '../training/presets';
import type { RunConfig, SnapshotMetrics } from '../training/types';
import type { BackendPreference } from '../workers/analysisProtocol';
import { createTrainingClient, type TrainingListener } from '../workers/trainingClient';
import type { SnapshotMessage, TrainSpeed } from '../workers/trainingProtocol';
import { appendSnapshot, getHistory, resetHistory } from './trainingBuffers';
import { runLabel } from './trainingConfig';
import { createFeatureExport } from './trainingFeatureExport';
import type { TrainingState } from './trainingState';
import { initialBackend } from './backendQuery';
import { noteUploadHash, uploadFor } from './trainingFile';
import type { DataUpload } from '../workers/trainingData';

export type { FeatureExportState, KeptRun, TrainingState, TrainStatus } from './trainingState';

/** The worker client the store drives (TrainingClient, or a fake in tests). */
export interface TrainingPort {
  configure(config: RunConfig, backend: BackendPreference, baseUrl: string, upload?: DataUpload): number;
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
  /** The trainer's step as last reported (snapshots and stopped replies of the current run). */
  let trainerStep = -1;

  const useStore = create<TrainingState>()((set, get) => {
    const exporter = createFeatureExport({ show: (featureExport) => set({ featureExport }), request: (run) => client().features(run), cancel: (id) => client().cancel(id) });
    const listener: TrainingListener = {
      progress: (id, fraction, stage) => {
        if (id === configureId) set({ progress: { fraction, stage } });
        else if (exporter.owns(id)) set({ featureExport: { status: 'running', fraction } });
      },
      backend: (id, choice) => {
        if (id === configureId) set({ backend: choice });
      },
      ready: (id, info) => {
        if (id !== configureId) return;
        resetHistory(info.run);
        trainerStep = 0;
        exporter.forget();
        // A file source learns its hash, rows and classes from the worker (no rebuild: the run is of that file).
        if (info.file) noteUploadHash(info.file);
        if (info.file && get().config.data.source.kind === 'file') set((s) => ({ config: { ...s.config, data: { ...s.config.data, source: info.file! } } }));
        set((s) => ({ info, latest: null, collapse: null, terminalStep: null, replay: null, version: s.version + 1, featureExport: exporter.active() ? s.featureExport : null }));
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
        const { info } = get();
        exporter.answer(r, info?.run === r.run ? info.classNames.slice() : []);
      },
      cancelled: (id) => exporter.cancelled(id),
      error: (id, kind, problem, fix) => {
        exporter.failed(id, problem, fix);
        if (id !== 0 && id !== configureId && id !== playId) return;
        after = null;
        set({ status: 'error', error: { kind, problem, fix } });
      },
    };

    const client = () => (port ??= deps.connect(listener));

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
      configureId = client().configure(config, preference, deps.baseUrl(), uploadFor(config.data.source));
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
        const pending = exporter.pending();
        if (pending) return pending;
        const s = get();
        if (!s.info || s.status === 'building' || s.status === 'idle') return Promise.resolve(null);
        if (s.status === 'playing') get().pause();
        else {
          const cached = exporter.cached(s.info.run, trainerStep);
          if (cached) return Promise.resolve(cached);
        }
        return exporter.start(s.info.run);
      },
      cancelFeatureExport: () => exporter.cancel(),
    };
  });
  return useStore;
}

/** The app's training store, bound to the training worker (created when Train mode first builds a run). */
export const useTrainingStore = createTrainingStore({
  connect: createTrainingClient,
  baseUrl: () => document.baseURI,
});
