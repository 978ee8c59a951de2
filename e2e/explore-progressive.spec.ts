/**
 * Progressive analysis: on a generated 20,000 x 64 file the cloud and the first metrics are drawn
 * while TwoNN and MLE are still being computed (pending in the panel, with progress in the status
 * bar, and marked pending in a JSON export); then they arrive and equal the CLI's. On wide data
 * (3,000 x 300, 10 classes) the principal angles are left out of the first view and computed when
 * the Classes tab opens.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mulberry32 } from '../src/geometry/random';
import { writeNpy } from '../src/io/npy';
import { ARTIFACTS, cliReport, expectMetricsMatch, openExplore, pixelStats, toleranceFor, waitForAnalysis } from './helpers';

const N = 20_000;
const D = 64;
const K = 5;
const VIEW_BG: [number, number, number] = [0xfb, 0xfb, 0xfc];

let dir: string;
let npy: string;
let labels: string;

/** Seeded Gaussian blobs (mulberry32 + Box-Muller), K classes, written as .npy plus a labels file. */
test.beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'progressive-'));
  const rand = mulberry32(11);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const centres = Float32Array.from({ length: K * D }, () => 2.5 * normal());
  const X = new Float32Array(N * D);
  const y: string[] = [];
  for (let i = 0; i < N; i++) {
    const k = i % K;
    y.push(`blob ${k}`);
    for (let t = 0; t < D; t++) X[i * D + t] = centres[k * D + t] + normal();
  }
  npy = join(dir, 'progressive.npy');
  labels = join(dir, 'progressive-labels.txt');
  writeFileSync(npy, writeNpy(X, [N, D]));
  writeFileSync(labels, `${y.join('\n')}\n`);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function downloadJson(page: Page): Promise<Record<string, unknown>> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  return JSON.parse(readFileSync((await dl.path())!, 'utf8'));
}

