import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { parseNpz } from '../io/npz';
import { parseFiles } from '../explore/sources';
import { SNAPSHOT_METRIC_KEYS } from '../training/metricKeys';
import { DEFAULT_PRESET } from '../training/presets';
import type { SnapshotMetrics } from '../training/types';
import { TrainingClient, type TrainingListener, type TrainingWorkerLike } from '../workers/trainingClient';
import type { TrainingReply, TrainingRequest } from '../workers/trainingProtocol';
import { createTrainingService } from '../workers/trainingService';
import { getHistory } from './trainingBuffers';
import { patchModel, patchSource, patchTrain, runLabel, withHead, withSource } from './trainingConfig';
import { allFeaturesNpz, featuresNpy, labelsText, metricsCsv, runExport, runJson, stringsNpy, type AllRowFeatures } from './trainingExport';
import { parseNpy } from '../io/npy';
import { createTrainingStore, terminalStepOf, type TrainingState } from './trainingStore';

/** A worker stand-in that runs the real training service in this thread (replies asynchronously, like postMessage). */
class InProcessWorker implements TrainingWorkerLike {
  private onMessage: ((e: MessageEvent<TrainingReply>) => void) | null = null;
  readonly service = createTrainingService({
    post: (reply) => setTimeout(() => this.onMessage?.({ data: reply } as MessageEvent<TrainingReply>), 0),
    selectBackend: async (preference) => ({ backend: 'wasm', preference, reason: 'in-process test', probes: [] }),
    reader: () => async () => {
      throw new Error('no files in this test');
    },
  });
  readonly sent: TrainingRequest[] = [];
  postMessage(message: TrainingRequest): void {
    this.sent.push(message);
    setTimeout(() => this.service.handle(structuredClone(message)), 0);
  }
  addEventListener(type: 'message' | 'error', fn: ((e: MessageEvent<TrainingReply>) => void) | ((e: ErrorEvent) => void)): void {
    if (type === 'message') this.onMessage = fn as (e: MessageEvent<TrainingReply>) => void;
  }
  terminate(): void {}
}

function setup() {
  const worker = new InProcessWorker();
  const store = createTrainingStore({
    connect: (listener: TrainingListener) => new TrainingClient(worker, listener),
    baseUrl: () => 'http://app/',
    schedule: (fn) => fn(),
    debounceMs: 5,
  });
  store.setState({ config: patchTrain(store.getState().config, { snapshotEvery: 10, profileEvery: 20 }) });
  /** Resolves when the state passes `test`. */
  const until = (test: (s: TrainingState) => boolean, timeoutMs = 20_000) =>
    new Promise<TrainingState>((resolve, reject) => {
      if (test(store.getState())) return resolve(store.getState());
      const t = setTimeout(() => reject(new Error(`timed out; status ${store.getState().status}`)), timeoutMs);
      const off = store.subscribe((s) => {
        if (!test(s)) return;
        clearTimeout(t);
        off();
        resolve(s);
      });
    });
  return { worker, store, until };
}

