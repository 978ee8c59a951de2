/**
 * tfjs backend choice for the analysis worker: WebGPU when a real (non-fallback) adapter exists,
 * otherwise the fastest of webgl / wasm / cpu by a short matmul probe. Every choice comes with
 * per-backend probe times and a reason the status bar can show.
 */
import * as tf from '@tensorflow/tfjs-core';
import { formatMs } from '../format';
import type { BackendChoice, BackendName, BackendPreference, BackendProbe } from './analysisProtocol';

/** What we learnt about WebGPU without starting it: usable means a real, non-fallback adapter. */
export interface WebGpuStatus {
  /** An adapter exists (possibly a software fallback). */
  adapter: boolean;
  /** The adapter is real hardware, not a fallback such as SwiftShader. */
  usable: boolean;
  /** e.g. "fallback (swiftshader)", "no adapter", "no navigator.gpu", "nvidia / ampere". */
  note: string;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: AdapterInfoLike;
}
/** The part of navigator.gpu the selector uses. */
export interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

/** Side of the probe matrices: a (P x P) * (P x P) matmul, timed with its readback. */
export const PROBE_SIZE = 256;
const PROBE_REPEATS = 3;

/** Classifies the WebGPU adapter: fallback when adapter.isFallbackAdapter, info.isFallbackAdapter or architecture 'swiftshader'. */
export async function inspectWebGpu(gpu: GpuLike | undefined): Promise<WebGpuStatus> {
  if (!gpu) return { adapter: false, usable: false, note: 'no navigator.gpu' };
  let adapter: AdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { adapter: false, usable: false, note: `requestAdapter failed (${(e as Error).message})` };
  }
  if (!adapter) return { adapter: false, usable: false, note: 'no adapter' };
  const info = adapter.info ?? {};
  const arch = (info.architecture ?? '').toLowerCase();
  const fallback = adapter.isFallbackAdapter === true || info.isFallbackAdapter === true || arch === 'swiftshader';
  if (fallback) return { adapter: true, usable: false, note: `fallback (${arch || 'software'})` };
  const name = [info.vendor, info.architecture].filter((s) => s).join(' / ');
  return { adapter: true, usable: true, note: name || 'hardware adapter' };
}

function probeList(probes: BackendProbe[]): string {
  return probes
    .filter((p) => p.ms !== null)
    .sort((a, b) => (a.ms as number) - (b.ms as number))
    .map((p) => `${p.name} ${formatMs(p.ms as number)}`)
    .join(', ');
}

function webGpuClause(gpu: WebGpuStatus): string {
  if (gpu.usable) return `WebGPU adapter is real hardware (${gpu.note})`;
  if (gpu.adapter) return `WebGPU adapter is a ${gpu.note}, skipped`;
  return `WebGPU unavailable (${gpu.note})`;
}

/**
 * The automatic choice: webgpu when its adapter is real and it started; otherwise the available
 * probe with the smallest time. Returns null when nothing started.
 */
export function pickAuto(probes: BackendProbe[], gpu: WebGpuStatus): { backend: BackendName; reason: string } | null {
  const timed = probes.filter((p) => p.available && p.ms !== null);
  const webgpu = probes.find((p) => p.name === 'webgpu');
  if (gpu.usable && webgpu?.available) {
    return { backend: 'webgpu', reason: `${webGpuClause(gpu)}; probe: ${probeList(probes)}` };
  }
  const others = timed.filter((p) => p.name !== 'webgpu');
  if (others.length === 0) return null;
  const best = others.reduce((a, b) => ((b.ms as number) < (a.ms as number) ? b : a));
  return { backend: best.name, reason: `fastest by probe: ${probeList(others)}; ${webGpuClause(gpu)}` };
}

/** The reason shown for a user override, naming what auto would have picked. */
export function overrideReason(auto: { backend: BackendName; reason: string } | null): string {
  return auto ? `chosen by override (auto would pick ${auto.backend}: ${auto.reason})` : 'chosen by override';
}

/** True when tfjs has a factory registered for this backend name (importing the package registers it). */
function registered(name: BackendName): boolean {
  return tf.engine().registryFactory[name] !== undefined;
}

