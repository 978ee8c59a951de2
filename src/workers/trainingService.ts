/**
 * The training worker's logic as an ordinary module (testable in Node). `configure` stops and
 * frees the current run, settles the backend, builds the dataset (the last one is cached) and a
 * trainer, and streams the step-0 snapshot. `play` steps the trainer, at most at the chosen speed,
 * streaming every snapshot with its two stable 3D frames until paused, a step limit, or a
 * diverged loss. `features` reads the penultimate features of every row of both splits from the
 * current model, chunk by chunk with progress. One job runs at a time: a newer configure, play or
 * features request stops the older one first.
 */
import { snapshotMeasures } from '../teach/measures';
import * as tf from '@tensorflow/tfjs-core';
import { buildDataset, type DataConfig, type Dataset, type FileSourceSpec, type ReadBytes, type UserPoints } from '../datasets';
import { abortError } from '../geometry/abort';
import { createTrainer, snapshotMetrics, type Snapshot, type Trainer } from '../training';
import { FrameTracker } from '../training/frames';
import { createUserData, type PointsStore } from './trainingData';
import type { DecodeImage } from '../datasets/images';
import type { BackendChoice, BackendPreference } from './rpc/envelope';
import { createJobs } from './rpc/jobs';
import {
  SPEED_STEPS_PER_SECOND,
  TRAINING_POLICY,
  trainingTransferables,
  type ConfigureRequest,
  type FeaturesRequest,
  type PlayRequest,
  type RunInfo,
  type SnapshotMessage,
  type StoppedReply,
  type TrainingReply,
  type TrainingRequest,
  type TrainSpeed,
} from './trainingProtocol';

export interface TrainingServiceDeps {
  /** Sends a reply; the service passes the transfer list of its typed arrays. */
  post: (reply: TrainingReply, transfer: Transferable[]) => void;
  /** Activates a backend and explains the choice. */
  selectBackend: (preference: BackendPreference) => Promise<BackendChoice>;
  /** A reader of shipped files (paths like 'data/digits.npy') relative to `baseUrl`. */
  reader: (baseUrl: string) => ReadBytes;
  /** Live tensors (default tf.memory().numTensors). */
  numTensors?: () => number;
  /** Subscribes to the loss of the WebGPU device: the run is then rebuilt (same config and seed) on the fallback. */
  onDeviceLost?: (listener: (note: string) => void) => void;
  /** Decodes the user's images (createImageBitmap in the worker). */
  decodeImage?: DecodeImage;
  /** Keeps the rows of the user's file in the browser's storage (IndexedDB in the worker). */
  keptPoints?: PointsStore | null;
}

interface Run {
  info: RunInfo;
  trainer: Trainer;
  frames: FrameTracker;
  /** Training rows with a flipped label (label noise), ascending. */
  noisyRows: Int32Array;
  /** Minority classes of the run (the last ones; 0 when balanced): the lesson measures' classifier cosines. */
  minority: number;
  /** Which rows of the fixed sample are noisy (made at the first snapshot), or null when none is. */
  sampleNoisy?: Uint8Array | null;
  /** The standardisation of a user's file (exported with the weights). */
  standardisation?: Dataset['standardisation'];
}

/** 1 for each sample row whose training row is in `noisyRows` (ascending), or null when none is. */
export function sampleNoisyFlags(sampleIndices: Int32Array, noisyRows: Int32Array): Uint8Array | null {
  if (noisyRows.length === 0) return null;
  const noisy = new Set(noisyRows);
  const flags = Uint8Array.from(sampleIndices, (i) => (noisy.has(i) ? 1 : 0));
  return flags.some((f) => f === 1) ? flags : null;
}

/** Steps taken per trainer.step() call at a capped speed: about a tenth of a second's worth. */
const CHUNK_SECONDS = 0.1;