describe('training store', () => {
  it('builds the run, steps one snapshot at a time, plays and pauses, keeping the history in step order', async () => {
    const { store, until } = setup();
    store.getState().ensureRun();
    expect(store.getState().status).toBe('building');
    const ready = await until((s) => s.status === 'ready' && s.latest !== null);
    expect(ready.info?.classes).toBe(4);
    expect(ready.backend?.backend).toBe('wasm');
    expect(getHistory().metrics.map((m) => m.step)).toEqual([0]);

    store.getState().step();
    expect(store.getState().status).toBe('playing');
    await until((s) => s.status === 'ready' && s.latest?.step === 10);

    store.getState().play();
    await until((s) => (s.latest?.step ?? 0) >= 40);
    store.getState().pause();
    expect(store.getState().status).toBe('ready');
    await new Promise((r) => setTimeout(r, 300));
    const steps = getHistory().metrics.map((m) => m.step);
    expect(steps.slice(0, 5)).toEqual([0, 10, 20, 30, 40]);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(getHistory().frames).toHaveLength(steps.length);
    expect(getHistory().profiles.map((p) => p.step)).toEqual(steps.filter((s) => s % 20 === 0));
    expect(store.getState().tensors).toBeGreaterThan(0);
  });

  it('a changed setting while playing rebuilds the run from step 0 and resumes playing; keepRun keeps the old curves', async () => {
    const { store, until, worker } = setup();
    store.getState().play();
    await until((s) => (s.latest?.step ?? 0) >= 20);
    store.getState().keepRun();
    const kept = store.getState().kept!;
    expect(kept.metrics.length).toBeGreaterThanOrEqual(3);
    expect(kept.label).toBe(runLabel(store.getState().config));
    const run = store.getState().info!.run;
    store.getState().edit((c) => patchTrain(c, { loss: 'mse' }));
    expect(store.getState().presetId).toBeNull();
    await until((s) => s.info !== null && s.info.run !== run && s.status === 'playing' && (s.latest?.step ?? 0) >= 10);
    expect(getHistory().metrics[0].step).toBe(0);
    expect(getHistory().run).toBe(store.getState().info!.run);
    store.getState().pause();
    const configures = worker.sent.filter((m) => m.type === 'configure');
    expect(configures.at(-1)).toMatchObject({ config: { train: { loss: 'mse' } } });
    expect(store.getState().kept).toBe(kept);
  });

  it('exportFeatures pauses a playing run and answers every training and test row; reused while the run has not moved; cancel answers null', async () => {
    const { store, until, worker } = setup();
    store.getState().play();
    await until((s) => (s.latest?.step ?? 0) >= 20);
    const pending = store.getState().exportFeatures();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().featureExport).toEqual({ status: 'running', fraction: 0 });
    expect(store.getState().exportFeatures()).toBe(pending);
    const f = (await pending)!;
    const info = store.getState().info!;
    expect(f).toMatchObject({ run: info.run, trainRows: info.trainRows, testRows: info.testRows, featureDim: 16, classNames: info.classNames });
    expect(f.step).toBeGreaterThanOrEqual(20);
    expect(f.features).toHaveLength((info.trainRows + info.testRows) * 16);
    expect(store.getState().featureExport).toBeNull();
    const requests = () => worker.sent.filter((m) => m.type === 'features').length;
    expect(requests()).toBe(1);
    expect(await store.getState().exportFeatures()).toBe(f);
    expect(requests()).toBe(1);
    // One more step moves the run: a new request, for the new step.
    store.getState().stepOne();
    await until((s) => s.status === 'ready' && s.latest?.step === f.step + 1);
    const g = (await store.getState().exportFeatures())!;
    expect(requests()).toBe(2);
    expect(g.step).toBe(f.step + 1);
    expect(g.features).not.toEqual(f.features);
    store.getState().stepOne();
    await until((s) => s.status === 'ready' && s.latest?.step === f.step + 2);
    const cancelled = store.getState().exportFeatures();
    store.getState().cancelFeatureExport();
    expect(await cancelled).toBeNull();
    expect(store.getState().featureExport).toBeNull();
    expect(store.getState().status).toBe('ready');
  });

  it('an invalid setting shows an input error; a valid one recovers', async () => {
    const { store, until } = setup();
    store.getState().edit((c) => ({ ...c, train: { ...c.train, learningRate: -1 } }));
    const failed = await until((s) => s.status === 'error');
    expect(failed.error).toMatchObject({ kind: 'input' });
    expect(failed.error!.problem).toMatch(/learningRate/);
    store.getState().edit((c) => ({ ...c, train: { ...c.train, learningRate: 0.05 } }));
    await until((s) => s.status === 'ready');
    expect(store.getState().error).toBeNull();
  });
});

