/** Subscribing to several fields of a zustand store at once: one shallow-compared selector. */
import { useShallow } from 'zustand/react/shallow';

/** A zustand hook: called with a selector, returns what it selects. */
type StoreHook<S> = <U>(selector: (s: S) => U) => U;

/**
 * The fields `keys` of a store's state; the component re-renders when one of them changes
 * (Object.is on each, as one selector per field would), not on other changes.
 */
export function usePick<S, K extends keyof S>(useStore: StoreHook<S>, ...keys: K[]): Pick<S, K> {
  return useStore(
    useShallow((s: S) => {
      const picked = {} as Pick<S, K>;
      for (const k of keys) picked[k] = s[k];
      return picked;
    }),
  );
}
