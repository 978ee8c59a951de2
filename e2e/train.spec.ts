/**
 * The Train journey on the default preset: open Train, play, watch snapshots stream (numbers,
 * timelines, the 3D cloud), pause, export the run's metrics as JSON, and open its features in
 * Explore; no console errors.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { DEFAULT_PRESET } from '../src/training/presets';
import { SNAPSHOT_METRIC_KEYS } from '../src/training/metricKeys';
import { ARTIFACTS, pixelStats } from './helpers';

/** The 3D view's background (--view in app.css). */
const VIEW_BG: [number, number, number] = [0xfb, 0xfb, 0xfc];

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  const keep = (where: string) => (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`${where}: ${m.text()}`);
  };
  page.on('console', keep('console'));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => w.on('console', keep('worker console')));
  return errors;
}

const valueOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

test('Train: play the default preset, snapshots stream, pause, export the metrics', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByTestId('mode-train').click();
  await expect(page.getByTestId('mode-train')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('mode-explore')).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByTestId('train-preset')).toHaveValue(DEFAULT_PRESET.id);

  // The run is built paused at step 0, on a backend the status bar names and explains.
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await expect(page.getByTestId('train-backend-name')).toHaveAttribute('data-backend', /^(webgpu|webgl|wasm|cpu)$/);
  await expect(page.getByTestId('train-backend-reason')).toContainText(/probe|override/);

  // "+N" trains one snapshot interval.
  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', String(DEFAULT_PRESET.config.train.snapshotEvery), { timeout: 30_000 });

  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'playing');
  await expect.poll(() => valueOf(page, 'train-step-count'), { timeout: 40_000 }).toBeGreaterThanOrEqual(300);
  const accuracy = await valueOf(page, 'train-accuracy');
  const nc1 = await valueOf(page, 'train-nc1');
  expect(accuracy).toBeGreaterThan(0.9);
  expect(nc1).toBeGreaterThan(0);
  expect(Number.isFinite(nc1)).toBe(true);
  await expect(page.getByTestId('train-accuracy')).toHaveText(/%$/);
  expect(Number(await page.getByTestId('train-timeline-nc1').getAttribute('data-points'))).toBeGreaterThanOrEqual(10);
  expect(await page.getByTestId('train-timeline-loss').locator('path.timeline-line').first().getAttribute('d')).toMatch(/^M[\d.-]+,[\d.-]+(L[\d.-]+,[\d.-]+){5,}/);
  await expect(page.getByTestId('train-status')).toContainText('steps/s');

  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'paused');
  await page.waitForTimeout(800);
  const paused = await valueOf(page, 'train-step-count');
  await page.waitForTimeout(1000);
  expect(await valueOf(page, 'train-step-count')).toBe(paused);
  await expect(page.getByTestId('train-status')).toContainText(`paused at step ${paused}`);

  // The 3D cloud draws the sample and its overlays.
  const png = await page.getByTestId('train-cloud').locator('canvas').screenshot();
  const stats = await pixelStats(page, png, VIEW_BG);
  expect(stats.foreground).toBeGreaterThan(0.003);
  expect(stats.distinct).toBeGreaterThan(20);
  await page.screenshot({ path: `${ARTIFACTS}/train.png` });

  // Export the metrics as JSON: every snapshot, every metric, the settings and the backend.
  await page.getByTestId('train-tab-runs').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('train-export-json').click()]);
  expect(download.suggestedFilename()).toBe(`train-${DEFAULT_PRESET.id}-step${paused}-metrics.json`);
  const run = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(run.format).toBe('subspace-lab-train-run');
  expect(run.config).toEqual(DEFAULT_PRESET.config);
  expect(run.backend).toBe(await page.getByTestId('train-backend-name').getAttribute('data-backend'));
  expect(run.metrics.length).toBe(paused / DEFAULT_PRESET.config.train.snapshotEvery + 1);
  expect(Object.keys(run.metrics[0])).toEqual([...SNAPSHOT_METRIC_KEYS]);
  expect(run.metrics.at(-1).step).toBe(paused);
  expect(run.metrics.at(-1).nc1).toBeCloseTo(await valueOf(page, 'train-nc1'), 12);
  expect(run.layerProfiles.length).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: `${ARTIFACTS}/train-runs.png` });
  await page.getByTestId('train-tab-layers').click();
  await expect(page.getByTestId('train-layer-profile')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/train-layers.png` });

  // "Step" trains one optimisation step and shows its snapshot. (A pause can land between snapshot
  // steps, so the first click shows the run's true step; the second must add exactly one.)
  await page.getByTestId('train-step-one').click();
  await expect.poll(() => valueOf(page, 'train-step-count'), { timeout: 30_000 }).toBeGreaterThan(paused);
  await expect(page.getByTestId('train-step-one')).toBeEnabled();
  const stepped = await valueOf(page, 'train-step-count');
  await page.getByTestId('train-step-one').click();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', String(stepped + 1), { timeout: 30_000 });

  // The exported features open in Explore with their labels; with the sample = all 160 training
  // rows, Explore's NC1 is the NC1 Train showed (the same geometry core on the same rows).
  const trainNc1 = await valueOf(page, 'train-nc1');
  await page.getByTestId('train-tab-runs').click();
  await page.getByTestId('train-open-explore').click();
  await expect(page.getByTestId('mode-explore')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', '160');
  expect(await valueOf(page, 'metric-nc1')).toBeCloseTo(trainNc1, 6);
  expect(errors).toEqual([]);
});
