/**
 * The UI side of the Landscape protocol: assigns request ids, routes a sweep's streaming replies
 * to its handlers, and settles one promise per request with its final reply (or a LandscapeFailure).
 */
import type {
  BackendChoice,
  DatasetReply,
  DoneReply,
  InputIdReply,
  LandscapeReply,
  LandscapeRequest,
  LandscapeSetup,
  PlanReply,
  RunProgress,
  RunResultReply,
  RunStartReply,
  SweepPlan,
} from './landscapeProtocol';
import type { BackendPreference } from './protocol';

/** The subset of Worker the client uses (a fake in tests). */
export interface LandscapeWorkerLike {
  postMessage(message: LandscapeRequest): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<LandscapeReply>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** Why a request produced no final reply; kind 'cancelled' means it was stopped before its first run. */
export class LandscapeFailure extends Error {
  constructor(
    readonly kind: 'input' | 'internal' | 'cancelled',
    readonly problem: string,
    readonly fix: string,
  ) {
    super(fix ? `${problem} ${fix}` : problem);
    this.name = 'LandscapeFailure';
  }
}

/** Callbacks for a sweep's streaming replies, in the order the worker sends them. */
export interface SweepHandlers {
  onProgress?: (fraction: number, stage: string) => void;
  onBackend?: (choice: BackendChoice) => void;
  onDataset?: (reply: DatasetReply) => void;
  onInputId?: (reply: InputIdReply) => void;
  onRunStart?: (reply: RunStartReply) => void;
  onRunProgress?: (progress: RunProgress) => void;
  onRunResult?: (reply: RunResultReply) => void;
}

/** A request in flight: its id (for cancel) and the promise of its final reply. */
export interface LandscapeTicket<T> {
  id: number;
  result: Promise<T>;
}

interface Pending {
  resolve: (r: PlanReply | DoneReply) => void;
  reject: (e: LandscapeFailure) => void;
  handlers: SweepHandlers;
}

export class LandscapeClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: LandscapeWorkerLike) {
    worker.addEventListener('message', (e: MessageEvent<LandscapeReply>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => this.failAll(e.message || 'The Landscape worker failed to start.'));
  }

  private send<T extends PlanReply | DoneReply>(request: Exclude<LandscapeRequest, { type: 'cancel' }>, handlers: SweepHandlers): LandscapeTicket<T> {
    const result = new Promise<T>((resolve, reject) => this.pending.set(request.id, { resolve: resolve as Pending['resolve'], reject, handlers }));
    this.worker.postMessage(request);
    return { id: request.id, result };
  }

  /** What a setup will run: D, widths, dims and each run's projection with its memory. */
  plan(setup: LandscapeSetup): LandscapeTicket<SweepPlan> {
    const ticket = this.send<PlanReply>({ type: 'plan', id: this.nextId++, setup }, {});
    return { id: ticket.id, result: ticket.result.then((r) => r.plan) };
  }

  /** Runs a sweep (cancelling any older one); resolves with the SweepResult, partial when cancelled mid-sweep. */
  sweep(setup: LandscapeSetup, backend: BackendPreference, baseUrl: string, handlers: SweepHandlers = {}): LandscapeTicket<DoneReply> {
    return this.send<DoneReply>({ type: 'sweep', id: this.nextId++, setup, backend, baseUrl }, handlers);
  }

  /** Asks the worker to stop request `id`. */
  cancel(id: number): void {
    if (this.pending.has(id)) this.worker.postMessage({ type: 'cancel', id });
  }

  /** Stops the worker; pending requests reject as cancelled. */
  dispose(): void {
    this.worker.terminate();
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new LandscapeFailure('cancelled', 'The Landscape worker was stopped.', ''));
    }
  }

  private receive(msg: LandscapeReply): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    const h = p.handlers;
    switch (msg.type) {
      case 'progress':
        return h.onProgress?.(msg.fraction, msg.stage);
      case 'backend':
        return h.onBackend?.(msg.choice);
      case 'dataset':
        return h.onDataset?.(msg);
      case 'inputId':
        return h.onInputId?.(msg);
      case 'runStart':
        return h.onRunStart?.(msg);
      case 'runProgress':
        return h.onRunProgress?.(msg.progress);
      case 'runResult':
        return h.onRunResult?.(msg);
      case 'cancelled':
        this.pending.delete(msg.id);
        return p.reject(new LandscapeFailure('cancelled', 'Cancelled.', ''));
      case 'error':
        this.pending.delete(msg.id);
        return p.reject(new LandscapeFailure(msg.kind, msg.problem, msg.fix));
      case 'plan':
      case 'done':
        this.pending.delete(msg.id);
        return p.resolve(msg);
    }
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new LandscapeFailure('internal', message, 'Reload the page; if it persists, the browser may block module workers.'));
    }
  }
}

/** The app's Landscape worker, as a module worker bundled by Vite. */
export function createLandscapeClient(): LandscapeClient {
  const worker = new Worker(new URL('./landscape.worker.ts', import.meta.url), { type: 'module', name: 'landscape' });
  return new LandscapeClient(worker);
}
