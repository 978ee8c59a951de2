/**
 * The browser part of `npm run bench` (issues 3 and 4: Explore, the 3D view and Train in
 * Chromium): builds the app into dist-bench plus the bench pages into dist-bench/bench, serves them
 * with `vite preview` on 127.0.0.1:4177, drives headless Chromium (Debian's, with
 * --enable-unsafe-webgpu) through Playwright and returns Markdown tables. Every number comes with
 * a baseline measured in the same run. Also runnable alone:
 * `npx tsx scripts/bench/browser.ts [--quick] [--only explore,metrics,frames,train] [--reps N] [--keep-build]`
 * (--keep-build leaves dist-bench in place, and a later run reuses it; BENCH_OUTDIR / BENCH_PORT
 * replace dist-bench and 4177). metrics: the full metric set against numpy + scikit-learn and the
 * first view of 100,000 x 768 against reading its bytes (metricsBench.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { UMAP } from 'umap-js';
import { mulberry32 } from '../../src/geometry/random';
import { npyToMatrix, parseNpy } from '../../src/io/npy';
import { cloudFile, exploreFiles } from './browserData';
import { openApp, timeLoad, timeUmap } from './exploreBench';
import { hasNumpy, numpyMetrics } from './numpy';
import { benchMetrics, metricsOptions } from './metricsBench';
import { benchContext, launchBenchBrowser } from './probe';
import { buildForBench, ORIGIN, OUT_DIR, ROOT, startPreview } from './server';
import { exploreTables, framesTable, trainTable, type ExploreResults } from './tables';
import { BACKENDS, PRESET, trainOnBackend, trainThroughUi } from './trainBench';
import { benchFrames } from './viewBench';

export interface BrowserOptions {
  quick: boolean;
  only: Set<string>;
  keepBuild: boolean;
  argv: string[];
}

/** Options from the command line (see the file comment). */
export function browserOptions(argv: string[]): BrowserOptions {
  const i = argv.indexOf('--only');
  const only = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--only='))?.slice(7);
  return { quick: argv.includes('--quick'), only: new Set((only ?? 'explore,metrics,frames,train').split(',')), keepBuild: argv.includes('--keep-build'), argv };
}

/** Sizes: the issues' sizes, or smaller ones with --quick. */
function sizes(quick: boolean) {
  return {
    exploreN: quick ? 10_000 : 100_000,
    umapN: quick ? 5_000 : 20_000,
    cloudN: 1_000_000,
    cloudDistinct: 20_000,
    frameRounds: quick ? 3 : 5,
    framesPerRound: 5,
    trainSeconds: quick ? 8 : 20,
    uiSeconds: 30,
  };
}

const log = (msg: string) => console.error(`[bench:browser] ${msg}`);
const fileName = (f: string) => f.slice(f.lastIndexOf('/') + 1);

/** umap-js on the rows of an n x d .npy, as a user would call it (its own approximate kNN); seconds of fit(). */
function umapJsSeconds(path: string): number {
  const { rows, cols, data } = npyToMatrix(parseNpy(new Uint8Array(readFileSync(path)), path), path);
  const X = Array.from({ length: rows }, (_, i) => Array.from(data.subarray(i * cols, (i + 1) * cols)));
  const umap = new UMAP({ nComponents: 3, nNeighbors: 15, minDist: 0.1, random: mulberry32(1) });
  const t0 = performance.now();
  umap.fit(X);
  return (performance.now() - t0) / 1000;
}

/**
 * Each load in a page of a fresh context: the app keeps the last dataset in the browser's storage
 * and a page of the same context would open on it (same n: its redraws would pass for the new one's).
 */
