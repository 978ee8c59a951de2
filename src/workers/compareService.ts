/**
 * The Compare worker's logic as an ordinary module (testable in Node). `runCompareRequest` is the
 * pure handler (request, signal, onProgress) -> outcome: it loads both sides as Explore does,
 * matches and measures them with the core (compareRepresentations, exactly what the CLI's
 * `compare --json` prints), projects A and Procrustes-aligned B for the views and, with more than
 * two representations, computes their CKA matrix. `createCompareService` wraps it in messages:
 * one comparison at a time (a newer one cancels the older), cancel, and an explicit error reply.
 */
import { ckaMatrix, compareRepresentations, projectAligned, type Representation } from '../compare';
import type { Embeddings } from '../geometry/types';
import { InputError, isInputError } from '../io/errors';
import { loadSide, sideInfo, type LoadedSide } from '../compare/inputs';
import { sourceKey } from './analysisService';
import type { FileChoices } from '../io/choices';
import { COMPARE_POLICY, outcomeTransfer, type BackendChoice, type BackendPreference, type CompareOutcome, type CompareReply, type CompareRequest, type CompareWorkerRequest } from './compareProtocol';
import { type FailureWording } from './rpc/failure';
import { createJobs, finish } from './rpc/jobs';

/** A side needs the user's choice first (several 2-D arrays in one file). */
export class ChoiceNeeded extends Error {
  constructor(
    readonly side: 'A' | 'B',
    readonly choices: FileChoices,
  ) {
    super(choices.reason);
    this.name = 'ChoiceNeeded';
  }
}

export interface CompareHandlerDeps {
  /** Activates a backend (tfjs runs the exact kNN) and explains the choice. */
  selectBackend: (preference: BackendPreference) => Promise<BackendChoice>;
  onBackend?: (choice: BackendChoice) => void;
  /** Loads one side (default compareInputs.ts loadSide). */
  load?: typeof loadSide;
}

/** Labels of the matched items from the side the report took them from. */
function matchedLabels(a: Embeddings, b: Embeddings, from: 'A' | 'B' | null, rowsA: Int32Array, rowsB: Int32Array): { labels: Int32Array; names: string[] } | null {
  const side = from === 'A' ? a : from === 'B' ? b : null;
  if (!side?.labels) return null;
  const rows = from === 'A' ? rowsA : rowsB;
  const labels = Int32Array.from(rows, (r) => side.labels![r]);
  const K = Math.max(side.classNames?.length ?? 0, ...labels) + 1;
  const names = Array.from({ length: K }, (_, k) => side.classNames?.[k] ?? String(k));
  return { labels, names };
}

/** The core's fixes name the CLI's flags; the app names its own controls instead. */
export function inAppWords(fix: string): string {
  return fix.replace('(--id-column NAME)', '(the "by id column" field under Match rows)').replace('(--shared-only)', '(tick "compare only the ids both sides have")');
}

const loadedOrAsk = (side: 'A' | 'B', l: LoadedSide) => {
  if ('choose' in l) throw new ChoiceNeeded(side, l.choose);
  return l;
};

/** B as another array of A's file: the first 2-D array A does not use, unless B names one. */
function otherArray(b: CompareRequest['b'], choicesA: FileChoices | null): CompareRequest['b'] {
  if (b.kind !== 'source' || !b.otherArray || b.source.kind === 'synthetic' || b.source.choice?.vectors || !choicesA?.arrays) return b;
  const other = choicesA.arrays.find((x) => x.shape.length === 2 && x.name !== choicesA.chosen.vectors);
  return other ? { ...b, source: { ...b.source, choice: { ...b.source.choice, vectors: other.name } } } : b;
}

