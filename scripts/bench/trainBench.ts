/**
 * Train-mode measurements. Per backend: the bench page (pages/train.ts) trains the 'fashion-mnist'
 * preset with the app's trainer on that tfjs backend, training steps only. Through the app's UI:
 * Train mode, preset 'fashion-mnist', the backend the app picks, Play for `seconds`: steps per
 * second from the step counter (it moves at every snapshot, so this includes snapshot work) and
 * main-thread responsiveness (long tasks, longest gap between animation frames).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { findPreset } from '../../src/training/presets';
import type { TrainBenchResult } from './pages/train';
import { pageNow, probeState, until } from './probe';
import { ORIGIN } from './server';

export const PRESET = 'fashion-mnist';
/** Order of the per-backend runs: WebGPU last, since on a software adapter it can stall the GPU process. */
export const BACKENDS = ['wasm', 'webgl', 'cpu', 'webgpu'] as const;

/** Trains on one backend in a fresh bench page; a result with ok = false when it cannot start, fails or times out. */
export async function trainOnBackend(context: BrowserContext, backend: (typeof BACKENDS)[number], seconds: number): Promise<TrainBenchResult> {
  const page = await context.newPage();
  const timeoutMs = 1000 * (2 * seconds + 180);
  try {
    await page.goto(`${ORIGIN}/bench/train.html`);
    await page.locator('#state', { hasText: 'ready' }).waitFor({ timeout: 60_000 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no result within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      return await Promise.race([
        page.evaluate(
          ({ b, p, s }) => (window as unknown as { benchTrain: (b: string, p: string, s: number) => Promise<TrainBenchResult> }).benchTrain(b, p, s),
          { b: backend, p: PRESET, s: seconds },
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    // The page's #state names the phase it was in.
    const phase = await page.locator('#state').innerText({ timeout: 5000 }).catch(() => '?');
    const message = `${(e as Error).message.split('\n')[0]} (during: ${phase})`;
    return { backend, ok: false, note: message, stepsPerSecond: 0, steps: 0, seconds: 0, trainAccuracy: NaN, batchSize: 0, trainRows: 0, layers: '' };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export interface UiTraining {
  backend: string;
  reason: string;
  /** Steps per second between the first and the last step-counter update while playing. */
  stepsPerSecond: number;
  steps: number;
  snapshotEvery: number;
  longestTaskMs: number | null;
  longTasks: number;
  longestFrameGapMs: number;
  seconds: number;
}

/** From the app's page (Explore idle), opens Train mode, picks the preset and plays for `seconds` on the app's own backend choice. */
export async function trainThroughUi(page: Page, seconds: number): Promise<UiTraining> {
  await page.getByTestId('mode-train').click();
  const status = page.getByTestId('train-status');
  const step = page.getByTestId('train-step-count');
  await until('the default run to be built', async () => ((await step.getAttribute('data-value')) === '0' && (await status.getAttribute('data-status')) === 'ready' ? true : null), 180_000);
  const tSelect = await pageNow(page);
  await page.getByTestId('train-preset').selectOption(PRESET);
  await until(
    `the ${PRESET} run to be built`,
    async () => {
      const log = (await probeState(page)).tracks['train-status'].filter((e) => e.t >= tSelect);
      const built = log.findIndex((e) => e.status === 'building');
      return built >= 0 && log.slice(built).some((e) => e.status === 'ready') ? true : null;
    },
    300_000,
  );
  // Frame gaps: a requestAnimationFrame loop on the main thread for the whole window.
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: { last: number; max: number; on: boolean } };
    w.__gaps = { last: performance.now(), max: 0, on: true };
    const tick = (t: number) => {
      const g = w.__gaps;
      g.max = Math.max(g.max, t - g.last);
      g.last = t;
      if (g.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const tPlay = await pageNow(page);
  await page.getByTestId('train-play').click();
  await page.waitForTimeout(seconds * 1000);
  const tEnd = await pageNow(page);
  const longestFrameGapMs = await page.evaluate(() => {
    const g = (window as unknown as { __gaps: { max: number; on: boolean } }).__gaps;
    g.on = false;
    return g.max;
  });
  await page.getByTestId('train-play').click();
  const s = await probeState(page);
  const counts = s.tracks['train-step-count'].filter((e) => e.t >= tPlay && e.t <= tEnd && Number(e.value) > 0);
  const first = counts[0];
  const last = counts[counts.length - 1];
  let stepsPerSecond = NaN;
  if (counts.length >= 2) stepsPerSecond = ((Number(last.value) - Number(first.value)) * 1000) / (last.t - first.t);
  else if (last) stepsPerSecond = (Number(last.value) * 1000) / (last.t - tPlay);
  const tasks = s.longtasks.filter((l) => l.start >= tPlay && l.start <= tEnd);
  return {
    backend: (await page.getByTestId('train-backend-name').getAttribute('data-backend')) ?? '',
    reason: (await page.getByTestId('train-backend-reason').innerText()).replace(/^—\s*/, ''),
    stepsPerSecond,
    steps: last ? Number(last.value) : 0,
    snapshotEvery: findPreset(PRESET)?.config.train.snapshotEvery ?? NaN,
    longestTaskMs: tasks.length ? Math.max(...tasks.map((l) => l.duration)) : null,
    longTasks: tasks.length,
    longestFrameGapMs,
    seconds: (tEnd - tPlay) / 1000,
  };
}
