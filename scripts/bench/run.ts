/**
 * `npm run bench`: parse throughput and the full metric set, against numpy in the same run; the
 * CLI against numpy + scikit-learn (cliBench.ts; alone: --cli, 100,000 x 768 with --large); the
 * landscape's subspace steps; Compare's core (compareBench.ts; skip with --no-compare); then the browser part (browser.ts; skip it with --no-browser).
 * The exact kNN's PCA tree against brute force and the eigensolver against numpy (exactBench.ts) come
 * after the first table; alone: --exact.
 * Prints Markdown tables (paste them into the README). Ratios, not absolute times, are the point:
 * both sides run on this machine, one after the other.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { analyze } from '../../src/geometry/analyze';
import { gaussianBlobs } from '../../src/datasets/blobs';
import { loadEmbeddingsFromBytes } from '../../src/io/detect';
import { writeNpy } from '../../src/io/npy';
import { benchLandscape } from './landscape';
import { benchBrowser, browserOptions } from './browser';
import { hasNumpy, numpyEnv, numpyMetrics } from './numpy';
import { benchCli, cliBenchOptions } from './cliBench';
import { benchStream } from './stream';
import { benchEigen, benchExactKnn } from './exactBench';
import { loadavg } from 'node:os';

interface Row {
  task: string;
  ours: string;
  numpy: string;
  ratio: string;
}

const dir = join(tmpdir(), 'subspace-lab-bench');
mkdirSync(dir, { recursive: true });
const quick = process.argv.includes('--quick');

function python(code: string, args: string[]): string {
  return execFileSync('python3', ['-c', code, ...args], { env: numpyEnv(), encoding: 'utf8', maxBuffer: 1 << 26 });
}

function secondsOf<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, (performance.now() - t0) / 1000];
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);

async function benchParse(numpy: boolean): Promise<Row> {
  const n = quick ? 20_000 : 100_000;
  const d = 256;
  const data = new Float32Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.37);
  const path = join(dir, `parse-${n}x${d}.npy`);
  writeFileSync(path, writeNpy(data, [n, d]));
  const mb = (n * d * 4) / 2 ** 20;
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const [, s] = secondsOf(() => {
      const buf = readFileSync(path);
      return loadEmbeddingsFromBytes(path, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    });
    best = Math.min(best, s);
  }
  let theirs = NaN;
  if (numpy) {
    const code = 'import sys,time,numpy as np\nb=1e9\nfor _ in range(3):\n t=time.perf_counter(); a=np.load(sys.argv[1]); a.sum(dtype=np.float32); b=min(b,time.perf_counter()-t)\nprint(b)';
    theirs = Number(python(code, [path]));
  }
  return {
    task: `read + parse ${n.toLocaleString('en')} x ${d} float32 .npy (${fmt(mb, 0)} MB)`,
    ours: `${fmt(mb / best, 0)} MB/s`,
    numpy: numpy ? `${fmt(mb / theirs, 0)} MB/s` : 'n/a',
    ratio: numpy ? `${fmt(best / theirs)}x time` : 'n/a',
  };
}

async function benchMetrics(n: number, dim: number, classes: number, numpy: boolean): Promise<Row> {
  const emb = gaussianBlobs({ n, dim, classes, separation: 6, noise: 1, seed: 7 });
  const vPath = join(dir, `blobs-${n}x${dim}.npy`);
  const yPath = join(dir, `blobs-${n}x${dim}-labels.npy`);
  writeFileSync(vPath, writeNpy(emb.vectors, [n, dim]));
  writeFileSync(yPath, writeNpy(emb.labels!, [n]));
  const t0 = performance.now();
  const report = await analyze(emb, { k: 20 });
  const ours = (performance.now() - t0) / 1000;
  let theirs = NaN;
  if (numpy) {
    const parsed = numpyMetrics(vPath, yPath);
    theirs = parsed.seconds;
    const rel = (a: number | null, b: number) => Math.abs((a ?? NaN) - b) / Math.abs(b);
    console.error(
      `  ${n}x${dim}: nc1 ours ${report.neuralCollapse.nc1} numpy ${parsed.metrics.nc1} (rel ${rel(report.neuralCollapse.nc1, parsed.metrics.nc1).toExponential(1)}); ` +
        `twoNN ours ${report.intrinsicDimension.twoNN} numpy ${parsed.metrics.twoNN}`,
    );
  }
  return {
    task: `full metric set, ${n.toLocaleString('en')} x ${dim}, ${classes} classes`,
    ours: `${fmt(ours)} s`,
    numpy: numpy ? `${fmt(theirs)} s` : 'n/a',
    ratio: numpy ? `${fmt(ours / theirs)}x` : 'n/a',
  };
}

async function main(): Promise<void> {
  const cliTable = () => {
    console.log('\nThe CLI against numpy + scikit-learn (whole processes, interleaved)\n');
    for (const line of benchCli(cliBenchOptions(process.argv.slice(2)))) console.log(line);
  };
  if (process.argv.includes('--cli')) return cliTable();
  await tf.setBackend('wasm');
  await tf.ready();
  const numpy = hasNumpy();
  const exactTables = async () => {
    console.log(`\nExact kNN, k = 20, one thread: the PCA tree where planKnn estimates it cheaper, else brute force (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})\n`);
    for (const line of await benchExactKnn(quick)) console.log(line);
    console.log('\nSymmetric eigensolver behind the exact PCA (a seeded covariance, condition ~1e8)\n');
    for (const line of benchEigen(quick, dir, numpy)) console.log(line);
  };
  if (process.argv.includes('--exact')) return exactTables();
  console.error(`backend: ${tf.getBackend()}; numpy: ${numpy ? 'yes' : 'not found (ratios skipped)'}${quick ? '; --quick sizes' : ''}`);
  const rows: Row[] = [];
  rows.push(await benchParse(numpy));
  rows.push(await benchMetrics(quick ? 2_000 : 10_000, 128, 10, numpy));
  rows.push(await benchMetrics(quick ? 5_000 : 50_000, quick ? 128 : 512, quick ? 20 : 100, numpy));
  rows.push(await benchStream(dir, quick, numpy));
  console.log('| task | Subspace Lab (tfjs wasm, Node) | numpy | ours / numpy |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.task} | ${r.ours} | ${r.numpy} | ${r.ratio} |`);
  await exactTables();
  cliTable();
  console.log('\nLandscape: subspace training steps, 784-200-200-10 MLP, batch 128, Fashion-MNIST (tfjs wasm, Node)\n');
  for (const line of await benchLandscape(quick)) console.log(line);
  if (!process.argv.includes('--no-compare')) {
    // Compare's core stage by stage against numpy (compareBench.ts prints its own table); skip with --no-compare.
    console.log('\nCompare core, stage by stage (B a seeded nonlinear map of A; skip with --no-compare)\n');
    const size = quick ? ['2000', '256'] : ['10000', '768'];
    execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'compareBench.ts'), ...size], { stdio: 'inherit' });
  }
  if (!process.argv.includes('--no-browser')) {
    console.log('\nBrowser (Explore and Train in headless Chromium; skip with --no-browser)\n');
    for (const line of await benchBrowser(browserOptions(process.argv.slice(2)))) console.log(line);
  }
}

await main();
