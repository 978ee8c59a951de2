import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import '../../tests/setup';
import { writeNpy } from '../io/npy';
import { compareRepresentations } from '../compare';
import { createCompareService, runCompareRequest } from './compareService';
import { loadSide } from '../compare/inputs';
import type { CompareReply, CompareRequest, CompareSettings } from './compareProtocol';
import type { BackendChoice } from './analysisProtocol';

const wasm: BackendChoice = { backend: 'wasm', preference: 'auto', reason: 'test', probes: [] };
const deps = { selectBackend: async () => wasm };
const settings: CompareSettings = { k: 5, svccaK: 3, anchors: 20, seed: 3, idColumn: '', sharedOnly: false };

const n = 80;
const A = Float32Array.from({ length: n * 6 }, (_, t) => Math.sin(t * 0.71) * (1 + (t % 6)) + (Math.floor(t / 6) % 4));
const B = Float32Array.from({ length: n * 4 }, (_, t) => {
  const i = Math.floor(t / 4);
  const c = t % 4;
  return Math.tanh(A[i * 6 + c] - 0.4 * A[i * 6 + c + 2]) + 0.02 * Math.cos(3 * t);
});
const labels = Int32Array.from({ length: n }, (_, i) => i % 4);
const arrays = (name: string, X: Float32Array, dim: number, withLabels = false) => ({ kind: 'arrays' as const, name, n: X.length / dim, dim, vectors: X, ...(withLabels ? { labels, classNames: ['p', 'q', 'r', 's'] } : {}) });
const request = (a: CompareRequest['a'], b: CompareRequest['b'], more: CompareRequest['more'] = []): CompareRequest => ({ type: 'compare', id: 1, a, b, more, settings, backend: 'auto' });
const noProgress = () => undefined;

describe('runCompareRequest', () => {
  it('returns exactly the core report (what the CLI prints) and the aligned view of both sides', async () => {
    const out = await runCompareRequest(request(arrays('a', A, 6, true), arrays('b', B, 4)), new AbortController().signal, noProgress, deps);
    const core = await compareRepresentations({ n, dim: 6, vectors: A, labels, classNames: ['p', 'q', 'r', 's'] }, { n, dim: 4, vectors: B }, { k: 5, svccaK: 3, anchors: 20, seed: 3, names: ['a', 'b'] });
    expect(out.report).toEqual(core.report);
    expect(out.report.cka.linear).toBeGreaterThan(0.5);
    expect(out.projection.components).toBe(3);
    expect(out.projection.a.length).toBe(n * 3);
    expect(Array.from(out.labels!)).toEqual(Array.from(labels));
    expect(out.sides.map((s) => [s.name, s.n, s.dim, s.labelled])).toEqual([['a', n, 6, true], ['b', n, 4, false]]);
    expect(out.ckaMatrix).toBeNull();
  });

  it('takes B as another array of A\'s .npz file, and gives the CKA matrix of three representations', async () => {
    const npz = zipSync({ 'first.npy': writeNpy(A, [n, 6]), 'second.npy': writeNpy(B, [n, 4]) });
    const file = new File([npz as BlobPart], 'both.npz');
    const source = { kind: 'files' as const, name: 'both.npz', vectors: file };
    const first = { kind: 'source' as const, source: { ...source, choice: { vectors: 'first' } } };
    const out = await runCompareRequest(request(first, { kind: 'source', source, otherArray: true }), new AbortController().signal, noProgress, deps);
    const core = await compareRepresentations({ n, dim: 6, vectors: A }, { n, dim: 4, vectors: B }, { k: 5, svccaK: 3, anchors: 20, seed: 3 });
    expect(out.report.dimB).toBe(4);
    expect(out.report.cka.linear).toBeCloseTo(core.report.cka.linear, 12);
    expect(out.report.procrustes.disparity).toBeCloseTo(core.report.procrustes.disparity, 12);
    expect(out.sides[1].choices?.chosen.vectors).toBe('second');

    const C = A.map((v, t) => v * 2 + (t % 6));
    const three = await runCompareRequest(request(arrays('a', A, 6), arrays('b', B, 4), [arrays('c', C, 6)]), new AbortController().signal, noProgress, deps);
    const m = three.ckaMatrix!;
    expect(m.names).toEqual(['a', 'b', 'c']);
    expect(m.linear[1]).toBeCloseTo(three.report.cka.linear, 12);
    expect(m.linear[0]).toBeCloseTo(1, 12);
  });
});

