import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { DEFAULT_PRESET, findPreset } from '../training/presets';
import type { RunConfig } from '../training/types';
import type { BackendChoice } from './analysisProtocol';
import { createTrainingService, sampleNoisyFlags, type TrainingServiceDeps } from './trainingService';
import type { FeaturesReply, ReadyReply, SnapshotReply, StoppedReply, TrainingReply } from './trainingProtocol';

const wasmChoice: BackendChoice = { backend: 'wasm', preference: 'auto', reason: 'test', probes: [] };

/** The default preset with a small sample and frequent snapshots (fast in Node). */
function config(over: Partial<RunConfig['train']> = {}, model: Partial<RunConfig['model']> = {}): RunConfig {
  const c = structuredClone(DEFAULT_PRESET.config);
  return { ...c, model: { ...c.model, ...model }, train: { ...c.train, snapshotEvery: 10, profileEvery: 20, ...over } };
}

function harness(extra: Partial<TrainingServiceDeps> = {}) {
  const replies: TrainingReply[] = [];
  const transfers: Transferable[][] = [];
  const reads: string[] = [];
  const waiters: { test: (r: TrainingReply) => boolean; resolve: (r: TrainingReply) => void }[] = [];
  const service = createTrainingService({
    post: (r, t) => {
      replies.push(r);
      transfers.push(t);
      for (const w of waiters.splice(0)) if (w.test(r)) w.resolve(r);
      else waiters.push(w);
    },
    selectBackend: async () => wasmChoice,
    reader: (base) => async (path) => {
      reads.push(`${base}${path}`);
      return new Uint8Array(await readFile(`public/${path}`));
    },
    ...extra,
  });
  /** Resolves with the first later reply passing `test`. */
  const next = <T extends TrainingReply>(test: (r: TrainingReply) => boolean) => new Promise<T>((resolve) => waiters.push({ test, resolve: resolve as (r: TrainingReply) => void }));
  const of = <T extends TrainingReply['type']>(type: T, id?: number) => replies.filter((r): r is Extract<TrainingReply, { type: T }> => r.type === type && (id === undefined || r.id === id));
  return { service, replies, transfers, reads, next, of };
}

async function configured(h: ReturnType<typeof harness>, c: RunConfig, id = 1): Promise<ReadyReply> {
  h.service.handle({ type: 'configure', id, config: c, backend: 'auto', baseUrl: 'http://app/' });
  await h.service.idle();
  const ready = h.of('ready', id)[0];
  if (!ready) throw new Error(`no ready reply: ${JSON.stringify(h.replies.filter((r) => r.type === 'error'))}`);
  return ready;
}

/** A harness whose default run (request 1) plays at `speed` (request 2) and has sent its first snapshot. */
async function playing(speed: 'max' | 'slow') {
  const h = harness();
  await configured(h, config());
  const first = h.next<SnapshotReply>((r) => r.type === 'snapshot' && r.id === 2);
  h.service.handle({ type: 'play', id: 2, run: 1, speed });
  await first;
  return h;
}

