/**
 * The Landscape journey: open the mode, plan a small sweep on a synthetic preset (the plan names
 * each run's projection and memory), run it to completion on wasm (points on the chart, d_int90
 * reported and equal to the interpolation of the plotted points), keep it, then cancel a second
 * sweep mid-way and check its finished runs stay on the chart beside the kept one.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, collectErrors } from './helpers';

/** Points of the accuracy chart of series `i`: (d, value) from data attributes. */
async function seriesPoints(page: Page, i: number): Promise<{ d: number; value: number }[]> {
  const series = page.getByTestId('ls-acc-series').nth(i);
  return series.locator('circle.sweep-point').evaluateAll((els) => els.map((el) => ({ d: Number(el.getAttribute('data-d')), value: Number(el.getAttribute('data-value')) })));
}

/** d_int90 from plotted points: first d reaching target, interpolated linearly in log d from the point before. */
function interpolate(points: { d: number; value: number }[], target: number): number | null {
  const s = [...points].sort((a, b) => a.d - b.d);
  const i = s.findIndex((p) => p.value >= target);
  if (i < 0) return null;
  if (i === 0) return s[0].d;
  const f = (target - s[i - 1].value) / (s[i].value - s[i - 1].value);
  return Math.exp(Math.log(s[i - 1].d) + f * (Math.log(s[i].d) - Math.log(s[i - 1].d)));
}

async function setField(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
}

