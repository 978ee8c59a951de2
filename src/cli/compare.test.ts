import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import '../../tests/setup';
import { writeNpy } from '../io/npy';
import { compareRepresentations } from '../compare/compare';
import { parseCompareArgs } from './compareArgs';
import { runInMemory, utf8 } from './cli.test-util';

const run = runInMemory;

const n = 60;
const A = Float32Array.from({ length: n * 5 }, (_, t) => Math.sin(t * 0.37) * (1 + (t % 5)) + (Math.floor(t / 5) % 3));
const B = Float32Array.from({ length: n * 3 }, (_, t) => {
  const i = Math.floor(t / 3);
  const c = t % 3;
  return Math.tanh(A[i * 5 + c] + 0.5 * A[i * 5 + c + 2]) + 0.01 * Math.cos(t);
});
const labels = Array.from({ length: n }, (_, i) => ['x', 'y', 'z'][i % 3]);
const jsonl = (X: Float32Array, d: number, order: number[]) =>
  utf8(order.map((i) => JSON.stringify({ id: `item${i}`, embedding: Array.from(X.subarray(i * d, i * d + d)) })).join('\n') + '\n');
const identity = Array.from({ length: n }, (_, i) => i);
const shuffled = identity.map((i) => (i * 7) % n);
const files: Record<string, Uint8Array> = {
  'a.npy': writeNpy(A, [n, 5]),
  'b.npy': writeNpy(B, [n, 3]),
  'short.npy': writeNpy(B.subarray(0, 57 * 3), [57, 3]),
  'l.txt': utf8(`${labels.join('\n')}\n`),
  'both.npz': zipSync({ 'first.npy': writeNpy(A, [n, 5]), 'second.npy': writeNpy(B, [n, 3]) }),
  'a.jsonl': jsonl(A, 5, identity),
  'b-shuffled.jsonl': jsonl(B, 3, shuffled),
  'b-partial.jsonl': jsonl(B, 3, identity.slice(0, 50)),
  'ids-a.tsv': utf8(`id\tnote\n${identity.map((i) => `item${i}\tn`).join('\n')}\n`),
  'ids-b.tsv': utf8(`id\n${shuffled.map((i) => `item${i}`).join('\n')}\n`),
  'b-shuffled.npy': writeNpy(Float32Array.from(shuffled.flatMap((i) => Array.from(B.subarray(i * 3, i * 3 + 3)))), [n, 3]),
};
const FAST = ['--json', '--backend', 'cpu', '--anchors', '20', '--curve-rows', '30'];

describe('subspace-lab compare --json', () => {
  it('prints one object with every field the issue names, equal to the core on the same inputs', async () => {
    const r = await run(['compare', 'a.npy', 'b.npy', '--labels', 'l.txt', ...FAST], files);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const path of ['n', 'dimA', 'dimB', 'cka.linear', 'cka.debiased', 'mutualKnn.k', 'mutualKnn.value', 'procrustes.disparity', 'svcca.k',
      'svcca.correlations', 'svcca.mean', 'relative.anchors', 'relative.similarity', 'retrieval.top1', 'retrieval.top5', 'alignmentCurve.k', 'classes.meanAngle']) {
      expect(path.split('.').reduce((o, k) => o?.[k], out), path).not.toBeUndefined();
    }
    const core = await compareRepresentations(
      { n, dim: 5, vectors: A, labels: Int32Array.from(labels, (l) => 'xyz'.indexOf(l)), classNames: ['x', 'y', 'z'] },
      { n, dim: 3, vectors: B },
      { anchors: 20, curveRows: 30, names: ['a.npy', 'b.npy'] },
    );
    expect(out).toEqual(JSON.parse(JSON.stringify(core.report)));
    expect([out.n, out.dimA, out.dimB, out.svcca.correlations.length, out.relative.anchors]).toEqual([n, 5, 3, 3, 20]);
  });

  it('FILE:NAME reads two arrays of one .npz like two files', async () => {
    const two = await run(['compare', 'a.npy', 'b.npy', ...FAST], files);
    const npz = await run(['compare', 'both.npz:first', 'both.npz:second', ...FAST], files);
    expect(npz.code, npz.stderr).toBe(0);
    expect(JSON.parse(npz.stdout)).toEqual(JSON.parse(two.stdout));
  });

  it('--id-column matches JSON Lines records or --meta-a/--meta-b tables by id, whatever their order', async () => {
    const byOrder = JSON.parse((await run(['compare', 'a.npy', 'b.npy', ...FAST], files)).stdout);
    const json = await run(['compare', 'a.jsonl', 'b-shuffled.jsonl', '--id-column', 'id', ...FAST], files);
    expect(json.code, json.stderr).toBe(0);
    const tables = await run(['compare', 'a.npy', 'b-shuffled.npy', '--id-column', 'id', '--meta-a', 'ids-a.tsv', '--meta-b', 'ids-b.tsv', ...FAST], files);
    expect(tables.code, tables.stderr).toBe(0);
    for (const out of [JSON.parse(json.stdout), JSON.parse(tables.stdout)]) {
      expect(out.matching).toMatchObject({ by: 'id', idColumn: 'id', unmatchedA: 0, unmatchedB: 0 });
      expect({ ...out, matching: null }).toEqual({ ...byOrder, matching: null });
    }
  });

  it('--shared-only compares the shared ids and reports the rest', async () => {
    const r = await run(['compare', 'a.jsonl', 'b-partial.jsonl', '--id-column', 'id', '--shared-only', ...FAST], files);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ n: 50, matching: { unmatchedA: 10, unmatchedB: 0 } });
  });
});

