/** Shared steps of the e2e journeys: waiting for an analysis, reading metrics, counting pixels. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import type { AnalysisReport } from '../src/geometry/types';

/** Where screenshots go (gitignored). */
export const ARTIFACTS = 'e2e-artifacts';
/** CLI reports of this run (global-setup.ts empties it before every run). */
export const CLI_CACHE = `${ARTIFACTS}/cli-cache${process.env.E2E_PORT ? `-${process.env.E2E_PORT}` : ''}.json`;

/** The cache key of a CLI run: its arguments plus the size and time of every file among them. */
function cliKey(args: readonly string[]): string {
  return args.map((a) => (existsSync(a) ? `${a}@${statSync(a).size}:${statSync(a).mtimeMs}` : a)).join(' ');
}

/**
 * Runs `subspace-lab analyze ARGS --json` and returns its report (computed on wasm). Reports are
 * cached for the run by arguments and file times, so the journeys share one CLI run per input.
 */
export function cliReport(args: readonly string[]): AnalysisReport {
  const cache: Record<string, AnalysisReport> = existsSync(CLI_CACHE) ? JSON.parse(readFileSync(CLI_CACHE, 'utf8')) : {};
  const key = cliKey(args);
  if (cache[key]) return cache[key];
  const out = execFileSync(process.execPath, ['bin/subspace-lab.mjs', 'analyze', ...args, '--json'], { encoding: 'utf8', timeout: 300_000 });
  cache[key] = JSON.parse(out) as AnalysisReport;
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(CLI_CACHE, JSON.stringify(cache));
  return cache[key];
}

/** Runs the CLI on the shipped digits and returns its --json report (computed on wasm). */
export function cliDigitsReport(): AnalysisReport {
  return cliReport(['public/data/digits.npy', '--labels', 'public/data/digits-labels.txt']);
}

/** Chooses files in the file input and waits until the app shows `dataset` analysed. */
export async function loadFiles(page: Page, files: string[], dataset: string): Promise<string> {
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('dataset-name')).toHaveText(dataset, { timeout: 60_000 });
  return waitForAnalysis(page);
}

/** |a - b| relative tolerance for a report computed on `backend` against the CLI (wasm). */
export function toleranceFor(backend: string): number {
  return backend === 'wasm' ? 1e-6 : 1e-4;
}

/** Records every request the page and its workers make; `offOrigin()` lists those leaving the origin. */
export function watchRequests(page: Page, origin: string): { all: string[]; offOrigin: () => string[] } {
  const all: string[] = [];
  page.on('request', (r) => all.push(r.url()));
  const local = (u: string) => u.startsWith(`${origin}/`) || u === origin || u.startsWith('data:') || u.startsWith('blob:');
  return { all, offOrigin: () => all.filter((u) => !local(u)) };
}

/** Waits until the analysis and its ID stage have finished on `backend` (any backend when omitted); returns the backend. */
export async function waitForAnalysis(page: Page, backend?: string): Promise<string> {
  const status = page.getByTestId('analysis-status');
  const name = page.getByTestId('backend-name');
  if (backend) await expect(name).toHaveAttribute('data-backend', backend);
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  // The intrinsic-dimension stage follows the first view; every metric is final once it is done.
  await expect(status).toHaveAttribute('data-id-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', /\d/);
  return (await name.getAttribute('data-backend')) ?? '';
}

/** Opens the app (the digits demo in Explore) and waits for its analysis; returns the backend. */
export async function openExplore(page: Page, backend?: string): Promise<string> {
  await page.goto('/');
  return waitForAnalysis(page, backend);
}

/** Collects the page's (and unless `workers` is false its workers') console errors and uncaught errors, from now on. */
export function collectErrors(page: Page, workers = true): string[] {
  const errors: string[] = [];
  const onConsole = (prefix: string) => (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`${prefix}: ${m.text()}`);
  };
  page.on('console', onConsole('console'));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  if (workers) page.on('worker', (w) => w.on('console', onConsole('worker console')));
  return errors;
}

/**
 * After a crash during a load: the error banner names the dataset that stays ("Still showing NAME."),
 * one of `counts`' names; that dataset is shown with its point count, and still is a second later.
 */
export async function expectStillShowing(page: Page, counts: Record<string, string>): Promise<void> {
  const kept = /Still showing (\S+)\./.exec((await page.getByTestId('analysis-error').textContent()) ?? '')?.[1];
  expect(Object.keys(counts)).toContain(kept);
  await expect(page.getByTestId('dataset-name')).toHaveText(kept!);
  await expect(page.getByTestId('metric-n')).toHaveText(counts[kept!]);
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('dataset-name')).toHaveText(kept!);
}

