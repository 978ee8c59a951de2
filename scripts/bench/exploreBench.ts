/**
 * Explore-mode loads and UMAP through the built app's real UI (file input, view buttons), timed on
 * the page's clock by the probe (probe.ts). Each load runs in a freshly opened app page (the digits
 * demo loaded and analysed first), so the first cloud of n points drawn after the file is chosen
 * is the new one:
 * - first view: file chosen (the input's change event) -> first painted cloud of all n points;
 * - full metric set: file chosen -> the metrics panel shows a TwoNN value for the new data (the
 *   intrinsic-dimension estimates are the last metrics to arrive);
 * - baseline: the same file's bytes read in the same page (File.arrayBuffer() on the main thread);
 * - UMAP: click on the UMAP view button -> its layout shown (the view note names UMAP).
 */
import type { Page } from 'playwright-core';
import { probeState, setProbe, until, type ProbeState, type Tracked, type Watch } from './probe';

/** Wall-clock limit of one load (the 100,000 x 768 kNN takes many minutes on two cores). */
const LOAD_TIMEOUT_MS = 3 * 3600_000;

export interface Stage {
  stage: string;
  seconds: number;
}

export interface LoadTiming {
  /** The analysis backend the app picked. */
  backend: string;
  /** Seconds from the file's change event to: first painted cloud, metrics shown, TwoNN shown. */
  paintS: number;
  metricsS: number;
  fullS: number;
  /** Seconds to read the same file's bytes in the page (the I/O baseline). */
  readS: number;
  /** The TwoNN value shown. */
  twoNN: number;
  /** Seconds in each analysis stage, as the status bar showed them. */
  stages: Stage[];
}

/** The stage name of a status text like "nearest neighbours 42%". */
const stageOf = (text: string) => text.replace(/\s+\d+%$/, '').trim();

/**
 * Seconds per stage from a status element's timeline (running stages read "stage 42%"): a stage
 * lasts until the element shows another stage or no stage.
 */
export function stageDurations(track: Tracked[], from: number, end: number, stageAt = (e: Tracked) => (/\s\d+%$/.test(e.text) ? stageOf(e.text) : '')): Stage[] {
  const spans: Stage[] = [];
  let current = null as { stage: string; t: number } | null;
  for (const e of track) {
    if (e.t < from || e.t > end) continue;
    const stage = stageAt(e);
    if (current?.stage === stage) continue;
    if (current?.stage) spans.push({ stage: current.stage, seconds: (e.t - current.t) / 1000 });
    current = { stage, t: e.t };
  }
  if (current?.stage) spans.push({ stage: current.stage, seconds: (end - current.t) / 1000 });
  return spans;
}

/** Opens the app and waits until its demo is analysed and no analysis is running. */
export async function openApp(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await until('the demo to be analysed', async () => ((await page.getByTestId('metric-n').getAttribute('data-value')) ? true : null), 180_000);
  await waitIdle(page);
}

/** Waits until no analysis is running (done, cancelled or failed). */
export async function waitIdle(page: Page, timeoutMs = 180_000): Promise<void> {
  const status = page.getByTestId('analysis-status');
  // data-id-status: the intrinsic-dimension stage that may follow the first view.
  const busy = async () => ['running', 'choosing'].includes((await status.getAttribute('data-status')) ?? 'running') || (await status.getAttribute('data-id-status')) === 'running';
  await until('the analysis to finish', async () => ((await busy()) ? null : true), timeoutMs);
}

/** The failure of the load started at `since` (page clock), if the status bar has shown one. */
async function failure(page: Page, s: ProbeState, since: number): Promise<string | null> {
  const bad = s.tracks['analysis-status'].find((e) => e.t >= since && (e.status === 'error' || e.status === 'cancelled' || e.status === 'choosing'));
  if (!bad) return null;
  const error = page.getByTestId('analysis-error');
  return `${bad.status}: ${(await error.count()) ? await error.innerText() : ''}`;
}

/** Seconds to read `file`'s bytes in the page: a file input of its own, File.arrayBuffer(). */
export async function readInPage(page: Page, file: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-read';
    input.hidden = true;
    document.body.append(input);
  });
  await page.locator('#bench-read').setInputFiles(file);
  return page.evaluate(async () => {
    const input = document.getElementById('bench-read') as HTMLInputElement;
    const file = (input.files as FileList)[0];
    const t0 = performance.now();
    const bytes = await file.arrayBuffer();
    const seconds = (performance.now() - t0) / 1000;
    input.remove();
    if (bytes.byteLength !== file.size) throw new Error(`read ${bytes.byteLength} of ${file.size} bytes`);
    return seconds;
  });
}

/**
 * Loads `files` (vectors first, then labels or metadata) of `n` rows through the app's file input
 * and times it; `full` waits for the full metric set too (else only for the first painted cloud),
 * `settle` then for the rest of the analysis (the per-class estimates and extras) before returning.
 */
export async function timeLoad(page: Page, files: string[], n: number, full = true, settle = full): Promise<LoadTiming> {
  await waitIdle(page);
  // The baseline first: afterwards the worker may still be busy (the ID stage after the first view).
  const readS = await readInPage(page, files[0]);
  const watch: Watch = { n, metricsAt: null, fullAt: null, paintedAt: null };
  await setProbe(page, { watch, fileChange: null });
  await page.getByTestId('file-input').setInputFiles(files);
  const state = await until<ProbeState>(
    `${files[0]} to be ${full ? 'analysed' : 'drawn'}`,
    async () => {
      const s = await probeState(page);
      if (s.fileChange === null) return null;
      const why = await failure(page, s, s.fileChange);
      if (why) throw new Error(`loading ${files[0]} failed: ${why}`);
      const w = s.watch as Watch;
      return w.paintedAt !== null && (!full || w.fullAt !== null) ? s : null;
    },
    LOAD_TIMEOUT_MS,
    1000,
  );
  const t0 = state.fileChange as number;
  const w = state.watch as Watch;
  const since = (t: number | null) => (t === null ? NaN : (t - t0) / 1000);
  const end = Math.max(w.paintedAt as number, w.fullAt ?? 0);
  if (settle) await waitIdle(page, LOAD_TIMEOUT_MS);
  return {
    backend: (await page.getByTestId('backend-name').getAttribute('data-backend')) ?? '',
    paintS: since(w.paintedAt),
    metricsS: since(w.metricsAt),
    fullS: since(w.fullAt),
    readS,
    twoNN: Number(await page.getByTestId('metric-twoNN').getAttribute('data-value')),
    stages: stageDurations(state.tracks['analysis-status'], t0, end),
  };
}

/** Clicks the UMAP view and times it until the view note names UMAP; seconds per job stage too. */
export async function timeUmap(page: Page): Promise<{ totalS: number; stages: Stage[] }> {
  await page.getByTestId('view-umap').click();
  const shownAt = (s: ProbeState) => s.tracks['view-note'].find((e) => e.t >= (s.clicks['view-umap'] ?? Infinity) && e.text.includes('UMAP ('))?.t;
  const state = await until<ProbeState>('the UMAP layout', async () => {
    const s = await probeState(page);
    return shownAt(s) === undefined ? null : s;
  }, LOAD_TIMEOUT_MS, 1000);
  const t0 = state.clicks['view-umap'];
  const shown = shownAt(state) as number;
  const progress = state.tracks['view-progress'].map((e) => ({ ...e, text: e.text.replace(/Cancel$/, '') }));
  return { totalS: (shown - t0) / 1000, stages: stageDurations(progress, t0, shown, (e) => stageOf(e.text)) };
}
