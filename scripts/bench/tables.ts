/** Markdown tables of the browser bench (see browser.ts for what is measured and how). */
import type { ExploreFiles } from './browserData';
import type { LoadTiming, Stage } from './exploreBench';
import type { NumpyMetrics } from './numpy';
import type { TrainBenchResult } from './pages/train';
import type { UiTraining } from './trainBench';
import type { FrameResults } from './viewBench';

export interface ExploreResults {
  files: ExploreFiles;
  npy: LoadTiming;
  tsv: LoadTiming;
  numpy: NumpyMetrics | null;
  umap: { n: number; totalS: number; stages: Stage[]; umapJsS: number };
}

const int = (x: number) => Math.round(x).toLocaleString('en');
/** Seconds: 2 decimals below 1 s, 1 below 100 s, whole seconds above. */
const sec = (s: number) => (s < 1 ? `${s.toFixed(2)} s` : s < 100 ? `${s.toFixed(1)} s` : `${int(s)} s`);
/** Milliseconds: 1 decimal below 100 ms, whole milliseconds above. */
const ms = (x: number) => (x < 100 ? `${x.toFixed(1)} ms` : `${int(x)} ms`);
const mib = (bytes: number) => `${int(bytes / 2 ** 20)} MiB`;
const ratio = (a: number, b: number) => {
  const r = a / b;
  return Number.isFinite(r) ? `${r.toFixed(r >= 100 ? 0 : r >= 10 ? 1 : 2)}x` : '-';
};

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/** "pca 6.5 s · nearest neighbours 41.6 s", leaving out stages under 10 ms. */
const stageList = (stages: Stage[]) =>
  stages
    .filter((s) => s.seconds >= 0.01 && s.stage !== 'done')
    .map((s) => `${s.stage} ${sec(s.seconds)}`)
    .join(' · ');

export function exploreTables(r: ExploreResults): string[] {
  const { files, npy, tsv, numpy, umap } = r;
  const np = numpy ? numpy.parse_seconds + numpy.seconds : NaN;
  const lines = [
    `Explore (issue 3): seeded Gaussian blobs, ${int(files.n)} x ${files.d} float32, 10 classes, loaded through the app's file input (each load in a fresh page); analysis on ${npy.backend} (the app's pick).`,
    '',
    '| measurement | Subspace Lab | baseline (same run) | ours / baseline |',
    '| --- | --- | --- | --- |',
    `| .npy (${mib(files.npyBytes)}) + labels: file chosen -> first painted cloud | ${sec(npy.paintS)} | reading the same bytes in the page: ${sec(npy.readS)} | ${ratio(npy.paintS, npy.readS)} |`,
    `| Projector TSV (${mib(files.tsvBytes)}) + metadata: file chosen -> first painted cloud | ${sec(tsv.paintS)} | reading the same bytes in the page: ${sec(tsv.readS)} | ${ratio(tsv.paintS, tsv.readS)} |`,
    `| full metric set (.npy): file chosen -> TwoNN shown (the last metric to arrive) | ${sec(npy.fullS)} | numpy, np.load + the same metric set: ${numpy ? sec(np) : 'n/a (no numpy)'} | ${ratio(npy.fullS, np)} |`,
    `| UMAP, ${int(umap.n)} x ${files.d}: click on UMAP -> layout shown | ${sec(umap.totalS)} | umap-js called directly in Node (its own approximate kNN; 15 neighbours, min_dist 0.1, 3-D): ${sec(umap.umapJsS)} | ${ratio(umap.totalS, umap.umapJsS)} |`,
    '',
    `Where the time went (status bar stages). .npy: ${stageList(npy.stages)}. TSV: ${stageList(tsv.stages)}. UMAP: ${stageList(umap.stages)}.`,
    `Metrics shown ${sec(npy.metricsS)} after the .npy was chosen; TwoNN ${npy.twoNN.toFixed(4)}${numpy ? ` (numpy ${numpy.metrics.twoNN.toFixed(4)})` : ''}.`,
  ];
  return lines;
}

