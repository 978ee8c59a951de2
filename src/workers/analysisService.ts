/**
 * The analysis worker's logic as an ordinary module (testable in Node): it serialises requests,
 * chooses the backend, loads the dataset, runs analyze() and the 3D PCA projection, and answers
 * with protocol replies. A newer analyze request cancels the one in flight; the next starts only
 * after the previous has released its tensors (backends are never switched with live tensors).
 */
import type { Embeddings } from '../geometry/types';
import { analyze } from '../geometry/analyze';
import { pca, projectPca } from '../geometry/pca';
import { isInputError } from '../io/errors';
import type { AnalyzeRequest, BackendChoice, BackendPreference, DatasetSource, WorkerReply, WorkerRequest } from './protocol';
import { transferablesOf } from './protocol';

export interface AnalysisServiceDeps {
  /** Sends a reply; the service passes the transfer list of its typed arrays. */
  post: (reply: WorkerReply, transfer: Transferable[]) => void;
  /** Activates a backend and explains the choice. */
  selectBackend: (preference: BackendPreference) => Promise<BackendChoice>;
  /** Loads (and may cache) a dataset. */
  loadDataset: (source: DatasetSource, signal: AbortSignal) => Promise<Embeddings>;
}

/** Dimensions of the plotted projection. */
export const PLOT_DIMS = 3;

/** Rows whose every coordinate is finite, in order (the rows analyze() keeps). */
export function finiteRows(vectors: Float32Array, n: number, d: number): Int32Array {
  const keep = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let j = i * d, end = j + d; j < end; j++) {
      if (!Number.isFinite(vectors[j])) {
        ok = false;
        break;
      }
    }
    if (ok) keep[m++] = i;
  }
  return keep.slice(0, m);
}

/** Copies the rows `rows` of a row-major n x d matrix. */
export function gatherRows(vectors: Float32Array, d: number, rows: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * d);
  for (let r = 0; r < rows.length; r++) out.set(vectors.subarray(rows[r] * d, rows[r] * d + d), r * d);
  return out;
}

/** Class sizes of labels in 0..K-1. */
export function classCounts(labels: Int32Array, K: number): number[] {
  const counts = new Array<number>(K).fill(0);
  for (const y of labels) counts[y]++;
  return counts;
}

function isAbort(e: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (e instanceof Error && e.name === 'AbortError');
}

/** Coordinates of the finite rows on the first PLOT_DIMS principal axes (zero-padded when D < 3). */
async function project(emb: Embeddings, rows: Int32Array, signal: AbortSignal): Promise<Float32Array> {
  const d = emb.dim;
  const X = rows.length === emb.n ? emb.vectors : gatherRows(emb.vectors, d, rows);
  const q = Math.min(PLOT_DIMS, d, rows.length);
  const p = await pca(X, rows.length, d, { components: q, signal });
  const coords = projectPca(X, rows.length, d, p, q);
  if (q === PLOT_DIMS) return coords;
  const padded = new Float32Array(rows.length * PLOT_DIMS);
  for (let i = 0; i < rows.length; i++) for (let j = 0; j < q; j++) padded[i * PLOT_DIMS + j] = coords[i * q + j];
  return padded;
}

/** Creates the request handler. `handle` never throws: every failure becomes an error reply. */
export function createAnalysisService(deps: AnalysisServiceDeps): { handle: (msg: WorkerRequest) => void; idle: () => Promise<void> } {
  const controllers = new Map<number, AbortController>();
  let chain: Promise<void> = Promise.resolve();

  const send = (reply: WorkerReply) => deps.post(reply, transferablesOf(reply));

  async function run(req: AnalyzeRequest, signal: AbortSignal): Promise<void> {
    const { id } = req;
    let last = { fraction: -1, stage: '' };
    const progress = (fraction: number, stage: string) => {
      if (stage === last.stage && fraction - last.fraction < 0.01 && fraction < 1) return;
      last = { fraction, stage };
      send({ type: 'progress', id, fraction, stage });
    };
    try {
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
      progress(0, 'choosing backend');
      const choice = await deps.selectBackend(req.backend);
      send({ type: 'backend', id, choice });
      progress(0.05, 'loading data');
      const emb = await deps.loadDataset(req.source, signal);
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
      const t0 = performance.now();
      const report = await analyze(emb, {
        k: req.k,
        signal,
        onProgress: (f, stage) => progress(0.1 + 0.8 * f, stage),
      });
      progress(0.9, '3D projection');
      const rowIndex = finiteRows(emb.vectors, emb.n, emb.dim);
      const coords = await project(emb, rowIndex, signal);
      const analysisMs = performance.now() - t0;
      const labels = emb.labels ? gatherLabels(emb.labels, rowIndex) : null;
      const K = emb.classNames?.length ?? report.classes ?? 0;
      progress(1, 'done');
      send({
        type: 'result',
        id,
        dataset: req.source.name,
        report,
        backend: choice,
        coords,
        rowIndex,
        labels,
        classNames: emb.labels ? (emb.classNames ?? null) : null,
        classCounts: labels ? classCounts(labels, K) : null,
        analysisMs,
      });
    } catch (e) {
      if (isAbort(e, signal)) send({ type: 'cancelled', id });
      else if (isInputError(e)) send({ type: 'error', id, kind: 'input', problem: e.problem, fix: e.fix });
      else {
        const message = e instanceof Error ? e.message : String(e);
        send({ type: 'error', id, kind: 'internal', problem: message, fix: 'Try another backend in the status bar, or reload the page.' });
      }
    }
  }

  function handle(msg: WorkerRequest): void {
    if (msg.type === 'cancel') {
      controllers.get(msg.id)?.abort();
      return;
    }
    for (const c of controllers.values()) c.abort();
    const ctl = new AbortController();
    controllers.set(msg.id, ctl);
    chain = chain.then(() => run(msg, ctl.signal)).finally(() => controllers.delete(msg.id));
  }

  return { handle, idle: () => chain };
}

function gatherLabels(labels: Int32Array, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = labels[rows[r]];
  return out;
}
