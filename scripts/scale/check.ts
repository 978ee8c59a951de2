/**
 * The scale check of docs/scale.md: on a set from generate.py + to-parquet.ts (x.npy, y.npy, 20 shards,
 * x-subset.npy), runs under /usr/bin/time -v
 *   1. the streaming analysis of x.npy (peak RSS, wall time),
 *   2. four partials, one per glob of five Parquet shards, then their merge,
 *   3. the in-memory and the streaming analysis of the first-M-rows subset,
 * and prints the largest relative differences between the reports (whole vs merged, subset stream vs
 * in-memory, field by field) and a JSON summary.
 *
 *   npx tsx scripts/scale/check.ts --dir /tmp/scale [--id-sample 20000] [--whole-only | --skip-whole]
 * --whole-only runs step 1 alone (into DIR/whole.json, e.g. while the shards are still being written);
 * --skip-whole runs the rest and takes step 1 from DIR/whole.json; --compare-only reads DIR/whole.json and
 * DIR/results.json and prints the whole-vs-merged differences (step 1 finished after the others);
 * --no-subset stops after the merge, --subset-only runs step 3 alone (into DIR/subset.json).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StreamReport } from '../../src/stream/report';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const DIR = arg('dir', '');
const SAMPLE = arg('id-sample', '20000');
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'subspace-lab.mjs');
if (!DIR) throw new Error('pass --dir DIR');

interface Timed {
  report: StreamReport;
  seconds: number;
  peakRssMiB: number;
}

/** Runs the CLI under /usr/bin/time -v; the report from stdout, the wall time and peak RSS from time's stderr. */
function timed(args: string[]): Timed {
  process.stderr.write(`$ subspace-lab ${args.join(' ')}\n`);
  const r = spawnSync('/usr/bin/time', ['-v', 'node', BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)!;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)!;
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const out = { report: JSON.parse(r.stdout.trim().split('\n').pop()!) as StreamReport, seconds, peakRssMiB: Number(rss[1]) / 1024 };
  process.stderr.write(`  ${seconds.toFixed(0)} s, peak RSS ${out.peakRssMiB.toFixed(0)} MiB\n`);
  return out;
}

/** Largest relative difference of each report block between a and b. */
/** The numeric (or null) fields of a report block. */
function numericEntries(o: object): [string, number | null][] {
  return Object.entries(o).filter((e): e is [string, number | null] => typeof e[1] === 'number' || e[1] === null);
}

function diffs(a: StreamReport, b: StreamReport): Record<string, number> {
  const rel = (x: number | null, y: number | null) => (x === y ? 0 : x === null || y === null ? Infinity : Math.abs(x - y) / Math.max(Math.abs(y), 1e-300));
  const max = (xs: number[]) => Math.max(0, ...xs);
  return {
    counts: max([rel(a.n, b.n), rel(a.classes, b.classes), rel(a.skipped.nonFinite, b.skipped.nonFinite)]),
    pca: max([...a.pca.explainedVarianceRatio.map((v, i) => rel(v, b.pca.explainedVarianceRatio[i])), rel(a.pca.participationRatio, b.pca.participationRatio), rel(a.pca.pcId90, b.pca.pcId90)]),
    collapse: max(numericEntries(a.neuralCollapse).map(([k, v]) => rel(v, numericEntries(b.neuralCollapse).find(([kb]) => kb === k)?.[1] ?? null))),
    intrinsicDimension: max([rel(a.intrinsicDimension.twoNN, b.intrinsicDimension.twoNN), rel(a.intrinsicDimension.mle.harmonic, b.intrinsicDimension.mle.harmonic)]),
  };
}

