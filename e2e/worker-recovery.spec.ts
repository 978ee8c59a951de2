/**
 * A dead analysis worker is noticed and replaced without a reload: with `?testHooks` the page can
 * crash the worker (an uncaught error inside it, as a fault would). Crashed while idle, the app says
 * so and the next file loads; crashed in the middle of a load, that load fails with the message,
 * the previous data stay, and the next load works.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadFiles, waitForAnalysis } from './helpers';
import { FIXTURES, N } from './fixtures';

const crash = (page: Page) => page.evaluate(() => (window as unknown as { __subspaceLab: { crashAnalysisWorker: () => void } }).__subspaceLab.crashAnalysisWorker());

test('the analysis worker crashes and is replaced; the next file loads without a reload', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?testHooks');
  await waitForAnalysis(page);
  const shown = await page.getByTestId('dataset-name').textContent();

  await crash(page);
  const banner = page.getByTestId('analysis-error');
  await expect(banner).toContainText('The analysis failed.');
  await expect(banner).toContainText('The worker crashed.');
  await expect(banner).toContainText('The worker was restarted: try again.');
  await expect(banner).toContainText(`Still showing ${shown}.`);

  await loadFiles(page, [`${FIXTURES}/points.npy`, `${FIXTURES}/points-labels.txt`], 'points.npy');
  await expect(page.getByTestId('metric-n')).toHaveText(String(N));
  await expect(banner).toHaveCount(0);

  // Crashed while a load runs: that load fails with the message and points.npy stays on screen.
  await page.getByTestId('file-input').setInputFiles([`${FIXTURES}/points.csv`]);
  await crash(page);
  const status = page.getByTestId('analysis-status');
  await expect(status).not.toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  if ((await status.getAttribute('data-status')) === 'error') {
    await expect(banner).toContainText('The worker was restarted: try again.');
    await expect(banner).toContainText('Still showing points.npy.');
    await expect(page.getByTestId('metric-n')).toHaveText(String(N));
  }
  await loadFiles(page, [`${FIXTURES}/points.json`], 'points.json');
  await expect(page.getByTestId('metric-n')).toHaveText(String(N));
});
