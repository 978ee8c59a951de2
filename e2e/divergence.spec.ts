/**
 * Divergence in the built app: the default preset with learning rate 1 and no weight decay kills
 * the ReLU features within a few snapshots; the worker pauses the run and Train shows the banner
 * with the cause and the fix (a learning rate ten times lower) that the divergence check names.
 */
import { expect, test } from '@playwright/test';

test('Train: a huge learning rate pauses the run with the likely cause and the fix', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByTestId('mode-train').click();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('train-lr').selectOption('1');
  await page.getByTestId('train-wd').selectOption('0');
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await expect(page.getByTestId('train-diverged')).toHaveCount(0);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-diverged')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('train-diverged-fix')).toHaveText('Learning rate too high: try learning rate 0.1, then press Reset.');
  await expect(page.getByTestId('train-diverged-problem')).toContainText(/Every feature is the same point at step \d+/);
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'paused');
  const step = Number(await page.getByTestId('train-step-count').getAttribute('data-value'));
  expect(step).toBeGreaterThan(0);
  expect(step).toBeLessThanOrEqual(200);
  await page.screenshot({ path: 'test-results/divergence.png' });
});