describe('createCompareService', () => {
  async function replies(req: CompareRequest): Promise<CompareReply[]> {
    const out: CompareReply[] = [];
    const service = createCompareService({ ...deps, post: (r) => out.push(r) });
    await service.handle(req);
    return out;
  }

  it('answers a row-count mismatch with an input error naming both counts and the longer side', async () => {
    const r = await replies(request(arrays('a.npy', A, 6), arrays('short.npy', B.subarray(0, 77 * 4), 4)));
    const err = r.find((x) => x.type === 'error');
    expect(err).toMatchObject({ kind: 'input' });
    expect(err && 'problem' in err ? err.problem : '').toBe('a.npy has 80 rows but short.npy has 77 (a.npy is longer by 3); rows are matched by order.');
    expect(err && 'fix' in err ? err.fix : '').toBe('Pass the same items in the same order, or match rows by an id column (the "by id column" field under Match rows).');
  });

  it('matches rows by an id column of each side, and names the unmatched ids on each side', async () => {
    const jsonl = (X: Float32Array, d: number, order: number[]) =>
      new File([order.map((i) => JSON.stringify({ id: `item${i}`, embedding: Array.from(X.subarray(i * d, i * d + d)) })).join('\n') + '\n'], 'x.jsonl');
    const all = Array.from({ length: n }, (_, i) => i);
    const shuffled = all.map((i) => (i * 7) % n);
    const side = (name: string, f: File) => ({ kind: 'source' as const, source: { kind: 'files' as const, name, vectors: f } });
    const byId = { ...request(side('a.jsonl', jsonl(A, 6, all)), side('b.jsonl', jsonl(B, 4, shuffled))), settings: { ...settings, idColumn: 'id' } };
    const out = await runCompareRequest(byId, new AbortController().signal, noProgress, deps);
    const core = await compareRepresentations({ n, dim: 6, vectors: A }, { n, dim: 4, vectors: B }, { k: 5, svccaK: 3, anchors: 20, seed: 3 });
    expect(out.report.matching).toMatchObject({ by: 'id', idColumn: 'id', unmatchedA: 0, unmatchedB: 0 });
    expect(out.report.cka.linear).toBeCloseTo(core.report.cka.linear, 9);
    expect(Array.from(out.rowsB.slice(0, 3))).toEqual([0, shuffled.indexOf(1), shuffled.indexOf(2)]);
    const partial = { ...byId, b: side('b.jsonl', jsonl(B, 4, all.slice(0, 70))) };
    const r = await replies(partial);
    const err = r.find((x) => x.type === 'error');
    expect(err && 'problem' in err ? err.problem : '').toBe('10 of 80 ids of a.jsonl are not in b.jsonl (first: "item70"); every id of b.jsonl is in a.jsonl.');
  });

  it('asks which array holds the vectors when an .npz leaves it open', async () => {
    const npz = zipSync({ 'first.npy': writeNpy(A, [n, 6]), 'second.npy': writeNpy(B, [n, 4]) });
    const source = { kind: 'files' as const, name: 'both.npz', vectors: new File([npz as BlobPart], 'both.npz') };
    const r = await replies(request({ kind: 'source', source }, arrays('b', B, 4)));
    const ask = r.find((x) => x.type === 'choose');
    expect(ask && ask.type === 'choose' ? [ask.side, ask.choices.arrays?.map((a) => a.name)] : null).toEqual(['A', ['first', 'second']]);
  });

  it('reads a file once while its settings change (the two latest files are kept)', async () => {
    const file = new File([writeNpy(A, [n, 6]) as BlobPart], 'a.npy');
    let reads = 0;
    const counted = async (...args: Parameters<typeof loadSide>) => {
      if (args[0].kind === 'source') reads++;
      return loadSide(...args);
    };
    const out: CompareReply[] = [];
    const service = createCompareService({ ...deps, load: counted, post: (r) => out.push(r) });
    const a = { kind: 'source' as const, source: { kind: 'files' as const, name: 'a.npy', vectors: file } };
    await service.handle(request(a, arrays('b', B, 4)));
    await service.handle({ ...request(a, arrays('b', B, 4)), id: 2, settings: { ...settings, k: 7 } });
    expect(reads).toBe(1);
    const results = out.filter((r) => r.type === 'result');
    expect(results.map((r) => (r.type === 'result' ? r.outcome.report.mutualKnn.k : 0))).toEqual([5, 7]);
  });

  it('stops a comparison on cancel', async () => {
    const out: CompareReply[] = [];
    const service = createCompareService({ ...deps, post: (r) => out.push(r) });
    const done = service.handle(request(arrays('a', A, 6), arrays('b', B, 4)));
    await service.handle({ type: 'cancel', id: 1 });
    await done;
    expect(out.at(-1)?.type).toBe('cancelled');
  });
});

describe('a pooled side (Compare\'s example pair)', () => {
  it('pools B\'s images although A is the same file: the loaded-file cache keys on the pooling too', async () => {
    // 80 rows of 4 x 4 images (16 values): A as they are, B average-pooled in 2 x 2 blocks.
    const X = Float32Array.from({ length: n * 16 }, (_, t) => Math.sin(t * 0.37) + (t % 5));
    const file = new File([writeNpy(X, [n, 16]) as BlobPart], 'img.npy');
    const source = { kind: 'files' as const, name: 'img.npy', vectors: file };
    const out = await runCompareRequest(request({ kind: 'source', source }, { kind: 'source', source, pool: { width: 4, height: 4, factor: 2 } }), new AbortController().signal, noProgress, deps);
    expect(out.sides.map((s) => s.dim)).toEqual([16, 4]);
    expect(out.report.dimB).toBe(4);
  });
});