describe('training service', () => {
  it('configure: backend, run facts, the step-0 snapshot with both frames (transferred), then stopped "ready"', async () => {
    const h = harness();
    const ready = await configured(h, config());
    expect(h.of('backend', 1)[0].choice).toEqual(wasmChoice);
    expect(ready.info).toMatchObject({ run: 1, trainRows: 160, testRows: 40, inputDim: 512, classes: 4, batchSize: 32, stepsPerEpoch: 5, sampleSize: 160 });
    const [snap] = h.of('snapshot', 1);
    expect(snap.run).toBe(1);
    const s = snap.snapshot;
    expect(s.metrics.step).toBe(0);
    expect(Object.keys(s.metrics)).toContain('nc1');
    expect(s.features).toHaveLength(160 * 16);
    expect(s.sampleLabels).toHaveLength(160);
    expect(s.layerIds?.map((l) => l.name)).toEqual(['input', 'hidden 1', 'features', 'logits']);
    for (const f of [s.frames.fixed, s.frames.procrustes]) {
      expect(f.points).toHaveLength(160 * 3);
      expect(f.means).toHaveLength(12);
      expect(f.classifier).toHaveLength(12);
      expect(f.simplex).toHaveLength(12);
    }
    const transfer = h.transfers[h.replies.indexOf(snap)];
    expect(transfer).toContain(s.features.buffer);
    expect(transfer).toContain(s.frames.procrustes.points.buffer);
    expect(h.replies.at(-1)).toMatchObject({ type: 'stopped', id: 1, run: 1, step: 0, reason: 'ready' });
    expect(h.of('progress', 1).map((p) => p.fraction)).toEqual([0, 0.2, 0.6, 0.8, 1]);
  });

  it('play with a step limit streams a snapshot every snapshotEvery steps with flat tensor counts, then stops at the limit', async () => {
    const h = harness();
    await configured(h, config());
    h.service.handle({ type: 'play', id: 2, run: 1, speed: 'max', maxSteps: 40 });
    await h.service.idle();
    const snaps = h.of('snapshot', 2);
    expect(snaps.map((s) => s.snapshot.metrics.step)).toEqual([10, 20, 30, 40]);
    expect(snaps.map((s) => s.snapshot.layerIds !== null)).toEqual([false, true, false, true]);
    expect(snaps.every((s) => s.snapshot.stepsPerSecond! > 0)).toBe(true);
    expect(new Set(snaps.slice(1).map((s) => s.snapshot.tensors)).size).toBe(1);
    expect(h.replies.at(-1)).toEqual({ type: 'stopped', id: 2, run: 1, step: 40, reason: 'limit' });
  });

  it('a single step (maxSteps 1) trains one step and still answers with its snapshot', async () => {
    const h = harness();
    await configured(h, config());
    h.service.handle({ type: 'play', id: 2, run: 1, speed: 'max', maxSteps: 1 });
    await h.service.idle();
    expect(h.of('snapshot', 2).map((s) => s.snapshot.metrics.step)).toEqual([1]);
    expect(h.replies.at(-1)).toEqual({ type: 'stopped', id: 2, run: 1, step: 1, reason: 'limit' });
  });

  it('pause stops a playing run after its current step; play continues from there', async () => {
    const h = await playing('max');
    h.service.handle({ type: 'pause', id: 3, run: 1 });
    await h.service.idle();
    const stopped = h.of('stopped', 2)[0];
    expect(stopped.reason).toBe('paused');
    expect(stopped.step).toBeGreaterThanOrEqual(10);
    h.service.handle({ type: 'play', id: 4, run: 1, speed: 'max', maxSteps: 10 });
    await h.service.idle();
    expect(h.of('stopped', 4)[0]).toMatchObject({ reason: 'limit', step: stopped.step + 10 });
  });

  it('a pause between snapshot steps ends with a snapshot of the step it stopped at (what exports read)', async () => {
    const h = await playing('slow');
    await new Promise((r) => setTimeout(r, 150));
    h.service.handle({ type: 'pause', id: 3, run: 1 });
    await h.service.idle();
    const stopped = h.of('stopped', 2)[0];
    expect(stopped.reason).toBe('paused');
    expect(h.of('snapshot', 2).at(-1)!.snapshot.metrics.step).toBe(stopped.step);
    h.service.handle({ type: 'features', id: 4, run: 1 });
    await h.service.idle();
    expect(h.of('features', 4)[0].step).toBe(stopped.step);
  });

    it('label noise: the snapshot marks exactly the sample rows whose label was flipped', async () => {
    const h = harness();
    const c = config();
    await configured(h, { ...c, data: { ...c.data, labelNoise: 0.25 } });
    const s = h.of('snapshot', 1)[0].snapshot;
    // The default sample is every training row (160), so every flipped row is in it.
    expect(s.sampleNoisy).toHaveLength(160);
    expect(s.sampleNoisy!.reduce((a, b) => a + b, 0)).toBe(Math.floor(0.25 * 160));
    expect(sampleNoisyFlags(Int32Array.of(4, 9, 2), Int32Array.of(2, 9))).toEqual(Uint8Array.of(0, 1, 1));
    expect(sampleNoisyFlags(Int32Array.of(4), Int32Array.of(2))).toBeNull();
    const clean = harness();
    await configured(clean, config());
    expect(clean.of('snapshot', 1)[0].snapshot.sampleNoisy).toBeNull();
  });

    it('a capped speed keeps the rate near its cap', async () => {
    const h = harness();
    await configured(h, config());
    const t0 = performance.now();
    h.service.handle({ type: 'play', id: 2, run: 1, speed: 'slow', maxSteps: 10 });
    await h.service.idle();
    // 'slow' is 20 steps/s: 10 steps take at least ~0.5 s.
    expect(performance.now() - t0).toBeGreaterThan(400);
  });

  it('the same settings give the same run; reconfiguring frees the old run and stops its play', async () => {
    const h = harness();
    const metricsOf = async (id: number) => {
      await configured(h, config(), id);
      h.service.handle({ type: 'play', id: id + 1, run: h.of('ready', id)[0].info.run, speed: 'max', maxSteps: 20 });
      await h.service.idle();
      return h.of('snapshot', id + 1).map((s) => s.snapshot.metrics);
    };
    const before = tf.memory().numTensors;
    const a = await metricsOf(10);
    const b = await metricsOf(20);
    expect(b).toEqual(a);
    const first = h.next<SnapshotReply>((r) => r.type === 'snapshot' && r.id === 31);
    await configured(h, config(), 30);
    h.service.handle({ type: 'play', id: 31, run: h.of('ready', 30)[0].info.run, speed: 'max' });
    await first;
    h.service.handle({ type: 'configure', id: 40, config: config({ seed: 2 }), backend: 'auto', baseUrl: 'http://app/' });
    await h.service.idle();
    expect(h.of('stopped', 31)[0].reason).toBe('paused');
    expect(h.of('stopped', 40)[0].reason).toBe('ready');
    // Only the newest run's tensors remain: the same count as after the first configure of a run.
    const runTensors = h.of('snapshot', 40)[0].snapshot.tensors;
    expect(runTensors).toBe(h.of('snapshot', 10)[0].snapshot.tensors);
    expect(runTensors).toBeGreaterThan(before);
  });

  it('invalid settings answer an input error naming the field; a play for an old run is cancelled', async () => {
    const h = harness();
    h.service.handle({ type: 'configure', id: 1, config: config({}, { depth: 9 }), backend: 'auto', baseUrl: 'http://app/' });
    await h.service.idle();
    const err = h.of('error', 1)[0];
    expect(err.kind).toBe('input');
    expect(err.problem).toMatch(/model\.depth/);
    h.service.handle({ type: 'play', id: 2, run: 7, speed: 'max' });
    await h.service.idle();
    expect(h.of('cancelled', 2)).toHaveLength(1);
  });

  it('a diverging run stops with reason "diverged"', async () => {
    const h = harness();
    await configured(h, config({ learningRate: 1e6, momentum: 0.9, weightDecay: 0 }));
    h.service.handle({ type: 'play', id: 2, run: 1, speed: 'max', maxSteps: 200 });
    await h.service.idle();
    const stopped = h.of('stopped', 2)[0] as StoppedReply;
    expect(stopped.reason).toBe('diverged');
    expect(stopped.step).toBeLessThan(200);
  });

  it('features: every training and test row with labels (transferred, with progress), no leaks; the run continues exactly as an unexported one', async () => {
    const exported = harness();
    const plain = harness();
    for (const h of [exported, plain]) {
      await configured(h, config({ mixupAlpha: 0.3 }));
      h.service.handle({ type: 'play', id: 2, run: 1, speed: 'max', maxSteps: 25 });
      await h.service.idle();
    }
    const tensors = tf.memory().numTensors;
    exported.service.handle({ type: 'features', id: 3, run: 1 });
    await exported.service.idle();
    expect(tf.memory().numTensors).toBe(tensors);
    const f = exported.of('features', 3)[0] as FeaturesReply;
    expect(f).toMatchObject({ run: 1, step: 25, featureDim: 16, trainRows: 160, testRows: 40 });
    expect(f.features).toHaveLength(200 * 16);
    expect(f.labels).toHaveLength(200);
    expect(new Set(f.labels).size).toBe(4);
    expect(f.features.every(Number.isFinite)).toBe(true);
    expect(exported.transfers[exported.replies.indexOf(f)]).toEqual([f.features.buffer, f.labels.buffer, ...f.weights.map((w) => w.data.buffer)]);
    // Every layer and the head by name (the default preset: linear head, so W and b).
    expect(f.weights.map((w) => w.name)).toContain('layer0.kernel');
    expect(['W', 'b'].map((n) => f.weights.find((w) => w.name === n)!.shape)).toEqual([[4, 16], [4]]);
    const fractions = exported.of('progress', 3).map((p) => p.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(exported.of('error')).toEqual([]);
    // The sample is all 160 training rows here, so the step-25 snapshot's features are the exported training rows.
    const snap = exported.of('snapshot', 2).at(-1)!.snapshot;
    expect(snap.metrics.step).toBe(25);
    expect(f.features.subarray(0, 160 * 16)).toEqual(snap.features);
    // Continue both runs: identical snapshots.
    for (const h of [exported, plain]) {
      h.service.handle({ type: 'play', id: 4, run: 1, speed: 'max', maxSteps: 25 });
      await h.service.idle();
    }
    const after = exported.of('snapshot', 4).map((r) => r.snapshot);
    expect(after.map((s) => s.metrics.step)).toEqual([30, 40, 50]);
    expect(after.map((s) => s.metrics)).toEqual(plain.of('snapshot', 4).map((r) => r.snapshot.metrics));
    expect(after.map((s) => s.features)).toEqual(plain.of('snapshot', 4).map((r) => r.snapshot.features));

  });

  it('features stops a playing run first; a cancelled or stale features request answers cancelled', async () => {
    const h = await playing('max');
    h.service.handle({ type: 'features', id: 3, run: 1 });
    await h.service.idle();
    const stopped = h.of('stopped', 2)[0];
    expect(stopped.reason).toBe('paused');
    expect(h.of('features', 3)[0]).toMatchObject({ step: stopped.step, trainRows: 160, testRows: 40 });
    h.service.handle({ type: 'features', id: 4, run: 1 });
    h.service.handle({ type: 'cancel', id: 4 });
    h.service.handle({ type: 'features', id: 5, run: 9 });
    await h.service.idle();
    expect(h.of('cancelled').map((r) => r.id)).toEqual([4, 5]);
    expect(h.of('features').map((r) => r.id)).toEqual([3]);
  });

  it('real data: reads the shipped digits relative to the base URL, once for two runs', async () => {
    const h = harness();
    const digits = findPreset('digits')!.config;
    const small = { ...digits, train: { ...digits.train, sampleSize: 100 } };
    const ready = await configured(h, small);
    expect(ready.info).toMatchObject({ inputDim: 64, classes: 10, sampleSize: 100 });
    expect(ready.info.classNames[3]).toBe('3');
    await configured(h, { ...small, train: { ...small.train, seed: 5 } }, 2);
    expect(h.reads).toEqual(['http://app/data/digits.npy', 'http://app/data/digits-labels.txt']);
  });

  it('a lost WebGPU device rebuilds the run (same config and seed) without waiting for the job on it, and says so', async () => {
    let lose: (note: string) => void = () => undefined;
    const h = harness({ onDeviceLost: (listener) => (lose = listener) });
    await configured(h, config());
    const original = h.of('snapshot', 1)[0].snapshot.metrics;
    const playing = h.next<SnapshotReply>((r) => r.type === 'snapshot' && r.id === 2);
    h.service.handle({ type: 'play', id: 2, run: 1, speed: 'max' });
    await playing;
    const rebuilt = h.next<StoppedReply>((r) => r.type === 'stopped' && r.id === 1 && r.run === 2);
    lose('Device was destroyed.');
    await rebuilt;
    await h.service.idle();
    const [, again] = h.of('backend', 1);
    expect(again.choice.reason).toBe('run restarted from step 0 with the same seed: test');
    expect(h.of('ready', 1).map((r) => r.info.run)).toEqual([1, 2]);
    const restarted = h.of('snapshot', 1).filter((r) => r.run === 2);
    expect(restarted).toHaveLength(1);
    expect(restarted[0].snapshot.metrics).toEqual(original);
    expect(h.of('error')).toEqual([]);
  });
});
