import { describe, expect, it } from 'vitest';
import { goldenBytes } from '../../tests/fixtures/io/golden';
import { writeNpy } from '../io/npy';
import { parseArgs } from './args';
import { formatNumber } from '../format';
import { runInMemory, utf8 } from './cli.test-util';
import { runCli } from './run';
import type { AnalysisReport } from '../geometry/types';

const run = runInMemory;

const points = writeNpy(Float32Array.from({ length: 40 }, (_, i) => Math.sin(i * 1.3)), [10, 4]);
const tenLabels = utf8('0\n1\n0\n1\n0\n1\n0\n1\n0\n1\n');

describe('runCli bad input: exit 2 and one line "subspace-lab: <problem> <fix>" on stderr', () => {
  const truncated = goldenBytes('f4_c.npy').subarray(0, 150);
  const badHeader = goldenBytes('f4_c.npy').slice();
  badHeader.set(utf8('{"nonsense": 1}'), 10);
  const cases: [string, string[], Record<string, Uint8Array>, RegExp][] = [
    ['missing file', ['analyze', 'x.npy'], {}, /^embeddings file x\.npy does not exist\. Check the path/],
    ['a directory', ['analyze', 'dir'], {}, /^embeddings path dir is a directory/],
    ['unknown format', ['analyze', 'x.bin'], { 'x.bin': new Uint8Array([7, 7, 7, 7]) }, /^x\.bin has an unknown format \(extension "\.bin", first bytes 07 07 07 07\)/],
    ['corrupt npy header', ['analyze', 'h.npy'], { 'h.npy': badHeader }, /^h\.npy has a corrupt \.npy header \(no 'descr'\)/],
    ['truncated npy data', ['analyze', 't.npy'], { 't.npy': truncated }, /^t\.npy is truncated: shape \(5, 3\) of <f4 needs 60 data bytes but only 22/],
    ['ragged rows', ['analyze', 'r.csv'], { 'r.csv': utf8('1,2\n3,4\n5\n6,7\n') }, /^r\.csv line 3 has 1 values but line 1 has 2\./],
    ['non-numeric cell', ['analyze', 'n.tsv'], { 'n.tsv': utf8('1\t2\n3\tx\n5\t6\n') }, /^n\.tsv line 2, column 2 is not a number: "x"/],
    ['label count', ['analyze', 'p.npy', '--labels', 'l.txt'], { 'p.npy': points, 'l.txt': utf8('label\n') }, /^l\.txt has 1 labels but p\.npy has 10 rows \(the embeddings are longer by 9\)/],
    ['label header', ['analyze', 'p.npy', '--labels', 'l.txt'], { 'p.npy': points, 'l.txt': utf8(`y\n${new TextDecoder().decode(tenLabels)}`) }, /longer by 1\); its first line "y" looks like a header row/],
    ['fewer than 3 points', ['analyze', 'two.csv'], { 'two.csv': utf8('1,2\n3,4\n') }, /^two\.csv has 2 points; the analysis needs at least 3/],
    ['weights shape', ['analyze', 'p.npy', '--labels', 'l.txt', '--weights', 'W.npy'], { 'p.npy': points, 'l.txt': tenLabels, 'W.npy': writeNpy(new Float32Array(15), [3, 5]) }, /^W\.npy has shape \(3, 5\) but the embeddings have 4 dimensions and 2 classes/],
    ['missing labels file', ['analyze', 'p.npy', '--labels', 'nope.txt'], { 'p.npy': points }, /^--labels file nope\.txt does not exist/],
    ['unknown option', ['analyze', 'p.npy', '--jsno'], {}, /^unknown option --jsno\. Did you mean --json\?/],
    ['bad --k', ['analyze', 'p.npy', '--k', 'many'], {}, /^--k must be an integer of at least 2, got "many"/],
    ['bad backend', ['analyze', 'p.npy', '--backend', 'gpu'], {}, /^unknown backend "gpu"\. Use --backend wasm or --backend cpu/],
    ['no file', ['analyze', '--json'], {}, /^analyze needs an EMBEDDINGS file/],
    ['unknown command', ['analyse', 'p.npy'], {}, /^unknown command "analyse"/],
  ];
  it.each(cases)('%s', async (_name, argv, files, pattern) => {
    const r = await run(argv, files);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith('subspace-lab: ')).toBe(true);
    expect(r.stderr.slice('subspace-lab: '.length)).toMatch(pattern);
  });
});

