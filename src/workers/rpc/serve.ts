/**
 * The worker side of the RPC: hands every request to a service and answers the RPC's own
 * messages (the heartbeat ping; the test-only crash) so services never see them.
 */
import type { RpcControl } from './envelope';

/** The worker's global scope as serve() uses it (a fake in tests). */
export interface WorkerScope {
  postMessage(message: unknown, options?: { transfer?: Transferable[] }): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void): void;
}

/** Routes messages to `handle`; pings are answered here, a crash request throws an uncaught error. */
export function serve<Req>(handle: (msg: Req) => void, scope: WorkerScope = self as unknown as WorkerScope): void {
  scope.addEventListener('message', (e: MessageEvent) => {
    const msg = e.data as Req | RpcControl;
    const type = (msg as { type?: unknown }).type;
    if (type === 'rpc:ping') scope.postMessage({ type: 'rpc:pong', id: 0 });
    else if (type === 'rpc:crash')
      setTimeout(() => {
        throw new Error('The worker crashed.');
      });
    else handle(msg as Req);
  });
}

/** A service's `post` in a worker: the reply with its transfer list. */
export function postFrom(scope: WorkerScope = self as unknown as WorkerScope): (reply: unknown, transfer?: Transferable[]) => void {
  return (reply, transfer = []) => scope.postMessage(reply, { transfer });
}
