/**
 * The full metric set through the CLI against numpy + scikit-learn, whole processes, the same
 * files, interleaved (ours, theirs, ours, theirs, ...), the 1-minute load average printed with
 * every run. Ours: `subspace-lab analyze V.npy --labels L.npy --json` (default threads, and
 * --threads 1, and --before DIR: another checkout's CLI); theirs: numpy_metrics.py --sklearn (exact PCA and collapse in numpy,
 * NearestNeighbors(n_neighbors=21) on the centred unique rows), OpenBLAS variables unset.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gaussianBlobs } from '../../src/datasets/blobs';
import { writeNpy } from '../../src/io/npy';
import { numpyEnv } from './numpy';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(tmpdir(), 'subspace-lab-bench', 'cli');

export interface CliBenchOptions {
  sizes: [number, number][];
  reps: number;
  /** Another checkout whose CLI runs too (--before DIR): the same table before a change. */
  before?: string;
}

/** Sizes: 20,000 x 768 and 50,000 x 256 (--quick: 5,000 x 768, 10,000 x 256; --large adds 100,000 x 768); --reps N (default 2); --before DIR. */
export function cliBenchOptions(argv: string[]): CliBenchOptions {
  const quick = argv.includes('--quick');
  const sizes: [number, number][] = quick ? [[5_000, 768], [10_000, 256]] : [[20_000, 768], [50_000, 256]];
  if (argv.includes('--large')) sizes.push([100_000, 768]);
  const r = argv.indexOf('--reps');
  const b = argv.indexOf('--before');
  return { sizes, reps: r >= 0 ? Math.max(1, Number(argv[r + 1])) : 2, before: b >= 0 ? argv[b + 1] : undefined };
}

/** The first python with numpy and scikit-learn (Debian's /usr/bin/python3 has python3-sklearn), or null. */
export function sklearnPython(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(py, ['-c', 'import numpy, sklearn'], { stdio: 'ignore', env: numpyEnv() });
      return py;
    } catch {
      // next candidate
    }
  }
  return null;
}

/** The seeded Gaussian-blob inputs n x d (10 classes) as float32 .npy + int32 labels .npy, written once into the OS temp folder. */
export function blobFiles(n: number, d: number): { vectors: string; labels: string } {
  mkdirSync(DIR, { recursive: true });
  const vectors = join(DIR, `blobs-${n}x${d}.npy`);
  const labels = join(DIR, `blobs-${n}x${d}-labels.npy`);
  if (!existsSync(vectors) || !existsSync(labels)) {
    const emb = gaussianBlobs({ n, dim: d, classes: 10, separation: 6, noise: 1, seed: 7 });
    writeFileSync(labels, writeNpy(emb.labels as Int32Array, [n]));
    writeFileSync(vectors, writeNpy(emb.vectors, [n, d]));
  }
  return { vectors, labels };
}

export interface Run {
  seconds: number;
  load: number;
  out: string;
}

export function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const load = loadavg()[0];
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { seconds, load, out: r.stdout };
}

const range = (xs: number[]) => {
  const lo = Math.min(...xs).toFixed(1);
  const hi = Math.max(...xs).toFixed(1);
  return lo === hi ? `${lo} s` : `${lo}-${hi} s`;
};

/** Markdown lines: one row per size (time ranges over the reps, ratios of the mean times, each run's load average). */
export function benchCli(opts: CliBenchOptions): string[] {
  const py = sklearnPython();
  const threads = availableParallelism();
  const before = opts.before ? ` | CLI before (${opts.before}) | ratio before` : '';
  const lines = [
    `| full metric set (PCA, collapse, TwoNN, MLE k = 20), whole process | CLI, ${threads} threads | CLI, 1 thread | numpy + scikit-learn (${py ?? 'not found'}) | ratio (${threads} threads) | ratio (1 thread)${before} | load average per run (ours / 1 thread / theirs) |`,
    `| --- | --- | --- | --- | --- | ---${opts.before ? ' | --- | ---' : ''} | --- |`,
  ];
  const cli = [join(ROOT, 'bin/subspace-lab.mjs'), 'analyze'];
  for (const [n, d] of opts.sizes) {
    const f = blobFiles(n, d);
    const ours: Run[] = [];
    const single: Run[] = [];
    const theirs: Run[] = [];
    const old: Run[] = [];
    for (let rep = 0; rep < opts.reps; rep++) {
      if (opts.before) old.push(timed('node', [join(opts.before, 'bin/subspace-lab.mjs'), 'analyze', f.vectors, '--labels', f.labels, '--json'], process.env));
      ours.push(timed('node', [...cli, f.vectors, '--labels', f.labels, '--no-extras', '--json'], process.env));
      if (py) theirs.push(timed(py, [join(import.meta.dirname, 'numpy_metrics.py'), f.vectors, f.labels, '20', '--sklearn'], numpyEnv()));
      single.push(timed('node', [...cli, f.vectors, '--labels', f.labels, '--no-extras', '--json', '--threads', '1'], process.env));
      const a = JSON.parse(ours[rep].out);
      const b = py ? JSON.parse(theirs[rep].out.trim().split('\n').pop() as string).metrics : null;
      console.error(
        `  ${n}x${d} rep ${rep + 1}: ours ${ours[rep].seconds.toFixed(1)} s (load ${ours[rep].load.toFixed(1)}), 1 thread ${single[rep].seconds.toFixed(1)} s, ` +
          (opts.before ? `before ${old[rep].seconds.toFixed(1)} s, ` : '') +
          `theirs ${py ? theirs[rep].seconds.toFixed(1) : '-'} s; twoNN ${a.intrinsicDimension.twoNN} vs ${b?.twoNN}, nc1 ${a.neuralCollapse.nc1} vs ${b?.nc1}`,
      );
    }
    const mean = (rs: Run[]) => rs.reduce((s, r) => s + r.seconds, 0) / rs.length;
    const ratio = (rs: Run[]) => (py ? `${(mean(rs) / mean(theirs)).toFixed(2)}x` : 'n/a');
    const loads = ours.map((r, i) => `${r.load.toFixed(1)} / ${single[i].load.toFixed(1)} / ${theirs[i]?.load.toFixed(1) ?? '-'}`).join('; ');
    const secs = (rs: Run[]) => range(rs.map((r) => r.seconds));
    const beforeCells = opts.before ? ` | ${secs(old)} | ${ratio(old)}` : '';
    lines.push(`| ${n.toLocaleString('en')} x ${d}, 10 classes | ${secs(ours)} | ${secs(single)} | ${py ? secs(theirs) : 'n/a'} | ${ratio(ours)} | ${ratio(single)}${beforeCells} | ${loads} |`);
  }
  return lines;
}
