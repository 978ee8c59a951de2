/**
 * Bench page: training steps per second of a Train-mode preset on one named tfjs backend, with the
 * app's own pieces (backendSetup's flags and wasm paths, backend activation, buildDataset reading
 * the shipped files over fetch, createTrainer) but no worker, UI or snapshots: step() is called
 * without onSnapshot, so only training steps are timed. One backend per page load (the bench
 * opens a fresh page for each), since tfjs backends should not be switched with live tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildDataset } from '../../../src/datasets';
import { createTrainer, findPreset } from '../../../src/training';
import { configureBackends } from '../../../src/workers/backendSetup';
import { activate, inspectWebGpu, type GpuLike } from '../../../src/workers/backend';
import type { BackendName } from '../../../src/workers/analysisProtocol';
import { fetchBytes } from '../../../src/io/readFile';

export interface TrainBenchResult {
  backend: BackendName;
  ok: boolean;
  /** Why it did not run, or the WebGPU adapter seen. */
  note: string;
  stepsPerSecond: number;
  steps: number;
  seconds: number;
  /** Training accuracy after the run (a snapshot, not timed): evidence that the steps really trained. */
  trainAccuracy: number;
  batchSize: number;
  trainRows: number;
  layers: string;
}

configureBackends();

const state = document.getElementById('state') as HTMLElement;

/** Waits until every queued kernel that wrote a variable has run: reads back the sum of all variables. */
async function sync(): Promise<void> {
  const vars = Object.values(tf.engine().state.registeredVariables);
  const total = tf.tidy(() => tf.addN(vars.map((v) => tf.sum(v))));
  await total.data();
  total.dispose();
}

/** Trains `presetId` on `backend`: 2 warm-up steps, 3 calibration steps, then at least `seconds` of steps timed to readbacks. */
async function run(backend: BackendName, presetId: string, seconds: number): Promise<TrainBenchResult> {
  const gpu = await inspectWebGpu((navigator as Navigator & { gpu?: GpuLike }).gpu);
  const note = backend === 'webgpu' ? `adapter: ${gpu.note}` : '';
  const empty = { backend, stepsPerSecond: 0, steps: 0, seconds: 0, trainAccuracy: NaN, batchSize: 0, trainRows: 0, layers: '' };
  state.textContent = 'starting the backend';
  if (!(await activate(backend))) return { ...empty, ok: false, note: backend === 'webgpu' ? `did not start (${gpu.note})` : 'did not start' };
  const preset = findPreset(presetId);
  if (!preset) throw new Error(`no preset ${presetId}`);
  const { data, model, train } = preset.config;
  const base = `${location.origin}/`;
  state.textContent = 'loading the data';
  const ds = await buildDataset(data, (path) => fetchBytes(new URL(path, base).href, new AbortController().signal, () => undefined));
  const trainer = createTrainer(ds, model, train);
  const layers = [ds.dim, ...Array.from({ length: model.depth - 1 }, () => model.width), model.featureWidth, ds.classes].join('-');
  try {
    state.textContent = 'first 2 steps';
    await trainer.step(2);
    await sync();
    // Calibrate on 3 more steps (kernels compiled by now), then time chunks of about a second each
    // until `seconds` have passed, each chunk ended by a readback.
    state.textContent = '3 calibration steps';
    let t0 = performance.now();
    await trainer.step(3);
    await sync();
    const chunk = Math.max(1, Math.round((3 * 1000) / (performance.now() - t0)));
    let steps = 0;
    state.textContent = `timing chunks of ${chunk} steps`;
    t0 = performance.now();
    while (performance.now() - t0 < seconds * 1000) {
      await trainer.step(chunk);
      await sync();
      steps += chunk;
    }
    const elapsed = (performance.now() - t0) / 1000;
    state.textContent = 'final snapshot';
    // A snapshot for evidence that the steps trained; it is not timed, and may not return (webgpu on SwiftShader).
    const snapshot = trainer.snapshot(false).then((sn) => sn.trainAccuracy);
    const trainAccuracy = await Promise.race([snapshot, new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 30_000))]);
    return { backend, ok: true, note, stepsPerSecond: steps / elapsed, steps, seconds: elapsed, trainAccuracy, batchSize: trainer.batchSize, trainRows: ds.yTrain.length, layers };
  } finally {
    trainer.dispose();
  }
}

(window as unknown as { benchTrain: typeof run }).benchTrain = run;
state.textContent = 'ready';
