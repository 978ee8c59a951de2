/** Cooperative cancellation shared by the long-running geometry functions. */

/** An Error named 'AbortError' (a DOMException where the runtime has one), as fetch and streams reject. */
export function abortError(): Error {
  if (typeof DOMException === 'function') return new DOMException('The operation was aborted.', 'AbortError');
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

/** Throws abortError() when the signal has fired; called between blocks of work. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}

/** True when e is an AbortError from any source. */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

let lastYield = 0;

/**
 * A cancellation point for long loops: at most every ~30 ms it yields one macrotask, so a worker
 * can receive its cancel message even on backends whose `await t.data()` resolves at once
 * (wasm, cpu), then throws abortError() when the signal has fired.
 */
export async function checkpoint(signal?: AbortSignal): Promise<void> {
  const now = Date.now();
  if (now - lastYield >= 30) {
    lastYield = now;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
  throwIfAborted(signal);
}
