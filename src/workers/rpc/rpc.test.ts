import { describe, expect, it } from 'vitest';
import { checkpoint } from '../../geometry/abort';
import { InputError } from '../../io/errors';
import { WorkerClient, type WorkerLike } from './client';
import type { CancelledReply, ErrorReply, ProgressReply } from './envelope';
import { WorkerFailure, failureReply } from './failure';
import { createHeld } from './held';
import { createJobs, type Policy } from './jobs';
import { follow } from './latest';
import { InProcessWorker } from './inProcessWorker';

/** A toy protocol: `count` (and `tally`, which supersedes nothing) streams `steps` progress replies then `counted`; `boom` fails. */
type Req = { type: 'count' | 'tally'; id: number; steps: number } | { type: 'boom'; id: number; input: boolean } | { type: 'cancel'; id: number };
type Rep = ProgressReply | { type: 'counted'; id: number; total: number } | CancelledReply | ErrorReply;

const POLICY: Record<string, Policy> = { count: 'supersedes-kind', tally: 'parallel', boom: 'parallel' };

function toyService(post: (r: Rep) => void) {
  const jobs = createJobs({ post, policy: POLICY, wording: { internalFix: 'Reload.' } });
  return (msg: Req) => {
    if (msg.type === 'cancel') return jobs.cancel(msg.id);
    if (msg.type === 'boom')
      return void jobs.start(msg, async () => {
        throw msg.input ? new InputError('Bad rows.', 'Fix them.') : new Error('kaput');
      });
    void jobs.start(msg, async (signal) => {
      for (let i = 1; i <= msg.steps; i++) {
        await new Promise((r) => setTimeout(r, 1));
        await checkpoint(signal);
        post({ type: 'progress', id: msg.id, fraction: i / msg.steps, stage: 'counting' });
      }
      post({ type: 'counted', id: msg.id, total: msg.steps });
    });
  };
}

/** A client over fresh in-process toy workers; `made` lists every worker it started. */
function toyClient(heartbeat?: { everyMs: number; deadAfterMs: number }) {
  const made: InProcessWorker[] = [];
  const deaths: WorkerFailure[] = [];
  const factory = () => {
    const w = new InProcessWorker((post) => toyService(post as (r: Rep) => void) as (msg: never) => void);
    made.push(w);
    return w as unknown as WorkerLike<Req, Rep>;
  };
  const client = new WorkerClient<Req, Rep>(factory, { name: 'toy', finals: ['counted'], heartbeat, onDeath: (f) => deaths.push(f) });
  return { client, made, deaths };
}

const failureOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as WorkerFailure);