describe('training settings', () => {
  it('keep the settings valid together', () => {
    const c = DEFAULT_PRESET.config;
    const gcr = withHead(patchModel(c, { featureWidth: 4 }), 'gcr');
    expect(gcr.model.head).toMatchObject({ kind: 'gcr', k: 4 });
    expect(patchModel(gcr, { featureWidth: 2 }).model.head).toMatchObject({ k: 2 });
    const t = patchTrain(c, { snapshotEvery: 50 });
    expect(t.train.profileEvery).toBe(500);
    const imbalanced = { ...c, data: { ...c.data, minorityClasses: 3 } };
    expect(patchSource(imbalanced, { classes: 2 }).data.minorityClasses).toBe(1);
    expect(withSource(c, 'spirals').data.source).toMatchObject({ kind: 'spirals', dim: 2 });
    expect(withSource(c, 'fashion-mnist').data.source).toEqual({ kind: 'fashion-mnist', limit: 10000 });
    expect(runLabel(patchTrain(c, { mixupAlpha: 1 }))).toBe('CE · SGD · lr 0.005 · wd 0.5 · linear head · mixup 1 · Gaussian blobs');
  });
});

describe('exports', () => {
  const row = (step: number, acc: number): SnapshotMetrics =>
    Object.fromEntries(SNAPSHOT_METRIC_KEYS.map((k) => [k, k === 'step' ? step : k === 'trainAccuracy' ? acc : k === 'nc3' ? null : 0.5])) as unknown as SnapshotMetrics;

  it('metrics CSV has one column per metric and empty cells for null; the terminal step is the first with accuracy 1', () => {
    const rows = [row(0, 0.5), row(25, 1), row(50, 1)];
    const lines = metricsCsv(rows).trim().split('\n');
    expect(lines[0]).toBe(SNAPSHOT_METRIC_KEYS.join(','));
    expect(lines).toHaveLength(4);
    const cells = lines[2].split(',');
    expect(cells).toHaveLength(SNAPSHOT_METRIC_KEYS.length);
    expect(cells[SNAPSHOT_METRIC_KEYS.indexOf('nc3')]).toBe('');
    expect(Number(cells[SNAPSHOT_METRIC_KEYS.indexOf('step')])).toBe(25);
    expect(terminalStepOf(rows)).toBe(25);
    expect(terminalStepOf([row(0, 0.9)])).toBeNull();
  });

  it('run JSON turns NaN into null and angle arrays into lists', () => {
    const history = {
      run: 1, measures: [], metrics: [{ ...row(0, 0.5), nc1: NaN }, row(25, 1), row(50, 0.9), row(75, 1)], frames: [], sampleLabels: null, sampleNoisy: null, profiles: [],
      angles: [{ step: 0, angles: { orthonormalityError: 1e-7, pairs: [{ a: 0, b: 1, angles: Float64Array.of(0.1, 0.2), geodesic: 0.3, chordal: 0.2 }] } }],
      features: null,
    };
    const parsed = JSON.parse(runJson(runExport(DEFAULT_PRESET.config, null, null, history, null)));
    expect(parsed.metrics[0].nc1).toBeNull();
    expect(parsed.step).toBe(75);
    expect(parsed.terminalSpans).toEqual([{ from: 25, to: 25, endedAt: 50 }, { from: 75, to: 75, endedAt: null }]);
    expect(parsed.subspaceAngles[0].pairs[0].anglesRadians).toEqual([0.1, 0.2]);
    expect(parsed.config.model.depth).toBe(DEFAULT_PRESET.config.model.depth);
  });

  const exported = (): AllRowFeatures => ({
    run: 1,
    step: 40,
    featureDim: 3,
    trainRows: 3,
    testRows: 2,
    features: Float32Array.from({ length: 15 }, (_, i) => i / 7 - 1),
    labels: Int32Array.of(0, 2, 1, 2, 0),
    classNames: ['T-shirt/top', 'Trouser', 'Ankle boot'],
    weights: [],
  });

  it('the features .npz holds features, labels, split, row and class names that read back exactly', () => {
    const f = exported();
    const arrays = parseNpz(allFeaturesNpz(f), 'run.npz');
    expect([...arrays.keys()].sort()).toEqual(['class_names', 'features', 'label_names', 'labels', 'row', 'split']);
    expect(arrays.get('features')).toMatchObject({ shape: [5, 3], dtype: '<f4' });
    expect(Array.from(arrays.get('features')!.data as Float32Array)).toEqual(Array.from(f.features));
    expect(Array.from(arrays.get('labels')!.data as Int32Array)).toEqual([0, 2, 1, 2, 0]);
    expect(Array.from(arrays.get('split')!.data as Int32Array)).toEqual([0, 0, 0, 1, 1]);
    expect(Array.from(arrays.get('row')!.data as Int32Array)).toEqual([0, 1, 2, 0, 1]);
    expect(arrays.get('class_names')).toMatchObject({ shape: [3], dtype: '<U11', data: ['T-shirt/top', 'Trouser', 'Ankle boot'] });
    expect(arrays.get('label_names')!.data).toEqual(['T-shirt/top', 'Ankle boot', 'Trouser', 'Ankle boot', 'T-shirt/top']);
    expect([...parseNpz(allFeaturesNpz({ ...f, classNames: [] }), 'run.npz').keys()].sort()).toEqual(['features', 'labels', 'row', 'split']);
    expect(() => allFeaturesNpz({ ...f, labels: Int32Array.of(1) })).toThrow(RangeError);
    expect(parseNpy(stringsNpy(['αβ', '', 'x']), 's.npy')).toMatchObject({ shape: [3], dtype: '<U2', data: ['αβ', '', 'x'] });
  });

  it("Explore's loader opens both exports: the .npz with features + labels by default, the .npy with its labels text", async () => {
    const f = exported();
    const npz = await parseFiles({ name: 'run.npz', bytes: allFeaturesNpz(f) }, undefined, undefined);
    if (!('emb' in npz)) throw new Error('the .npz asked for a choice');
    expect(npz.choices?.chosen).toMatchObject({ vectors: 'features', labelsArray: 'labels' });
    expect(npz.choices?.reason).toBe('');
    expect(npz.emb).toMatchObject({ n: 5, dim: 3 });
    expect(Array.from(npz.emb.vectors)).toEqual(Array.from(f.features));
    expect(Array.from(npz.emb.labels!)).toEqual([0, 2, 1, 2, 0]);
    // Choosing label_names (Explore's change…) gives the classes by name.
    const named = await parseFiles({ name: 'run.npz', bytes: allFeaturesNpz(f) }, undefined, { vectors: 'features', labelsArray: 'label_names' });
    if (!('emb' in named)) throw new Error('the .npz asked for a choice');
    expect(Array.from(named.emb.labels!, (y) => named.emb.classNames![y])).toEqual(['T-shirt/top', 'Ankle boot', 'Trouser', 'Ankle boot', 'T-shirt/top']);
    const text = labelsText(f.labels, f.classNames);
    expect(text).toBe('T-shirt/top\nAnkle boot\nTrouser\nAnkle boot\nT-shirt/top\n');
    const npy = await parseFiles({ name: 'run.npy', bytes: featuresNpy(f.features, 3) }, { name: 'run-labels.txt', bytes: new TextEncoder().encode(text) }, undefined);
    if (!('emb' in npy)) throw new Error('the .npy asked for a choice');
    expect(npy.emb).toMatchObject({ n: 5, dim: 3 });
    expect(Array.from(npy.emb.labels!, (y) => npy.emb.classNames![y])).toEqual(['T-shirt/top', 'Ankle boot', 'Trouser', 'Ankle boot', 'T-shirt/top']);
  });
});