/** Dotted paths of every leaf of a JSON object. */
function leaves(o: unknown, prefix = ''): string[] {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** Opens the app, chooses the blobs and their labels, and waits for their first view; returns the status element. */
async function openBlobs(page: Page): Promise<Locator> {
  await openExplore(page);
  await page.getByTestId('file-input').setInputFiles([npy, labels]);
  await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', String(N), { timeout: 60_000 });
  return page.getByTestId('analysis-status');
}

test('draws the cloud before the ID estimates, shows them pending, then the CLI values', async ({ page }) => {
  test.setTimeout(480_000);
  const status = await openBlobs(page);
  await expect(page.getByTestId('legend').getByRole('button')).toHaveCount(K);
  await page.waitForTimeout(300);
  const png = await page.getByTestId('point-view').locator('canvas').screenshot();
  const twoNN = page.getByTestId('metric-twoNN');
  await expect(status).toHaveAttribute('data-status', 'done');
  await expect(status).toHaveAttribute('data-id-status', 'running');
  await expect(twoNN).toHaveAttribute('data-pending', 'true');
  await expect(twoNN).toHaveText(/^computing… \d+%$/);
  await expect(status).toContainText(/TwoNN\/MLE( per class)? \d+%/);
  await expect(page.getByTestId('cancel-button')).toBeEnabled();
  await page.screenshot({ path: `${ARTIFACTS}/progressive-pending.png` });
  await page.getByTestId('id-stage').scrollIntoViewIfNeeded();
  await page.getByTestId('metrics-panel').screenshot({ path: `${ARTIFACTS}/progressive-pending-metrics.png` });
  const early = await downloadJson(page);
  // Still pending after the screenshot and the export: the cloud really came first.
  await expect(status).toHaveAttribute('data-id-status', 'running');
  const stats = await pixelStats(page, png, VIEW_BG);
  expect(stats.foreground).toBeGreaterThan(0.01);
  expect(early.intrinsicDimension).toMatchObject({ twoNN: null, mle: { harmonic: null, mean: null }, sample: null, pending: true });
  expect(String((early.intrinsicDimension as { note: string }).note)).toMatch(/still being computed/);
  expect(early.neuralCollapse).toMatchObject({ nc1: expect.any(Number) });

  await expect(status).toHaveAttribute('data-id-status', 'done', { timeout: 180_000 });
  await expect(twoNN).not.toHaveAttribute('data-pending', 'true');
  await expect(twoNN).toHaveText(/^\d/);
  // Isotropic blobs in 64-d: the PCA tree's bounds prune too little, so the estimate keeps brute force (as the CLI).
  await expect(page.getByTestId('id-search')).toHaveAttribute('data-search', 'brute force');
  await expect(page.getByTestId('id-search')).toHaveText('Exact kNN by brute force (the tile scan was estimated cheaper than the PCA tree).');
  await page.getByTestId('id-stage').scrollIntoViewIfNeeded();
  await page.getByTestId('metrics-panel').screenshot({ path: `${ARTIFACTS}/progressive-done-metrics.png` });
  const backend = await waitForAnalysis(page);
  const cli = cliReport([npy, '--labels', labels]);
  expect(await expectMetricsMatch(page, cli, toleranceFor(backend), 'the CLI report')).toBeGreaterThan(15);
  const late = await downloadJson(page);
  expect(leaves(late).sort()).toEqual(leaves(cli).sort());
  expect((late.intrinsicDimension as { twoNN: number }).twoNN).toBeCloseTo(cli.intrinsicDimension.twoNN!, 4);
  // The global scan (20,000^2 x 64 / 2 multiply-adds) ran on the page's tile pool, one Web Worker per core, with the CLI's result.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.getByTestId('threads')).toHaveAttribute('data-threads', String(cores > 1 ? Math.min(cores, 16) : 1));
  if (cores > 1) await expect(page.getByTestId('threads')).toHaveText(`${Math.min(cores, 16)} threads`);

  await page.getByTestId('tab-dimension').click();
  await expect(page.getByTestId('chart-class-id')).toBeVisible();
  await expect(page.getByTestId('class-id-pending')).toHaveCount(0);
});

test('cancelling the ID stage keeps the first view; it can be computed again', async ({ page }) => {
  test.setTimeout(480_000);
  const status = await openBlobs(page);
  await expect(status).toHaveAttribute('data-id-status', 'running');
  const nc1 = await page.getByTestId('metric-nc1').getAttribute('data-value');
  await page.getByTestId('cancel-button').click();
  await expect(status).toHaveAttribute('data-id-status', 'cancelled');
  await expect(status).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('metric-twoNN')).toHaveText('cancelled');
  await expect(page.getByTestId('metric-nc1')).toHaveAttribute('data-value', nc1 ?? '');
  const json = await downloadJson(page);
  expect(json.intrinsicDimension).toMatchObject({ twoNN: null, pending: true });
  await page.getByTestId('id-compute').click();
  await expect(status).toHaveAttribute('data-id-status', 'running');
  await expect(status).toHaveAttribute('data-id-status', 'done', { timeout: 180_000 });
  await expect(page.getByTestId('metric-twoNN')).toHaveAttribute('data-value', /^\d/);
});

test('wide data: the principal angles are computed when the Classes tab opens', async ({ page }) => {
  const rand = mulberry32(5);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const [n, d, k] = [3000, 300, 10];
  const X = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) X[i * d + t] = (t % k === i % k ? 3 : 0) + normal();
  const wide = join(dir, 'wide.npy');
  const wideLabels = join(dir, 'wide-labels.txt');
  writeFileSync(wide, writeNpy(X, [n, d]));
  writeFileSync(wideLabels, `${Array.from({ length: n }, (_, i) => `c${i % k}`).join('\n')}\n`);
  await openExplore(page);
  await page.getByTestId('file-input').setInputFiles([wide, wideLabels]);
  await expect(page.getByTestId('dataset-name')).toHaveText('wide.npy', { timeout: 60_000 });
  await waitForAnalysis(page);
  await page.getByTestId('tab-classes').click();
  const cells = page.getByTestId('heatmap-angles').locator('rect.heat-cell');
  await expect(cells).toHaveCount(k * k, { timeout: 120_000 });
  await expect(page.getByTestId('angles-computing')).toHaveCount(0);
  const off = Number(await cells.nth(1).getAttribute('data-value'));
  expect(off).toBeGreaterThan(0);
  await page.screenshot({ path: `${ARTIFACTS}/classes-wide-angles.png` });
});
