/**
 * What every worker protocol shares: the backend vocabulary and the envelope replies (progress,
 * backend, cancelled, error) plus the cancel request. A protocol's own requests and replies carry
 * `type` and `id` like these; the RPC routes them by id.
 */

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

/** Every request and reply: a type and the id of the request it is or answers. */
export interface Envelope {
  type: string;
  id: number;
}

/** Stop request `id`; the worker answers it with a `cancelled` reply (or the request's own final reply). */
export interface CancelRequest {
  type: 'cancel';
  id: number;
}

/** Progress of request `id`: fraction in [0, 1], a short stage name, and bytes read while reading files. */
export interface ProgressReply {
  type: 'progress';
  id: number;
  fraction: number;
  stage: string;
  bytes?: { done: number; total: number };
}

/** Sent as soon as the backend is settled, before the (longer) work. */
export interface BackendReply {
  type: 'backend';
  id: number;
  choice: BackendChoice;
}

/** Request `id` stopped because it was cancelled (by a cancel request or a newer request). */
export interface CancelledReply {
  type: 'cancelled';
  id: number;
}

/**
 * Request `id` failed. kind 'input': the data or settings are unusable and `problem`/`fix` are an
 * InputError's (or a RangeError's); kind 'internal': a bug or a backend failure, `problem` is the
 * message and `fix` a suggestion.
 */
export interface ErrorReply {
  type: 'error';
  id: number;
  kind: 'input' | 'internal';
  problem: string;
  fix: string;
}

/** Why a request gave no result: the error kinds plus 'cancelled'. */
export type FailureKind = ErrorReply['kind'] | 'cancelled';

/**
 * The RPC's own messages, answered by serve() and never seen by a service: a heartbeat ping
 * (answered with a pong) and, for tests only, a request that makes the worker throw an uncaught
 * error (as a crashed worker would).
 */
export type RpcControl = { type: 'rpc:ping'; id: number } | { type: 'rpc:crash'; id: number };
export type RpcControlReply = { type: 'rpc:pong'; id: number };
