import { describe, expect, it } from 'vitest';
import { TrainingClient, type TrainingListener, type TrainingWorkerLike } from './trainingClient';
import type { TrainingReply, TrainingRequest } from './trainingProtocol';
import { DEFAULT_PRESET } from '../training/presets';

class FakeWorker implements TrainingWorkerLike {
  sent: TrainingRequest[] = [];
  message: ((e: MessageEvent<TrainingReply>) => void) | null = null;
  error: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(m: TrainingRequest): void {
    this.sent.push(m);
  }
  addEventListener(type: 'message' | 'error', fn: ((e: MessageEvent<TrainingReply>) => void) | ((e: ErrorEvent) => void)): void {
    if (type === 'message') this.message = fn as (e: MessageEvent<TrainingReply>) => void;
    else this.error = fn as (e: ErrorEvent) => void;
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(r: TrainingReply): void {
    this.message?.({ data: r } as MessageEvent<TrainingReply>);
  }
}

function recorder(): { listener: TrainingListener; calls: string[] } {
  const calls: string[] = [];
  const listener: TrainingListener = {
    progress: (id, f, stage) => calls.push(`progress ${id} ${f} ${stage}`),
    backend: (id, c) => calls.push(`backend ${id} ${c.backend}`),
    ready: (id, info) => calls.push(`ready ${id} run ${info.run}`),
    snapshot: (id, run, s) => calls.push(`snapshot ${id} run ${run} step ${s.metrics.step}`),
    stopped: (r) => calls.push(`stopped ${r.id} ${r.reason}`),
    features: (r) => calls.push(`features ${r.id} run ${r.run} step ${r.step} rows ${r.trainRows}+${r.testRows} x ${r.featureDim}`),
    cancelled: (id) => calls.push(`cancelled ${id}`),
    error: (id, kind, problem) => calls.push(`error ${id} ${kind} ${problem}`),
  };
  return { listener, calls };
}

describe('TrainingClient', () => {
  it('numbers its requests and routes every reply kind to the listener', () => {
    const w = new FakeWorker();
    const { listener, calls } = recorder();
    const c = new TrainingClient(w, listener);
    const a = c.configure(DEFAULT_PRESET.config, 'auto', 'http://app/');
    const b = c.play(4, 'slow', 25);
    c.pause(4);
    c.setSpeed('max');
    c.cancel(b);
    const f = c.features(4);
    expect(w.sent.map((m) => `${m.type} ${m.id}`)).toEqual([`configure ${a}`, `play ${b}`, `pause ${b + 1}`, `speed ${b + 2}`, `cancel ${b}`, `features ${f}`]);
    expect(f).toBe(b + 3);
    expect(w.sent[5]).toEqual({ type: 'features', id: f, run: 4 });
    expect(w.sent[1]).toMatchObject({ run: 4, speed: 'slow', maxSteps: 25 });
    w.reply({ type: 'progress', id: a, fraction: 0.5, stage: 'loading data' });
    w.reply({ type: 'backend', id: a, choice: { backend: 'wasm', preference: 'auto', reason: '', probes: [] } });
    w.reply({ type: 'stopped', id: b, run: 4, step: 25, reason: 'limit' });
    w.reply({ type: 'cancelled', id: 9 });
    w.reply({ type: 'error', id: a, kind: 'input', problem: 'bad', fix: 'fix it' });
    w.reply({ type: 'features', id: f, run: 4, step: 30, featureDim: 2, trainRows: 3, testRows: 1, features: new Float32Array(8), labels: new Int32Array(4), weights: [] });
    expect(calls).toEqual([
      `progress ${a} 0.5 loading data`,
      `backend ${a} wasm`,
      `stopped ${b} limit`,
      'cancelled 9',
      `error ${a} input bad`,
      `features ${f} run 4 step 30 rows 3+1 x 2`,
    ]);
  });

  it('reports a worker that fails to start as an internal error of request 0', () => {
    const w = new FakeWorker();
    const { listener, calls } = recorder();
    const c = new TrainingClient(w, listener);
    w.error?.({ message: '' } as ErrorEvent);
    expect(calls).toEqual(['error 0 internal The training worker failed to start.']);
    c.dispose();
    expect(w.terminated).toBe(true);
  });
});
