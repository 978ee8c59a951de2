/**
 * Compare mode's core at scale, stage by stage, against a vectorised numpy baseline in the same run
 * (numpy_compare.py): `npx tsx scripts/bench/compareBench.ts [n] [d]` (default 10000 x 768: B is a
 * seeded nonlinear map of A). Prints a Markdown table; ratios, not absolute times, are the point.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { writeNpy } from '../../src/io/npy';
import { createRng, normalArray } from '../../src/geometry/random';
import { knn } from '../../src/geometry/knn';
import { preparePair, ckaTerms } from '../../src/compare/pair';
import { linearCkaFromTerms } from '../../src/geometry/similarity';
import { alignedPair, procrustesFit } from '../../src/compare/procrustes';
import { svcca } from '../../src/compare/svcca';
import { relativeSimilarity } from '../../src/compare/relative';
import { alignedRetrieval } from '../../src/compare/retrieval';
import { alignmentCurve } from '../../src/compare/curve';
import { hasNumpy, numpyEnv } from './numpy';

const n = Number(process.argv[2] ?? 10_000);
const d = Number(process.argv[3] ?? 768);
await tf.setBackend('wasm');
await tf.ready();

const rng = createRng(1);
const A = normalArray(rng, n * d).map((v, t) => v / (1 + 0.02 * (t % d)));
const mix = normalArray(rng, d * d).map((v) => v / Math.sqrt(d));
const B = new Float32Array(n * d);
for (let i = 0; i < n; i++) {
  const row = A.subarray(i * d, i * d + d);
  for (let c = 0; c < d; c++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += row[t] * mix[t * d + c];
    B[i * d + c] = Math.tanh(s);
  }
}

const times: Record<string, number> = {};
async function stage<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  times[name] = (performance.now() - t0) / 1000;
  return out;
}

const pair = await stage('grams', () => preparePair(A, B, n, d, d));
const cka = linearCkaFromTerms(ckaTerms(pair));
const fit = await stage('procrustes', () => procrustesFit(pair));
const aligned = await stage('aligned views', () => alignedPair(pair, fit));
await stage('svcca', () => svcca(pair, 10));
await stage('relative', () => relativeSimilarity(A, B, n, d, d, 300, 1));
await stage('knn', async () => [await knn(A, n, d, 10, { metric: 'cosine' }), await knn(B, n, d, 10, { metric: 'cosine' })]);
const retrieval = await stage('retrieval', () => alignedRetrieval(aligned, fit, n));
await stage('curve', () => alignmentCurve(pair, { rows: 2000 }));

let theirs: { seconds: Record<string, number>; cka: number; disparity: number; top1: number } | null = null;
if (hasNumpy()) {
  const dir = join(tmpdir(), 'subspace-lab-bench');
  mkdirSync(dir, { recursive: true });
  const [pa, pb] = [join(dir, `cmp-a-${n}x${d}.npy`), join(dir, `cmp-b-${n}x${d}.npy`)];
  writeFileSync(pa, writeNpy(A, [n, d]));
  writeFileSync(pb, writeNpy(B, [n, d]));
  const out = execFileSync('python3', [join(import.meta.dirname, 'numpy_compare.py'), pa, pb], { env: numpyEnv(), encoding: 'utf8' });
  theirs = JSON.parse(out.trim().split('\n').pop() as string);
}
const total = Object.values(times).reduce((s, v) => s + v, 0);
console.log(`Compare core, ${n} x ${d} vs ${n} x ${d} (CKA ${cka.toFixed(4)} / numpy ${theirs?.cka.toFixed(4)}, disparity ${fit.disparity.toFixed(4)} / ${theirs?.disparity.toFixed(4)}, top-1 ${retrieval.top1} / ${theirs?.top1})\n`);
console.log('| stage | ours (s) | numpy (s) | ratio |\n| --- | --- | --- | --- |');
for (const [name, s] of Object.entries(times)) {
  const np = theirs?.seconds[name];
  console.log(`| ${name} | ${s.toFixed(2)} | ${np === undefined ? '-' : np.toFixed(2)} | ${np === undefined ? '-' : (s / np).toFixed(1)}x |`);
}
console.log(`| all | ${total.toFixed(2)} | | |`);
