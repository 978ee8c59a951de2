/**
 * TileScanPool on Node worker_threads (the CLI's second core): the centred rows (or their int16
 * quantisation) are copied once into SharedArrayBuffers, the tiles split into `threads` contiguous shares; share 0 runs on this
 * thread, the others on worker threads (each with its own tfjs wasm), and the lists are merged.
 * Node-only: the browser's pool (Web Workers) implements the same TileScanPool.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { abortError } from '../abort';
import type { TileScanJob, TileScanPool } from './pool';
import { scanInShares, shareBuffers } from './shares';
import { CandidateLists } from './tiles';
import type { FromThread, ToThread } from './messages';

const THREAD_ENTRY = new URL('./thread.mjs', import.meta.url);
const TILE_THREAD = new URL('./tileThread.ts', import.meta.url).href;

export class NodeTilePool implements TileScanPool {
  readonly threads: number;
  private workers: Worker[] = [];
  private nextId = 1;
  /** Requests in flight per worker: a worker holds the process open only while it has one. */
  private readonly inFlight = new Map<Worker, number>();

  /** threads = this thread plus threads - 1 workers (default: the machine's available parallelism). */
  constructor(threads = availableParallelism()) {
    this.threads = Math.max(1, Math.floor(threads));
  }

  /** Starts the worker threads and their tfjs now (resolves when all are ready), so a later scan pays no start-up. */
  async warm(): Promise<void> {
    while (this.workers.length < this.threads - 1) {
      const w = new Worker(THREAD_ENTRY, { workerData: { entry: TILE_THREAD } });
      w.unref();
      this.workers.push(w);
    }
    await Promise.all(this.workers.map((w) => this.request(w, { type: 'warm' }, (m) => m.type === 'ready')));
  }

  async scan(job: TileScanJob): Promise<CandidateLists> {
    await this.warm();
    const { rows, T, c, signal } = job;
    const buffers = shareBuffers(job);
    return scanInShares(job, this.threads, (tiles, s, tick) =>
      this.remoteShare(this.workers[s - 1], { type: 'scan', id: this.nextId++, ...buffers, n: rows.n, d: rows.d, T, c, tiles }, tick, signal),
    );
  }

  /** Terminates the worker threads. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private remoteShare(w: Worker, m: Extract<ToThread, { type: 'scan' }>, tick: () => void, signal?: AbortSignal): Promise<CandidateLists> {
    const onAbort = () => w.postMessage({ type: 'abort', id: m.id } satisfies ToThread);
    signal?.addEventListener('abort', onAbort, { once: true });
    const finished = this.request(w, m, (r) => {
      if (r.type === 'tile' && r.id === m.id) tick();
      return (r.type === 'done' || r.type === 'failed') && r.id === m.id;
    });
    return finished
      .then((r) => {
        if (r.type === 'failed') throw r.name === 'AbortError' ? abortError() : new Error(`tile thread: ${r.message}`);
        if (r.type !== 'done') throw new Error(`tile thread: unexpected reply ${r.type}`);
        return new CandidateLists(m.n, m.c, r);
      })
      .finally(() => signal?.removeEventListener('abort', onAbort));
  }

  /** Posts m to w and resolves with the first reply for which `last` is true (the process stays alive meanwhile). */
  private request(w: Worker, m: ToThread, last: (r: FromThread) => boolean): Promise<FromThread> {
    return new Promise((resolve, reject) => {
      const onMessage = (r: FromThread) => {
        if (!last(r)) return;
        cleanup();
        resolve(r);
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`tile thread exited with code ${code}`));
      };
      const cleanup = () => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        const left = (this.inFlight.get(w) ?? 1) - 1;
        this.inFlight.set(w, left);
        if (left === 0) w.unref();
      };
      this.inFlight.set(w, (this.inFlight.get(w) ?? 0) + 1);
      w.ref();
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(m);
    });
  }
}