describe('WorkerClient over a real service', () => {
  it('routes progress to the request it answers and resolves with the final reply', async () => {
    const { client } = toyClient();
    const seen: number[] = [];
    const a = client.request<Extract<Rep, { type: 'counted' }>>({ type: 'count', steps: 3 }, { progress: (r) => seen.push(r.fraction) });
    await expect(a.result).resolves.toEqual({ type: 'counted', id: a.id, total: 3 });
    expect(seen).toEqual([1 / 3, 2 / 3, 1]);
    const bad = client.request({ type: 'boom', input: true });
    expect(await failureOf(bad.result)).toMatchObject({ kind: 'input', problem: 'Bad rows.', fix: 'Fix them.' });
    const internal = client.request({ type: 'boom', input: false });
    expect(await failureOf(internal.result)).toMatchObject({ kind: 'internal', problem: 'kaput', fix: 'Reload.' });
  });

  it('a dead worker fails every pending request with a message; a fresh worker serves the next one', async () => {
    const { client, made, deaths } = toyClient();
    // Two requests that run side by side (a second count would supersede the first and cancel it).
    const a = client.request({ type: 'tally', steps: 50 });
    const b = client.request({ type: 'tally', steps: 50 });
    await new Promise((r) => setTimeout(r, 5));
    made[0].die('Uncaught RangeError: out of memory');
    for (const t of [a, b]) {
      const f = await failureOf(t.result);
      expect(f).toBeInstanceOf(WorkerFailure);
      expect(f).toMatchObject({ kind: 'internal', problem: 'Uncaught RangeError: out of memory', fix: 'The worker was restarted: try again. If it happens again, reload the page.' });
    }
    expect(deaths).toHaveLength(1);
    expect(made[0].terminated).toBe(true);
    const c = client.request({ type: 'count', steps: 2 });
    await expect(c.result).resolves.toMatchObject({ type: 'counted', total: 2 });
    expect(made).toHaveLength(2);
  });

  it('a worker that goes silent is declared dead by the heartbeat and replaced', async () => {
    const { client, made, deaths } = toyClient({ everyMs: 25, deadAfterMs: 500 });
    const quick = client.request({ type: 'count', steps: 1 });
    await expect(quick.result).resolves.toMatchObject({ total: 1 });
    const a = client.request({ type: 'count', steps: 1000 });
    made[0].hang();
    const f = await failureOf(a.result);
    expect(f?.kind).toBe('internal');
    expect(f?.problem).toMatch(/^The toy worker stopped answering \(nothing for \d+ s\)\.$/);
    expect(deaths).toHaveLength(1);
    await expect(client.request({ type: 'count', steps: 2 }).result).resolves.toMatchObject({ total: 2 });
    // A live worker busy for a long time answers the pings and is never declared dead.
    const long = client.request({ type: 'count', steps: 600 });
    await expect(long.result).resolves.toMatchObject({ total: 600 });
    expect(deaths).toHaveLength(1);
    expect(made[1].sent.some((m) => (m as { type: string }).type === 'rpc:ping')).toBe(true);
  });

  it('cancel wins at every stage: before it starts, mid-way, and when the result already crossed the cancel', async () => {
    const stages = ['before start', 'mid-way', 'result in flight'] as const;
    for (const stage of stages) {
      const { client, made } = toyClient();
      let current: number | null = null;
      const applied: string[] = [];
      const ticket = client.request<Extract<Rep, { type: 'counted' }>>({ type: 'count', steps: 5 }, { progress: () => applied.push('progress') });
      current = ticket.id;
      follow(ticket, () => current, () => applied.push('result'), (f) => applied.push(f.kind));
      if (stage === 'mid-way') await new Promise<void>((r) => client.request({ type: 'count', steps: 0 }).result.then(() => setTimeout(r, 3)));
      if (stage === 'result in flight') {
        made[0].hold();
        while (!made[0].heldReplies().some((r) => (r as Rep).type === 'counted')) await new Promise((r) => setTimeout(r, 1));
      }
      // In the third stage the counted reply is posted and on its way: the cancel goes before the page reads it.
      client.cancel(ticket.id);
      made[0].release();
      const f = await failureOf(ticket.result);
      expect(f?.kind, stage).toBe('cancelled');
      await new Promise((r) => setTimeout(r, 20));
      expect(applied.filter((x) => x === 'result'), stage).toEqual([]);
      expect(applied.at(-1), stage).toBe('cancelled');
    }
  });

  it('dispose stops the worker and rejects what is pending as cancelled', async () => {
    const { client, made } = toyClient();
    const a = client.request({ type: 'count', steps: 100 });
    client.dispose();
    expect(await failureOf(a.result)).toMatchObject({ kind: 'cancelled' });
    expect(made[0].terminated).toBe(true);
  });
});

