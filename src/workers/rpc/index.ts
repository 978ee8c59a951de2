/**
 * # The worker RPC: one mechanism for every worker (analysis, training, Landscape, and new ones)
 *
 * Pieces (each its own file):
 * - `envelope.ts`  what every protocol shares: the backend vocabulary, `cancel`, and the replies
 *                  `progress`, `backend`, `cancelled`, `error` (kind input | internal; the client
 *                  adds 'cancelled'). Every message has `type` and `id` (the request it answers).
 * - `client.ts`    `WorkerClient<Req, Rep>` on the UI side: `request(msg, on)` numbers the request
 *                  and returns a `Ticket` (id + promise of the final reply); `on` holds typed
 *                  handlers per event reply; `notify` for requests without a reply; `cancel`;
 *                  `dispose`. Cancel wins: once cancelled, a result that crossed the cancel is
 *                  turned into 'cancelled'. Worker death (an error/messageerror event, or silence
 *                  past the heartbeat while requests are pending) fails every pending request with
 *                  a message, `onDeath` tells the store, and the next request starts a fresh worker.
 * - `jobs.ts`      the one job runner on the worker side: per request type a policy
 *                  'supersedes-all' | 'supersedes-kind' | 'exclusive' | 'parallel'; a job starts once
 *                  the jobs it stopped have settled; every throw becomes one reply (`failure.ts`:
 *                  AbortError -> cancelled, InputError -> input, RangeError -> input when worded).
 * - `serve.ts`     a worker entry is `serve(createXService({ post: postFrom(), ... }).handle)`; it
 *                  answers the heartbeat and the test-only crash so services never see them.
 * - `latest.ts`    "latest request wins" in the stores: `follow(ticket, current, done, failed)` and
 *                  `whileCurrent(current, id, handler)` apply only the slot's current request.
 * - `held.ts`      objects a worker keeps between requests (the analysed dataset), named by id.
 * - `registry.ts`  every client by name, so the `?testHooks` hook can crash any worker in the e2e.
 *
 * ## How to add a request (e.g. `density` to the analysis worker)
 * 1. The protocol file (`analysisProtocol.ts`, `trainingProtocol.ts`, `landscapeProtocol.ts`): the request
 *    and final reply interfaces, added to the unions, and ONE line in the policy map
 *    (`density: 'supersedes-kind'`) plus its reply type in the finals list.
 * 2. The service: ONE handler, `async function density(msg, signal)` that posts its reply; the
 *    service's `handle` passes it to `jobs.start(msg, (signal) => density(msg, signal))`.
 * 3. The client facade: a one-line method `density(p) { return this.rpc.request({ type: 'density', ...p }, on) }`,
 *    and in the store: `follow(ticket, () => get().density.requestId, apply, showFailure)`.
 *
 * ## One request end to end: "neighbours of point i"
 * click -> `inspectStore.selectPoint(i)` -> `AnalysisClient.neighbours` -> `WorkerClient.request`
 * posts `{type: 'neighbours', id, dataset, point, k, metric}` -> worker `serve` -> service `handle`
 * -> `jobs.start` (policy 'parallel') -> `geometry/neighbours.nearestTo` on the held dataset ->
 * `{type: 'neighbours', id, indices, distances}` (transferred) -> client resolves the ticket ->
 * `follow` applies it if the request is still the store's current one -> panels re-render.
 */
export { HEARTBEAT, WorkerClient, type ClientOptions, type EventHandlers, type Ticket, type Unnumbered, type WorkerLike } from './client';
export * from './envelope';
export { asFailure, failureReply, WorkerFailure, type FailureWording } from './failure';
export { createHeld, type Held } from './held';
export { createJobs, finish, type Jobs, type Policy } from './jobs';
export { follow, whileCurrent } from './latest';
export { postFrom, serve, type WorkerScope } from './serve';
