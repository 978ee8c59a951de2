/**
 * The message protocol between the UI and the Landscape worker (Li et al. 2018 sweeps). Same
 * conventions as analysisProtocol.ts: every request carries an id, every reply names the id it answers,
 * progress travels as its own replies, failures as an explicit error reply, and a cancel request
 * stops a sweep (which then finishes with the runs it completed).
 */
import type { LandscapeSetup, ProjectionInfo, RunProgress, RunResult, SweepPlan, SweepResult } from '../landscape/types';
import type { BackendPreference, BackendReply, CancelledReply, CancelRequest, ErrorReply, ProgressReply } from './rpc/envelope';
import type { Policy } from './rpc/jobs';

export type { BackendChoice, BackendPreference } from './rpc/envelope';
export type { LandscapeSetup, OptimizerConfig, ProjectionChoice, ProjectionInfo, RunProgress, RunResult, SweepPlan, SweepResult } from '../landscape/types';

/** Plans a setup (no data is loaded, nothing is trained). */
export interface PlanRequest {
  type: 'plan';
  id: number;
  setup: LandscapeSetup;
}

/** Runs a sweep on a backend. A newer sweep cancels the older one. */
export interface SweepRequest {
  type: 'sweep';
  id: number;
  setup: LandscapeSetup;
  backend: BackendPreference;
  /** The page's base URL: shipped data files are fetched relative to it. */
  baseUrl: string;
}

/** Cancel (rpc/envelope.ts): a sweep replies `done` with its completed runs (cancelled: true), or `cancelled` before its first run. */
export type LandscapeRequest = PlanRequest | SweepRequest | CancelRequest;

export interface PlanReply {
  type: 'plan';
  id: number;
  plan: SweepPlan;
}

/** The data are loaded and the task is built: sizes and the plan the sweep follows. */
export interface DatasetReply {
  type: 'dataset';
  id: number;
  trainRows: number;
  testRows: number;
  classNames: string[];
  plan: SweepPlan;
}

/** TwoNN of the inputs on the fixed sample of training rows (null when not computable). */
export interface InputIdReply {
  type: 'inputId';
  id: number;
  twoNN: number | null;
  sampleRows: number;
  dim: number;
}

/** A run starts: its index (0 = baseline), d (null for the baseline) and the projection it uses. */
export interface RunStartReply {
  type: 'runStart';
  id: number;
  run: number;
  d: number | null;
  projection: ProjectionInfo;
}

export interface RunProgressReply {
  type: 'runProgress';
  id: number;
  progress: RunProgress;
}

/** A run finished: its evaluation and TwoNN of its penultimate features on the fixed sample. */
export interface RunResultReply {
  type: 'runResult';
  id: number;
  run: number;
  result: RunResult;
  featureTwoNN: number | null;
}

/** The sweep ended: all runs, or the completed ones when cancelled. */
export interface DoneReply {
  type: 'done';
  id: number;
  result: SweepResult;
}

export type LandscapeReply =
  | PlanReply
  | ProgressReply
  | BackendReply
  | DatasetReply
  | InputIdReply
  | RunStartReply
  | RunProgressReply
  | RunResultReply
  | DoneReply
  | CancelledReply
  | ErrorReply;

/** How newer requests stop older ones: a sweep stops the older sweep; a plan is answered at once. */
export const LANDSCAPE_POLICY = { plan: 'parallel', sweep: 'supersedes-kind' } as const satisfies Record<Exclude<LandscapeRequest['type'], 'cancel'>, Policy>;

/** The replies that end a request (besides cancelled and error). */
export const LANDSCAPE_FINALS = ['plan', 'done'] as const satisfies readonly LandscapeReply['type'][];