export function framesTable(r: FrameResults): string[] {
  const row = (what: string, xs: number[], base: number) => `| ${what} | ${ms(quantile(xs, 0.5))} | ${ms(quantile(xs, 0.95))} | ${ratio(quantile(xs, 0.5), base)} |`;
  const stock = quantile(r.stock, 0.5);
  const frames = r.app.length;
  const task = (t: number | null) => (t === null ? 'none >= 50 ms' : ms(t));
  return [
    `3D view (issue 3): ${int(r.n)} points (${int(r.distinct)} distinct rows, each repeated ${int(r.n / r.distinct)} times), canvas ${r.size.width} x ${r.size.height}, points of ${r.pointSize} px (the app's size for this n), WebGL2 with antialiasing on SwiftShader (software). The bare scenes run in the app's own page, each in a canvas laid over the app's; ${frames} timed frames per scene, in ${r.rounds} rounds of a few frames of each. A frame: one camera zoom, render, a one-pixel readPixels (returns once the GPU has drawn it).`,
    '',
    '| scene | median per frame | p95 | vs bare three.js |',
    '| --- | --- | --- | --- |',
    row('bare three.js: one THREE.Points, stock PointsMaterial', r.stock, stock),
    row("bare three.js: the same, with the app's point shader", r.shader, stock),
    row(`bare three.js: the app's shader over ${int(r.n)} distinct points (control for the repeats)`, r.distinctShader, stock),
    row(`**the app's 3D view** (wheel zoom, react-three-fiber render; ${r.appDraws} of ${frames} frames drew all points)`, r.app, stock),
    '',
    `Loading that cloud took ${sec(r.load.paintS)} to the first painted view. Hover (real mouse moves, no button): the tooltip named a point after ${r.hover.shown} of ${r.hover.moves} moves; longest main-thread task meanwhile ${task(r.hover.longestTaskMs)} (${r.hover.tasks} long tasks). Orbit drag (real mouse, ${r.drag.moves} moves): ${r.drag.draws} frames drawn, ${ms(r.drag.intervalMs)} apart on average; longest task ${task(r.drag.longestTaskMs)}.`,
  ];
}

export function trainTable(ui: UiTraining, runs: TrainBenchResult[]): string[] {
  // A rate counts only when the snapshot after the steps returned: evidence that they really trained.
  const confirmed = (r: TrainBenchResult) => r.ok && !Number.isNaN(r.trainAccuracy);
  const ok = runs.filter(confirmed);
  const best = ok.reduce<TrainBenchResult | null>((a, b) => (a === null || b.stepsPerSecond > a.stepsPerSecond ? b : a), null);
  const first = ok[0];
  const picked = runs.find((r) => r.backend === ui.backend);
  const lines = [
    `Train (issue 4): preset fashion-mnist, MLP ${first?.layers ?? '?'} (ReLU, linear head), batch ${first?.batchSize ?? '?'}, ${first ? int(first.trainRows) : '?'} training images, SGD with momentum; the same preset, seed and data on every backend.`,
    "Per backend: a bench page (scripts/bench/pages/train.ts, a fresh page each) runs the app's own trainer on that tfjs backend, training steps only (no snapshots), timed in chunks of about a second, each ended by a readback of the weights.",
    '',
    '| backend | steps/s | vs best | note |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of runs) {
    const unconfirmed = `measured ${r.stepsPerSecond.toFixed(2)} steps/s, but the snapshot after the steps did not return within 30 s, so they are not confirmed (not counted)`;
    const done = confirmed(r) ? `${r.steps} steps in ${sec(r.seconds)}; train accuracy ${(100 * r.trainAccuracy).toFixed(1)}% after them` : r.ok ? unconfirmed : '';
    const note = [r.backend === ui.backend ? "**the app's pick**" : '', r.note, done].filter((s) => s).join('; ');
    lines.push(confirmed(r) ? `| ${r.backend} | ${r.stepsPerSecond.toFixed(2)} | ${best ? ratio(r.stepsPerSecond, best.stepsPerSecond) : '-'} | ${note} |` : `| ${r.backend} | - | - | ${note || 'not run'} |`);
  }
  lines.push(
    '',
    '| Train mode through the UI (backend: auto, Play, speed max) | value |',
    '| --- | --- |',
    `| backend the app picks | ${ui.backend} (${ui.reason}) |`,
    `| its steps/s / the best backend's (table above) | ${picked?.ok && best ? ratio(picked.stepsPerSecond, best.stepsPerSecond) : '-'} (best: ${best?.backend ?? 'none ran'}) |`,
    `| steps/s in the UI over ${sec(ui.seconds)} (step counter; snapshots every ${ui.snapshotEvery} steps included) | ${ui.stepsPerSecond.toFixed(2)} (${ui.steps} steps) |`,
    `| longest main-thread task over those ${sec(ui.seconds)} (PerformanceObserver 'longtask') | ${ui.longestTaskMs === null ? 'none >= 50 ms' : ms(ui.longestTaskMs)} (${ui.longTasks} long tasks) |`,
    `| longest gap between animation frames meanwhile | ${ms(ui.longestFrameGapMs)} |`,
  );
  return lines;
}
