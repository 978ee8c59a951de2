/**
 * The app's live worker clients by name ("analysis", "training", "Landscape", "Compare"), so the
 * test hooks (state/testHooks.ts, only with `?testHooks`) can crash any of them as a fault would.
 * Each client registers itself when built; the latest one of a name wins.
 */
const live = new Map<string, { crash(): void }>();

/** Called by every WorkerClient when it is built. */
export function registerClient(name: string, client: { crash(): void }): void {
  live.set(name.toLowerCase(), client);
}

/** Makes the named worker throw an uncaught error; false when no client of that name exists yet. */
export function crashWorker(name: string): boolean {
  const c = live.get(name.toLowerCase());
  c?.crash();
  return c !== undefined;
}