describe('parseArgs', () => {
  it('reads options in either position and the --opt=value form', () => {
    expect(parseArgs(['analyze', '--k=7', 'e.npy', '--labels', 'l.txt', '--json', '--backend', 'cpu'])).toEqual({
      command: 'analyze', embeddings: 'e.npy', labels: 'l.txt', labelColumn: undefined, weights: undefined, bias: undefined,
      k: 7, json: true, backend: 'cpu', seed: 1, extras: true, sampleStrategy: 'uniform', sampleSeed: 1,
      inputs: ['e.npy'], stream: false, idStratified: false, idSampler: 'hash', approxKnn: false, sqlCheck: false, progress: false,
    });
    expect(parseArgs(['merge', 'a.json', 'b.json', '--json'])).toMatchObject({ command: 'merge', inputs: ['a.json', 'b.json'], json: true });
    expect(parseArgs(['analyze', 's.npy', '--partial', 'p.json', '--id-stratified'])).toMatchObject({ partial: 'p.json', idStratified: true });
    expect(() => parseArgs(['analyze', 'e.npy', '--id-sampler', 'x'])).toThrow(/unknown ID sampler/);
    expect(parseArgs(['analyze', 'e.npy', '--id-sample', '50', '--sample-strategy', 'stratified', '--sample-seed', '7'])).toMatchObject({ idSample: 50, sampleStrategy: 'stratified', sampleSeed: 7 });
    expect(() => parseArgs(['analyze', 'e.npy', '--id-sample', '50', '--sample-strategy', 'perclass'])).toThrow(/unknown sample strategy/);
    expect(() => parseArgs(['analyze', 'e.npy', '--id-sample', '50', '--sample-seed', '-1'])).toThrow(/--sample-seed must be/);
    expect(() => parseArgs(['analyze', 'e.npy', '--sample-strategy', 'stratified'])).toThrow(/no --id-sample was given/);
    expect(parseArgs([])).toEqual({ command: 'help' });
    expect(parseArgs(['analyze', 'x', '-h'])).toEqual({ command: 'help' });
    expect(() => parseArgs(['analyze', 'e.npy', '--bias', 'b.npy'])).toThrow(/--bias was given without --weights/);
    expect(() => parseArgs(['analyze', 'e.npy', '--labels'])).toThrow(/--labels needs a value/);
    expect(() => parseArgs(['analyze', 'a.npy', 'b.npy'])).toThrow(/unexpected argument "b\.npy"/);
  });

  it('formats numbers for the table', () => {
    expect(formatNumber(null)).toBe('n/a');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1.5e-7)).toBe('1.500e-7');
  });
});

describe('runCli internal errors', () => {
  it('exit 1 with an "internal error" line for anything that is not an InputError', async () => {
    let stderr = '';
    const code = await runCli(['analyze', 'x.npy'], {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      readFile: () => { throw new TypeError('disk on fire'); },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^subspace-lab: internal error: disk on fire\. This is a bug/);
  });
});

describe('runCli help', () => {
  it('prints the usage on stdout and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: subspace-lab analyze EMBEDDINGS \[options\]/);
    for (const flag of ['--labels', '--label-column', '--weights', '--bias', '--k', '--backend', '--json']) expect(r.stdout).toContain(flag);
  });
});

describe('runCli with analyze (in process)', () => {
  /** Three separated blobs of 30 points in 5-D with labels, deterministic. */
  const blobs = (() => {
    const n = 90;
    const d = 5;
    const x = new Float32Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = 6 * (j === i % 3 ? 1 : 0) + Math.sin(i * 12.9898 + j * 78.233) * 0.8;
    const labels = Array.from({ length: n }, (_, i) => ['cat', 'dog', 'emu'][i % 3]).join('\n');
    return { 'b.npy': writeNpy(x, [n, d]), 'b.txt': utf8(labels), 'one.txt': utf8('same\n'.repeat(n)) };
  })();

  it('prints an aligned table with every section and a note per metric', async () => {
    const r = await run(['analyze', 'b.npy', '--labels', 'b.txt', '--backend', 'cpu', '--k', '10'], blobs);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('subspace-lab analyze b.npy (backend cpu)');
    const titles = lines.filter((l) => /^\S/.test(l)).slice(1);
    expect(titles).toEqual(['data', 'PCA', 'intrinsic dimension', 'neural collapse', 'coding rate', 'PCA picture (PC1-3)', 'skipped']);
    const rows = lines.filter((l) => /^ {2}\S/.test(l) && !l.startsWith('  explained variance'));
    expect(rows.length).toBe(27);
    const gaps = rows.map((l) => new Set([...l].map((_, c) => c).filter((c) => l[c - 1] !== ' ' && l.slice(c, c + 2) === '  ' && l[c + 2] !== ' ')));
    const shared = [...gaps[0]].filter((c) => gaps.every((g) => g.has(c)));
    expect(shared.length).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/classes +3 /);
    expect(r.stdout).toMatch(/nc3 +n\/a .*\(needs --weights\)/);
  });

  it('prints n/a with the reason for a trivial metric, and the reasons in the JSON', async () => {
    const table = await run(['analyze', 'p.npy', '--labels', 'l.txt', '--backend', 'cpu'], { 'p.npy': points, 'l.txt': tenLabels });
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/\n {2}equiangularity +n\/a {2}n\/a: K = 2: the two centred means are always opposite \(cos = -1\), so the metric is 0 for any data\n/);
    const json = await run(['analyze', 'p.npy', '--labels', 'l.txt', '--backend', 'cpu', '--json'], { 'p.npy': points, 'l.txt': tenLabels });
    const nc = (JSON.parse(json.stdout) as AnalysisReport).neuralCollapse;
    expect([nc.equinorm, nc.equiangularity, nc.etfDistance]).toEqual([null, null, null]);
    expect(Object.keys(nc.reasons ?? {}).sort()).toEqual(['equiangularity', 'equinorm', 'etfDistance']);
    expect(nc.nc1).toBeGreaterThan(0);
    expect([nc.nc1Rank, nc.conditioning, nc.nc1SmallestShare, nc.nc1Dominated]).toEqual([1, 1, 1, false]);
  });

  it('a single class is bad input for the collapse metrics', async () => {
    const r = await run(['analyze', 'b.npy', '--labels', 'one.txt', '--backend', 'cpu', '--k', '10'], blobs);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^subspace-lab: Every labelled row belongs to the same class.*\n$/);
  });
});

