/**
 * Explore beyond the first view: how far each picture can be trusted (trustworthiness, continuity,
 * neighbour preservation as numbers and as a colouring; PCA-3 equal to the CLI's projection.pca3),
 * the coding-rate rows (equal to the CLI's), t-SNE, UMAP parameters, the custom projection,
 * spherize, PCs beyond the tenth, re-analysing a selection, and the local ID column of the CSV.
 * Screenshots (e2e-artifacts/explore-more/): a 37-class set, 100,000 points with density and
 * labels, the trustworthiness colouring, t-SNE of Fashion-MNIST.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fashionMnistFromBytes } from '../src/datasets/fashionMnist';
import { writeNpy } from '../src/io/npy';
import { createRng } from '../src/geometry/random';
import { ARTIFACTS, cliDigitsReport, cliReport, loadFiles, openExplore, toleranceFor, waitForAnalysis } from './helpers';

const OUT = `${ARTIFACTS}/explore-more${process.env.E2E_PORT ? `-${process.env.E2E_PORT}` : ''}`;

/** Seeded Gaussian classes (mean of class k: 4 on coordinate k mod d, and -4 on (k + 7) mod d), as .npy plus a labels file. */
function writeBlobs(name: string, n: number, d: number, K: number): { vectors: string; labels: string } {
  mkdirSync(OUT, { recursive: true });
  const rng = createRng(11);
  const X = new Float32Array(n * d);
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % K;
    labels.push(`class-${String(k).padStart(2, '0')}`);
    for (let t = 0; t < d; t++) X[i * d + t] = rng.normal() + (t === k % d ? 4 : 0) - (t === (k + 7) % d ? 4 : 0) + (t === (3 * k) % d ? 2 : 0);
  }
  const vectors = `${OUT}/${name}.npy`;
  const labelsPath = `${OUT}/${name}-labels.txt`;
  writeFileSync(vectors, writeNpy(X, [n, d]));
  writeFileSync(labelsPath, `${labels.join('\n')}\n`);
  return { vectors, labels: labelsPath };
}

/** The first `n` Fashion-MNIST t10k images (pixel / 255) and their class names, as .npy plus labels. */
function writeFashion(n: number): { vectors: string; labels: string } {
  mkdirSync(OUT, { recursive: true });
  const f = fashionMnistFromBytes(readFileSync('public/data/fashion-mnist-t10k-images-idx3-ubyte.gz'), readFileSync('public/data/fashion-mnist-t10k-labels-idx1-ubyte.gz'), n);
  const vectors = `${OUT}/fashion-${n}.npy`;
  const labels = `${OUT}/fashion-${n}-labels.txt`;
  writeFileSync(vectors, writeNpy(f.vectors, [f.n, f.dim]));
  writeFileSync(labels, `${Array.from(f.labels, (y) => f.classNames[y]).join('\n')}\n`);
  return { vectors, labels };
}