describe('subspace-lab compare bad input: exit 2 and one line with the fix', () => {
  const cases: [string, string[], RegExp][] = [
    ['row counts by order', ['compare', 'a.npy', 'short.npy'], /^a\.npy has 60 rows but short\.npy has 57 \(a\.npy is longer by 3\); rows are matched by order\. .*--id-column/],
    ['unmatched ids', ['compare', 'a.jsonl', 'b-partial.jsonl', '--id-column', 'id'], /^10 of 60 ids of a\.jsonl are not in b-partial\.jsonl \(first: "item50"\); every id of b-partial\.jsonl is in a\.jsonl\. .*50 shared items \(--shared-only\)/],
    ['no id column', ['compare', 'a.npy', 'b.npy', '--id-column', 'id'], /^a\.npy has no id column "id" \(it has no metadata columns\)/],
    ['meta without id column', ['compare', 'a.npy', 'b.npy', '--meta-a', 'ids-a.tsv'], /^--meta-a was given without --id-column/],
    ['meta row count', ['compare', 'a.npy', 'short.npy', '--id-column', 'id', '--meta-a', 'ids-a.tsv', '--meta-b', 'ids-b.tsv'], /^ids-b\.tsv has 60 rows but its embeddings have 57/],
    ['one input', ['compare', 'a.npy'], /^compare needs two inputs, got 1\./],
    ['missing file', ['compare', 'a.npy', 'nope.npy'], /^B file nope\.npy does not exist/],
    ['missing array', ['compare', 'both.npz:first', 'both.npz:third'], /third/],
    ['unknown option', ['compare', 'a.npy', 'b.npy', '--ancors', '5'], /^unknown option --ancors\. Did you mean --anchors\?/],
    ['bad --svcca-k', ['compare', 'a.npy', 'b.npy', '--svcca-k', '0'], /^--svcca-k must be an integer of at least 1, got "0"/],
  ];
  it.each(cases)('%s', async (_name, argv, pattern) => {
    const r = await run([...argv, '--backend', 'cpu'], files);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.slice('subspace-lab: '.length)).toMatch(pattern);
  });
});

describe('subspace-lab compare without --json, and its help', () => {
  it('prints the sections with a note per measure', async () => {
    const r = await run(['compare', 'a.npy', 'b.npy', '--labels', 'l.txt', '--backend', 'cpu', '--anchors', '20'], files);
    expect(r.code, r.stderr).toBe(0);
    const titles = r.stdout.split('\n').filter((l) => /^\S/.test(l)).slice(1);
    expect(titles).toEqual(['data', 'similarity', 'alignment vs subspace dimension', 'classes']);
    expect(r.stdout).toMatch(/linear CKA +\S+ +\|\|Ac\^T Bc\|\|_F\^2/);
    expect(r.stdout).toMatch(/class z +\S+ +mean principal angle/);
  });
  it('parses defaults and prints its own usage', async () => {
    expect(parseCompareArgs(['a', 'b'])).toMatchObject({ k: 10, svccaK: 10, anchors: 300, seed: 1, curveRows: 2000, curve: true, classK: 3, json: false });
    expect(parseCompareArgs(['a', 'b', '--curve-rows', 'all', '--no-curve'])).toMatchObject({ curveRows: Infinity, curve: false });
    const r = await run(['compare', '--help'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: subspace-lab compare A B \[options\]/);
    expect(r.stdout).toContain('FILE:NAME');
    expect((await run(['--help'], files)).stdout).toContain('subspace-lab compare A B');
  });
});
