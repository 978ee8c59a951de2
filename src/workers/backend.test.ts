import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { formatMs } from '../format';
import { BackendSelector, inspectWebGpu, LOSE_DEVICE_HOOK, pickAuto, type WebGpuStatus } from './backend';
import type { BackendProbe } from './analysisProtocol';

const probe = (name: BackendProbe['name'], ms: number | null, available = ms !== null): BackendProbe => ({ name, available, ms, note: '' });
const noGpu: WebGpuStatus = { adapter: false, usable: false, note: 'no navigator.gpu' };
const fallback: WebGpuStatus = { adapter: true, usable: false, note: 'fallback (swiftshader)' };
const realGpu: WebGpuStatus = { adapter: true, usable: true, note: 'nvidia / hopper' };

describe('inspectWebGpu', () => {
  it('treats a missing navigator.gpu and a null adapter as unavailable', async () => {
    expect(await inspectWebGpu(undefined)).toEqual(noGpu);
    expect(await inspectWebGpu({ requestAdapter: async () => null })).toMatchObject({ adapter: false, usable: false, note: 'no adapter' });
  });

  it('flags SwiftShader and isFallbackAdapter as fallbacks', async () => {
    const swift = await inspectWebGpu({ requestAdapter: async () => ({ info: { vendor: 'google', architecture: 'swiftshader' } }) });
    expect(swift).toEqual({ adapter: true, usable: false, note: 'fallback (swiftshader)' });
    const flagged = await inspectWebGpu({ requestAdapter: async () => ({ isFallbackAdapter: true, info: {} }) });
    expect(flagged.usable).toBe(false);
    const inInfo = await inspectWebGpu({ requestAdapter: async () => ({ info: { isFallbackAdapter: true, architecture: 'x' } }) });
    expect(inInfo.usable).toBe(false);
  });

  it('accepts a hardware adapter and names it', async () => {
    const hw = await inspectWebGpu({ requestAdapter: async () => ({ isFallbackAdapter: false, info: { vendor: 'nvidia', architecture: 'hopper' } }) });
    expect(hw).toEqual(realGpu);
  });

  it('reports a throwing requestAdapter', async () => {
    const s = await inspectWebGpu({
      requestAdapter: async () => {
        throw new Error('blocked');
      },
    });
    expect(s).toMatchObject({ adapter: false, usable: false });
    expect(s.note).toContain('blocked');
  });
});

describe('pickAuto', () => {
  it('picks the fastest probe and lists times ascending with the WebGPU clause', () => {
    const probes = [probe('webgpu', null, true), probe('webgl', 40.2), probe('wasm', 3.14), probe('cpu', 60)];
    const choice = pickAuto(probes, fallback);
    expect(choice?.backend).toBe('wasm');
    expect(choice?.reason).toBe('fastest by probe: wasm 3.1 ms, webgl 40 ms, cpu 60 ms; WebGPU adapter is a fallback (swiftshader), skipped');
  });

  it('prefers WebGPU on a real adapter even when another probe is faster', () => {
    const probes = [probe('webgpu', 5), probe('webgl', 4), probe('wasm', 3), probe('cpu', 60)];
    const choice = pickAuto(probes, realGpu);
    expect(choice?.backend).toBe('webgpu');
    expect(choice?.reason).toContain('WebGPU adapter is real hardware (nvidia / hopper)');
  });

  it('falls back to the probes when a real adapter failed to start', () => {
    const probes = [probe('webgpu', null, false), probe('webgl', null, false), probe('wasm', 9), probe('cpu', 8)];
    expect(pickAuto(probes, realGpu)?.backend).toBe('cpu');
  });

  it('returns null when nothing started', () => {
    expect(pickAuto([probe('webgl', null), probe('wasm', null), probe('cpu', null)], noGpu)).toBeNull();
  });
});

describe('formatMs', () => {
  it('uses one decimal below 10 ms and whole milliseconds above', () => {
    expect(formatMs(3.14)).toBe('3.1 ms');
    expect(formatMs(40.4)).toBe('40 ms');
  });
});

describe('BackendSelector (Node: cpu and wasm registered, no WebGPU, no WebGL)', () => {
  const selector = new BackendSelector(() => undefined);

  it('probes every backend once and picks the fastest that started', async () => {
    const { probes, gpu } = await selector.survey();
    expect(gpu).toEqual(noGpu);
    const byName = Object.fromEntries(probes.map((p) => [p.name, p]));
    expect(byName.webgpu).toMatchObject({ available: false, ms: null });
    expect(byName.webgl).toMatchObject({ available: false, note: 'not registered' });
    expect(byName.cpu.available).toBe(true);
    expect(byName.wasm.available).toBe(true);
    expect(byName.cpu.ms).toBeGreaterThan(0);
    const choice = await selector.select('auto');
    const faster = (byName.wasm.ms as number) <= (byName.cpu.ms as number) ? 'wasm' : 'cpu';
    expect(choice.backend).toBe(faster);
    expect(tf.getBackend()).toBe(faster);
    expect(choice.reason).toMatch(/^fastest by probe: (wasm|cpu) [\d.]+ ms, (wasm|cpu) [\d.]+ ms; WebGPU unavailable \(no navigator\.gpu\)$/);
    expect(tf.memory().numTensors).toBe(0);
  });

  it('honours an override and says what auto would pick', async () => {
    const choice = await selector.select('cpu');
    expect(choice.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(choice.reason).toMatch(/^chosen by override \(auto would pick (wasm|cpu): fastest by probe/);
  });

  it('refuses a backend that cannot start', async () => {
    await expect(selector.select('webgl')).rejects.toThrow('The webgl backend is not available here.');
  });
});

describe('BackendSelector: a lost WebGPU device', () => {
  it('watches the device once webgpu runs, then falls back to wasm and says why', async () => {
    // A stand-in "webgpu" backend (the cpu kernels under that name) with a device we can lose.
    if (!tf.engine().registryFactory.webgpu) tf.registerBackend('webgpu', () => tf.findBackendFactory('cpu')() as tf.KernelBackend);
    let lose: (info: { reason?: string; message?: string }) => void = () => undefined;
    let destroyed = 0;
    const device = { lost: new Promise<{ reason?: string; message?: string }>((r) => (lose = r)), destroy: () => destroyed++ };
    const selector = new BackendSelector(() => undefined, () => device);
    const heard: string[] = [];
    selector.onDeviceLost((note) => heard.push(note));
    const first = await selector.select('webgpu');
    expect(first.backend).toBe('webgpu');
    expect(selector.deviceLost).toBeNull();
    // The test hook destroys the device the worker runs on.
    (globalThis as unknown as Record<string, () => void>)[LOSE_DEVICE_HOOK]();
    expect(destroyed).toBe(1);
    lose({ reason: 'destroyed', message: 'Device was destroyed.' });
    await Promise.resolve();
    await Promise.resolve();
    expect(selector.deviceLost).toBe('Device was destroyed.');
    expect(heard).toEqual(['Device was destroyed.']);
    const after = await selector.select('webgpu');
    expect(after.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(after.reason).toMatch(/^the WebGPU device was lost \(Device was destroyed\.\), so WASM took over; chosen by override/);
    // Other preferences are unaffected.
    expect((await selector.select('cpu')).backend).toBe('cpu');
    tf.removeBackend('webgpu');
  });
});
