/**
 * The UI side of the analysis protocol: assigns request ids, routes progress and backend replies
 * to callbacks, and settles one promise per request (result, or an AnalysisFailure).
 */
import type {
  AnalyzeRequest,
  BackendChoice,
  ResultReply,
  WorkerReply,
  WorkerRequest,
} from './protocol';

/** The subset of Worker the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** Why a request did not produce a result: kind 'cancelled' carries no problem of interest. */
export class AnalysisFailure extends Error {
  constructor(
    readonly kind: 'input' | 'internal' | 'cancelled',
    readonly problem: string,
    readonly fix: string,
  ) {
    super(fix ? `${problem} ${fix}` : problem);
    this.name = 'AnalysisFailure';
  }
}

export interface AnalyzeHandlers {
  onProgress?: (fraction: number, stage: string) => void;
  onBackend?: (choice: BackendChoice) => void;
}

interface Pending {
  resolve: (r: ResultReply) => void;
  reject: (e: AnalysisFailure) => void;
  handlers: AnalyzeHandlers;
}

export type AnalyzeParams = Omit<AnalyzeRequest, 'type' | 'id'>;

export class AnalysisClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => this.failAll(e.message || 'The analysis worker failed to start.'));
  }

  /** Starts an analysis; the worker cancels any older one. */
  analyze(params: AnalyzeParams, handlers: AnalyzeHandlers = {}): { id: number; result: Promise<ResultReply> } {
    const id = this.nextId++;
    const result = new Promise<ResultReply>((resolve, reject) => this.pending.set(id, { resolve, reject, handlers }));
    this.worker.postMessage({ type: 'analyze', id, ...params });
    return { id, result };
  }

  /** Asks the worker to stop request `id`; its promise rejects with kind 'cancelled'. */
  cancel(id: number): void {
    if (this.pending.has(id)) this.worker.postMessage({ type: 'cancel', id });
  }

  /** Stops the worker; pending requests reject as cancelled. */
  dispose(): void {
    this.worker.terminate();
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new AnalysisFailure('cancelled', 'The analysis worker was stopped.', ''));
    }
  }

  private receive(msg: WorkerReply): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    switch (msg.type) {
      case 'progress':
        p.handlers.onProgress?.(msg.fraction, msg.stage);
        return;
      case 'backend':
        p.handlers.onBackend?.(msg.choice);
        return;
      case 'result':
        this.pending.delete(msg.id);
        p.resolve(msg);
        return;
      case 'cancelled':
        this.pending.delete(msg.id);
        p.reject(new AnalysisFailure('cancelled', 'Analysis cancelled.', ''));
        return;
      case 'error':
        this.pending.delete(msg.id);
        p.reject(new AnalysisFailure(msg.kind, msg.problem, msg.fix));
        return;
    }
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new AnalysisFailure('internal', message, 'Reload the page; if it persists, the browser may block module workers.'));
    }
  }
}

/** The app's analysis worker, as a module worker bundled by Vite. */
export function createAnalysisClient(): AnalysisClient {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  return new AnalysisClient(worker);
}
