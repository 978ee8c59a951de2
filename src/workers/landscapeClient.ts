/** The Landscape worker's requests as typed calls over the one RPC client (rpc/client.ts). */
import { HEARTBEAT, TypedClient, WorkerClient, type ClientOptions, type Ticket, type WorkerLike } from './rpc/client';
import { WorkerFailure } from './rpc/failure';
import type { BackendPreference } from './rpc/envelope';
import {
  LANDSCAPE_FINALS,
  type BackendChoice,
  type DatasetReply,
  type DoneReply,
  type InputIdReply,
  type LandscapeReply,
  type LandscapeRequest,
  type LandscapeSetup,
  type PlanReply,
  type RunProgress,
  type RunResultReply,
  type RunStartReply,
  type SweepPlan,
} from './landscapeProtocol';

/** The Landscape requests' failure (the RPC's one failure type). */
export { WorkerFailure as LandscapeFailure };

/** The subset of Worker the client uses (a fake in tests). */
export type LandscapeWorkerLike = WorkerLike<LandscapeRequest, LandscapeReply>;

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
export type LandscapeTicket<T> = Ticket<T>;

export class LandscapeClient extends TypedClient<LandscapeRequest, LandscapeReply> {

  constructor(worker: LandscapeWorkerLike | (() => LandscapeWorkerLike), options: Partial<ClientOptions<LandscapeReply>> = {}) {
    // A cancelled sweep answers `done` with its completed runs, so its cancel waits for that reply.
    super(new WorkerClient(worker, { name: 'Landscape', finals: LANDSCAPE_FINALS, cancelByReply: ['sweep'], ...options }));
  }

  /** What a setup will run: D, widths, dims and each run's projection with its memory. */
  plan(setup: LandscapeSetup): LandscapeTicket<SweepPlan> {
    const ticket = this.rpc.request<PlanReply>({ type: 'plan', setup });
    return { id: ticket.id, result: ticket.result.then((r) => r.plan) };
  }

  /** Runs a sweep (cancelling any older one); resolves with the SweepResult, partial when cancelled mid-sweep. */
  sweep(setup: LandscapeSetup, backend: BackendPreference, baseUrl: string, h: SweepHandlers = {}): LandscapeTicket<DoneReply> {
    return this.rpc.request<DoneReply>(
      { type: 'sweep', setup, backend, baseUrl },
      {
        progress: (r) => h.onProgress?.(r.fraction, r.stage),
        backend: (r) => h.onBackend?.(r.choice),
        dataset: h.onDataset,
        inputId: h.onInputId,
        runStart: h.onRunStart,
        runProgress: (r) => h.onRunProgress?.(r.progress),
        runResult: h.onRunResult,
      },
    );
  }
}

/** The app's Landscape worker, as a module worker bundled by Vite, replaced by a fresh one when it dies. */
export function createLandscapeClient(): LandscapeClient {
  const spawn = () => new Worker(new URL('./landscape.worker.ts', import.meta.url), { type: 'module', name: 'landscape' });
  return new LandscapeClient(spawn, { heartbeat: HEARTBEAT });
}
