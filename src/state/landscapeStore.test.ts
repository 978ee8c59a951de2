import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { intrinsicDimension } from '../landscape/threshold';
import { sweepsToCsv, sweepsToJson } from './landscapeExport';
import { LandscapeClient, type LandscapeWorkerLike } from '../workers/landscapeClient';
import type { LandscapeReply, LandscapeRequest } from '../workers/landscapeProtocol';
import { planSetup } from '../landscape/setup';
import { createLandscapeService } from '../workers/landscapeService';
import { createLandscapeStore, formSetup, LANDSCAPE_PRESETS, liveIntrinsicDimension, parseDims, presetForm } from './landscapeStore';
import { until } from './until.test-util';

const PUBLIC = new URL('../../public/', import.meta.url);

/** A LandscapeClient whose "worker" is the real service in this process (messages cross a macrotask, as with a Worker). */
function inProcessClient(onRequest?: (msg: LandscapeRequest) => void): LandscapeClient {
  const listeners: ((e: MessageEvent<LandscapeReply>) => void)[] = [];
  const service = createLandscapeService({
    post: (reply) => setTimeout(() => listeners.forEach((fn) => fn({ data: reply } as MessageEvent<LandscapeReply>)), 0),
    selectBackend: async () => ({ backend: 'wasm', preference: 'auto', reason: 'test', probes: [] }),
    read: async (path) => new Uint8Array(await readFile(new URL(path, PUBLIC))),
  });
  const worker: LandscapeWorkerLike = {
    postMessage: (msg) => {
      onRequest?.(msg);
      setTimeout(() => service.handle(msg), 0);
    },
    addEventListener: (type: string, fn: unknown) => {
      if (type === 'message') listeners.push(fn as (e: MessageEvent<LandscapeReply>) => void);
    },
    terminate: () => {},
  };
  return new LandscapeClient(worker);
}

const tiny = { presetId: 'shells', dimsText: '2, 6, 40', dimsEdited: true, steps: 80, idSample: 200 } as const;

describe('parseDims and formSetup', () => {
  it('parses integers separated by commas, spaces or semicolons and names the first bad entry', () => {
    expect(parseDims('10, 30 100;300,1000')).toEqual({ dims: [10, 30, 100, 300, 1000] });
    expect(parseDims(' ')).toEqual({ error: 'Enter at least one subspace dimension d.' });
    expect(parseDims('10, 2.5, x')).toEqual({ error: '"2.5" is not a positive integer.' });
    expect(parseDims('0')).toEqual({ error: '"0" is not a positive integer.' });
  });

  it('every preset plans (linear head, no batch norm), and the Fashion-MNIST preset is 784-200-200-10 with P under 256 MiB', () => {
    for (const p of LANDSCAPE_PRESETS) {
      const plan = planSetup(formSetup(presetForm(p)));
      expect(plan.numParams).toBeGreaterThan(0);
    }
    const li = LANDSCAPE_PRESETS.find((p) => p.label.includes('784-200-200-10'))!;
    const plan = planSetup(formSetup(presetForm(li)));
    expect(plan.widths).toEqual([784, 200, 200, 10]);
    expect(plan.numParams).toBe(199210);
    expect(Math.max(...plan.plans.map((p) => p.memoryBytes))).toBeLessThanOrEqual(256 * 2 ** 20);
    const setup = formSetup({ ...presetForm(li), dimsText: '5, 50', dimsEdited: true, seed: 9 });
    expect(setup.dims).toEqual([5, 50]);
    expect(setup.seed).toBe(9);
    expect(setup.data.seed).toBe(9);
    expect(formSetup(presetForm(li)).dims).toBe('default');
  });
});

