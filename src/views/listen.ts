/** DOM listeners for an effect: add several at once, remove them all in its cleanup. */

type Handlers<M> = { [K in keyof M]?: (e: M[K]) => void };

/** Adds each handler to `target` under its event type; the returned function removes them all. */
export function listen(target: Window, handlers: Handlers<WindowEventMap>): () => void;
export function listen(target: Document, handlers: Handlers<DocumentEventMap>): () => void;
export function listen(target: HTMLElement, handlers: Handlers<HTMLElementEventMap>): () => void;
export function listen(target: EventTarget, handlers: Record<string, ((e: never) => void) | undefined>): () => void {
  const entries = Object.entries(handlers).filter((e): e is [string, EventListener] => e[1] !== undefined);
  for (const [type, handler] of entries) target.addEventListener(type, handler);
  return () => {
    for (const [type, handler] of entries) target.removeEventListener(type, handler);
  };
}
