/**
 * The browser's full metric set against numpy + scikit-learn in the same run (issue 13), and the
 * first view of a large .npy against reading its bytes in the page.
 *
 * Full metric set: the seeded Gaussian-blob files of the CLI bench (cliBench.ts blobFiles, float32
 * .npy + int32 labels .npy), each load in a freshly opened app page of a fresh browser context through its real file input,
 * timed on the page's clock from the input's change event to the metrics panel showing TwoNN for
 * the new N (PCA and the collapse metrics come first, the global TwoNN and MLE k = 20 together
 * after them); interleaved with `numpy_metrics.py --sklearn` on the same files as a whole process
 * (exact PCA and collapse in numpy, NearestNeighbors(n_neighbors=21) on the centred unique rows;
 * OpenBLAS variables unset for that command alone). Also: the longest main-thread task between the
 * file chosen and the metrics shown (PerformanceObserver 'longtask'), the status bar's stages and
 * thread count, and the 1-minute load average of every run.
 *
 * First view: 100,000 x 768 (307 MB) + labels: file chosen -> first painted cloud of all rows,
 * against File.arrayBuffer() of the same file in the same page; the page is closed right after
 * (the kNN stage that follows would take many minutes).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { blobFiles, sklearnPython, timed, type Run } from './cliBench';
import { openApp, timeLoad, type LoadTiming, type Stage } from './exploreBench';
import { numpyEnv } from './numpy';
import { probeState } from './probe';

export interface MetricsOptions {
  sizes: [number, number][];
  reps: number;
  firstViewN: number;
}

/** The issue's sizes, or smaller ones with --quick; --reps N (default 2). */
export function metricsOptions(quick: boolean, argv: string[]): MetricsOptions {
  const r = argv.indexOf('--reps');
  return {
    sizes: quick ? [[5_000, 768], [10_000, 256]] : [[20_000, 768], [50_000, 256]],
    reps: r >= 0 ? Math.max(1, Number(argv[r + 1])) : 2,
    firstViewN: quick ? 20_000 : 100_000,
  };
}

interface AppRun extends LoadTiming {
  load: number;
  /** Longest main-thread task (ms) from the file chosen to the metrics shown, or 0 when none >= 50 ms. */
  longestTaskMs: number;
  longTasks: number;
  threads: string;
}

/** Loads the files in a fresh app page; `full`: until TwoNN is shown, else until the first painted cloud. */
async function appRun(newContext: () => Promise<BrowserContext>, origin: string, files: string[], n: number, full: boolean): Promise<AppRun> {
  // A fresh context each time: the app keeps the last dataset in the browser's storage and would
  // open on it instead of the demo.
  const context = await newContext();
  const page = await context.newPage();
  try {
    await openApp(page, origin);
    const load = loadavg()[0];
    const t = await timeLoad(page, files, n, full, false);
    const s = await probeState(page);
    const t0 = s.fileChange as number;
    const t1 = t0 + 1000 * (full ? t.fullS : t.paintS);
    const tasks = s.longtasks.filter((l) => l.start >= t0 && l.start <= t1).map((l) => l.duration);
    const threads = full ? ((await page.getByTestId('threads').getAttribute('data-threads')) ?? '') : '';
    return { ...t, load, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, threads };
  } finally {
    await context.close();
  }
}

