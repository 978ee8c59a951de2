/**
 * A Worker-like object for tests that runs a real service in this process through serve():
 * messages cross a macrotask each way, as with a Worker. It can die (an error event, then
 * silence), hang (silence without an event), or hold its replies back to deliver them later.
 */
import { serve, type WorkerScope } from './serve';

type Listener = (e: Event) => void;

export class InProcessWorker {
  private readonly listeners = new Map<string, Listener[]>();
  private toWorker: ((e: MessageEvent) => void) | null = null;
  private state: 'alive' | 'dead' | 'hung' = 'alive';
  private held: unknown[] | null = null;
  terminated = false;
  /** Every message the page posted. */
  readonly sent: unknown[] = [];

  /** `start` builds the service from the worker's `post` and returns its handler. */
  constructor(start: (post: (reply: unknown) => void) => (msg: never) => void) {
    const scope: WorkerScope = {
      postMessage: (reply) => setTimeout(() => this.deliver(reply), 0),
      addEventListener: (_type, fn) => {
        this.toWorker = fn;
      },
    };
    serve(start((reply) => scope.postMessage(reply)), scope);
  }

  postMessage(message: unknown): void {
    this.sent.push(message);
    if (this.state !== 'alive') return;
    const type = (message as { type?: string }).type;
    if (type === 'rpc:crash') return this.die('Uncaught Error: The worker crashed.');
    setTimeout(() => {
      if (this.state === 'alive') this.toWorker?.({ data: message } as MessageEvent);
    }, 0);
  }

  addEventListener(type: string, fn: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }

  terminate(): void {
    this.terminated = true;
    this.state = 'dead';
  }

  /** Dies as a crashed worker does: an error event, then nothing more in or out. */
  die(message: string): void {
    this.state = 'dead';
    for (const fn of this.listeners.get('error') ?? []) fn({ message } as ErrorEvent);
  }

  /** Stops answering without an event (a worker stuck or killed silently). */
  hang(): void {
    this.state = 'hung';
  }

  /** Keeps replies back until release(): they were posted, but the page has not received them yet. */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const r of held) this.deliver(r);
  }

  /** The replies held back so far. */
  heldReplies(): readonly unknown[] {
    return this.held ?? [];
  }

  private deliver(reply: unknown): void {
    if (this.state !== 'alive') return;
    if (this.held) {
      this.held.push(reply);
      return;
    }
    for (const fn of this.listeners.get('message') ?? []) fn({ data: reply } as MessageEvent);
  }
}