/** Screenshots at 1440x900 and 1280x720 (the page is left at 1440x900). */
async function shot(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${OUT}/${name}-${width}x${height}.png` });
  }
}

async function downloadText(page: Page, testId: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await dl.path())!, 'utf8');
}

const num = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

/** Waits for the picture section to hold the measure of the view on screen. */
async function pictureDone(page: Page, timeout = 60_000): Promise<void> {
  await expect(page.getByTestId('picture-section')).toHaveAttribute('data-status', 'done', { timeout });
}

test('trust in the picture: PCA-3 equals the CLI projection.pca3; 2D differs; the coding rate equals the CLI; colour by preservation', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const backend = await openExplore(page);
  const cli = cliDigitsReport();
  const tol = toleranceFor(backend);
  await pictureDone(page);
  const t3 = await num(page, 'picture-trustworthiness');
  const c3 = await num(page, 'picture-continuity');
  // The view's own measure of PC1-PC3 in 3D and the report's projection.pca3 are one computation.
  expect(t3).toBe(await num(page, 'metric-pca3-trustworthiness'));
  expect(c3).toBe(await num(page, 'metric-pca3-continuity'));
  expect(Math.abs(t3 - cli.projection!.pca3!.trustworthiness)).toBeLessThan(tol);
  expect(Math.abs(c3 - cli.projection!.pca3!.continuity)).toBeLessThan(tol);
  const share3 = cli.pca.explainedVarianceRatio.slice(0, 3).reduce((a, b) => a + b, 0);
  expect(Math.abs((await num(page, 'picture-varianceShare')) - share3)).toBeLessThan(1e-4);
  await expect(page.getByTestId('picture-statement')).toContainText('Measured on all 1,797 points, 3D as drawn');
  for (const key of ['R', 'Rc', 'deltaR', 'eps2'] as const) {
    const v = await num(page, `metric-codingRate-${key}`);
    expect(Math.abs(v - (cli.codingRate![key] as number))).toBeLessThan(tol * Math.max(1, Math.abs(v)));
  }

  await page.getByTestId('dims-2').click();
  await expect(page.getByTestId('picture-statement')).toContainText('2D as drawn', { timeout: 30_000 });
  await pictureDone(page);
  const t2 = await num(page, 'picture-trustworthiness');
  expect(t2).toBeLessThan(t3);
  const share2 = cli.pca.explainedVarianceRatio[0] + cli.pca.explainedVarianceRatio[1];
  expect(Math.abs((await num(page, 'picture-varianceShare')) - share2)).toBeLessThan(1e-4);

  await page.getByTestId('picture-colour').click();
  await expect(page.getByTestId('color-by')).toHaveValue('preservation');
  await expect(page.getByTestId('legend')).toHaveAttribute('aria-label', 'neighbour preservation (k = 10)');
  await shot(page, 'trust-colouring-digits-pca2d');
});

test('views: PCs beyond the tenth, spherize, custom axis between classes and a regex, UMAP parameters; each measured', async ({ page }) => {
  test.setTimeout(150_000);
  await openExplore(page);
  await page.getByTestId('pca-axis-x').selectOption('11');
  await expect(page.getByTestId('view-note')).toContainText('PC12, PC2, PC3 of the centred data');
  await page.getByTestId('spherize').check();
  await expect(page.getByTestId('view-note')).toContainText('of the spherized data');
  await expect(page.getByTestId('picture-section')).toContainText('PCA, spherized, 3D');
  await page.getByTestId('spherize').uncheck();
  await expect(page.getByTestId('view-note')).toContainText('of the centred data');

  await page.getByTestId('view-custom').click();
  await expect(page.getByTestId('view-note')).toContainText('Custom: x from the mean of 0 to that of 1', { timeout: 30_000 });
  await page.getByTestId('custom-x1').fill('/^[89]$/');
  await page.getByTestId('custom-y0').fill('3');
  await page.getByTestId('custom-y1').fill('5');
  await page.getByTestId('custom-run').click();
  await expect(page.getByTestId('view-note')).toContainText('x from the mean of 0 to that of /^[89]$/, y from the mean of 3 to that of 5, made orthogonal to x');
  await pictureDone(page);
  await page.getByTestId('custom-x1').fill('zebra');
  await page.getByTestId('custom-run').click();
  await expect(page.getByRole('alert')).toContainText('The query "zebra" matches no point.');

  await page.getByTestId('view-umap').click();
  await expect(page.getByTestId('view-note')).toContainText('UMAP (15 neighbours, min_dist 0.1', { timeout: 60_000 });
  await page.getByTestId('umap-neighbours').fill('8');
  await page.getByTestId('umap-metric').selectOption('cosine');
  await page.getByTestId('umap-run').click();
  await expect(page.getByTestId('view-note')).toContainText('UMAP (8 neighbours, min_dist 0.1, cosine', { timeout: 60_000 });
  await pictureDone(page);
  await expect(page.getByTestId('picture-statement')).toContainText('a non-linear layout has no share of variance');
});

test('t-SNE of Fashion-MNIST (3,000 images) in the worker, with progress; its trust measured', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const f = writeFashion(3000);
  await openExplore(page);
  await loadFiles(page, [f.vectors, f.labels], 'fashion-3000.npy');
  await page.getByTestId('dims-2').click();
  await page.getByTestId('view-tsne').click();
  await expect(page.getByTestId('view-progress')).toBeVisible();
  await expect(page.getByTestId('view-note')).toContainText('t-SNE (Barnes-Hut, perplexity 30, 1000 iterations, seed 1', { timeout: 240_000 });
  await pictureDone(page, 120_000);
  expect(await num(page, 'picture-trustworthiness')).toBeGreaterThan(0.9);
  await shot(page, 'tsne-fashion-mnist-3000');
});

test('re-analyse a selection: every metric on its rows; back to all points; the CSV holds the local ID', async ({ page }) => {
  test.setTimeout(120_000);
  await openExplore(page);
  await page.getByTestId('search-input').fill('^[01]$');
  await page.getByTestId('search-regex').check();
  await page.getByTestId('search-button').click();
  await expect(page.getByTestId('selection-status')).toContainText('points selected');
  const count = Number(((await page.getByTestId('selection-status').textContent()) ?? '').replace(/[^\d].*$/s, '').replace(/,/g, ''));
  await page.getByTestId('reanalyse-selection').click();
  await expect(page.getByTestId('dataset-name')).toContainText(`selected`, { timeout: 60_000 });
  await waitForAnalysis(page);
  expect(await num(page, 'metric-n')).toBe(count);
  expect(await num(page, 'metric-classes')).toBe(2);
  await page.getByTestId('back-to-all').click();
  await expect(page.getByTestId('dataset-name')).toHaveText('digits', { timeout: 60_000 });
  await waitForAnalysis(page);
  expect(await num(page, 'metric-n')).toBe(1797);

  await page.getByTestId('compute-localid').click();
  await expect(page.getByTestId('csv-localid-note')).toContainText('local_id_mle_k20', { timeout: 60_000 });
  const csv = (await downloadText(page, 'export-csv')).trimEnd().split('\n');
  expect(csv[0]).toBe('point,row,PC1,PC2,PC3,local_id_mle_k20,class');
  const ids = csv.slice(1).map((l) => Number(l.split(',')[5]));
  expect(ids.filter((v) => Number.isFinite(v) && v > 0).length).toBeGreaterThan(1700);
});

test('cluster, then measure: k-means labels every metric, ARI/NMI equal the CLI --cluster; k by silhouette; back', async ({ page }) => {
  test.setTimeout(150_000);
  const backend = await openExplore(page);
  await page.getByTestId('cluster-k').fill('10');
  await page.getByTestId('cluster-run').click();
  await expect(page.getByTestId('dataset-name')).toContainText('k-means k = 10', { timeout: 60_000 });
  await waitForAnalysis(page);
  const cli = cliReport(['public/data/digits.npy', '--labels', 'public/data/digits-labels.txt', '--cluster', 'kmeans:10', '--seed', '1']);
  const tol = toleranceFor(backend);
  expect(await num(page, 'metric-clusters-k')).toBe(10);
  expect(Math.abs((await num(page, 'metric-clusters-ari')) - cli.clusters!.ari!)).toBeLessThan(tol);
  expect(Math.abs((await num(page, 'metric-clusters-nmi')) - cli.clusters!.nmi!)).toBeLessThan(tol);
  expect(Math.abs((await num(page, 'metric-nc1')) - cli.neuralCollapse.nc1!)).toBeLessThan(tol * Math.max(1, cli.neuralCollapse.nc1!));
  await expect(page.getByTestId('color-by').locator('option', { hasText: 'true class' })).toHaveCount(1);
  await page.getByTestId('cluster-back').click();
  await expect(page.getByTestId('dataset-name')).toHaveText('digits', { timeout: 60_000 });
  await waitForAnalysis(page);
  await page.getByTestId('cluster-method').selectOption('kmeans-auto');
  await page.getByTestId('cluster-run').click();
  await expect(page.getByTestId('dataset-name')).toContainText('k by silhouette', { timeout: 90_000 });
  await waitForAnalysis(page);
  const k = await num(page, 'metric-clusters-k');
  expect(k).toBeGreaterThanOrEqual(2);
  expect(k).toBeLessThanOrEqual(12);
});

test('screenshots: 37 classes; 100,000 points with density and labels', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const k37 = writeBlobs('classes-37', 37 * 60, 48, 37);
  await openExplore(page);
  await loadFiles(page, [k37.vectors, k37.labels], 'classes-37.npy');
  await expect(page.getByTestId('metric-classes')).toHaveAttribute('data-value', '37');
  await shot(page, 'classes-37');
  const big = writeBlobs('points-100k', 100_000, 16, 12);
  // The first view is enough here: the ID stage of 100,000 points takes minutes on this machine.
  await page.getByTestId('file-input').setInputFiles([big.vectors, big.labels]);
  await expect(page.getByTestId('dataset-name')).toHaveText('points-100k.npy', { timeout: 120_000 });
  await page.getByTestId('label-by').selectOption('class');
  await page.getByTestId('dims-2').click();
  await expect(page.getByTestId('density-note')).toBeVisible();
  await expect(page.getByTestId('picture-measure')).toBeVisible();
  await shot(page, 'points-100k-density-labels');
});
