/** The one failure type of every worker request, and the one map from a thrown value to a reply. */
import { isAbortError } from '../../geometry/abort';
import { isInputError } from '../../io/errors';
import type { CancelledReply, ErrorReply, FailureKind } from './envelope';

/** Why a request did not produce a result: kind 'cancelled' carries no problem of interest. */
export class WorkerFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(fix ? `${problem} ${fix}` : problem);
    this.name = 'WorkerFailure';
  }
}

/** Any rejection as a WorkerFailure (a non-failure becomes kind 'internal'). */
export function asFailure(e: unknown): WorkerFailure {
  return e instanceof WorkerFailure ? e : new WorkerFailure('internal', e instanceof Error ? e.message : String(e), '');
}

/** How a service words failures that are not InputErrors. */
export interface FailureWording {
  /** The fix shown with an internal error, e.g. 'Try another backend in the status bar, or reload the page.' */
  internalFix: string;
  /** When set, a RangeError (a setting out of range) is an input error with this fix. */
  rangeFix?: string;
  /** Capitalise a RangeError's message (its first letter) before the full stop. */
  capitalise?: boolean;
}

/**
 * The reply to request `id` that threw `e`: cancelled when the signal fired or e is an AbortError,
 * input for an InputError (and a RangeError when the wording says so), else internal.
 */
export function failureReply(id: number, e: unknown, aborted: boolean, wording: FailureWording): CancelledReply | ErrorReply {
  if (aborted || isAbortError(e)) return { type: 'cancelled', id };
  if (isInputError(e)) return { type: 'error', id, kind: 'input', problem: e.problem, fix: e.fix };
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError && wording.rangeFix !== undefined) {
    const text = wording.capitalise ? `${message.charAt(0).toUpperCase()}${message.slice(1)}` : message;
    return { type: 'error', id, kind: 'input', problem: `${text}.`, fix: wording.rangeFix };
  }
  return { type: 'error', id, kind: 'internal', problem: message, fix: wording.internalFix };
}
