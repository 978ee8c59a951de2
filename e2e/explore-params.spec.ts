/**
 * Issue 14's parameters that no other journey set: t-SNE in 3D with its perplexity and seed, and
 * cancelled mid-run; UMAP's min_dist and seed; k-subspaces and density clusters, each equal to the
 * CLI's --cluster; the local ID of a point on hover.
 */
import { expect, test, type Page } from '@playwright/test';
import { cliReport, hoverUntilTooltip, openExplore, toleranceFor, waitForAnalysis } from './helpers';

const DIGITS = ['public/data/digits.npy', '--labels', 'public/data/digits-labels.txt'];
const num = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

test('t-SNE: cancelled mid-run keeps the view before; in 3D with perplexity 12 and seed 4 as asked', async ({ page }) => {
  test.setTimeout(300_000);
  await openExplore(page);
  await expect(page.getByTestId('view-note')).toContainText('PC1, PC2, PC3');
  await page.getByTestId('view-tsne').click();
  await expect(page.getByTestId('view-progress')).toBeVisible();
  await page.getByTestId('view-cancel').click();
  await expect(page.getByTestId('view-progress')).toBeHidden();
  await expect(page.getByTestId('view-note')).toContainText('PC1, PC2, PC3');
  await expect(page.getByTestId('view-pca')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('view-tsne').click();
  await page.getByTestId('tsne-perplexity').fill('12');
  await page.getByTestId('tsne-seed').fill('4');
  await page.getByTestId('tsne-run').click();
  await expect(page.getByTestId('view-note')).toContainText('t-SNE (Barnes-Hut, perplexity 12, 1000 iterations, seed 4', { timeout: 240_000 });
  await expect(page.locator('.axes-gizmo')).toContainText('T3');
  await expect(page.getByTestId('picture-statement')).toContainText('3D as drawn', { timeout: 60_000 });
  // The link holds the layout and its parameters (issue 11: Explore's projection in the address).
  await expect(page).toHaveURL(/proj=tsne/);
  await expect(page).toHaveURL(/perplexity=12/);
  await expect(page).toHaveURL(/tsneseed=4/);
});

test("UMAP: min_dist and seed as asked, said in the view's note; a fresh page from the link shows the same layout", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await openExplore(page);
  await page.getByTestId('view-umap').click();
  await expect(page.getByTestId('view-note')).toContainText('UMAP (15 neighbours, min_dist 0.1, exact Euclidean kNN, seed 1)', { timeout: 90_000 });
  await page.getByTestId('umap-mindist').fill('0.4');
  await page.getByTestId('umap-seed').fill('7');
  await page.getByTestId('umap-run').click();
  await expect(page.getByTestId('view-note')).toContainText('UMAP (15 neighbours, min_dist 0.4, exact Euclidean kNN, seed 7)', { timeout: 90_000 });
  await expect(page).toHaveURL(/mindist=0\.4/);
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('view-note')).toContainText('UMAP (15 neighbours, min_dist 0.4, exact Euclidean kNN, seed 7)', { timeout: 120_000 });
  await expect(fresh.getByTestId('view-umap')).toHaveAttribute('aria-pressed', 'true');
  await fresh.context().close();
});

test('k-subspaces and density clusters label every metric; ARI and NMI equal the CLI --cluster', async ({ page }) => {
  test.setTimeout(240_000);
  const backend = await openExplore(page);
  const tol = toleranceFor(backend);
  for (const [method, cli, name] of [
    ['ksubspaces', 'ksubspaces:10:3', 'k-subspaces k = 10'],
    ['density', 'density', 'density (PC1-PC2 picture)'],
  ] as const) {
    await page.getByTestId('cluster-method').selectOption(method);
    if (method === 'ksubspaces') {
      await page.getByTestId('cluster-k').fill('10');
      await page.getByTestId('cluster-dim').fill('3');
    }
    await page.getByTestId('cluster-run').click();
    await expect(page.getByTestId('dataset-name')).toContainText(name, { timeout: 90_000 });
    await waitForAnalysis(page);
    const ref = cliReport([...DIGITS, '--cluster', cli, '--seed', '1']);
    expect(await num(page, 'metric-clusters-k'), method).toBe(ref.clusters!.k);
    expect(Math.abs((await num(page, 'metric-clusters-ari')) - ref.clusters!.ari!), method).toBeLessThan(tol);
    expect(Math.abs((await num(page, 'metric-clusters-nmi')) - ref.clusters!.nmi!), method).toBeLessThan(tol);
    expect(await num(page, 'metric-classes'), method).toBe(ref.clusters!.k);
    await page.getByTestId('cluster-back').click();
    await expect(page.getByTestId('dataset-name')).toHaveText('digits', { timeout: 60_000 });
    await waitForAnalysis(page);
  }
});

test('the local ID of a point on hover, once computed', async ({ page }) => {
  test.setTimeout(120_000);
  await openExplore(page);
  await hoverUntilTooltip(page);
  await expect(page.getByTestId('point-tooltip')).not.toContainText('local ID');
  await page.mouse.move(5, 5);
  await page.getByTestId('compute-localid').click();
  await expect(page.getByTestId('csv-localid-note')).toContainText('local_id_mle_k20', { timeout: 60_000 });
  await hoverUntilTooltip(page);
  await expect(page.getByTestId('point-tooltip')).toContainText(/local ID \(MLE, k = 20\): \d+\.\d\d/);
});
