/**
 * Times the CLI on issue 16's sizes (scripts/bench/reliabilityData.ts): `subspace-lab analyze`
 * (wasm, the whole report including TwoNN/MLE) on 10,000 x 16 in 5,000 classes and on 10 x 100,000.
 * The issue's bar: under 30 s and under 10 s. Wall time depends on the machine's load, so the CPU
 * time of the run (user + system, all threads, from /usr/bin/time) and the load average print beside
 * it. The app's times print from e2e/reliability.spec.ts.
 *
 *   npx tsx scripts/bench/reliability.ts [--dir /tmp/reliability]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReliabilityFiles } from './reliabilityData.ts';

const i = process.argv.indexOf('--dir');
const dir = i >= 0 ? process.argv[i + 1] : mkdtempSync(join(tmpdir(), 'reliability-'));
const files = writeReliabilityFiles(dir);
const bin = join(import.meta.dirname, '..', '..', 'bin', 'subspace-lab.mjs');

function time(what: string, args: string[], bar: number): void {
  const cpuFile = join(dir, 'cpu.txt');
  const load = loadavg()[0];
  const t0 = performance.now();
  const out = execFileSync('/usr/bin/time', ['-f', '%U %S %M', '-o', cpuFile, process.execPath, bin, 'analyze', ...args, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const s = (performance.now() - t0) / 1000;
  const report = JSON.parse(out) as { n: number; dim: number; classes: number | null };
  const [user, sys, rssKb] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).map(Number);
  console.log(`${what}: ${s.toFixed(1)} s wall (bar ${bar} s), ${(user + sys).toFixed(1)} s CPU, peak ${Math.round(rssKb / 1024)} MB, load average ${load.toFixed(1)} -> n ${report.n}, dim ${report.dim}, classes ${report.classes}`);
}

time('10,000 x 16, 5,000 classes', [files.manyClasses, '--labels', files.manyLabels], 30);
time('10 x 100,000', [files.wide], 10);