async function explore(newContext: () => Promise<BrowserContext>, s: ReturnType<typeof sizes>): Promise<ExploreResults> {
  const files = exploreFiles(s.exploreN);
  const freshPage = async () => (await newContext()).newPage();
  const closePage = (p: Page) => p.context().close();
  let page = await freshPage();
  await openApp(page, ORIGIN);
  log(`loading ${fileName(files.npy)} (${(files.npyBytes / 2 ** 20).toFixed(0)} MiB) + labels`);
  const npy = await timeLoad(page, [files.npy, files.labels], files.n);
  log(`  .npy: first view after ${npy.paintS.toFixed(1)} s, TwoNN after ${npy.fullS.toFixed(1)} s; reading the bytes ${npy.readS.toFixed(2)} s`);
  await closePage(page);
  page = await freshPage();
  await openApp(page, ORIGIN);
  log(`loading ${fileName(files.tsv)} (${(files.tsvBytes / 2 ** 20).toFixed(0)} MiB) + metadata`);
  const tsv = await timeLoad(page, [files.tsv, files.metadata], files.n, false);
  log(`  TSV: first view after ${tsv.paintS.toFixed(1)} s; reading the bytes ${tsv.readS.toFixed(2)} s`);
  await closePage(page);
  let numpy = null;
  if (hasNumpy()) {
    log('numpy: np.load + the same metric set');
    numpy = numpyMetrics(files.npy, files.labelsNpy);
    log(`  numpy: ${(numpy.parse_seconds + numpy.seconds).toFixed(1)} s`);
  }
  const u = s.umapN === files.n ? files : exploreFiles(s.umapN);
  page = await freshPage();
  await openApp(page, ORIGIN);
  await timeLoad(page, [u.npy, u.labels], u.n);
  log(`UMAP on ${u.n} points`);
  const umap = await timeUmap(page);
  await closePage(page);
  log(`  UMAP in the app: ${umap.totalS.toFixed(1)} s; umap-js directly in Node:`);
  const umapJsS = umapJsSeconds(u.npy);
  log(`  ${umapJsS.toFixed(1)} s`);
  return { files, npy, tsv, numpy, umap: { n: u.n, ...umap, umapJsS } };
}

/** Runs the selected browser sections and returns the Markdown to print. */
export async function benchBrowser(o: BrowserOptions): Promise<string[]> {
  const s = sizes(o.quick);
  const lines: string[] = [];
  if (!existsSync(join(ROOT, OUT_DIR, 'bench', 'points.js'))) {
    log(`building the app into ${OUT_DIR} and the bench pages into ${OUT_DIR}/bench`);
    log(`  built in ${buildForBench().toFixed(0)} s`);
  }
  const cloud = { path: cloudFile(s.cloudN, s.cloudDistinct), url: '/bench-data/cloud.npy', n: s.cloudN, distinct: s.cloudDistinct };
  const distinctUrl = '/bench-data/cloud-distinct.npy';
  if (o.only.has('frames')) {
    mkdirSync(join(ROOT, OUT_DIR, 'bench-data'), { recursive: true });
    copyFileSync(cloud.path, join(ROOT, OUT_DIR, cloud.url));
    copyFileSync(cloudFile(s.cloudN, s.cloudN), join(ROOT, OUT_DIR, distinctUrl));
  }
  const preview = await startPreview();
  const browser = await launchBenchBrowser();
  try {
    const newContext = async () => {
      const c = await benchContext(browser);
      c.setDefaultTimeout(120_000);
      return c;
    };
    const context = await newContext();
    const load0 = loadavg()[0];
    lines.push(`Browser: Chromium ${browser.version()} headless, software WebGL/WebGPU (SwiftShader), viewport 1280 x 800${o.quick ? '; --quick sizes' : ''}.`, '');
    if (o.only.has('explore')) lines.push(...exploreTables(await explore(newContext, s)), '');
    if (o.only.has('metrics')) {
      log('full metric set against numpy + scikit-learn, interleaved; first view against reading the bytes');
      lines.push(...(await benchMetrics(newContext, ORIGIN, metricsOptions(o.quick, o.argv), log)), '');
    }
    if (o.only.has('frames')) {
      const page = await context.newPage();
      lines.push(...framesTable(await benchFrames(page, { origin: ORIGIN, cloud, distinctUrl, rounds: s.frameRounds, framesPerRound: s.framesPerRound, hoverMoves: 8, dragMoves: 12, log })), '');
      await page.close();
    }
    if (o.only.has('train')) {
      log(`Train mode through the UI: ${PRESET}, ${s.uiSeconds} s of training`);
      const page = await context.newPage();
      await openApp(page, ORIGIN);
      const ui = await trainThroughUi(page, s.uiSeconds);
      await page.close();
      log(`  the app picked ${ui.backend}: ${ui.stepsPerSecond.toFixed(2)} steps/s, longest task ${ui.longestTaskMs ?? '-'} ms`);
      const runs = [];
      for (const b of BACKENDS) {
        log(`training steps on ${b} (bench page, ${s.trainSeconds} s)`);
        const r = await trainOnBackend(context, b, s.trainSeconds);
        log(`  ${b}: ${r.ok ? `${r.stepsPerSecond.toFixed(2)} steps/s` : r.note}`);
        runs.push(r);
      }
      lines.push(...trainTable(ui, runs), '');
    }
    lines.push(`Machine load during these runs (1-minute load average, ${cpus().length} cores): ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end.`);
  } finally {
    await browser.close().catch(() => undefined);
    preview.stop();
    if (!o.keepBuild) rmSync(join(ROOT, OUT_DIR), { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const line of await benchBrowser(browserOptions(process.argv.slice(2)))) console.log(line);
}
