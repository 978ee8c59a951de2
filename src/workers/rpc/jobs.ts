/**
 * The one job runner of every worker service. Each request type has a cancellation policy:
 * 'supersedes-all' stops every running job first (a new analysis), 'supersedes-kind' stops the
 * running jobs of its own type (a newer view), 'exclusive' stops the other exclusive job (one
 * training job at a time), 'parallel' never stops anything (a neighbour query). A job starts only
 * after the jobs it stopped have released their work, and every failure becomes one reply:
 * cancelled, an input error or an internal error.
 */
import { abortError, throwIfAborted } from '../../geometry/abort';
import type { CancelledReply, Envelope, ErrorReply } from './envelope';
import { failureReply, type FailureWording } from './failure';

export type Policy = 'supersedes-all' | 'supersedes-kind' | 'exclusive' | 'parallel';

interface Job {
  kind: string;
  policy: Policy;
  ctl: AbortController;
  done: Promise<void>;
}

export interface JobsDeps {
  post: (reply: CancelledReply | ErrorReply) => void;
  /** The policy of each request type that runs as a job. */
  policy: Record<string, Policy>;
  wording: FailureWording;
}

export interface Jobs {
  /** Runs `work` as request `msg`'s job under its type's policy; resolves when it has settled. */
  start(msg: Envelope, work: (signal: AbortSignal) => Promise<void>): Promise<void>;
  /** Stops job `id` (it answers cancelled, or ends as its work decides). */
  cancel(id: number): void;
  /** Stops every job that `test` picks. */
  abortWhere(test: (kind: string) => boolean): void;
  /** The kinds of the running jobs. */
  running(): string[];
  /** Resolves when no job runs. */
  idle(): Promise<void>;
}

function stops(policy: Policy, kind: string, job: Job): boolean {
  if (policy === 'supersedes-all') return true;
  if (policy === 'supersedes-kind') return job.kind === kind;
  if (policy === 'exclusive') return job.policy === 'exclusive';
  return false;
}

export function createJobs(deps: JobsDeps): Jobs {
  const jobs = new Map<number, Job>();
  return {
    start(msg, work) {
      const policy = deps.policy[msg.type] ?? 'parallel';
      const stopped = [...jobs.values()].filter((j) => stops(policy, msg.type, j));
      for (const j of stopped) j.ctl.abort();
      const ctl = new AbortController();
      // With nothing to wait for the work starts at once (it checks its own signal); otherwise
      // after the stopped jobs have settled, unless it was itself stopped meanwhile.
      const begin = stopped.length === 0
        ? Promise.resolve().then(() => work(ctl.signal))
        : Promise.all(stopped.map((j) => j.done)).then(() => {
            throwIfAborted(ctl.signal);
            return work(ctl.signal);
          });
      const done = begin
        .catch((e: unknown) => deps.post(failureReply(msg.id, e, ctl.signal.aborted, deps.wording)))
        .finally(() => jobs.delete(msg.id));
      jobs.set(msg.id, { kind: msg.type, policy, ctl, done });
      return done;
    },
    cancel: (id) => jobs.get(id)?.ctl.abort(),
    abortWhere(test) {
      for (const j of jobs.values()) if (test(j.kind)) j.ctl.abort();
    },
    running: () => [...jobs.values()].map((j) => j.kind),
    idle: async () => {
      while (jobs.size > 0) await Promise.all([...jobs.values()].map((j) => j.done));
    },
  };
}

/** Posts a job's final reply only while the job still stands: once it is cancelled, nothing more is sent (it answers cancelled). */
export function finish<R>(signal: AbortSignal, post: (reply: R) => void, reply: R): void {
  if (signal.aborted) throw abortError();
  post(reply);
}