/** Waits `ms` milliseconds or until the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Creates the request handler. `handle` never throws: every failure becomes an error reply. */
export function createTrainingService(deps: TrainingServiceDeps): { handle: (msg: TrainingRequest) => void; idle: () => Promise<void> } {
  const numTensors = deps.numTensors ?? (() => tf.memory().numTensors);
  const send = (reply: TrainingReply) => deps.post(reply, trainingTransferables(reply));
  const jobs = createJobs({
    post: send,
    policy: TRAINING_POLICY,
    wording: { internalFix: 'Try another backend in the status bar, or reset the run.', rangeFix: 'Change that setting in the controls.' },
  });
  let current: Run | null = null;
  let nextRun = 1;
  let speed: TrainSpeed = 'max';
  let cachedData: { key: string; ds: Dataset } | null = null;
  let lastConfigure: ConfigureRequest | null = null;
  let restarting = false;
  const userData = createUserData({ decode: deps.decodeImage, store: deps.keptPoints });

  /** The run's dataset (the last one is cached) and, for a user's file, the file as read. */
  async function dataset(req: ConfigureRequest, signal: AbortSignal): Promise<{ ds: Dataset; file?: FileSourceSpec }> {
    let data: DataConfig = req.config.data;
    let file: FileSourceSpec | undefined;
    let user: UserPoints | undefined;
    if (data.source.kind === 'file') {
      const got = await userData.points(data.source, req.upload, signal, (stage) => send({ type: 'progress', id: req.id, fraction: 0.3, stage }));
      file = got.spec;
      data = { ...data, source: got.spec };
      user = async () => got.points;
    }
    const key = JSON.stringify(data);
    if (cachedData?.key !== key) cachedData = { key, ds: await buildDataset(data, deps.reader(req.baseUrl), user) };
    return { ds: cachedData.ds, file };
  }

  /** The message of a snapshot: frames drawn in step order, buffers copied out of the Snapshot. */
  function message(run: Run, s: Snapshot, stepsPerSecond: number | null): SnapshotMessage {
    const frames = run.frames.next({
      classes: s.classes,
      featureDim: s.featureDim,
      features: s.features,
      means: s.means,
      globalMean: s.globalMean,
      classifierWeights: s.classifier?.weights ?? null,
      extra: s.mixupProbe?.features ?? null,
    });
    if (run.sampleNoisy === undefined) run.sampleNoisy = sampleNoisyFlags(s.sampleIndices, run.noisyRows);
    return {
      metrics: snapshotMetrics(s),
      frames,
      features: s.features,
      featureDim: s.featureDim,
      sampleLabels: s.sampleLabels,
      sampleNoisy: run.sampleNoisy,
      layerIds: s.layerIds,
      subspaceAngles: s.subspaceAngles,
      collapse: s.collapse,
      divergence: s.divergence,
      measures: snapshotMeasures(s, run.minority),
      mixupProbe: s.mixupProbe ? { classA: s.mixupProbe.classA, classB: s.mixupProbe.classB, lambda: s.mixupProbe.lambda } : null,
      tensors: numTensors(),
      stepsPerSecond,
    };
  }

  async function configure(req: ConfigureRequest, signal: AbortSignal): Promise<void> {
    const { id } = req;
    const t0 = performance.now();
    send({ type: 'progress', id, fraction: 0, stage: 'choosing backend' });
    current?.trainer.dispose();
    current = null;
    let choice = await deps.selectBackend(req.backend);
    if (restarting) choice = { ...choice, reason: `run restarted from step 0 with the same seed: ${choice.reason}` };
    restarting = false;
    send({ type: 'backend', id, choice });
    if (signal.aborted) throw abortError();
    send({ type: 'progress', id, fraction: 0.2, stage: 'loading data' });
    const { ds, file } = await dataset(req, signal);
    if (signal.aborted) throw abortError();
    send({ type: 'progress', id, fraction: 0.6, stage: 'building the model' });
    const trainer = createTrainer(ds, req.config.model, req.config.train);
    const info: RunInfo = {
      run: nextRun++,
      trainRows: ds.yTrain.length,
      testRows: ds.yTest.length,
      inputDim: ds.dim,
      classes: ds.classes,
      classNames: ds.classNames.slice(),
      batchSize: trainer.batchSize,
      stepsPerEpoch: trainer.stepsPerEpoch,
      sampleSize: Math.min(req.config.train.sampleSize, ds.yTrain.length),
      setupMs: performance.now() - t0,
      ...(file ? { file } : {}),
    };
    const run: Run = {
      info,
      trainer,
      frames: new FrameTracker(),
      noisyRows: ds.noisyTrain ?? new Int32Array(0),
      minority: req.config.data.imbalanceRatio > 1 ? req.config.data.minorityClasses : 0,
      standardisation: ds.standardisation,
    };
    current = run;
    send({ type: 'ready', id, info });
    send({ type: 'progress', id, fraction: 0.8, stage: 'first snapshot' });
    const first = await trainer.snapshot(true);
    if (current !== run) throw abortError();
    send({ type: 'snapshot', id, run: info.run, snapshot: message(run, first, null) });
    send({ type: 'progress', id, fraction: 1, stage: 'ready' });
    send({ type: 'stopped', id, run: info.run, step: trainer.stepCount, reason: 'ready' });
  }

  async function play(req: PlayRequest, signal: AbortSignal): Promise<void> {
    const run = current;
    if (!run || run.info.run !== req.run) throw abortError();
    const { trainer } = run;
    speed = req.speed;
    const inner = new AbortController();
    const stop = () => inner.abort();
    signal.addEventListener('abort', stop, { once: true });
    let left = req.maxSteps ?? Infinity;
    let diverged = false;
    let mark = { t: performance.now(), step: trainer.stepCount };
    const onSnapshot = (s: Snapshot) => {
      const t = performance.now();
      const rate = t > mark.t ? ((s.step - mark.step) * 1000) / (t - mark.t) : null;
      mark = { t, step: s.step };
      send({ type: 'snapshot', id: req.id, run: run.info.run, snapshot: message(run, s, rate) });
      if (s.divergence || !Number.isFinite(s.trainLoss)) {
        diverged = true;
        inner.abort();
      }
    };
    try {
      while (left > 0 && !inner.signal.aborted) {
        const cap = SPEED_STEPS_PER_SECOND[speed];
        const chunk = Math.min(left, Number.isFinite(cap) ? Math.max(1, Math.round(cap * CHUNK_SECONDS)) : trainer.train.snapshotEvery);
        const t0 = performance.now();
        const done = await trainer.step(chunk, { signal: inner.signal, onSnapshot });
        left -= done;
        if (Number.isFinite(cap) && left > 0) await pause((done / cap) * 1000 - (performance.now() - t0), inner.signal);
      }
      // A play that ends between snapshot steps (a single step, or a pause) still shows where it got
      // to, so the step on screen is the step a later export reads.
      if (!diverged && trainer.stepCount % trainer.train.snapshotEvery !== 0) onSnapshot(await trainer.snapshot());
    } finally {
      signal.removeEventListener('abort', stop);
    }
    const reason: StoppedReply['reason'] = diverged ? 'diverged' : left <= 0 ? 'limit' : 'paused';
    send({ type: 'stopped', id: req.id, run: run.info.run, step: trainer.stepCount, reason });
  }

  async function features(req: FeaturesRequest, signal: AbortSignal): Promise<void> {
    const { id } = req;
    const run = current;
    if (!run || run.info.run !== req.run) throw abortError();
    const stage = 'features of every row';
    send({ type: 'progress', id, fraction: 0, stage });
    const f = await run.trainer.features({ signal, onProgress: (fraction) => send({ type: 'progress', id, fraction, stage }) });
    if (signal.aborted || current !== run) throw abortError();
    const trainRows = f.train.labels.length;
    const testRows = f.test.labels.length;
    const all = new Float32Array((trainRows + testRows) * f.featureDim);
    all.set(f.train.features);
    all.set(f.test.features, f.train.features.length);
    const labels = new Int32Array(trainRows + testRows);
    labels.set(f.train.labels);
    labels.set(f.test.labels, trainRows);
    const weights = await run.trainer.weights();
    const st = run.standardisation;
    if (st) weights.push({ name: 'input.mean', shape: [st.mean.length], data: st.mean.slice() }, { name: 'input.std', shape: [st.std.length], data: st.std.slice() });
    if (signal.aborted || current !== run) throw abortError();
    send({ type: 'features', id, run: run.info.run, step: f.step, featureDim: f.featureDim, trainRows, testRows, features: all, labels, weights });
  }

  function handle(msg: TrainingRequest): void {
    switch (msg.type) {
      case 'configure':
        lastConfigure = msg;
        jobs.start(msg, (signal) => configure(msg, signal));
        return;
      case 'play':
        jobs.start(msg, (signal) => play(msg, signal));
        return;
      case 'features':
        jobs.start(msg, (signal) => features(msg, signal));
        return;
      case 'pause':
        if (current?.info.run === msg.run) jobs.abortWhere((kind) => kind === 'play');
        return;
      case 'speed':
        speed = msg.speed;
        return;
      case 'cancel':
        jobs.cancel(msg.id);
        return;
    }
  }

  // A lost device never answers the readbacks of the job on it: stop every job and rebuild the run
  // at once, not after them (a 'restart' job waits for nothing).
  deps.onDeviceLost?.(() => {
    const req = lastConfigure;
    if (!req) return;
    restarting = true;
    jobs.abortWhere(() => true);
    void jobs.start({ id: req.id, type: 'restart' }, (signal) => configure(req, signal));
  });

  return { handle, idle: jobs.idle };
}
