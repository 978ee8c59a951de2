/**
 * Main-thread stalls (issue 13): every long task (PerformanceObserver 'longtask', >= 50 ms) while
 * Explore analyses N x 128 labelled points (default 100,000) and while Train plays the default
 * preset at max speed, each attributed to the stage the status bar showed when it began; and the
 * WebGL draws of an idle 3D view (frameloop "demand": none expected). Measurement only, no
 * assertion: `npx tsx scripts/bench/stalls.ts [--n 100000] [--train-seconds 20] [--keep-build]`
 * (builds dist-bench like the browser bench and serves it on its port).
 */
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp } from './exploreBench';
import { stallsFiles } from './stallsData';
import { benchContext, launchBenchBrowser, pageNow, probeState, until, type Tracked } from './probe';
import { buildForBench, ORIGIN, OUT_DIR, ROOT, startPreview } from './server';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const N = arg('--n', 100_000);
const D = 128;
const TRAIN_SECONDS = arg('--train-seconds', 20);
const log = (msg: string) => console.error(`[bench:stalls] ${msg}`);

interface Stall {
  start: number;
  duration: number;
  stage: string;
}

/** The stage text an element's timeline showed at time t. */
function stageAt(track: Tracked[], t: number): string {
  let text = '';
  for (const e of track) {
    if (e.t > t) break;
    text = e.text;
  }
  return text.replace(/Cancel$/, '').replace(/\s+\d+%$/, '').trim() || '(none)';
}

function summary(what: string, tasks: Stall[], seconds: number): string[] {
  const total = tasks.reduce((s, t) => s + t.duration, 0);
  const longest = tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0;
  const byStage = new Map<string, { n: number; ms: number; max: number }>();
  for (const t of tasks) {
    const s = byStage.get(t.stage) ?? { n: 0, ms: 0, max: 0 };
    byStage.set(t.stage, { n: s.n + 1, ms: s.ms + t.duration, max: Math.max(s.max, t.duration) });
  }
  const lines = [`| ${what} | ${seconds.toFixed(1)} s | ${tasks.length} | ${total.toFixed(0)} ms | ${longest.toFixed(0)} ms |`];
  for (const [stage, s] of [...byStage].sort((a, b) => b[1].ms - a[1].ms)) lines.push(`|   during "${stage}" | | ${s.n} | ${s.ms.toFixed(0)} ms | ${s.max.toFixed(0)} ms |`);
  return lines;
}

/** Counts WebGL draw calls of every context in the page from now on. */
async function countDraws(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __draws: number };
    w.__draws = 0;
    for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
      for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced'] as const) {
        const original = (proto as unknown as Record<string, (...a: unknown[]) => void>)[name];
        if (!original) continue;
        (proto as unknown as Record<string, (...a: unknown[]) => void>)[name] = function (this: unknown, ...a: unknown[]) {
          w.__draws++;
          return original.apply(this, a);
        };
      }
    }
  });
}

async function explore(page: Page, file: string, labels: string): Promise<{ tasks: Stall[]; seconds: number; idleDraws: number }> {
  await openApp(page, ORIGIN);
  const t0 = await pageNow(page);
  await page.getByTestId('file-input').setInputFiles([file, labels]);
  const status = page.getByTestId('analysis-status');
  await until('the analysis to finish', async () => ((await page.getByTestId('metric-n').getAttribute('data-value')) === String(N) && (await status.getAttribute('data-id-status')) === 'done' ? true : null), 3600_000);
  const t1 = await pageNow(page);
  const s = await probeState(page);
  const tasks = s.longtasks.filter((l) => l.start >= t0 && l.start <= t1).map((l) => ({ ...l, stage: stageAt(s.tracks['analysis-status'], l.start) }));
  await page.waitForTimeout(1000);
  await countDraws(page);
  await page.waitForTimeout(3000);
  const idleDraws = await page.evaluate(() => (window as unknown as { __draws: number }).__draws);
  return { tasks, seconds: (t1 - t0) / 1000, idleDraws };
}

/** Plays the default preset (the store's default speed is max) for TRAIN_SECONDS. */
async function train(page: Page): Promise<{ tasks: Stall[]; seconds: number; steps: number }> {
  await page.getByTestId('mode-train').click();
  const step = page.getByTestId('train-step-count');
  await until('the default run to be built', async () => ((await step.getAttribute('data-value')) === '0' ? true : null), 300_000);
  const t0 = await pageNow(page);
  await page.getByTestId('train-play').click();
  await page.waitForTimeout(TRAIN_SECONDS * 1000);
  const t1 = await pageNow(page);
  await page.getByTestId('train-play').click();
  const s = await probeState(page);
  const tasks = s.longtasks.filter((l) => l.start >= t0 && l.start <= t1).map((l) => ({ ...l, stage: 'training' }));
  return { tasks, seconds: (t1 - t0) / 1000, steps: Number(await step.getAttribute('data-value')) };
}

const { file, labels } = stallsFiles(N, D);
if (!existsSync(join(ROOT, OUT_DIR, 'index.html'))) log(`built in ${buildForBench().toFixed(0)} s`);
const preview = await startPreview();
const browser = await launchBenchBrowser();
try {
  const context = await benchContext(browser);
  const load0 = loadavg()[0];
  let page = await context.newPage();
  log(`Explore: ${N} x ${D} + labels`);
  const e = await explore(page, file, labels);
  await page.close();
  page = await context.newPage();
  await openApp(page, ORIGIN);
  log(`Train: default preset at max speed for ${TRAIN_SECONDS} s`);
  const t = await train(page);
  await page.close();
  const lines = [
    `Main-thread long tasks (>= 50 ms, PerformanceObserver 'longtask'), headless Chromium ${browser.version()}:`,
    '',
    '| while | over | long tasks | total | longest |',
    '| --- | --- | --- | --- | --- |',
    ...summary(`Explore, ${N.toLocaleString('en-US')} x ${D}: file chosen -> every metric shown`, e.tasks, e.seconds),
    ...summary(`Train, default preset at max speed (${t.steps} steps)`, t.tasks, t.seconds),
    '',
    `Idle 3D view after the analysis: ${e.idleDraws} WebGL draw calls in 3 s (frameloop "demand").`,
    `Machine load (1-minute average): ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end.`,
  ];
  for (const line of lines) console.log(line);
} finally {
  await browser.close().catch(() => undefined);
  preview.stop();
  if (!argv.includes('--keep-build')) rmSync(join(ROOT, OUT_DIR), { recursive: true, force: true });
}