/** The handler: every measure of a request, or an InputError / ChoiceNeeded / AbortError. */
export async function runCompareRequest(
  req: CompareRequest,
  signal: AbortSignal,
  onProgress: (fraction: number, stage: string) => void,
  deps: CompareHandlerDeps,
): Promise<CompareOutcome> {
  const load = deps.load ?? loadSide;
  const bytes = (side: string, from: number) => (done: number, total: number) => onProgress(from + 0.05 * (total ? done / total : 1), `reading ${side}`);
  const A = loadedOrAsk('A', await load(req.a, signal, bytes('A', 0)));
  const B = loadedOrAsk('B', await load(otherArray(req.b, A.choices), signal, bytes('B', 0.05)));
  const choice = await deps.selectBackend(req.backend);
  deps.onBackend?.(choice);
  const s = req.settings;
  const more = req.more.length > 0 ? 0.15 : 0;
  const { report, display } = await compareRepresentations(A.emb, B.emb, {
    k: s.k, svccaK: s.svccaK, anchors: s.anchors, seed: s.seed,
    ...(s.idColumn ? { idColumn: s.idColumn, sharedOnly: s.sharedOnly } : {}),
    names: [sideInfo(req.a, A.emb, null).name, sideInfo(req.b, B.emb, null).name],
    signal,
    onProgress: (f, stage) => onProgress(0.1 + (0.8 - more) * f, stage),
  });
  const projection = await projectAligned(display, report.n, 3, signal);
  onProgress(0.9 - more, 'aligned view');
  const labelled = matchedLabels(A.emb, B.emb, report.labelsFrom, display.rowsA, display.rowsB);
  let matrix: CompareOutcome['ckaMatrix'] = null;
  if (req.more.length > 0) {
    const reps: Representation[] = [
      { n: A.emb.n, dim: A.emb.dim, vectors: A.emb.vectors },
      { n: B.emb.n, dim: B.emb.dim, vectors: B.emb.vectors },
      ...req.more.map((m) => ({ n: m.n, dim: m.dim, vectors: m.vectors })),
    ];
    const ns = reps.map((r) => r.n);
    if (ns.some((n) => n !== ns[0])) {
      throw new InputError(`The CKA matrix needs the same items in every representation; their row counts are ${ns.join(', ')}.`, 'Capture every representation from the same run (the same rows), or compare two at a time.');
    }
    const m = await ckaMatrix(reps, { signal, onProgress: (f) => onProgress(0.75 + 0.15 * f, 'CKA matrix') });
    const names = [sideInfo(req.a, A.emb, null).name, sideInfo(req.b, B.emb, null).name, ...req.more.map((r) => r.name)];
    matrix = { names, linear: Array.from(m.linear.data), debiased: Array.from(m.debiased.data) };
  }
  onProgress(1, 'done');
  return {
    report,
    sides: [sideInfo(req.a, A.emb, A.choices), sideInfo(req.b, B.emb, B.choices)],
    projection,
    displacement: display.displacement,
    neighbourAgreement: display.neighbourAgreement,
    retrievalRank: display.retrievalRank,
    labels: labelled?.labels ?? null,
    classNames: labelled?.names ?? null,
    rowsA: display.rowsA,
    rowsB: display.rowsB,
    ckaMatrix: matrix,
  };
}

/** A loader that keeps the two most recently loaded files, so changing a setting does not read and parse them again. */
export function cachedSideLoader(load: typeof loadSide = loadSide): typeof loadSide {
  const cache = new Map<string, LoadedSide>();
  return async (input, signal, onBytes) => {
    if (input.kind === 'arrays') return load(input, signal, onBytes);
    const pool = input.pool ? ` pooled ${input.pool.width}x${input.pool.height}/${input.pool.factor}` : '';
    const key = sourceKey(input.source) + pool;
    const hit = cache.get(key);
    if (hit) return hit;
    const loaded = await load(input, signal, onBytes);
    if ('emb' in loaded) {
      cache.set(key, loaded);
      if (cache.size > 2) cache.delete(cache.keys().next().value!);
    }
    return loaded;
  };
}

export interface CompareServiceDeps extends Omit<CompareHandlerDeps, 'onBackend'> {
  post: (reply: CompareReply, transfer?: Transferable[]) => void;
}

const WORDING: FailureWording = { internalFix: 'Reload the page and try again; if it persists, compare the files with the CLI (subspace-lab compare A B).' };

/** The message handler around runCompareRequest on the RPC's job runner; `handle` never throws. */
export function createCompareService(deps: CompareServiceDeps) {
  const load = cachedSideLoader(deps.load);
  const jobs = createJobs({ post: deps.post, policy: COMPARE_POLICY, wording: WORDING });
  async function run(req: CompareRequest, signal: AbortSignal): Promise<void> {
    const { id } = req;
    try {
      const outcome = await runCompareRequest(req, signal, (fraction, stage) => deps.post({ type: 'progress', id, fraction, stage }), {
        ...deps,
        load,
        onBackend: (choice) => deps.post({ type: 'backend', id, choice }),
      });
      finish(signal, (r: CompareReply) => deps.post(r, outcomeTransfer(outcome)), { type: 'result', id, outcome });
    } catch (e) {
      if (e instanceof ChoiceNeeded && !signal.aborted) deps.post({ type: 'choose', id, side: e.side, choices: e.choices });
      else if (isInputError(e)) throw new InputError(e.problem, inAppWords(e.fix));
      else throw e;
    }
  }
  return {
    handle(msg: CompareWorkerRequest): Promise<void> {
      if (msg.type === 'cancel') {
        jobs.cancel(msg.id);
        return Promise.resolve();
      }
      return jobs.start(msg, (signal) => run(msg, signal));
    },
    idle: jobs.idle,
  };
}
