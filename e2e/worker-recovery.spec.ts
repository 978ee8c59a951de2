/**
 * A dead analysis worker is noticed and replaced without a reload: with `?testHooks` the page can
 * crash the worker (an uncaught error inside it, as a fault would). Crashed while idle, the app says
 * so and the next file loads; crashed in the middle of a load, that load fails with the message,
 * the previous data stay, and the next load works.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { mulberry32 } from '../src/geometry/random';
import { writeNpy } from '../src/io/npy';
import { expectStillShowing, loadFiles, waitForAnalysis } from './helpers';
import { FIXTURES, N } from './fixtures';

const crash = (page: Page) => page.evaluate(() => (window as unknown as { __subspaceLab: { crashAnalysisWorker: () => void } }).__subspaceLab.crashAnalysisWorker());

let dir: string;
let big: string;

/** A 20,000 x 64 seeded file: its analysis takes long enough to be crashed in the middle. */
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'recovery-'));
  const rand = mulberry32(5);
  big = join(dir, 'big.npy');
  writeFileSync(big, writeNpy(Float32Array.from({ length: 20_000 * 64 }, () => rand() - 0.5), [20_000, 64]));
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
  const status = page.getByTestId('analysis-status');
  await page.getByTestId('file-input').setInputFiles([big]);
  await expect(status).toHaveAttribute('data-status', 'running');
  await crash(page);
  await expect(status).toHaveAttribute('data-status', 'error', { timeout: 60_000 });
  await expect(banner).toContainText('The worker was restarted: try again.');
  // A first view the worker had already sent before it died is kept (on a fast machine it can be
  // in flight at the crash); the banner names what stays, and that is what is shown, and stays.
  await expectStillShowing(page, { 'points.npy': String(N), 'big.npy': '20000' });

  await loadFiles(page, [`${FIXTURES}/points.json`], 'points.json');
  await expect(page.getByTestId('metric-n')).toHaveText(String(N));
  await expect(banner).toHaveCount(0);
});
