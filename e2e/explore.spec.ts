/**
 * The Explore journey on the shipped digits: the page opens cleanly, draws the point cloud, shows
 * the CLI's numbers, and gives the same numbers on every backend the override offers.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { AnalysisReport } from '../src/geometry/types';
import { writeNpy } from '../src/io/npy';
import { ARTIFACTS, cliDigitsReport, collectErrors, expectMetricsMatch, openExplore, pixelStats, waitForAnalysis } from './helpers';

/** Same backend as the CLI (wasm): the numbers must agree to float round-off. */
const SAME_BACKEND_TOL = 1e-6;
/**
 * Another backend (webgl/cpu/webgpu) runs the N-sized tfjs work with different kernels and summation
 * orders in float32, so the app is compared with the CLI (wasm) within 1e-4 relative instead.
 */
const OTHER_BACKEND_TOL = 1e-4;
/** The 3D view's background (--view in app.css). */
const VIEW_BG: [number, number, number] = [0xfb, 0xfb, 0xfc];

let cli: AnalysisReport;

test.beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  cli = cliDigitsReport();
});

test('opens on the digits demo with no console errors', async ({ page }) => {
  const errors = collectErrors(page);
  await openExplore(page);
  await expect(page.getByTestId('legend').getByRole('button')).toHaveCount(10);
  await expect(page.getByTestId('mode-explore')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('mode-train')).toHaveAttribute('aria-selected', 'false');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${ARTIFACTS}/explore.png`, fullPage: true });
  await page.screenshot({ path: 'docs/screenshot.png' });
  expect(errors).toEqual([]);
});

test('the 3D canvas draws the point cloud', async ({ page }) => {
  await openExplore(page);
  await page.waitForTimeout(300);
  const canvas = page.getByTestId('point-view').locator('canvas');
  const png = await canvas.screenshot();
  const stats = await pixelStats(page, png, VIEW_BG);
  expect(stats.width).toBeGreaterThan(300);
  // 1,797 points of ~6 px: a few percent of the view; ten class colours plus rims and edges.
  expect(stats.foreground).toBeGreaterThan(0.01);
  expect(stats.distinct).toBeGreaterThan(30);

  // Hovering a point names its class and row in the tooltip.
  const box = (await canvas.boundingBox())!;
  const tip = page.locator('.point-tooltip');
  let found = false;
  for (let dy = -60; dy <= 60 && !found; dy += 12) {
    for (let dx = -90; dx <= 90 && !found; dx += 9) {
      await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
      found = await tip.evaluate((el) => getComputedStyle(el).visibility === 'visible');
    }
  }
  expect(found, 'no point found under the cursor near the centre').toBe(true);
  await expect(tip).toHaveText(/class \d · row \d+/);
  await page.screenshot({ path: `${ARTIFACTS}/hover.png` });
  await page.mouse.move(box.x + 5, box.y + 5);

  // Hiding a class in the legend removes its points; the 2D view shows the PC1-PC2 plane.
  await page.getByTestId('legend').getByRole('button', { name: /^0/ }).click();
  const hidden = await pixelStats(page, await canvas.screenshot(), VIEW_BG);
  expect(hidden.foreground).toBeLessThan(stats.foreground * 0.97);
  await page.getByTestId('legend').getByRole('button', { name: /^0/ }).click();
  await page.getByTestId('dims-2').click();
  await expect(page.locator('.axes-gizmo .axis-2')).toHaveAttribute('visibility', 'hidden');
  const flat = await pixelStats(page, await canvas.screenshot(), VIEW_BG);
  expect(flat.foreground).toBeGreaterThan(0.01);
  expect(Math.abs(flat.foreground - stats.foreground)).toBeGreaterThan(1e-4);
  await page.screenshot({ path: `${ARTIFACTS}/explore-2d.png` });
});

test('the metrics panel shows the CLI values, with formulas in tooltips', async ({ page }) => {
  const backend = await openExplore(page);
  const tol = backend === 'wasm' ? SAME_BACKEND_TOL : OTHER_BACKEND_TOL;
  const checked = await expectMetricsMatch(page, cli, tol, `the CLI (wasm), app on ${backend}`);
  expect(checked).toBeGreaterThanOrEqual(20 + Math.min(10, cli.pca.explainedVarianceRatio.length));

  await expect(page.getByTestId('metric-n')).toHaveText('1797');
  await expect(page.getByTestId('metric-nc3')).toHaveText('—');
  await expect(page.getByTestId('metric-doc-nc3')).toContainText('needs a classifier W');
  await expect(page.getByTestId('metric-doc-nc1')).toContainText('Tr(Sigma_W Sigma_B^+)/K');
  await expect(page.getByTestId('metric-doc-cdnv')).toContainText('(V_i + V_j) / (2 ||mu_i - mu_j||^2)');
  await expect(page.getByTestId('metric-doc-participationRatio')).toContainText('(sum lambda)^2 / sum lambda^2');
  await expect(page.getByTestId('metric-doc-mle-harmonic')).toContainText('1/mean(1/m)');

  const nc1 = page.getByTestId('metric-nc1');
  const shown = (await nc1.textContent()) ?? '';
  expect(shown.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/e.*$/, '').length).toBeLessThanOrEqual(4);
  await nc1.hover();
  const layer = page.getByTestId('tooltip-layer');
  await expect(layer).toBeVisible();
  await expect(layer).toContainText('pseudo-inverse truncated to rank K-1');
  await page.screenshot({ path: `${ARTIFACTS}/metric-tooltip.png` });
});

test('the backend override re-runs the analysis: wasm and cpu agree with the CLI', async ({ page }) => {
  await openExplore(page);
  const select = page.getByTestId('backend-select');

  await select.selectOption('wasm');
  await waitForAnalysis(page, 'wasm');
  await expect(page.getByTestId('backend-reason')).toContainText('chosen by override');
  await expectMetricsMatch(page, cli, SAME_BACKEND_TOL, 'the CLI (wasm), app on wasm');

  await select.selectOption('cpu');
  await waitForAnalysis(page, 'cpu');
  await expect(page.getByTestId('backend-reason')).toContainText('chosen by override');
  await expectMetricsMatch(page, cli, OTHER_BACKEND_TOL, 'the CLI (wasm), app on cpu');
  await page.screenshot({ path: `${ARTIFACTS}/override-cpu.png` });
});

test('cancel stops a running analysis and keeps the previous values', async ({ page }) => {
  // A load big enough that its first stage (PCA, collapse, charts) is still running when Cancel is clicked.
  const dir = mkdtempSync(join(tmpdir(), 'cancel-'));
  const big = join(dir, 'big.npy');
  const [n, d] = [150_000, 48];
  writeFileSync(big, writeNpy(Float32Array.from({ length: n * d }, (_, t) => Math.sin(t * 0.37) + ((t * 7919) % 13) / 13), [n, d]));
  try {
    const before = await openExplore(page);
    const nc1 = await page.getByTestId('metric-nc1').getAttribute('data-value');
    await page.getByTestId('file-input').setInputFiles(big);
    await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'running');
    await page.getByTestId('cancel-button').click();
    await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'cancelled');
    await expect(page.getByTestId('metric-nc1')).toHaveAttribute('data-value', nc1 ?? '');
    await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', '1797');
    await expect(page.getByTestId('backend-name')).toHaveAttribute('data-backend', before);
    await expect(page.getByTestId('backend-select')).toHaveValue('auto');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad input shows the parser\'s problem and fix', async ({ page }) => {
  await page.route('**/data/digits-labels.txt', (route) => route.fulfill({ contentType: 'text/plain', body: '0\n1\n2\n' }));
  await page.goto('/');
  const box = page.getByTestId('analysis-error');
  await expect(box).toBeVisible();
  await expect(box).toContainText('digits-labels.txt');
  await expect(box).toContainText('1797');
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'error');
  await page.screenshot({ path: `${ARTIFACTS}/input-error.png` });
});

test('the status bar names the backend and why it was chosen', async ({ page }) => {
  const backend = await openExplore(page);
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(backend);
  await expect(page.getByTestId('backend-name')).toHaveText(backend);
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText(/fastest by probe: .*\d ms|WebGPU adapter is real hardware/);
  await expect(reason).toContainText('WebGPU');
  await expect(reason).toContainText(backend);
  // Options that cannot start are disabled; wasm and cpu always can.
  await expect(page.locator('[data-testid="backend-select"] option[value="wasm"]')).toBeEnabled();
  await expect(page.locator('[data-testid="backend-select"] option[value="cpu"]')).toBeEnabled();
});
