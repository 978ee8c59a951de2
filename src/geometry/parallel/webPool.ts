/**
 * TileScanPool on Web Workers (the browser's other cores): the int16 quantisation of the centred
 * rows is shared through SharedArrayBuffers (the page is cross-origin isolated), the tiles split
 * into one share per thread; share 0 runs in the calling worker, the others in tile workers
 * (tileWorker.ts, the WebAssembly SIMD kernel, no tfjs). float32 scans (a WebGL/WebGPU backend)
 * stay on the calling thread. A tile worker that fails (start-up, a crash) turns the pool off for
 * the session and the scan is redone on one thread, so a result always comes back.
 */
import { isAbortError } from '../abort';
import { int16KernelAvailable } from '../knnInt16';
import type { TileScanJob, TileScanPool } from './pool';
import { scanInShares, shareBuffers } from './shares';
import { CandidateLists } from './tiles';
import type { FromThread, ToThread } from './messages';

export class WebTilePool implements TileScanPool {
  private workers: Worker[] = [];
  private nextId = 1;
  /** Why the pool was turned off (a tile worker failed), or null. */
  broken: string | null = null;

  constructor(private readonly size: number) {}

  /** Threads a scan uses: the pool's size, or 1 once it is broken. */
  get threads(): number {
    return this.broken ? 1 : this.size;
  }

  async scan(job: TileScanJob): Promise<CandidateLists> {
    const alone = () => scanInShares(job, 1, () => Promise.reject(new Error('no remote share')));
    if (!job.quantised || this.threads < 2) return alone();
    try {
      this.start();
      const buffers = shareBuffers(job);
      const { rows, T, c, signal } = job;
      return await scanInShares(job, this.size, (tiles, s, tick) =>
        this.remoteShare(this.workers[s - 1], { type: 'scan', id: this.nextId++, ...buffers, n: rows.n, d: rows.d, T, c, tiles }, tick, signal),
      );
    } catch (e) {
      if (isAbortError(e)) throw e;
      this.broken = e instanceof Error ? e.message : String(e);
      this.close();
      return alone();
    }
  }

  close(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }

  private start(): void {
    while (this.workers.length < this.size - 1) {
      this.workers.push(new Worker(new URL('./tileWorker.ts', import.meta.url), { type: 'module', name: `tiles-${this.workers.length + 1}` }));
    }
  }

  private remoteShare(w: Worker, m: Extract<ToThread, { type: 'scan' }>, tick: () => void, signal?: AbortSignal): Promise<CandidateLists> {
    return new Promise((resolve, reject) => {
      const onAbort = () => w.postMessage({ type: 'abort', id: m.id } satisfies ToThread);
      const onMessage = (e: MessageEvent<FromThread>) => {
        const r = e.data;
        if (r.type === 'tile' && r.id === m.id) tick();
        if ((r.type !== 'done' && r.type !== 'failed') || r.id !== m.id) return;
        cleanup();
        if (r.type === 'done') resolve(new CandidateLists(m.n, m.c, r));
        else if (r.name === 'AbortError') reject(new DOMException('The scan was cancelled.', 'AbortError'));
        else reject(new Error(`tile worker: ${r.message}`));
      };
      const onError = (e: Event) => {
        cleanup();
        reject(new Error(`tile worker failed: ${(e as ErrorEvent).message ?? 'it could not start'}`));
      };
      const cleanup = () => {
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        w.removeEventListener('messageerror', onError);
        signal?.removeEventListener('abort', onAbort);
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError);
      w.addEventListener('messageerror', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
      w.postMessage(m);
    });
  }
}

let pool: WebTilePool | null | undefined;

/**
 * The page's tile pool: navigator.hardwareConcurrency threads where Web Workers, shared memory
 * (cross-origin isolation) and the int16 kernel exist and there is more than one core; else null.
 */
export function webTilePool(): WebTilePool | null {
  if (pool !== undefined) return pool;
  const cores = typeof navigator === 'object' ? (navigator.hardwareConcurrency ?? 1) : 1;
  const ok = typeof Worker === 'function' && typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true && int16KernelAvailable();
  pool = ok && cores > 1 ? new WebTilePool(Math.min(cores, 16)) : null;
  return pool;
}
