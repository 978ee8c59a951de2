/**
 * The UI side of the Compare protocol: assigns request ids, routes progress and backend replies to
 * the caller's handlers, and settles one promise per comparison with its outcome (or a CompareFailure).
 */
import type { FileChoices } from './choices';
import type { BackendChoice, CompareOutcome, CompareReply, CompareRequest, CompareWorkerRequest } from './compareProtocol';

/** The subset of Worker the client uses (a fake in tests). */
export interface CompareWorkerLike {
  postMessage(message: CompareWorkerRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<CompareReply>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** Why a comparison produced no outcome; 'choose' carries the file's alternatives. */
export class CompareFailure extends Error {
  constructor(
    readonly kind: 'input' | 'internal' | 'cancelled' | 'choose',
    readonly problem: string,
    readonly fix: string,
    readonly choose?: { side: 'A' | 'B'; choices: FileChoices },
  ) {
    super(fix ? `${problem} ${fix}` : problem);
    this.name = 'CompareFailure';
  }
}

export interface CompareHandlers {
  onProgress?: (fraction: number, stage: string) => void;
  onBackend?: (choice: BackendChoice) => void;
}

interface Pending {
  resolve: (o: CompareOutcome) => void;
  reject: (e: CompareFailure) => void;
  handlers: CompareHandlers;
}

export class CompareClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: CompareWorkerLike) {
    worker.addEventListener('message', (e: MessageEvent<CompareReply>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => this.failAll(e.message || 'The Compare worker failed to start.'));
  }

  /** Starts a comparison (the worker cancels any older one); in-memory arrays are cloned, the UI keeps its own. */
  compare(request: Omit<CompareRequest, 'type' | 'id'>, handlers: CompareHandlers = {}): { id: number; result: Promise<CompareOutcome> } {
    const id = this.nextId++;
    const result = new Promise<CompareOutcome>((resolve, reject) => this.pending.set(id, { resolve, reject, handlers }));
    const msg: CompareRequest = { type: 'compare', id, ...request };
    this.worker.postMessage(msg);
    return { id, result };
  }

  cancel(id: number): void {
    if (this.pending.has(id)) this.worker.postMessage({ type: 'cancel', id });
  }

  private receive(msg: CompareReply): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    switch (msg.type) {
      case 'progress':
        return p.handlers.onProgress?.(msg.fraction, msg.stage);
      case 'backend':
        return p.handlers.onBackend?.(msg.choice);
      case 'result':
        this.pending.delete(msg.id);
        return p.resolve(msg.outcome);
      case 'choose':
        this.pending.delete(msg.id);
        return p.reject(new CompareFailure('choose', msg.choices.reason, '', { side: msg.side, choices: msg.choices }));
      case 'cancelled':
        this.pending.delete(msg.id);
        return p.reject(new CompareFailure('cancelled', 'Cancelled.', ''));
      case 'error':
        this.pending.delete(msg.id);
        return p.reject(new CompareFailure(msg.kind, msg.problem, msg.fix));
    }
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new CompareFailure('internal', message, 'Reload the page; if it persists, the browser may block module workers.'));
    }
  }
}

/** The app's Compare worker, as a module worker bundled by Vite. */
export function createCompareClient(): CompareClient {
  return new CompareClient(new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' }));
}