describe('runCli --id-sample', () => {
  const rows = 40;
  const X = Float32Array.from({ length: rows * 3 }, (_, t) => Math.sin(t * 0.77) * (1 + (t % 5)));
  const file = { 'x.npy': writeNpy(X, [rows, 3]) };

  it('parses N (at least 3) and rejects anything else with the fix', () => {
    expect(parseArgs(['analyze', 'x.npy', '--id-sample', '25'])).toMatchObject({ idSample: 25 });
    expect(parseArgs(['analyze', 'x.npy'])).toMatchObject({ idSample: undefined });
    for (const bad of ['2', 'ten', '-5', '1e5']) expect(() => parseArgs(['analyze', 'x.npy', `--id-sample=${bad}`])).toThrow(/--id-sample must be an integer of at least 3/);
  });

  it('runs TwoNN and MLE on the seeded sample and records it; exact (sample null) by default or when N covers every row', async () => {
    const exact = JSON.parse((await run(['analyze', 'x.npy', '--json'], file)).stdout);
    const covered = JSON.parse((await run(['analyze', 'x.npy', '--json', '--id-sample', '40'], file)).stdout);
    const sampled = JSON.parse((await run(['analyze', 'x.npy', '--json', '--id-sample', '25', '--k', '5'], file)).stdout);
    const again = JSON.parse((await run(['analyze', 'x.npy', '--json', '--id-sample', '25', '--k', '5'], file)).stdout);
    expect(exact.intrinsicDimension.sample).toBeNull();
    expect(covered).toEqual(exact);
    expect(sampled.intrinsicDimension.sample).toEqual({ size: 25, of: 40, seed: 1, strategy: 'uniform' });
    expect(sampled.intrinsicDimension.mle.k).toBe(5);
    expect(sampled).toEqual(again);
    expect(sampled.intrinsicDimension.twoNN).not.toBe(exact.intrinsicDimension.twoNN);
    expect({ ...sampled.pca, x: 0 }).toEqual({ ...exact.pca, x: 0 });
    const table = (await run(['analyze', 'x.npy', '--id-sample', '25'], file)).stdout;
    expect(table).toContain('seeded sample of 25 of 40 unique rows (seed 1)');
  });

  it('draws per class with --sample-strategy stratified and by --sample-seed; refuses stratified without labels and when streaming', async () => {
    const labelled = { ...file, 'y.txt': utf8(Array.from({ length: rows }, (_, i) => (i < 30 ? 'a' : 'b')).join('\n')) };
    const args = ['analyze', 'x.npy', '--labels', 'y.txt', '--json', '--id-sample', '10', '--k', '4'];
    const strat = JSON.parse((await run([...args, '--sample-strategy', 'stratified', '--sample-seed', '3'], labelled)).stdout);
    expect(strat.intrinsicDimension.sample).toEqual({ size: 10, of: 40, seed: 3, strategy: 'stratified' });
    const seeded = JSON.parse((await run([...args, '--sample-seed', '3'], labelled)).stdout);
    expect(seeded.intrinsicDimension.sample).toEqual({ size: 10, of: 40, seed: 3, strategy: 'uniform' });
    expect(seeded.intrinsicDimension.twoNN).not.toBe(strat.intrinsicDimension.twoNN);
    const table = (await run([...args.filter((a) => a !== '--json'), '--sample-strategy', 'stratified', '--sample-seed', '3'], labelled)).stdout;
    expect(table).toContain('seeded stratified (per-class) sample of 10 of 40 unique rows (seed 3)');
    const bare = await run(['analyze', 'x.npy', '--id-sample', '10', '--sample-strategy', 'stratified'], file);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/stratified \(per-class\) ID sample needs labels/);
    const streamed = await run(['analyze', 'x.npy', '--stream', '--id-sample', '10', '--sample-seed', '3'], file);
    expect(streamed.code).toBe(2);
    expect(streamed.stderr).toMatch(/streaming draws its own/);
  });
});
