/**
 * The UI side of the analysis protocol: assigns request ids, routes progress and backend replies
 * to callbacks, and settles one promise per request with its reply (or an AnalysisFailure).
 */
import type {
  AnalyzeRequest,
  AnglesReply,
  AnglesRequest,
  BackendChoice,
  ChooseReply,
  FaithfulnessReply,
  FaithfulnessRequest,
  IntrinsicDimensionReply,
  IntrinsicDimensionRequest,
  LocalIdReply,
  LocalIdRequest,
  NeighboursReply,
  NeighboursRequest,
  ProjectionReply,
  ProjectRequest,
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
  onProgress?: (fraction: number, stage: string, bytes?: { done: number; total: number }) => void;
  onBackend?: (choice: BackendChoice) => void;
}

type Final = ResultReply | ChooseReply | ProjectionReply | NeighboursReply | LocalIdReply | AnglesReply | IntrinsicDimensionReply | FaithfulnessReply;

interface Pending {
  resolve: (r: Final) => void;
  reject: (e: AnalysisFailure) => void;
  handlers: AnalyzeHandlers;
}

export type AnalyzeParams = Omit<AnalyzeRequest, 'type' | 'id'>;

/** A request in flight: its id (for cancel) and the promise of its reply. */
export interface Ticket<T> {
  id: number;
  result: Promise<T>;
}

export class AnalysisClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => this.receive(e.data));
    worker.addEventListener('error', (e: ErrorEvent) => this.failAll(e.message || 'The analysis worker failed to start.'));
  }

  private send<T extends Final>(request: Omit<Exclude<WorkerRequest, { type: 'cancel' }>, 'id'>, handlers: AnalyzeHandlers): Ticket<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (r: Final) => void, reject, handlers }));
    this.worker.postMessage({ ...request, id } as WorkerRequest);
    return { id, result };
  }

  /** Loads and analyses a source (the worker cancels every older job): a result, or the choice it needs. */
  analyze(params: AnalyzeParams, handlers: AnalyzeHandlers = {}): Ticket<ResultReply | ChooseReply> {
    return this.send({ type: 'analyze', ...params }, handlers);
  }

  /** Computes a view of dataset `dataset` (cancels the previous view request). */
  project(params: Omit<ProjectRequest, 'type' | 'id'>, handlers: AnalyzeHandlers = {}): Ticket<ProjectionReply> {
    return this.send({ type: 'project', ...params }, handlers);
  }

  /** The exact nearest neighbours of one plotted point. */
  neighbours(params: Omit<NeighboursRequest, 'type' | 'id'>): Ticket<NeighboursReply> {
    return this.send({ type: 'neighbours', ...params }, {});
  }

  /** The pointwise MLE of every plotted point. */
  localId(params: Omit<LocalIdRequest, 'type' | 'id'>, handlers: AnalyzeHandlers = {}): Ticket<LocalIdReply> {
    return this.send({ type: 'localId', ...params }, handlers);
  }

  /** Principal angles between class subspaces of dimension k. */
  angles(params: Omit<AnglesRequest, 'type' | 'id'>): Ticket<AnglesReply> {
    return this.send({ type: 'angles', ...params }, {});
  }

  /** The intrinsic-dimension stage of dataset `dataset` (after its result), with progress. */
  intrinsicDimension(params: Omit<IntrinsicDimensionRequest, 'type' | 'id'>, handlers: AnalyzeHandlers = {}): Ticket<IntrinsicDimensionReply> {
    return this.send({ type: 'intrinsicDimension', ...params }, handlers);
  }

  /** Trustworthiness, continuity and per-point preservation of a view as drawn. */
  faithfulness(params: Omit<FaithfulnessRequest, 'type' | 'id'>, handlers: AnalyzeHandlers = {}): Ticket<FaithfulnessReply> {
    return this.send({ type: 'faithfulness', ...params }, handlers);
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
        p.handlers.onProgress?.(msg.fraction, msg.stage, msg.bytes);
        return;
      case 'backend':
        p.handlers.onBackend?.(msg.choice);
        return;
      case 'cancelled':
        this.pending.delete(msg.id);
        p.reject(new AnalysisFailure('cancelled', 'Cancelled.', ''));
        return;
      case 'error':
        this.pending.delete(msg.id);
        p.reject(new AnalysisFailure(msg.kind, msg.problem, msg.fix));
        return;
      default:
        this.pending.delete(msg.id);
        p.resolve(msg);
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
