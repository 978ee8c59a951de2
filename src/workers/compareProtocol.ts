/**
 * The message protocol between the UI and the Compare worker. Same conventions as analysisProtocol.ts:
 * every request carries an id, every reply names the id it answers, progress travels as its own
 * replies, failures as an explicit error reply, and a cancel request stops a comparison.
 */
import type { CompareReport, CkaMatrix } from '../compare';
import type { ArraysInput, CompareInput, SideInfo } from '../compare/types';
import type { FileChoices } from '../io/choices';
import type { BackendChoice, BackendPreference } from './analysisProtocol';
import type { Policy } from './rpc/jobs';

export type { BackendChoice, BackendPreference, DatasetSource } from './analysisProtocol';
export type { ArraysInput, CompareInput, SideInfo, SourceInput } from '../compare/types';

/** The user-set measures and the row matching (COMPARE_DEFAULTS when absent). */
export interface CompareSettings {
  k: number;
  svccaK: number;
  anchors: number;
  seed: number;
  /** Metadata column matching the rows; '' matches them by order. */
  idColumn: string;
  /** With idColumn: compare only the ids both sides have. */
  sharedOnly: boolean;
}

export interface CompareRequest {
  type: 'compare';
  id: number;
  a: CompareInput;
  b: CompareInput;
  /** Further representations of the same items (every captured step of a run): with a and b they make the CKA matrix. */
  more: ArraysInput[];
  settings: CompareSettings;
  backend: BackendPreference;
}

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type CompareWorkerRequest = CompareRequest | CancelRequest;

/** The result of a comparison: the CLI's report, the aligned view's coordinates and the per-item arrays. */
export interface CompareOutcome {
  report: CompareReport;
  sides: [SideInfo, SideInfo];
  /** Standardised A and aligned B on A's top-3 (or fewer) principal axes, n x components each. */
  projection: { components: number; a: Float32Array; b: Float32Array; explained: number };
  displacement: Float64Array;
  neighbourAgreement: Float64Array;
  retrievalRank: Uint8Array;
  /** Matched item labels (renumbered onto the label side's classes) and their names, or null. */
  labels: Int32Array | null;
  classNames: string[] | null;
  rowsA: Int32Array;
  rowsB: Int32Array;
  /** CKA matrix of a, b and `more` (null with only two representations). */
  ckaMatrix: { names: string[]; linear: number[]; debiased: number[] } | null;
}

export type CompareReply =
  | { type: 'progress'; id: number; fraction: number; stage: string }
  | { type: 'backend'; id: number; choice: BackendChoice }
  | { type: 'result'; id: number; outcome: CompareOutcome }
  /** A file leaves a choice open (several 2-D arrays): the UI asks and sends the request again. */
  | { type: 'choose'; id: number; side: 'A' | 'B'; choices: FileChoices }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; kind: 'input' | 'internal'; problem: string; fix: string };

/** One comparison at a time: a newer one stops the older (rpc/jobs.ts). */
export const COMPARE_POLICY = { compare: 'supersedes-all' } as const satisfies Record<CompareRequest['type'], Policy>;
/** Replies that end a comparison, besides cancelled and error. */
export const COMPARE_FINALS = ['result', 'choose'] as const satisfies readonly CompareReply['type'][];

/** The typed arrays of a result, to transfer. */
export function outcomeTransfer(o: CompareOutcome): Transferable[] {
  return [o.projection.a, o.projection.b, o.displacement, o.neighbourAgreement, o.retrievalRank, o.rowsA, o.rowsB, ...(o.labels ? [o.labels] : [])].map((t) => t.buffer);
}

export type { CkaMatrix };
