import { describe, expect, it } from 'vitest';
import { createCompareStore, getCompareOutcome } from './compareStore';
import { CompareFailure, type CompareClient } from '../workers/compareClient';
import type { ArraysInput, CompareOutcome, CompareRequest } from '../workers/compareProtocol';

type Request = Omit<CompareRequest, 'type' | 'id'>;

/** A client whose comparisons the test settles by hand. */
function fakeClient() {
  const calls: { request: Request; resolve: (o: CompareOutcome) => void; reject: (e: CompareFailure) => void }[] = [];
  const cancelled: number[] = [];
  const client = {
    compare(request: Request) {
      let resolve: (o: CompareOutcome) => void = () => undefined;
      let reject: (e: CompareFailure) => void = () => undefined;
      const result = new Promise<CompareOutcome>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      calls.push({ request, resolve, reject });
      return { id: calls.length, result };
    },
    cancel: (id: number) => cancelled.push(id),
  } as unknown as CompareClient;
  return { client, calls, cancelled };
}

const capture = (step: number): ArraysInput => ({ kind: 'arrays', name: `run 1 step ${step}`, n: 4, dim: 2, vectors: new Float32Array(8).fill(step) });
const outcome = (n: number) => ({ report: { n } }) as unknown as CompareOutcome;
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('compareStore', () => {
  it('fills A, then B, then the CKA matrix rows from Train captures, comparing once both sides are set', () => {
    const f = fakeClient();
    const store = createCompareStore(() => f.client);
    store.getState().addCapture(capture(0));
    expect(f.calls).toHaveLength(0);
    store.getState().addCapture(capture(10));
    store.getState().addCapture(capture(20));
    expect(store.getState().A?.label).toBe('run 1 step 0');
    expect(store.getState().B?.label).toBe('run 1 step 10');
    expect(store.getState().more.map((m) => m.name)).toEqual(['run 1 step 20']);
    expect(f.calls).toHaveLength(2);
    expect(f.calls[1].request.more).toHaveLength(1);
    expect(f.cancelled).toEqual([1]);
  });

  it('keeps the last outcome on screen when a later comparison fails, and says why', async () => {
    const f = fakeClient();
    const store = createCompareStore(() => f.client);
    store.getState().addCapture(capture(0));
    store.getState().addCapture(capture(1));
    f.calls[0].resolve(outcome(4));
    await settle();
    expect(store.getState().status).toBe('done');
    const shown = getCompareOutcome();
    store.getState().setSettings({ k: 3 });
    expect(f.calls[1].request.settings.k).toBe(3);
    f.calls[1].reject(new CompareFailure('input', 'A has 4 rows but B has 3.', 'Pass the same items.'));
    await settle();
    expect(store.getState()).toMatchObject({ status: 'error', error: { problem: 'A has 4 rows but B has 3.', fix: 'Pass the same items.' } });
    expect(getCompareOutcome()).toBe(shown);
  });

  it('asks for the array of a file that leaves it open, and sends the choice', async () => {
    const f = fakeClient();
    const store = createCompareStore(() => f.client);
    const file = new File([new Uint8Array(4)], 'both.npz');
    store.getState().setSide('A', { label: 'both.npz', origin: 'file', input: { kind: 'source', source: { kind: 'files', name: 'both.npz', vectors: file } } });
    store.getState().otherArrayOfA();
    const choices = { file: 'both.npz', kind: 'npz' as const, arrays: [], chosen: { labelColumn: '', labelsArray: '' }, reason: 'both.npz holds several 2-D arrays; which one holds the vectors?' };
    f.calls[0].reject(new CompareFailure('choose', choices.reason, '', { side: 'A', choices }));
    await settle();
    expect(store.getState().choose?.side).toBe('A');
    store.getState().chooseArray('A', 'first');
    const a = f.calls[1].request.a;
    expect(a.kind === 'source' && a.source.kind === 'files' ? a.source.choice?.vectors : null).toBe('first');
    expect(f.calls[1].request.b).toMatchObject({ kind: 'source', otherArray: true });
  });
});
