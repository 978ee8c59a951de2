/**
 * The one UI-side client of a worker: numbers requests, routes each reply to the request it
 * answers (events to typed handlers, the final reply to the ticket's promise), cancels, and
 * notices a dead worker. A cancelled request settles at once (unless its protocol says the
 * worker's answer to the cancel is worth waiting for), so no late result of it is ever applied.
 * When the worker dies (an error or messageerror event, or no reply to the heartbeat while
 * requests are pending) every pending request fails with a message and, when the client was given
 * a factory, the next request runs on a fresh worker.
 */
import type { Envelope, RpcControl, RpcControlReply } from './envelope';
import { WorkerFailure } from './failure';
import { registerClient } from './registry';

/** The subset of Worker the client uses (a fake in tests). */
export interface WorkerLike<Req = unknown, Rep = unknown> {
  postMessage(message: Req): void;
  addEventListener(type: 'message', fn: (e: MessageEvent<Rep>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  terminate(): void;
}

/** A request in flight: its id (for cancel) and the promise of its final reply. */
export interface Ticket<T> {
  id: number;
  result: Promise<T>;
}

/** Handlers for the replies of one request, by reply type. */
export type EventHandlers<Rep extends Envelope> = { [T in Rep['type']]?: (reply: Extract<Rep, { type: T }>) => void };

/** A request as a caller writes it: without the id, which the client assigns. */
export type Unnumbered<Req> = Req extends Envelope ? Omit<Req, 'id'> : never;

export interface ClientOptions<Rep extends Envelope> {
  /** Named in messages: "The analysis worker ...". */
  name: string;
  /** Reply types that end a request (besides 'cancelled' and 'error'). */
  finals: readonly Rep['type'][];
  /** Request types whose cancel the worker answers with a final reply worth keeping (a sweep's partial result). */
  cancelByReply?: readonly string[];
  /** Sees every reply (pending or not), a cancelled request's result already turned into 'cancelled'. */
  observe?: (reply: Rep) => void;
  /** Called once per death, after the pending requests failed. */
  onDeath?: (failure: WorkerFailure) => void;
  /** While requests are pending, ping every `everyMs`; dead when nothing arrived for `deadAfterMs`. */
  heartbeat?: { everyMs: number; deadAfterMs: number };
}

/** The app's heartbeat: ping every 2 s while requests are pending; a worker silent for 60 s is dead (its longest blocking step is far shorter, even on a loaded machine). */
export const HEARTBEAT = { everyMs: 2000, deadAfterMs: 60000 };

interface Pending<Rep extends Envelope> {
  type: string;
  /** A cancel was sent: a final reply that is not an error now means 'cancelled'. */
  cancelling: boolean;
  resolve: (r: Rep) => void;
  reject: (e: WorkerFailure) => void;
  on: EventHandlers<Rep>;
}

export class WorkerClient<Req extends Envelope, Rep extends Envelope> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending<Rep>>();
  private worker: WorkerLike<Req | RpcControl, Rep | RpcControlReply> | null = null;
  private readonly factory: (() => WorkerLike<Req | RpcControl, Rep | RpcControlReply>) | null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  private disposed = false;

  constructor(
    source: WorkerLike<Req, Rep> | (() => WorkerLike<Req, Rep>),
    private readonly opts: ClientOptions<Rep>,
  ) {
    this.factory = typeof source === 'function' ? (source as () => WorkerLike<Req | RpcControl, Rep | RpcControlReply>) : null;
    if (typeof source !== 'function') this.attach(source as WorkerLike<Req | RpcControl, Rep | RpcControlReply>);
    registerClient(opts.name, this);
  }

  /** Sends a request; its promise resolves with its final reply or rejects with a WorkerFailure. */
  request<F extends Rep>(msg: Unnumbered<Req>, on: EventHandlers<Rep> = {}): Ticket<F> {
    const id = this.nextId++;
    const result = new Promise<F>((resolve, reject) => this.pending.set(id, { type: msg.type, cancelling: false, resolve: resolve as (r: Rep) => void, reject, on }));
    this.post({ ...msg, id } as Req);
    this.watch();
    return { id, result };
  }

  /** Sends a request that has no reply of its own (pause, speed); returns its id. */
  notify(msg: Unnumbered<Req>): number {
    const id = this.nextId++;
    this.post({ ...msg, id } as Req);
    return id;
  }

  /** Asks the worker to stop request `id` (pending only); from now on its result counts as 'cancelled'. */
  cancel(id: number): void {
    const p = this.pending.get(id);
    if (!p || p.cancelling) return;
    this.post({ type: 'cancel', id } as Req);
    p.cancelling = !this.opts.cancelByReply?.includes(p.type);
  }

  /** Test hook: makes the worker throw an uncaught error, as a crashed worker would. */
  crash(): void {
    this.post({ type: 'rpc:crash', id: 0 });
  }

  /** Stops the worker; pending requests reject as cancelled. */
  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
    this.stopWatch();
    this.failAll(new WorkerFailure('cancelled', `The ${this.opts.name} worker was stopped.`, ''));
  }