describe('landscape store over the real service', () => {
  it('plans on init (the grid follows the default), reports plan errors, runs a sweep to the end with a live d_int90', async () => {
    const client = inProcessClient();
    const store = createLandscapeStore(() => client, () => 'http://x/');
    store.getState().init();
    let s = await until(store, (x) => x.plan !== null);
    expect(s.form.dimsText).toBe(s.plan!.dims.join(', '));
    store.getState().setForm({ dimsText: '2, 99999', dimsEdited: true });
    s = await until(store, (x) => x.planError !== null);
    expect(s.planError).toMatch(/^Every d must be an integer in \[1, 676\] \(got 99999\)/);
    store.getState().setForm({ dimsText: '2, x', dimsEdited: true });
    expect(store.getState().planError).toBe('"x" is not a positive integer.');
    store.getState().start();
    expect(store.getState().current).toBeNull();

    store.getState().setForm(tiny);
    store.getState().setModel({ depth: 1, featureWidth: 12 });
    s = await until(store, (x) => x.planError === null && x.plan?.dims.join() === '2,6,40' && x.plan.widths[1] === 12);
    expect(s.plan!.numParams).toBe(9 * 12 + 13 * 3);
    store.getState().start();
    expect(store.getState().current!.rows.map((r) => r.d)).toEqual([null, 2, 6, 40]);
    s = await until(store, (x) => x.current?.status === 'done');
    const cur = s.current!;
    expect(cur.rows.every((r) => r.result !== null && r.step === 80)).toBe(true);
    expect(cur.inputTwoNN).not.toBeNull();
    expect(cur.idSampleRows).toBe(200);
    expect(cur.backend?.backend).toBe('wasm');
    const baseline = cur.rows[0].result!;
    const runs = cur.rows.slice(1).map((r) => r.result!);
    expect(cur.dInt90).toBe(intrinsicDimension(runs, baseline, 0.9));
    expect(liveIntrinsicDimension(cur.rows, cur.plan.numParams)).toEqual({ dInt90: cur.dInt90, compression: cur.compression });
    expect(cur.label).toBe('8-12-3 on Concentric shells (seed 1)');

    const csv = sweepsToCsv([cur]).trim().split('\n');
    expect(csv[0]).toBe('sweep,label,D,run,d,projection,projection_bytes,steps,test_accuracy,test_loss,train_batch_loss,seconds,feature_twonn,input_twonn,d_int90,compression');
    expect(csv).toHaveLength(5);
    expect(csv[1].split(',').slice(2, 6)).toEqual(['147', '0', '', 'identity']);
    expect(Number(csv[4].split(',')[8])).toBe(runs[2].evaluation.accuracy);
    const json = JSON.parse(sweepsToJson([cur]));
    expect(json.sweeps[0]).toMatchObject({ D: 147, widths: [8, 12, 3], dInt90: cur.dInt90, status: 'done' });
    expect(json.sweeps[0].runs.map((r: { d: number }) => r.d)).toEqual([2, 6, 40]);
    expect(json.sweeps[0].baseline.evaluation).toEqual(baseline.evaluation);
  });

  it('cancel mid-sweep keeps the finished runs on the record; keep moves it to the overlay list', async () => {
    const sent: LandscapeRequest[] = [];
    const client = inProcessClient((m) => sent.push(m));
    const store = createLandscapeStore(() => client, () => 'http://x/');
    store.getState().setForm({ ...tiny, steps: 400 });
    store.getState().setModel({ depth: 1, featureWidth: 12 });
    await until(store, (x) => x.plan?.dims.join() === '2,6,40' && x.plan.widths[1] === 12);
    store.getState().keep();
    expect(store.getState().kept).toHaveLength(0);
    store.getState().start();
    await until(store, (x) => (x.current?.rows[2].step ?? 0) >= 40);
    store.getState().cancel();
    const s = await until(store, (x) => x.current?.status === 'cancelled');
    expect(sent.some((m) => m.type === 'cancel')).toBe(true);
    expect(s.current!.rows.map((r) => r.result !== null)).toEqual([true, true, false, false]);
    expect(s.current!.stage).toBe('cancelled');
    const key = s.current!.key;
    store.getState().keep();
    expect(store.getState().current).toBeNull();
    expect(store.getState().kept.map((k) => k.key)).toEqual([key]);
    store.getState().removeKept(key);
    expect(store.getState().kept).toEqual([]);
  });
});