const sec = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const range = (xs: number[]) => {
  const lo = sec(Math.min(...xs));
  const hi = sec(Math.max(...xs));
  return lo === hi ? `${lo} s` : `${lo}-${hi} s`;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const loads = (xs: { load: number }[]) => xs.map((x) => x.load.toFixed(1)).join(', ');

/** Seconds per stage, averaged over the runs ("pca 1.2 s · TwoNN/MLE 3.4 s"), stages under 50 ms left out. */
function stageSummary(runs: { stages: Stage[] }[]): string {
  const sum = new Map<string, number>();
  for (const r of runs) for (const s of r.stages) sum.set(s.stage, (sum.get(s.stage) ?? 0) + s.seconds / runs.length);
  return [...sum]
    .filter(([stage, s]) => s >= 0.05 && stage !== 'done')
    .map(([stage, s]) => `${stage} ${s.toFixed(2)} s`)
    .join(' · ');
}

/** The Markdown lines of both tables; `log` gets every run as it happens. */
export async function benchMetrics(newContext: () => Promise<BrowserContext>, origin: string, o: MetricsOptions, log: (msg: string) => void): Promise<string[]> {
  const fv = blobFiles(o.firstViewN, 768);
  const views: AppRun[] = [];
  for (let rep = 0; rep < o.reps; rep++) {
    const a = await appRun(newContext, origin, [fv.vectors, fv.labels], o.firstViewN, false);
    views.push(a);
    log(`  first view ${o.firstViewN}x768 rep ${rep + 1}: ${a.paintS.toFixed(2)} s, reading the bytes ${a.readS.toFixed(2)} s (load ${a.load.toFixed(1)}, longest task ${a.longestTaskMs.toFixed(0)} ms); stages: ${stageSummary([a])}`);
  }
  const py = sklearnPython();
  const lines = [
    `Full metric set in the browser (PCA, collapse, TwoNN, MLE k = 20): the built app, each load in a fresh page through its file input, file chosen -> TwoNN shown, on the page's clock; numpy + scikit-learn (${py ?? 'not found'}, \`numpy_metrics.py --sklearn\`, whole process) on the same files, interleaved.`,
    '',
    '| seeded blobs, 10 classes, .npy + labels .npy | Subspace Lab (browser) | numpy + scikit-learn | ours / theirs (means) | longest main-thread task | threads | 1-min load average per run (ours; theirs) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const notes: string[] = [];
  for (const [n, d] of o.sizes) {
    const f = blobFiles(n, d);
    const ours: AppRun[] = [];
    const theirs: Run[] = [];
    for (let rep = 0; rep < o.reps; rep++) {
      const a = await appRun(newContext, origin, [f.vectors, f.labels], n, true);
      ours.push(a);
      let b = '';
      if (py) {
        const r = timed(py, [join(import.meta.dirname, 'numpy_metrics.py'), f.vectors, f.labels, '20', '--sklearn'], numpyEnv());
        theirs.push(r);
        const m = JSON.parse(r.out.trim().split('\n').pop() as string) as { knn_seconds: number; metrics: { twoNN: number } };
        b = `theirs ${r.seconds.toFixed(1)} s (load ${r.load.toFixed(1)}, kNN ${m.knn_seconds.toFixed(1)} s, TwoNN ${m.metrics.twoNN.toFixed(6)})`;
      }
      log(`  ${n}x${d} rep ${rep + 1}: ours ${a.fullS.toFixed(1)} s (load ${a.load.toFixed(1)}, first view ${a.paintS.toFixed(1)} s, ${a.threads} threads, longest task ${a.longestTaskMs.toFixed(0)} ms, TwoNN ${a.twoNN.toFixed(6)}); ${b}`);
      log(`    stages: ${stageSummary([a])}`);
    }
    const ratio = py ? `${(mean(ours.map((r) => r.fullS)) / mean(theirs.map((r) => r.seconds))).toFixed(2)}x` : 'n/a';
    const task = Math.max(...ours.map((r) => r.longestTaskMs));
    lines.push(
      `| ${n.toLocaleString('en')} x ${d} | ${range(ours.map((r) => r.fullS))} | ${py ? range(theirs.map((r) => r.seconds)) : 'n/a'} | ${ratio} | ${task ? `${task.toFixed(0)} ms` : 'none >= 50 ms'} | ${[...new Set(ours.map((r) => r.threads))].join(', ')} | ${loads(ours)}; ${loads(theirs)} |`,
    );
    notes.push(`${n.toLocaleString('en')} x ${d}: ${stageSummary(ours)}; TwoNN ${ours[0].twoNN.toFixed(6)}${py ? ` (numpy ${(JSON.parse(theirs[0].out.trim().split('\n').pop() as string) as { metrics: { twoNN: number } }).metrics.twoNN.toFixed(6)})` : ''}`);
  }
  lines.push('', `Where the app's time went (status bar stages, mean of the runs): ${notes.join('. ')}.`, '');
  const mb = ((o.firstViewN * 768 * 4) / 1e6).toFixed(0);
  lines.push(
    '| first view | Subspace Lab: file chosen -> first painted cloud | the same File read to an ArrayBuffer in the same page | ratio (means) | longest main-thread task | 1-min load average per run |',
    '| --- | --- | --- | --- | --- | --- |',
    `| ${o.firstViewN.toLocaleString('en')} x 768 float32 .npy (${mb} MB) + labels | ${range(views.map((r) => r.paintS))} | ${range(views.map((r) => r.readS))} | ${(mean(views.map((r) => r.paintS)) / mean(views.map((r) => r.readS))).toFixed(2)}x | ${Math.max(...views.map((r) => r.longestTaskMs)).toFixed(0)} ms | ${loads(views)} |`,
    '',
    `First view stages (mean): ${stageSummary(views)}.`,
  );
  return lines;
}
