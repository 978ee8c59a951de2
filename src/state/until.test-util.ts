/** For store tests: wait until a store's state satisfies a condition. */

/** What `until` needs of a zustand store. */
export interface Watchable<S> {
  getState: () => S;
  subscribe: (listener: (s: S) => void) => () => void;
}

/** Resolves with the first state (the current one included) for which `ok` holds. */
export function until<S>(store: Watchable<S>, ok: (s: S) => boolean): Promise<S> {
  return new Promise((resolve) => {
    if (ok(store.getState())) return resolve(store.getState());
    const off = store.subscribe((s) => {
      if (ok(s)) {
        off();
        resolve(s);
      }
    });
  });
}
