/**
 * The Train journey on the default preset: open Train, play, watch snapshots stream (numbers,
 * timelines, the 3D cloud), pause, export the run's metrics as JSON and the features of every
 * training and test row (.npz, .npy + labels), and load the .npz in Explore; no console errors.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { collapseMetrics } from '../src/geometry/collapse';
import { parseNpy } from '../src/io/npy';
import { parseNpz } from '../src/io/npz';
import { DEFAULT_PRESET } from '../src/training/presets';
import { SNAPSHOT_METRIC_KEYS } from '../src/training/metricKeys';
import { ARTIFACTS, collectErrors, loadFiles, pixelStats } from './helpers';

/** The 3D view's background (--view in app.css). */
const VIEW_BG: [number, number, number] = [0xfb, 0xfb, 0xfc];

const valueOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

test('Train: play the default preset, snapshots stream, pause, export the metrics', async ({ page }) => {
  test.setTimeout(150_000);
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
  // One row per snapshot step, plus the snapshot a pause between snapshot steps ends with.
  const every = DEFAULT_PRESET.config.train.snapshotEvery;
  expect(run.metrics.length).toBe(Math.floor(paused / every) + 1 + (paused % every ? 1 : 0));
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

  // Export the features of every training and test row at this step. The training rows are the
  // rows Train measured: their NC1 (the same geometry core, in Node) is the NC1 Train showed.
  const trainNc1 = await valueOf(page, 'train-nc1');
  await page.getByTestId('train-tab-runs').click();
  const [npzDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('train-export-npz').click()]);
  expect(npzDownload.suggestedFilename()).toBe(`train-${DEFAULT_PRESET.id}-step${stepped + 1}-features.npz`);
  // Saved under another name, so Explore's dataset name tells this load from "Open in Explore" below.
  const npzPath = `${ARTIFACTS}/saved-${npzDownload.suggestedFilename()}`;
  await npzDownload.saveAs(npzPath);
  const arrays = parseNpz(new Uint8Array(readFileSync(npzPath)), 'features.npz');
  const features = arrays.get('features')!;
  const split = Array.from(arrays.get('split')!.data as Int32Array);
  const labels = arrays.get('labels')!.data as Int32Array;
  const F = DEFAULT_PRESET.config.model.featureWidth;
  const trainRows = split.filter((s) => s === 0).length;
  const testRows = split.length - trainRows;
  expect(trainRows).toBe(160);
  expect(testRows).toBe(40);
  expect(features.shape).toEqual([trainRows + testRows, F]);
  expect(Array.from(arrays.get('row')!.data as Int32Array).slice(trainRows - 2, trainRows + 2)).toEqual([trainRows - 2, trainRows - 1, 0, 1]);
  expect(arrays.get('class_names')!.data).toHaveLength(4);
  const X = features.data as Float32Array;
  expect(collapseMetrics(X.subarray(0, trainRows * F), trainRows, F, labels.subarray(0, trainRows), 4).nc1).toBeCloseTo(trainNc1, 6);
  await expect(page.getByTestId('train-features-note')).toContainText(`all ${trainRows} training and ${testRows} test rows`);

  // The .npy route: the same rows and a labels file of one class name per line (the run has not moved: no new worker request).
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('train-export-npy').click();
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
    `train-${DEFAULT_PRESET.id}-step${stepped + 1}-features-labels.txt`,
    `train-${DEFAULT_PRESET.id}-step${stepped + 1}-features.npy`,
  ]);
  const npy = downloads.find((d) => d.suggestedFilename().endsWith('.npy'))!;
  const txt = downloads.find((d) => d.suggestedFilename().endsWith('.txt'))!;
  const npyArray = parseNpy(new Uint8Array(readFileSync(await npy.path())), 'features.npy');
  expect(npyArray.shape).toEqual([trainRows + testRows, F]);
  expect(Array.from(npyArray.data as Float32Array)).toEqual(Array.from(X));
  const names = arrays.get('class_names')!.data as string[];
  expect(readFileSync(await txt.path(), 'utf8')).toBe(`${Array.from(labels, (y) => names[y]).join('\n')}\n`);
  await page.screenshot({ path: `${ARTIFACTS}/train-export.png` });

  // Explore opens the .npz through its file input: features as the vectors, labels as the classes.
  await page.getByTestId('mode-explore').click();
  await loadFiles(page, [npzPath], `saved-${npzDownload.suggestedFilename()}`);
  await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', String(trainRows + testRows));
  await expect(page.getByTestId('metric-dim')).toHaveAttribute('data-value', String(F));
  await expect(page.getByTestId('metric-classes')).toHaveAttribute('data-value', '4');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${ARTIFACTS}/train-features-in-explore.png` });

  // "Open in Explore" hands the same file to Explore directly.
  await page.getByTestId('mode-train').click();
  await page.getByTestId('train-tab-runs').click();
  await page.getByTestId('train-open-explore').click();
  await expect(page.getByTestId('mode-explore')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('dataset-name')).toHaveText(npzDownload.suggestedFilename());
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', String(trainRows + testRows));
  expect(errors).toEqual([]);
});