/** Switches the active backend; false when it is not registered or failed to start. */
export async function activate(name: BackendName): Promise<boolean> {
  if (!registered(name)) return false;
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

function probeMatrix(): Float32Array {
  const m = new Float32Array(PROBE_SIZE * PROBE_SIZE);
  for (let i = 0; i < m.length; i++) m[i] = ((i * 7919) % 1000) / 1000 - 0.5;
  return m;
}

async function timeMatmul(a: tf.Tensor2D): Promise<number> {
  const t0 = performance.now();
  const c = tf.matMul(a, a);
  await c.data();
  c.dispose();
  return performance.now() - t0;
}

/** Starts `name` and times a PROBE_SIZE^2 matmul with readback: one warm-up, then the median of PROBE_REPEATS. */
export async function probeBackend(name: BackendName): Promise<BackendProbe> {
  if (!registered(name)) return { name, available: false, ms: null, note: 'not registered' };
  if (!(await activate(name))) return { name, available: false, ms: null, note: 'failed to start' };
  const a = tf.tensor2d(probeMatrix(), [PROBE_SIZE, PROBE_SIZE]);
  try {
    await timeMatmul(a);
    const times: number[] = [];
    for (let r = 0; r < PROBE_REPEATS; r++) times.push(await timeMatmul(a));
    times.sort((x, y) => x - y);
    return { name, available: true, ms: times[Math.floor(PROBE_REPEATS / 2)], note: '' };
  } catch (e) {
    return { name, available: false, ms: null, note: `probe failed (${(e as Error).message})` };
  } finally {
    a.dispose();
  }
}

/**
 * Probes every backend once. WebGPU is only started and timed when its adapter is real; a
 * fallback adapter (SwiftShader) is marked unavailable: on it the analysis stalls the GPU process
 * for minutes, freezing the page's own rendering.
 */
export async function probeAll(gpu: WebGpuStatus): Promise<BackendProbe[]> {
  const probes: BackendProbe[] = [];
  if (gpu.usable) probes.push(await probeBackend('webgpu'));
  else probes.push({ name: 'webgpu', available: false, ms: null, note: gpu.adapter ? `${gpu.note}, skipped` : gpu.note });
  for (const name of ['webgl', 'wasm', 'cpu'] as const) probes.push(await probeBackend(name));
  return probes;
}

/** The part of a GPUDevice the selector watches. */
export interface DeviceLike {
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
}

/** Test hook set in a worker that runs on WebGPU: destroys its device (as a lost GPU would). */
export const LOSE_DEVICE_HOOK = '__subspaceLabLoseDevice';

/**
 * Chooses and activates a backend: probes once (cached by the caller), then auto or the override.
 * Once the WebGPU device it ran on is lost (device.lost, e.g. a driver reset, or the test hook),
 * every later choice of webgpu falls back to wasm and says why.
 */
export class BackendSelector {
  private probes: Promise<{ gpu: WebGpuStatus; probes: BackendProbe[] }> | null = null;
  private watched: DeviceLike | null = null;
  private lostNote: string | null = null;
  private readonly lostListeners = new Set<(note: string) => void>();

  constructor(
    private readonly gpu: () => GpuLike | undefined,
    /** The device of the active webgpu backend (default: tfjs-webgpu's backend.device). */
    private readonly deviceOf: () => DeviceLike | undefined = () => (tf.backend() as unknown as { device?: DeviceLike }).device,
  ) {}

  /** Why the WebGPU device was lost, or null while it was not. */
  get deviceLost(): string | null {
    return this.lostNote;
  }

  /** Calls `listener` once the WebGPU device is lost; returns the unsubscribe. */
  onDeviceLost(listener: (note: string) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  private watchDevice(): void {
    const device = this.deviceOf();
    if (!device || device === this.watched) return;
    this.watched = device;
    (globalThis as Record<string, unknown>)[LOSE_DEVICE_HOOK] = () => device.destroy();
    void device.lost.then((info) => {
      this.lostNote = info.message || info.reason || 'no reason given';
      for (const l of this.lostListeners) l(this.lostNote);
    });
  }

  /** The probe results, computed on first use. */
  survey(): Promise<{ gpu: WebGpuStatus; probes: BackendProbe[] }> {
    this.probes ??= (async () => {
      const gpu = await inspectWebGpu(this.gpu());
      return { gpu, probes: await probeAll(gpu) };
    })();
    return this.probes;
  }

  /** Activates the preferred backend (or the automatic one) and explains the choice; throws when it cannot start. */
  async select(preference: BackendPreference): Promise<BackendChoice> {
    const { gpu, probes } = await this.survey();
    const auto = pickAuto(probes, gpu);
    const wanted = preference === 'auto' ? auto?.backend : preference;
    if (!wanted) throw new Error('No tfjs backend could start (webgpu, webgl, wasm and cpu all failed).');
    const backend = wanted === 'webgpu' && this.lostNote !== null ? 'wasm' : wanted;
    if (!(await activate(backend))) throw new Error(`The ${backend} backend is not available here.`);
    let reason = preference === 'auto' ? (auto as { reason: string }).reason : overrideReason(auto);
    if (backend === 'webgpu') {
      if (!gpu.usable) reason = `WebGPU forced onto its ${gpu.note} adapter (testing: slower than WASM); ${reason}`;
      this.watchDevice();
    } else if (wanted === 'webgpu') reason = `the WebGPU device was lost (${this.lostNote}), so WASM took over; ${reason}`;
    return { backend, preference, reason, probes };
  }
}