test('Landscape: a small sweep runs to completion, then a cancelled sweep keeps its finished runs', async ({ page }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByTestId('mode-landscape').click();
  await expect(page).toHaveURL(/mode=landscape/);

  await page.getByTestId('ls-preset').selectOption('blobs-quick');
  await setField(page, 'ls-dims', '2, 8, 32, 128');
  await setField(page, 'ls-steps', '200');
  await page.getByTestId('ls-backend').selectOption('wasm');
  await expect(page.getByTestId('ls-num-params')).toHaveText('676');
  const planRows = page.getByTestId('ls-plan-row');
  await expect(planRows).toHaveCount(5);
  expect(await planRows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-kind'), Number(e.getAttribute('data-bytes'))]))).toEqual([
    ['identity', 0],
    ...[2, 8, 32, 128].map((d) => ['dense', 4 * 676 * d]),
  ]);
  await page.getByTestId('ls-projection-sparse').click();
  await expect(planRows.nth(1)).toHaveAttribute('data-kind', 'sparse');
  await expect(planRows.nth(1)).toHaveAttribute('data-bytes', String(8 * 2 * Math.ceil(Math.sqrt(676))));
  await page.getByTestId('ls-projection-auto').click();
  await expect(planRows.nth(1)).toHaveAttribute('data-kind', 'dense');

  await page.getByTestId('ls-start').click();
  await expect(page.getByTestId('ls-sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('ls-backend-name')).toHaveAttribute('data-backend', 'wasm');
  await expect(page.getByTestId('ls-run')).toHaveCount(5);
  await expect(page.locator('[data-testid="ls-run"][data-state="done"]')).toHaveCount(5);

  const points = await seriesPoints(page, 0);
  expect(points.map((p) => p.d)).toEqual([2, 8, 32, 128]);
  for (const p of points) expect(p.value).toBeGreaterThanOrEqual(0);
  const baseline = Number(await page.getByTestId('ls-acc-baseline').getAttribute('data-value'));
  expect(baseline).toBeGreaterThan(0.6);
  expect(Number(await page.getByTestId('ls-acc-threshold').getAttribute('data-value'))).toBeCloseTo(0.9 * baseline, 12);
  const expected = interpolate(points, 0.9 * baseline);
  expect(expected).not.toBeNull();
  const reported = Number(await page.getByTestId('ls-dint90').getAttribute('data-value'));
  expect(reported).toBeCloseTo(expected!, 9);
  await expect(page.getByTestId('ls-dint90')).toHaveText(`≈ ${Math.round(expected!)}`);
  expect(Number(await page.getByTestId('ls-acc-dint90').getAttribute('data-value'))).toBeCloseTo(expected!, 9);
  expect(Number(await page.getByTestId('ls-compression').getAttribute('data-value'))).toBeCloseTo(676 / expected!, 9);
  await expect(page.getByTestId('ls-loss-series').locator('circle.sweep-point')).toHaveCount(4);
  for (const id of ['ls-input-twonn', 'ls-feature-twonn']) {
    const v = Number(await page.getByTestId(id).getAttribute('data-value'));
    expect(v).toBeGreaterThan(0.5);
    expect(v).toBeLessThan(33);
  }
  await expect(page.getByTestId('ls-id-explain')).toContainText('parameter space');
  await page.screenshot({ path: `${ARTIFACTS}/landscape-done.png` });

  const download = page.waitForEvent('download');
  await page.getByTestId('ls-export-csv').click();
  const csv = await (await download).path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
  expect(csv.trim().split('\n')).toHaveLength(6);

  await page.getByTestId('ls-keep').click();
  await expect(page.getByTestId('ls-kept').locator('li')).toHaveCount(1);
  await setField(page, 'ls-feature-width', '64');
  await setField(page, 'ls-steps', '800');
  await expect(page.getByTestId('ls-num-params')).toHaveText('1,348');
  await page.getByTestId('ls-start').click();
  await expect(page.locator('[data-testid="ls-run"][data-d="2"]')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.locator('[data-testid="ls-run"][data-d="8"]')).toHaveAttribute('data-state', 'running');
  await page.getByTestId('ls-cancel').click();
  await expect(page.getByTestId('ls-sweep-status')).toHaveAttribute('data-status', 'cancelled', { timeout: 20_000 });
  await expect(page.locator('[data-testid="ls-run"][data-state="done"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="ls-run"][data-d="8"]')).toHaveAttribute('data-state', 'stopped');
  await expect(page.getByTestId('ls-acc-series')).toHaveCount(2);
  expect((await seriesPoints(page, 0)).map((p) => p.d)).toEqual([2, 8, 32, 128]);
  expect((await seriesPoints(page, 1)).map((p) => p.d)).toEqual([2]);
  await expect(page.getByTestId('ls-legend').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('ls-runs-done')).toHaveText('1 of 4');
  await page.screenshot({ path: `${ARTIFACTS}/landscape-cancelled.png` });
  expect(errors).toEqual([]);
});

test('Landscape: a model with batch norm and a GCR head runs through the UI', async ({ page }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = collectErrors(page);
  await page.goto('/?mode=landscape');
  await page.getByTestId('ls-preset').selectOption('blobs-quick');
  await expect(page.getByTestId('ls-num-params')).toHaveText('676');
  await page.getByTestId('ls-batchnorm').check();
  // BN adds gamma and beta per hidden unit to theta (the running statistics are buffers, not counted).
  await expect(page.getByTestId('ls-num-params')).toHaveText('740');
  await page.getByTestId('ls-head-etf').click();
  await expect(page.getByTestId('ls-num-params')).toHaveText(String(740 - 33 * 4));
  await expect(page.getByTestId('ls-theta-note')).toContainText('frozen');
  await page.getByTestId('ls-head-gcr').click();
  await expect(page.getByTestId('ls-gcr')).toBeVisible();
  await setField(page, 'ls-gcr-k', '4');
  const D = 16 * 32 + 32 + 2 * 32 + 4 * 32 * 4;
  await expect(page.getByTestId('ls-num-params')).toHaveText(D.toLocaleString('en'));
  await expect(page.getByTestId('ls-theta-note')).toContainText('orth(S_c)');
  await page.getByTestId('ls-theta-note').locator('summary').click();
  await expect(page.getByTestId('ls-theta-note').locator('details p').first()).toBeVisible();
  await page.getByTestId('ls-batchnorm').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/landscape-bn-gcr-setup.png` });
  await setField(page, 'ls-dims', '1, 8, 64');
  await setField(page, 'ls-steps', '150');
  await page.getByTestId('ls-backend').selectOption('wasm');
  await expect(page.getByTestId('ls-plan-row')).toHaveCount(4);
  await page.getByTestId('ls-start').click();
  await expect(page.getByTestId('ls-sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.locator('[data-testid="ls-run"][data-state="done"]')).toHaveCount(4);
  const points = await seriesPoints(page, 0);
  expect(points.map((p) => p.d)).toEqual([1, 8, 64]);
  const baseline = Number(await page.getByTestId('ls-acc-baseline').getAttribute('data-value'));
  expect(baseline).toBeGreaterThan(0.7);
  expect(points[2].value).toBeGreaterThan(points[0].value);
  const featureId = Number(await page.getByTestId('ls-feature-twonn').getAttribute('data-value'));
  expect(featureId).toBeGreaterThan(0.5);
  await page.screenshot({ path: `${ARTIFACTS}/landscape-bn-gcr.png` });
  expect(errors).toEqual([]);
});
