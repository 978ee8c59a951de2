/**
 * The ID sample the user sizes and seeds in the Dimension tab: stratified per class or uniform,
 * the same rows as the CLI's `--id-sample N --sample-strategy S --sample-seed N` on the same file
 * (every metric shown equals `analyze --json` with those flags), said in the tab, and kept by the link.
 */
import { expect, test, type Page } from '@playwright/test';
import { cliReport, expectMetricsMatch, toleranceFor, waitForAnalysis } from './helpers';

const DIGITS = ['public/data/digits.npy', '--labels', 'public/data/digits-labels.txt'];

async function setSample(page: Page, size: number, strategy: 'uniform' | 'stratified', seed: number): Promise<void> {
  await page.getByTestId('id-sample-size').fill(String(size));
  await page.getByTestId('id-sample-strategy').selectOption(strategy);
  await page.getByTestId('id-sample-seed').fill(String(seed));
  await page.getByTestId('id-sample-run').click();
  // "(k = ...)" is written once the estimates of this sample are in (before, the sentence names the sample asked for).
  const how = strategy === 'stratified' ? 'stratified (per-class quotas, largest remainder)' : 'uniform';
  await expect(page.getByTestId('chart-id').locator('.chart-note')).toContainText(new RegExp(`\\(k = \\d+\\) on a seeded ${how.replace(/[()]/g, '\\$&')} sample of ${size} of [\\d,]+ unique rows \\(seed ${seed}\\)`), { timeout: 120_000 });
  await idDone(page);
}

/** A page at this size with the shipped digits analysed. */
async function digitsAt(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.goto('/');
  await waitForAnalysis(page);
}

/** The ID stage is done (the Dimension tab shows no metric-n, which waitForAnalysis reads). */
async function idDone(page: Page): Promise<void> {
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-id-status', 'done', { timeout: 120_000 });
}

test('a stratified, seeded ID sample of the size asked gives the CLI\'s numbers, says so, and the link keeps it', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await digitsAt(page, 1440, 900);
  await page.getByTestId('tab-dimension').click();
  const full = cliReport(DIGITS);
  const unique = full.n - full.skipped.duplicates;
  const note = page.getByTestId('chart-id').locator('.chart-note');
  await expect(note).toContainText(`on all ${unique.toLocaleString('en-US')} unique rows (no more than the sample size, 100,000)`);
  await expect(page.getByTestId('id-sample-strategy')).toHaveValue('uniform');

  await setSample(page, 500, 'stratified', 7);
  const strat = cliReport([...DIGITS, '--id-sample', '500', '--sample-strategy', 'stratified', '--sample-seed', '7']);
  expect(strat.intrinsicDimension.sample).toEqual({ size: 500, of: unique, seed: 7, strategy: 'stratified' });
  await expect(note).toContainText(`on a seeded stratified (per-class quotas, largest remainder) sample of 500 of ${unique.toLocaleString('en-US')} unique rows (seed 7)`);
  await page.screenshot({ path: '/work/notes/data/sampling-dimension-1440.png' });
  expect(page.url()).toMatch(/idsample=500/);
  expect(page.url()).toMatch(/idstrategy=stratified/);
  expect(page.url()).toMatch(/idseed=7/);
  const link = page.url();
  await page.getByTestId('tab-metrics').click();
  const backend = await waitForAnalysis(page);
  const tol = toleranceFor(backend);
  expect(await expectMetricsMatch(page, strat, tol, 'analyze --json --id-sample 500 --sample-strategy stratified --sample-seed 7')).toBeGreaterThan(20);
  await expect(page.getByTestId('id-sample-note')).toContainText(`twoNN/MLE on a seeded stratified (per-class) sample of 500 of ${unique.toLocaleString('en-US')} unique rows (seed 7)`);

  // Uniform with the same size and seed draws other rows: other values, again the CLI's.
  await page.getByTestId('tab-dimension').click();
  await setSample(page, 500, 'uniform', 7);
  const uni = cliReport([...DIGITS, '--id-sample', '500', '--sample-seed', '7']);
  expect(uni.intrinsicDimension.twoNN).not.toBe(strat.intrinsicDimension.twoNN);
  await page.getByTestId('tab-metrics').click();
  await expectMetricsMatch(page, uni, tol, 'analyze --json --id-sample 500 --sample-seed 7');

  // A fresh page from the copied link draws the stratified sample again.
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await fresh.goto(link);
  await idDone(fresh);
  await expect(fresh.getByTestId('id-sample-size')).toHaveValue('500');
  await expect(fresh.getByTestId('id-sample-strategy')).toHaveValue('stratified');
  await expect(fresh.getByTestId('id-sample-seed')).toHaveValue('7');
  await fresh.screenshot({ path: '/work/notes/data/sampling-link-1280.png' });
  await fresh.getByTestId('tab-metrics').click();
  await expectMetricsMatch(fresh, strat, toleranceFor(await waitForAnalysis(fresh)), 'the CLI, from the copied link');
  await fresh.close();
});

test('a t-SNE and a UMAP capped by the user run on a stratified or uniform sample and say how many and how drawn', async ({ page }) => {
  test.setTimeout(240_000);
  await digitsAt(page, 1280, 720);
  await page.getByTestId('view-tsne').click();
  await expect(page.getByTestId('view-note')).toContainText('t-SNE (', { timeout: 120_000 });
  // 1,797 digits fit under the cap: no sample is said.
  await expect(page.getByTestId('view-note')).not.toContainText('sample of');
  await page.getByTestId('tsne-points').fill('600');
  await page.getByTestId('tsne-sample').selectOption('stratified');
  await page.getByTestId('tsne-run').click();
  await expect(page.getByTestId('view-note')).toContainText('t-SNE on a seeded stratified (per-class) sample of 600 of 1,797 points (seed 1); the others are hidden.', { timeout: 120_000 });
  await page.screenshot({ path: '/work/notes/data/sampling-tsne-1280.png' });
  await page.getByTestId('view-umap').click();
  await expect(page.getByTestId('view-note')).toContainText('UMAP (', { timeout: 120_000 });
  await page.getByTestId('umap-points').fill('500');
  await page.getByTestId('umap-run').click();
  await expect(page.getByTestId('view-note')).toContainText('UMAP on a seeded uniform sample of 500 of 1,797 points (seed 1); the others are hidden.', { timeout: 120_000 });
});
