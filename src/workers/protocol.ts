/**
 * The one message protocol between the UI and the analysis worker. Every request carries an id;
 * every reply names the id it answers. Large arrays travel as transferred Float32Array/Int32Array.
 */
import type { AnalysisReport } from '../geometry/types';

/** The tfjs backends the app can run on. */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';
/** What the user asked for: a fixed backend, or 'auto' (probe and pick). */
export type BackendPreference = 'auto' | BackendName;

export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** One backend's probe: whether it started, and the median time of a 256x256 matmul with readback. */
export interface BackendProbe {
  name: BackendName;
  available: boolean;
  /** Median milliseconds of the timed matmuls after a warm-up; null when not timed. */
  ms: number | null;
  /** Why it is unavailable or skipped (e.g. "fallback adapter (swiftshader)"), or '' */
  note: string;
}

/** The backend in use and why it was chosen, in words a status bar can show. */
export interface BackendChoice {
  backend: BackendName;
  preference: BackendPreference;
  /** e.g. "fastest by probe: wasm 3.1 ms, webgl 40 ms, cpu 60 ms; WebGPU adapter is a fallback (swiftshader), skipped" */
  reason: string;
  probes: BackendProbe[];
}

/** A dataset the worker fetches itself (same origin): vectors as .npy, labels as one label per line. */
export interface UrlDatasetSource {
  kind: 'url';
  /** Display name, e.g. "digits". */
  name: string;
  vectorsUrl: string;
  labelsUrl?: string;
}

export type DatasetSource = UrlDatasetSource;

/** Ask the worker to load a dataset and analyse it on a backend. A newer request cancels an older one. */
export interface AnalyzeRequest {
  type: 'analyze';
  id: number;
  source: DatasetSource;
  backend: BackendPreference;
  /** k of the Levina-Bickel MLE (default 20). */
  k?: number;
}

/** Stop request `id`; the worker answers it with a `cancelled` reply. */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type WorkerRequest = AnalyzeRequest | CancelRequest;

/** Progress of request `id`: fraction in [0, 1] and a short stage name. */
export interface ProgressReply {
  type: 'progress';
  id: number;
  fraction: number;
  stage: string;
}

/** Sent as soon as the backend is settled, before the (longer) analysis. */
export interface BackendReply {
  type: 'backend';
  id: number;
  choice: BackendChoice;
}

/** The finished analysis: the report plus the 3D PCA coordinates of every finite row. */
export interface ResultReply {
  type: 'result';
  id: number;
  dataset: string;
  report: AnalysisReport;
  backend: BackendChoice;
  /** Row-major n x 3 PCA coordinates of the finite rows (transferred). */
  coords: Float32Array;
  /** Index into the original rows of each plotted point (transferred). */
  rowIndex: Int32Array;
  /** Class index per plotted point, or null when unlabelled (transferred). */
  labels: Int32Array | null;
  classNames: string[] | null;
  /** Points per class (length K), or null when unlabelled. */
  classCounts: number[] | null;
  /** Milliseconds spent in analyze() plus the projection. */
  analysisMs: number;
}

/** Request `id` stopped because it was cancelled (by a cancel request or a newer analyze). */
export interface CancelledReply {
  type: 'cancelled';
  id: number;
}

/**
 * Request `id` failed. kind 'input': the data is unusable and `problem`/`fix` are an InputError's;
 * kind 'internal': a bug or a backend failure, `problem` is the message and `fix` a suggestion.
 */
export interface ErrorReply {
  type: 'error';
  id: number;
  kind: 'input' | 'internal';
  problem: string;
  fix: string;
}

export type WorkerReply = ProgressReply | BackendReply | ResultReply | CancelledReply | ErrorReply;

/** The transfer list of a reply: the buffers of its typed arrays (result replies only). */
export function transferablesOf(reply: WorkerReply): Transferable[] {
  if (reply.type !== 'result') return [];
  const out: Transferable[] = [reply.coords.buffer, reply.rowIndex.buffer];
  if (reply.labels) out.push(reply.labels.buffer);
  return out;
}