if (process.argv.includes('--compare-only')) {
  const w = JSON.parse(readFileSync(join(DIR, 'whole.json'), 'utf8')) as Timed;
  const r = JSON.parse(readFileSync(join(DIR, 'results.json'), 'utf8')) as { merged: Timed; wholeVsMerged?: unknown };
  r.wholeVsMerged = diffs(w.report, r.merged.report);
  writeFileSync(join(DIR, 'results.json'), JSON.stringify({ ...r, whole: { seconds: w.seconds, peakRssMiB: w.peakRssMiB, rowsPerSecond: w.report.stream.rowsRead / w.seconds, report: w.report } }, null, 1));
  process.stdout.write(`${JSON.stringify({ whole: { seconds: w.seconds, peakRssMiB: w.peakRssMiB }, wholeVsMerged: r.wholeVsMerged }, null, 1)}\n`);
  process.exit(0);
}
const results: Record<string, unknown> = { date: new Date().toISOString(), idSample: Number(SAMPLE), node: process.version, load: execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).trim() };
const wholeFile = join(DIR, 'whole.json');
const skipWhole = process.argv.includes('--skip-whole');
const whole: Timed | null = skipWhole
  ? existsSync(wholeFile) ? (JSON.parse(readFileSync(wholeFile, 'utf8')) as Timed) : null
  : timed(['analyze', join(DIR, 'x.npy'), '--labels', join(DIR, 'y.npy'), '--stream', '--id-sample', SAMPLE, '--json', '--progress']);
if (whole && !skipWhole) writeFileSync(wholeFile, JSON.stringify(whole));
if (process.argv.includes('--whole-only')) process.exit(0);
if (whole) results.whole = { seconds: whole.seconds, peakRssMiB: whole.peakRssMiB, rowsPerSecond: whole.report.stream.rowsRead / whole.seconds, report: whole.report };
const subsetOnly = process.argv.includes('--subset-only');
const partials = subsetOnly ? [] : ['part-0[0-4]', 'part-0[5-9]', 'part-1[0-4]', 'part-1[5-9]'].map((glob, i) =>
  timed(['analyze', join(DIR, 'shards', `${glob}.parquet`), '--partial', join(DIR, `partial-${i}.json`), '--id-sample', SAMPLE, '--json', '--progress']),
);
results.partials = partials.map((p) => ({ seconds: p.seconds, peakRssMiB: p.peakRssMiB, summary: p.report }));
if (!subsetOnly) {
  const merged = timed(['merge', ...[0, 1, 2, 3].map((i) => join(DIR, `partial-${i}.json`)), '--json']);
  results.merged = { seconds: merged.seconds, peakRssMiB: merged.peakRssMiB, report: merged.report };
  if (whole) results.wholeVsMerged = diffs(whole.report, merged.report);
  writeFileSync(join(DIR, 'results.json'), JSON.stringify(results, null, 1));
}
if (process.argv.includes('--no-subset')) process.exit(0);
const memory = timed(['analyze', join(DIR, 'x-subset.npy'), '--labels', join(DIR, 'y-subset.npy'), '--id-sample', SAMPLE, '--no-extras', '--json']);
const streamed = timed(['analyze', join(DIR, 'x-subset.npy'), '--labels', join(DIR, 'y-subset.npy'), '--stream', '--id-sample', SAMPLE, '--json']);
results.subset = {
  memory: { seconds: memory.seconds, peakRssMiB: memory.peakRssMiB },
  stream: { seconds: streamed.seconds, peakRssMiB: streamed.peakRssMiB },
  streamVsMemory: diffs(streamed.report, memory.report),
  reports: { memory: memory.report, stream: streamed.report },
};
writeFileSync(join(DIR, subsetOnly ? 'subset.json' : 'results.json'), JSON.stringify(results, null, 1));
process.stdout.write(`${JSON.stringify({ whole: whole && { seconds: whole.seconds, peakRssMiB: whole.peakRssMiB }, wholeVsMerged: results.wholeVsMerged, subset: { streamVsMemory: (results.subset as { streamVsMemory: unknown }).streamVsMemory } }, null, 1)}\n`);