describe('job runner policies', () => {
  function runner(policy: Record<string, Policy>) {
    const replies: (CancelledReply | ErrorReply)[] = [];
    const jobs = createJobs({ post: (r) => replies.push(r), policy, wording: { internalFix: 'x' } });
    const finished: number[] = [];
    const job = (type: string, id: number) =>
      jobs.start({ type, id }, async (signal) => {
        for (let i = 0; i < 20; i++) {
          await new Promise((r) => setTimeout(r, 1));
          await checkpoint(signal);
        }
        finished.push(id);
      });
    return { jobs, replies, finished, job };
  }
  const cancelled = (replies: { type: string; id: number }[]) => replies.filter((r) => r.type === 'cancelled').map((r) => r.id).sort();

  it('supersedes-all stops every job; supersedes-kind only its own kind; exclusive only exclusive ones; parallel none', async () => {
    const r = runner({ analyze: 'supersedes-all', view: 'supersedes-kind', nn: 'parallel', train: 'exclusive', play: 'exclusive' });
    r.job('view', 1);
    r.job('nn', 2);
    r.job('view', 3);
    r.job('nn', 4);
    await r.jobs.idle();
    expect(cancelled(r.replies)).toEqual([1]);
    expect(r.finished.sort()).toEqual([2, 3, 4]);
    r.job('view', 5);
    r.job('nn', 6);
    r.job('train', 7);
    r.job('play', 8);
    await r.jobs.idle();
    expect(cancelled(r.replies)).toEqual([1, 7]);
    r.job('view', 9);
    r.job('nn', 10);
    r.job('analyze', 11);
    await r.jobs.idle();
    expect(cancelled(r.replies)).toEqual([1, 10, 7, 9].sort());
    expect(r.finished).toContain(11);
  });

  it('a job waits until the jobs it stopped have settled, and a cancel before it starts answers cancelled', async () => {
    const r = runner({ a: 'supersedes-all' });
    const order: string[] = [];
    r.jobs.start({ type: 'a', id: 1 }, async (signal) => {
      await new Promise((res) => setTimeout(res, 10));
      order.push(`1 ends (aborted ${signal.aborted})`);
    });
    r.jobs.start({ type: 'a', id: 2 }, async () => void order.push('2 starts'));
    r.jobs.start({ type: 'a', id: 3 }, async () => void order.push('3 starts'));
    r.jobs.cancel(3);
    await r.jobs.idle();
    expect(order).toEqual(['1 ends (aborted true)']);
    expect(r.replies).toEqual([{ type: 'cancelled', id: 2 }, { type: 'cancelled', id: 3 }]);
  });
});

describe('failureReply', () => {
  it('maps aborts, InputErrors, RangeErrors (when worded) and everything else', () => {
    const w = { internalFix: 'Try again.', rangeFix: 'Change it.', capitalise: true };
    const abort = Object.assign(new Error('x'), { name: 'AbortError' });
    expect(failureReply(1, abort, false, w)).toEqual({ type: 'cancelled', id: 1 });
    expect(failureReply(1, new Error('late'), true, w)).toEqual({ type: 'cancelled', id: 1 });
    expect(failureReply(2, new InputError('No rows.', 'Add rows.'), false, w)).toEqual({ type: 'error', id: 2, kind: 'input', problem: 'No rows.', fix: 'Add rows.' });
    expect(failureReply(3, new RangeError('steps must be positive'), false, w)).toEqual({ type: 'error', id: 3, kind: 'input', problem: 'Steps must be positive.', fix: 'Change it.' });
    expect(failureReply(3, new RangeError('steps'), false, { internalFix: 'Try again.' })).toMatchObject({ kind: 'internal', problem: 'steps' });
    expect(failureReply(4, 'odd', false, w)).toEqual({ type: 'error', id: 4, kind: 'internal', problem: 'odd', fix: 'Try again.' });
  });
});

describe('held objects', () => {
  it('keeps the newest and the one the UI shows; naming the newest drops the rest', () => {
    const held = createHeld<string>();
    const a = held.commit('A');
    expect(held.get(a)).toBe('A');
    const b = held.commit('B');
    // The UI cancelled B: A, which it still shows, is served; so is B until another commit.
    expect(held.get(a)).toBe('A');
    const c = held.commit('C');
    expect(held.get(a)).toBe('A');
    expect(() => held.get(b)).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(held.get(c)).toBe('C');
    expect(() => held.get(a)).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});