/** Every displayed metric: its path in the report (or evr index) and its full-precision data-value. */
export async function displayedMetrics(page: Page): Promise<{ testId: string; path: string; value: string }[]> {
  return page.$$eval('[data-testid^="metric-"][data-value]', (els) =>
    els.map((el) => {
      const testId = el.getAttribute('data-testid') ?? '';
      const evr = /^metric-evr-(\d+)$/.exec(testId);
      const path = evr ? `pca.explainedVarianceRatio.${Number(evr[1]) - 1}` : (el.getAttribute('data-path') ?? '');
      return { testId, path, value: el.getAttribute('data-value') ?? '' };
    }),
  );
}

/** The value at a dotted path (array indices allowed). */
export function at(obj: unknown, path: string): unknown {
  let v = obj;
  // A null block (e.g. projection.pca3 of a set too small to measure) makes each of its fields null; a missing one, undefined.
  for (const key of path.split('.')) v = v === null ? null : v === undefined ? undefined : (v as Record<string, unknown>)[key];
  return v;
}

/** |a - b| <= tol * max(|a|, |b|) (plus 1e-12 absolute, for exact zeros). */
export function closeRel(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}

/** Asserts every displayed metric equals `ref` at its path within `tol` relative; returns how many were checked. */
export async function expectMetricsMatch(page: Page, ref: AnalysisReport, tol: number, what: string): Promise<number> {
  const shown = await displayedMetrics(page);
  for (const m of shown) {
    const want = at(ref, m.path);
    expect(want, `${m.testId}: ${m.path} is missing from ${what}`).not.toBeUndefined();
    if (want === null) {
      expect(m.value, `${m.testId} should be null like ${what}`).toBe('null');
      continue;
    }
    const got = Number(m.value);
    expect(Number.isFinite(got), `${m.testId} shows ${m.value}`).toBe(true);
    expect(closeRel(got, want as number, tol), `${m.testId} = ${got}, ${what} has ${want} (tolerance ${tol} relative)`).toBe(true);
  }
  return shown.length;
}

/** An RGBA image: `data` holds width x height x 4 bytes, row by row. */
export interface Pixels {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Decodes a PNG with the page's image decoder (a 2D canvas) and returns its RGBA pixels here. */
export async function decodePng(page: Page, png: Buffer): Promise<Pixels> {
  const { width, height, rgba } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let bin = '';
    for (let i = 0; i < d.length; i += 0x8000) bin += String.fromCharCode(...d.subarray(i, i + 0x8000));
    return { width: c.width, height: c.height, rgba: btoa(bin) };
  }, png.toString('base64'));
  return { width, height, data: new Uint8Array(Buffer.from(rgba, 'base64')) };
}

/**
 * Counts the distinct colours of a PNG and the share of its pixels that differ from `background`
 * by more than 24 in some channel.
 */
export async function pixelStats(page: Page, png: Buffer, background: [number, number, number]) {
  const { width, height, data: d } = await decodePng(page, png);
  const colours = new Set<number>();
  let foreground = 0;
  for (let i = 0; i < d.length; i += 4) {
    colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    if (Math.abs(d[i] - background[0]) > 24 || Math.abs(d[i + 1] - background[1]) > 24 || Math.abs(d[i + 2] - background[2]) > 24) foreground++;
  }
  return { width, height, distinct: colours.size, foreground: foreground / (width * height) };
}

/** Moves the mouse over the point view near its centre until the point tooltip shows. */
export async function hoverUntilTooltip(page: Page): Promise<void> {
  const box = (await page.getByTestId('point-view').locator('canvas').boundingBox())!;
  const tip = page.getByTestId('point-tooltip');
  for (let dy = -80; dy <= 80; dy += 10) {
    for (let dx = -120; dx <= 120; dx += 8) {
      await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
      if (await tip.evaluate((el) => getComputedStyle(el).visibility === 'visible')) return;
    }
  }
  throw new Error('no point found under the cursor near the centre');
}

/** The share of an <img>'s or <canvas>'s pixels whose red channel is below `below` (ink on a white ground). */
export async function inkShare(image: Locator, below: number): Promise<number> {
  return image.evaluate(async (el: HTMLImageElement | HTMLCanvasElement, below) => {
    let canvas = el as HTMLCanvasElement;
    if (el instanceof HTMLImageElement) {
      await el.decode();
      canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [el.naturalWidth, el.naturalHeight];
      canvas.getContext('2d')!.drawImage(el, 0, 0);
    }
    const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < below) dark++;
    return dark / (d.length / 4);
  }, below);
}
