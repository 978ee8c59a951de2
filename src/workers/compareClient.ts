/**
 * The Compare worker's requests as typed calls over the one RPC client (rpc/client.ts): progress and
 * backend replies go to the caller's handlers; the promise settles with the outcome, or rejects with a
 * CompareFailure (kind 'choose' carries the file's alternatives; worker death fails it with a message).
 */
import type { FileChoices } from '../io/choices';
import { HEARTBEAT, WorkerClient, type ClientOptions, type WorkerLike } from './rpc/client';
import { asFailure } from './rpc/failure';
import { COMPARE_FINALS, type BackendChoice, type CompareOutcome, type CompareReply, type CompareRequest, type CompareWorkerRequest } from './compareProtocol';

/** The subset of Worker the client uses (a fake in tests). */
export type CompareWorkerLike = WorkerLike<CompareWorkerRequest, CompareReply>;

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

type Final = Extract<CompareReply, { type: 'result' | 'choose' }>;

export class CompareClient {
  readonly rpc: WorkerClient<CompareWorkerRequest, CompareReply>;

  constructor(worker: CompareWorkerLike | (() => CompareWorkerLike), options: Partial<ClientOptions<CompareReply>> = {}) {
    this.rpc = new WorkerClient(worker, { name: 'Compare', finals: COMPARE_FINALS, ...options });
  }

  /** Starts a comparison (the worker stops any older one); in-memory arrays are cloned, the UI keeps its own. */
  compare(request: Omit<CompareRequest, 'type' | 'id'>, h: CompareHandlers = {}): { id: number; result: Promise<CompareOutcome> } {
    const ticket = this.rpc.request<Final>(
      { type: 'compare', ...request },
      { progress: (r) => h.onProgress?.(r.fraction, r.stage), backend: (r) => h.onBackend?.(r.choice) },
    );
    const result = ticket.result.then(
      (r) => {
        if (r.type === 'choose') throw new CompareFailure('choose', r.choices.reason, '', { side: r.side, choices: r.choices });
        return r.outcome;
      },
      (e: unknown) => {
        const f = asFailure(e);
        throw new CompareFailure(f.kind, f.problem, f.fix);
      },
    );
    return { id: ticket.id, result };
  }

  cancel(id: number): void {
    this.rpc.cancel(id);
  }

  dispose(): void {
    this.rpc.dispose();
  }
}

/** The app's Compare worker, as a module worker bundled by Vite, replaced by a fresh one when it dies. */
export function createCompareClient(): CompareClient {
  const spawn = () => new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module', name: 'compare' });
  return new CompareClient(spawn, { heartbeat: HEARTBEAT });
}
