/**
 * The streaming row of `npm run bench`: one pass of src/stream over a labelled .npy (moments and the
 * ID sample, as `subspace-lab analyze --stream` reads it) against numpy streaming the same file with
 * np.load(mmap_mode='r') in chunks into the same float64 moments (numpy_stream.py), same run.
 * Default: a generated 200,000 x 256 set (50,000 with --quick); --stream-npy X.npy --stream-labels Y.npy
 * benches an existing file instead (e.g. the 10,000,000-row set of scripts/scale/generate.py).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileSource, npyLayout } from '../../src/stream/fileSource';
import { accumulate } from '../../src/stream/pipeline';
import { classStatsOf, orderClasses } from '../../src/stream/statistics';
import { numpyEnv } from './numpy';

export interface StreamRow {
  task: string;
  ours: string;
  numpy: string;
  ratio: string;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The paths of the benched set, generated into dir by generate.py when no --stream-npy is given. */
function dataset(dir: string, quick: boolean): { x: string; y: string } {
  const x = option('stream-npy');
  if (x) return { x, y: option('stream-labels') ?? x.replace(/x(\.npy)$/, 'y$1') };
  const rows = quick ? 50_000 : 200_000;
  const out = join(dir, `stream-${rows}`);
  if (!existsSync(join(out, 'x.npy'))) {
    execFileSync('python3', [join(import.meta.dirname, '..', 'scale', 'generate.py'), '--out', out, '--rows', String(rows), '--dim', '256'], { env: numpyEnv(), stdio: 'ignore' });
  }
  return { x: join(out, 'x.npy'), y: join(out, 'y.npy') };
}

export async function benchStream(dir: string, quick: boolean, numpy: boolean): Promise<StreamRow> {
  const { x, y } = dataset(dir, quick);
  const layout = await npyLayout(x, 2);
  const source = fileSource(x, layout, { kind: 'binary', path: y, layout: await npyLayout(y, 1) });
  const t0 = performance.now();
  const { moments } = await accumulate(source, { idSample: 20_000, seed: 1, stratified: false });
  const seconds = (performance.now() - t0) / 1000;
  const ours = layout.rows / seconds;
  let theirs = Number.NaN;
  if (numpy) {
    const out = execFileSync('python3', [join(import.meta.dirname, 'numpy_stream.py'), x, y], { env: numpyEnv(), encoding: 'utf8' });
    const parsed = JSON.parse(out.trim()) as { rows_per_second: number; trace_w_over_n: number };
    theirs = parsed.rows_per_second;
    const tr = classStatsOf(orderClasses(moments)).traceSigmaW;
    console.error(`  stream ${layout.rows}x${layout.dim}: Tr(Sigma_W) ours ${tr} numpy ${parsed.trace_w_over_n} (rel ${(Math.abs(tr - parsed.trace_w_over_n) / parsed.trace_w_over_n).toExponential(1)})`);
  }
  const fmt = (v: number) => Math.round(v).toLocaleString('en');
  return {
    task: `streaming moments of a ${layout.rows.toLocaleString('en')} x ${layout.dim} float32 .npy, 10 classes (chunks of 2,048 rows, float64)`,
    ours: `${fmt(ours)} rows/s`,
    numpy: numpy ? `${fmt(theirs)} rows/s (mmap chunks)` : 'n/a',
    ratio: numpy ? `${(theirs / ours).toFixed(2)}x time` : 'n/a',
  };
}
