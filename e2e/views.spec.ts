/**
 * Views, colourings, charts and exports on the shipped examples: every projection (with animated
 * transitions), class means and the aligned ETF, colour by metadata and by local ID, the chart tabs
 * with SVG export, and the CSV / JSON / PNG exports. Screenshots of each view go to e2e-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, at, cliDigitsReport, closeRel, loadFiles, openExplore, pixelStats, waitForAnalysis } from './helpers';
import { FIXTURES, N } from './fixtures';

const VIEW_BG: [number, number, number] = [0xfb, 0xfb, 0xfc];

async function canvasStats(page: Page) {
  const canvas = page.getByTestId('point-view').locator('canvas');
  return pixelStats(page, await canvas.screenshot(), VIEW_BG);
}

async function showView(page: Page, kind: string, note: string | RegExp, timeout = 30_000): Promise<void> {
  await page.getByTestId(`view-${kind}`).click();
  await expect(page.getByTestId('view-note')).toContainText(note, { timeout });
  await page.waitForTimeout(750);
}

async function downloadText(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path!, 'latin1') };
}

test('projections: PCA axes, simplex with means and ETF, one class, UMAP (cancellable), animated', async ({ page }) => {
  test.setTimeout(150_000);
  await openExplore(page);
  await page.getByTestId('pca-axis-x').selectOption('3');
  await expect(page.getByTestId('view-note')).toContainText('PC4, PC2, PC3');
  await expect(page.locator('.axes-gizmo')).toContainText('PC4');
  await page.getByTestId('pca-axis-x').selectOption('0');

  // A view change moves the points over ~600 ms, frame by frame, then stops.
  const canvas = page.getByTestId('point-view').locator('canvas');
  const frames = await page.evaluate(() => {
    const el = document.querySelector<HTMLCanvasElement>('[data-testid="point-view"] canvas')!;
    const seen: string[] = [];
    new MutationObserver(() => seen.push(el.dataset.moving ?? '')).observe(el, { attributes: true, attributeFilter: ['data-moving'] });
    (window as unknown as { movingFrames: string[] }).movingFrames = seen;
    return seen.length;
  });
  expect(frames).toBe(0);
  await page.getByTestId('view-simplex').click();
  await expect(page.getByTestId('view-note')).toContainText('centred class means');
  await expect(canvas).toHaveAttribute('data-moving', 'false');
  const seen = await page.evaluate(() => (window as unknown as { movingFrames: string[] }).movingFrames);
  expect(seen.filter((v) => v === 'true').length, 'frames drawn while moving').toBeGreaterThan(2);
  expect(seen.at(-1)).toBe('false');
  await page.waitForTimeout(200);
  const settled = await canvasStats(page);

  await page.getByTestId('show-means').check();
  await page.getByTestId('show-etf').check();
  await page.waitForTimeout(300);
  const withOverlay = await canvasStats(page);
  expect(withOverlay.foreground).not.toBeCloseTo(settled.foreground, 6);
  await page.screenshot({ path: `${ARTIFACTS}/view-simplex-means-etf.png` });

  await showView(page, 'class', 'top 3 principal directions of class 0');
  await page.getByTestId('class-select').selectOption('3');
  await expect(page.getByTestId('view-note')).toContainText('class 3 alone');
  await page.waitForTimeout(750);
  await page.screenshot({ path: `${ARTIFACTS}/view-class-3.png` });

  await page.getByTestId('view-umap').click();
  await expect(page.getByTestId('view-progress')).toBeVisible();
  await page.getByTestId('view-cancel').click();
  await expect(page.getByTestId('view-progress')).toBeHidden();
  await expect(page.getByTestId('view-class')).toHaveAttribute('aria-pressed', 'true');
  await showView(page, 'umap', 'UMAP (15 neighbours', 90_000);
  await expect(page.locator('.axes-gizmo')).toContainText('U1');
  const umap = await canvasStats(page);
  expect(umap.foreground).toBeGreaterThan(0.005);
  await page.screenshot({ path: `${ARTIFACTS}/view-umap.png` });

  await page.getByTestId('dims-2').click();
  await page.waitForTimeout(750);
  await page.screenshot({ path: `${ARTIFACTS}/view-umap-2d.png` });
});

test('raw coordinates for 3-D data; colour by a metadata column and by local ID', async ({ page }) => {
  await openExplore(page);
  await expect(page.getByTestId('view-raw')).toBeDisabled();
  await page.getByTestId('dataset-select').selectOption('blobs-3d');
  await expect(page.getByTestId('dataset-name')).toHaveText('blobs-3d');
  await waitForAnalysis(page);
  await showView(page, 'raw', 'The raw coordinates');
  await page.getByTestId('show-means').check();
  await page.screenshot({ path: `${ARTIFACTS}/view-raw-3d.png` });

  await loadFiles(page, [`${FIXTURES}/vectors.tsv`, `${FIXTURES}/metadata.tsv`], 'vectors.tsv');
  await page.getByTestId('color-by').selectOption('meta:index');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('index');
  await expect(legend.locator('.legend-bar')).toBeVisible();
  await page.getByTestId('color-by').selectOption('meta:note');
  await expect(legend).toContainText('other (');
  await page.getByTestId('color-by').selectOption('localId');
  await expect(legend).toContainText('local ID (MLE)', { timeout: 30_000 });
  await expect(page.getByText('m(x) of the Levina–Bickel MLE with k = 20')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/colour-local-id.png` });
  // Hovering shows the point's metadata.
  const box = (await page.getByTestId('point-view').locator('canvas').boundingBox())!;
  const tip = page.getByTestId('point-tooltip');
  let shown = false;
  for (let dx = -150; dx <= 150 && !shown; dx += 6) {
    for (const dy of [-100, -50, 0, 50, 100]) {
      await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
      shown = await tip.evaluate((el) => getComputedStyle(el).visibility === 'visible');
      if (shown) break;
    }
  }
  expect(shown).toBe(true);
  await expect(tip).toContainText(/note: point \d+/);
  expect(N).toBe(150);
});

test('chart tabs draw the class and dimension charts and export them as SVG', async ({ page }) => {
  await openExplore(page);
  await page.getByTestId('tab-classes').click();
  await expect(page.getByTestId('heatmap-cosines').locator('rect.heat-cell')).toHaveCount(100);
  await expect(page.getByTestId('heatmap-etf').locator('rect.heat-cell').first()).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('heatmap-etf').locator('rect.heat-cell').nth(1)).toHaveAttribute('data-value', String(-1 / 9));
  await expect(page.getByTestId('bars-counts').locator('rect[data-value]')).toHaveCount(10);
  const before = await page.getByTestId('heatmap-angles').locator('rect.heat-cell').nth(1).getAttribute('data-value');
  await page.getByTestId('angles-k').selectOption('8');
  await expect(page.getByTestId('heatmap-angles').locator('rect.heat-cell').nth(1)).not.toHaveAttribute('data-value', before ?? '');
  await page.screenshot({ path: `${ARTIFACTS}/tab-classes.png` });
  const svg = await downloadText(page, 'chart-cosines-svg');
  expect(svg.name).toBe('digits-class-mean-cosines-vs-the-simplex-etf.svg');
  expect(svg.text).toMatch(/^<\?xml[^]*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.text).toContain('heat-cell');

  await page.getByTestId('tab-dimension').click();
  const cli = cliDigitsReport();
  await expect(page.getByTestId('spectrum-pcid90')).toHaveAttribute('data-value', String(cli.pca.pcId90));
  await expect(page.getByTestId('bars-id').locator('rect[data-value]').first()).toHaveAttribute('data-value', /\d/);
  const shownTwoNN = Number(await page.getByTestId('bars-id').locator('rect[data-value]').first().getAttribute('data-value'));
  expect(closeRel(shownTwoNN, cli.intrinsicDimension.twoNN!, 1e-4)).toBe(true);
  await expect(page.getByTestId('bars-class-id').locator('rect[data-value]')).toHaveCount(20);
  await page.screenshot({ path: `${ARTIFACTS}/tab-dimension.png` });
  const spectrum = await downloadText(page, 'chart-spectrum-svg');
  expect(spectrum.text).toContain('spectrum-line');
});

test('exports: coordinates CSV with metadata, metrics JSON with the CLI keys, the view as PNG', async ({ page }) => {
  await openExplore(page);
  const csv = await downloadText(page, 'export-csv');
  expect(csv.name).toBe('digits-pca-coordinates.csv');
  const lines = csv.text.trimEnd().split('\n');
  expect(lines[0]).toBe('point,row,PC1,PC2,PC3,class');
  expect(lines.length).toBe(1798);
  expect(lines[1].split(',').length).toBe(6);

  const json = await downloadText(page, 'export-json');
  const cli = cliDigitsReport();
  const got = JSON.parse(json.text);
  const keys = (o: unknown, p = ''): string[] =>
    o !== null && typeof o === 'object' && !Array.isArray(o) ? Object.entries(o).flatMap(([k, v]) => keys(v, `${p}${k}.`)) : [p];
  expect(keys(got).sort()).toEqual(keys(cli).sort());
  for (const path of keys(cli)) {
    const want = at(cli, path.slice(0, -1));
    if (typeof want === 'number') expect(closeRel(at(got, path.slice(0, -1)) as number, want, 1e-4), path).toBe(true);
  }

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const png = readFileSync((await dl.path())!);
  expect(dl.suggestedFilename()).toBe('digits-pca.png');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const stats = await pixelStats(page, png, VIEW_BG);
  expect(stats.foreground).toBeGreaterThan(0.01);
});
