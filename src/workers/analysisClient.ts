/** The analysis worker's requests as typed calls over the one RPC client (rpc/client.ts). */
import { HEARTBEAT, TypedClient, WorkerClient, type ClientOptions, type Ticket, type Unnumbered, type WorkerLike as RpcWorkerLike } from './rpc/client';
import { WorkerFailure } from './rpc/failure';
import {
  ANALYSIS_FINALS,
  type AnalyzeRequest,
  type AnglesReply,
  type AnglesRequest,
  type BackendChoice,
  type ChooseReply,
  type FaithfulnessReply,
  type FaithfulnessRequest,
  type IntrinsicDimensionGlobalReply,
  type IntrinsicDimensionReply,
  type IntrinsicDimensionRequest,
  type LocalIdReply,
  type LocalIdRequest,
  type NeighboursReply,
  type NeighboursRequest,
  type VectorsReply,
  type VectorsRequest,
  type ProjectionReply,
  type ProjectRequest,
  type ResultReply,
  type WorkerReply,
  type WorkerRequest,
} from './analysisProtocol';

export type { Ticket } from './rpc/client';
/** The analysis requests' failure (the RPC's one failure type). */
export { WorkerFailure as AnalysisFailure };

/** The subset of Worker the client uses (a fake in tests). */
export type WorkerLike = RpcWorkerLike<WorkerRequest, WorkerReply>;

export interface AnalyzeHandlers {
  onProgress?: (fraction: number, stage: string, bytes?: { done: number; total: number }) => void;
  onBackend?: (choice: BackendChoice) => void;
  /** The global TwoNN/MLE of an intrinsic-dimension stage, before its per-class estimates. */
  onIdGlobal?: (reply: IntrinsicDimensionGlobalReply) => void;
}

export type AnalyzeParams = Omit<AnalyzeRequest, 'type' | 'id'>;
type Params<R> = Omit<R, 'type' | 'id'>;

export class AnalysisClient extends TypedClient<WorkerRequest, WorkerReply> {

  constructor(worker: WorkerLike | (() => WorkerLike), options: Partial<ClientOptions<WorkerReply>> = {}) {
    super(new WorkerClient(worker, { name: 'analysis', finals: ANALYSIS_FINALS, ...options }));
  }

  private send<T extends WorkerReply>(request: Unnumbered<Exclude<WorkerRequest, { type: 'cancel' }>>, h: AnalyzeHandlers): Ticket<T> {
    return this.rpc.request<T>(request, {
      progress: (r) => h.onProgress?.(r.fraction, r.stage, r.bytes),
      backend: (r) => h.onBackend?.(r.choice),
      intrinsicDimensionGlobal: (r) => h.onIdGlobal?.(r),
    });
  }

  /** Loads and analyses a source (the worker cancels every older job): a result, or the choice it needs. */
  analyze(params: AnalyzeParams, handlers: AnalyzeHandlers = {}): Ticket<ResultReply | ChooseReply> {
    return this.send({ type: 'analyze', ...params }, handlers);
  }

  /** Computes a view of dataset `dataset` (cancels the previous view request). */
  project(params: Params<ProjectRequest>, handlers: AnalyzeHandlers = {}): Ticket<ProjectionReply> {
    return this.send({ type: 'project', ...params }, handlers);
  }

  /** The exact nearest neighbours of one plotted point. */
  neighbours(params: Params<NeighboursRequest>): Ticket<NeighboursReply> {
    return this.send({ type: 'neighbours', ...params }, {});
  }

  /** The original vectors of some plotted points. */
  vectors(params: Params<VectorsRequest>): Ticket<VectorsReply> {
    return this.send({ type: 'vectors', ...params }, {});
  }

  /** The pointwise MLE of every plotted point. */
  localId(params: Params<LocalIdRequest>, handlers: AnalyzeHandlers = {}): Ticket<LocalIdReply> {
    return this.send({ type: 'localId', ...params }, handlers);
  }

  /** Principal angles between class subspaces of dimension k. */
  angles(params: Params<AnglesRequest>): Ticket<AnglesReply> {
    return this.send({ type: 'angles', ...params }, {});
  }

  /** The intrinsic-dimension stage of dataset `dataset` (after its result), with progress. */
  intrinsicDimension(params: Params<IntrinsicDimensionRequest>, handlers: AnalyzeHandlers = {}): Ticket<IntrinsicDimensionReply> {
    return this.send({ type: 'intrinsicDimension', ...params }, handlers);
  }

  /** Trustworthiness, continuity and per-point preservation of a view as drawn. */
  faithfulness(params: Params<FaithfulnessRequest>, handlers: AnalyzeHandlers = {}): Ticket<FaithfulnessReply> {
    return this.send({ type: 'faithfulness', ...params }, handlers);
  }
}

/** The app's analysis worker, as a module worker bundled by Vite, replaced by a fresh one when it dies. */
export function createAnalysisClient(onDeath?: (failure: WorkerFailure) => void): AnalysisClient {
  const spawn = () => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
  return new AnalysisClient(spawn, { onDeath, heartbeat: HEARTBEAT });
}

