/**
 * Objects a worker holds between requests (the analysed dataset), named by serial numbers the UI
 * sends back. The newest is kept, and so is the one the UI named last: a result the UI cancelled
 * after the worker had committed it must not take the UI's dataset away. Naming the newest drops
 * the others.
 */
import { abortError } from '../../geometry/abort';

export interface Held<T> {
  /** Holds `value` as the newest; returns its serial number. */
  commit(value: T): number;
  /** The value named `id`, or an AbortError when it is no longer held. */
  get(id: number): T;
}

export function createHeld<T>(): Held<T> {
  let next = 1;
  let newest: { id: number; value: T } | null = null;
  let named: { id: number; value: T } | null = null;
  return {
    commit(value) {
      const id = next++;
      // The UI shows the newest until it names another: keep that one as the fallback.
      if (named === null) named = newest;
      newest = { id, value };
      return id;
    },
    get(id) {
      if (newest?.id === id) {
        named = null;
        return newest.value;
      }
      if (named?.id === id) return named.value;
      throw abortError();
    },
  };
}