  private post(msg: Req | RpcControl): void {
    if (!this.worker && this.factory && !this.disposed) this.attach(this.factory());
    this.worker?.postMessage(msg);
  }

  private attach(worker: WorkerLike<Req | RpcControl, Rep | RpcControlReply>): void {
    this.worker = worker;
    const mine = (fn: (e: Event) => void) => (e: Event) => {
      if (this.worker === worker) fn(e);
    };
    worker.addEventListener('message', mine((e) => this.receive((e as MessageEvent<Rep | RpcControlReply>).data)));
    worker.addEventListener('error', mine((e) => this.die((e as ErrorEvent).message || `The ${this.opts.name} worker failed to start.`)));
    if (typeof Worker !== 'undefined' && worker instanceof Worker) {
      worker.addEventListener('messageerror', mine(() => this.die(`The ${this.opts.name} worker sent a message that could not be read.`)));
    }
  }

  private receive(msg: Rep | RpcControlReply): void {
    this.lastHeard = Date.now();
    if (msg.type === 'rpc:pong') return;
    let reply = msg as Rep;
    const p = this.pending.get(reply.id);
    const settled = reply.type === 'cancelled' || reply.type === 'error' || this.opts.finals.includes(reply.type);
    if (p?.cancelling && settled && reply.type !== 'error') reply = { type: 'cancelled', id: reply.id } as Rep;
    this.opts.observe?.(reply);
    if (!p) return;
    const handler = p.on[reply.type as Rep['type']] as ((r: Rep) => void) | undefined;
    if (!settled) {
      handler?.(reply);
      return;
    }
    this.pending.delete(reply.id);
    this.watch();
    if (reply.type === 'cancelled') p.reject(new WorkerFailure('cancelled', 'Cancelled.', ''));
    else if (reply.type === 'error') {
      const e = reply as unknown as { kind: 'input' | 'internal'; problem: string; fix: string };
      p.reject(new WorkerFailure(e.kind, e.problem, e.fix));
    } else {
      handler?.(reply);
      p.resolve(reply);
    }
  }

  /** Fails every pending request, replaces the worker (when there is a factory) and tells the owner. */
  private die(problem: string): void {
    if (this.disposed) return;
    const fix = this.factory
      ? 'The worker was restarted: try again. If it happens again, reload the page.'
      : 'Reload the page; if it persists, the browser may block module workers.';
    const failure = new WorkerFailure('internal', problem, fix);
    this.stopWatch();
    if (this.factory) {
      this.worker?.terminate();
      this.worker = null;
    }
    this.failAll(failure);
    this.opts.onDeath?.(failure);
  }

  private failAll(failure: WorkerFailure): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(failure);
    }
  }

  /** Runs the heartbeat while requests are pending. */
  private watch(): void {
    const hb = this.opts.heartbeat;
    if (!hb) return;
    if (this.pending.size === 0) return this.stopWatch();
    if (this.timer) return;
    this.lastHeard = Date.now();
    this.timer = setInterval(() => {
      const silent = Date.now() - this.lastHeard;
      if (silent > hb.deadAfterMs) this.die(`The ${this.opts.name} worker stopped answering (nothing for ${Math.round(silent / 1000)} s).`);
      else this.post({ type: 'rpc:ping', id: 0 });
    }, hb.everyMs);
  }

  private stopWatch(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
