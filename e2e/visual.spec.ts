/**
 * The picture itself: 37 classes in 37 distinct colours with a legend kept to a corner (search,
 * fold, point-to-dim), class-name columns coloured like the classes; charts readable at K = 37 and
 * K = 10 at 1280 x 720; axis ticks and point labels; density shading above 20,000 points; the
 * digits' images in the tooltip and as sprites; the PNG export at 2x and 4x with its legend, and
 * the 2D coordinates CSV. Fixtures are generated here, seeded.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createRng } from '../src/geometry/random';
import { writeNpy } from '../src/io/npy';
import { deltaE76 } from '../src/views/colorSpace';
import { hexToLab } from '../src/views/palette';
import { ARTIFACTS, decodePng, hoverUntilTooltip, inkShare, loadFiles, openExplore } from './helpers';

const DIR = `${ARTIFACTS}/visual${process.env.E2E_PORT ? `-${process.env.E2E_PORT}` : ''}`;
/** The palette's least CIE76 distance between class colours (justified in src/views/palette.test.ts). */
const MIN_DELTA_E = 20;
const K = 37;
const className = (k: number) => (k % 3 === 0 ? `Quercus_species_${String(k).padStart(2, '0')}_leaf_outline` : `class-${String(k).padStart(2, '0')}`);

/** Seeded Gaussian classes: n points in d dimensions, k classes; metadata with the class, a "prediction" (the class, every 7th row the next one) and a name. */
function writeBlobs(name: string, n: number, d: number, k: number, spread: number): string[] {
  mkdirSync(DIR, { recursive: true });
  const rng = createRng(37);
  const means = Array.from({ length: k * d }, () => rng.normal() * spread);
  const X = new Float32Array(n * d);
  const rows = ['label\tprediction\tname'];
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let j = 0; j < d; j++) X[i * d + j] = means[c * d + j] + rng.normal();
    rows.push(`${className(c)}\t${className(i % 7 === 0 ? (c + 1) % k : c)}\tpoint ${i}`);
  }
  const files = [`${DIR}/${name}.npy`, `${DIR}/${name}-meta.tsv`];
  writeFileSync(files[0], writeNpy(X, [n, d]));
  writeFileSync(files[1], `${rows.join('\n')}\n`);
  return files;
}

const canvasOf = (page: Page) => page.getByTestId('point-view').locator('canvas');

/** Pixels of a PNG within 2 of `hex` in every channel, optionally only in the region [x0, x1) x [y0, y1). */
async function countColour(page: Page, png: Buffer, hexes: string[], region?: [number, number, number, number]): Promise<number[]> {
  const { width, height, data: d } = await decodePng(page, png);
  const [x0, y0, x1, y1] = region ?? [0, 0, width, height];
  const [xa, xb, yb] = [Math.max(0, x0), Math.min(width, x1), Math.min(height, y1)];
  return hexes.map((h) => {
    const v = parseInt(h.slice(1), 16);
    const [r, g, b] = [(v >> 16) & 255, (v >> 8) & 255, v & 255];
    let n = 0;
    for (let y = Math.max(0, y0); y < yb; y++) {
      for (let i = (y * width + xa) * 4; i < (y * width + xb) * 4; i += 4) if (Math.abs(d[i] - r) <= 2 && Math.abs(d[i + 1] - g) <= 2 && Math.abs(d[i + 2] - b) <= 2) n++;
    }
    return n;
  });
}

/** Boxes of the elements matched by `selector` inside the element with `testId` that overlap one another. */
async function overlaps(page: Page, testId: string, selector: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((root, sel) => {
    const boxes = [...root.querySelectorAll(sel)].map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }));
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].r, boxes[j].r];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) out.push(`${boxes[i].text} / ${boxes[j].text}`);
      }
    }
    return out;
  }, selector);
}

test('37 classes: 37 distinct colours, a legend in its corner with search, fold and point-to-dim; a class-name column keeps the class colours', async ({ page }) => {
  await openExplore(page);
  await loadFiles(page, writeBlobs('c37', K * 20, 16, K, 4), 'c37.npy');
  const legend = page.getByTestId('legend');
  const items = legend.locator('.legend-item');
  await expect(items).toHaveCount(K);
  const colours = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-color') ?? ''));
  expect(new Set(colours).size).toBe(K);
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) expect(deltaE76(hexToLab(colours[i]), hexToLab(colours[j])), `${colours[i]} vs ${colours[j]}`).toBeGreaterThan(MIN_DELTA_E);

  const view = (await page.locator('main.center').boundingBox())!;
  const corner = (await page.locator('.legend-box').boundingBox())!;
  expect(corner.height).toBeLessThanOrEqual(view.height * 0.5);
  expect(corner.width * corner.height).toBeLessThanOrEqual(view.width * view.height * 0.15);
  // Long names take one line each, cut (never by the box's edge) where they still read apart; the whole name is the entry's title.
  expect(await items.locator('.legend-name').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent))).toEqual([]);
  // (When no cut keeps these names apart in the legend's width, they are written whole, wrapped.)
  const shown = await items.locator('.legend-name').allTextContents();
  expect(new Set(shown).size).toBe(K);
  const titles = await items.evaluateAll((els) => els.map((e) => (e.getAttribute('title') ?? '').split(': ')[0]));
  const heights = await items.locator('.legend-name').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  shown.forEach((t, i) => expect(t === titles[i] || (t.includes('…') && heights[i] <= 24), `${t} for ${titles[i]}`).toBe(true));
  expect(titles[0]).toBe('Quercus_species_00_leaf_outline');
  // The note that the file is kept sits in the Data section, not over the view.
  const kept = (await page.getByTestId('kept-file').boundingBox())!;
  expect(kept.x + kept.width).toBeLessThanOrEqual(view.x);

  await page.getByTestId('legend-search').fill('class-3');
  await expect(items).toHaveCount(4);
  await page.getByTestId('legend-search').fill('');
  await expect(items).toHaveCount(K);

  // Pointing at a class dims the others: the fill colour of another class leaves the view (left of the legend).
  const other = colours[1];
  const canvasBox = (await canvasOf(page).boundingBox())!;
  const left: [number, number, number, number] = [0, 0, Math.floor(corner.x - canvasBox.x), Math.floor(canvasBox.height)];
  const before = await countColour(page, await canvasOf(page).screenshot(), [other], left);
  expect(before[0]).toBeGreaterThan(0);
  await items.nth(0).hover();
  await expect.poll(async () => (await countColour(page, await canvasOf(page).screenshot(), [other], left))[0]).toBe(0);
  await page.mouse.move(5, 5);
  await page.screenshot({ path: `${ARTIFACTS}/visual-37-classes.png` });

  await page.getByTestId('legend-toggle').click();
  await expect(legend).toHaveCount(0);
  await expect(page.getByTestId('legend-toggle')).toHaveText(/class \(37\)/);
  await page.getByTestId('legend-toggle').click();
  await expect(items).toHaveCount(K);

  await hoverUntilTooltip(page);
  await expect(page.getByTestId('point-tooltip')).toContainText(/class (class-\d\d|Quercus_species_\d\d_leaf_outline) · row \d+/);

  const byName = new Map(await items.evaluateAll((els) => els.map((el) => [el.querySelector('.legend-name')?.textContent ?? '', el.getAttribute('data-color') ?? ''] as [string, string])));
  await page.getByTestId('color-by').selectOption('meta:prediction');
  await expect(legend).toHaveAttribute('aria-label', 'prediction');
  const predicted = await items.evaluateAll((els) => els.map((el) => [el.querySelector('.legend-name')?.textContent ?? '', el.getAttribute('data-color') ?? ''] as [string, string]));
  expect(predicted).toHaveLength(K);
  for (const [name, colour] of predicted) expect(colour, name).toBe(byName.get(name));
});

test('charts at K = 37 and 10 at 1280 x 720: cells of 8 px or more, labels that never touch, values clear of the marker, nothing clipped', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openExplore(page);
  await page.getByTestId('tab-classes').click();
  const digitsCells = page.getByTestId('heatmap-cosines').locator('rect.heat-cell');
  await expect(digitsCells).toHaveCount(100);
  expect(await overlaps(page, 'heatmap-cosines', '.heat-labels text')).toEqual([]);
  expect(await page.getByTestId('heatmap-cosines').locator('.heat-labels text').count()).toBe(20);

  const long = 'sentence-transformers_all-MiniLM-L6-v2_embeddings_of_the_whole_corpus';
  const [npy, meta] = writeBlobs(long, K * 20, 16, K, 4);
  await page.getByTestId('tab-metrics').click();
  await loadFiles(page, [npy, meta], `${long}.npy`);
  const name = (await page.getByTestId('dataset-name').boundingBox())!;
  const panel = (await page.getByTestId('metrics-panel').boundingBox())!;
  expect(name.x + name.width).toBeLessThanOrEqual(panel.x + panel.width);

  await page.getByTestId('tab-classes').click();
  await expect(page.getByTestId('heatmap-cosines').locator('rect.heat-cell')).toHaveCount(K * K);
  const widths = await page.getByTestId('heatmap-cosines').locator('rect.heat-cell').evaluateAll((els) => els.slice(0, 5).map((el) => Number(el.getAttribute('width'))));
  for (const w of widths) expect(w).toBeGreaterThanOrEqual(8);
  for (const id of ['heatmap-cosines', 'heatmap-etf', 'heatmap-angles']) expect(await overlaps(page, id, '.heat-labels text'), id).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/visual-classes-37.png` });

  await page.getByTestId('tab-dimension').click();
  await expect(page.getByTestId('bars-class-id').locator('rect[data-value]')).toHaveCount(2 * K, { timeout: 60_000 });
  const crossed = await page.getByTestId('bars-class-id').evaluate((svg) => {
    const line = svg.querySelector('.marker line')!.getBoundingClientRect();
    return [...svg.querySelectorAll('.bar-label')].filter((t) => {
      const r = t.getBoundingClientRect();
      return r.left < line.right && line.left < r.right;
    }).length;
  });
  expect(crossed).toBe(0);
  // Class names that share their start or their end still read apart when cut.
  const barNames = await page.getByTestId('bars-class-id').locator('.bar-item').allTextContents();
  expect(new Set(barNames).size).toBe(K);
  for (const id of ['spectrum', 'bars-id', 'bars-class-id']) {
    const clipped = await page.getByTestId(id).evaluate((svg) => {
      const s = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].filter((t) => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && (r.left < s.left - 0.5 || r.right > s.right + 0.5);
      }).map((t) => t.textContent);
    });
    expect(clipped, id).toEqual([]);
  }
  await page.screenshot({ path: `${ARTIFACTS}/visual-dimension-37.png` });

  await page.getByTestId('tab-inspect').click();
  const box = (await canvasOf(page).boundingBox())!;
  for (let dx = -100; dx <= 100 && (await page.getByTestId('neighbours').count()) === 0; dx += 5) await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dx / 3);
  await expect(page.getByTestId('neighbours').locator('tbody tr')).toHaveCount(20);
  const table = await page.getByTestId('neighbours').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, right: el.getBoundingClientRect().right, panel: el.closest('aside')!.getBoundingClientRect().right }));
  expect(table.scroll).toBeLessThanOrEqual(table.client + 1);
  expect(table.right).toBeLessThanOrEqual(table.panel);
});

test('axis ticks in data units and decluttered point labels follow the camera', async ({ page }) => {
  await openExplore(page);
  const text = page.getByTestId('view-text');
  await expect(text).toHaveAttribute('data-ticks', /^[1-9]\d*$/);
  await expect(text).toHaveAttribute('data-labels', '0');
  await page.getByTestId('label-by').selectOption('class');
  await expect(text).toHaveAttribute('data-labels', /^[1-9]\d*$/);
  await page.screenshot({ path: `${ARTIFACTS}/visual-labels-3d.png` });
  const box = (await canvasOf(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await text.getAttribute('data-labels');
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -250);
  await page.waitForTimeout(400);
  await expect(text).not.toHaveAttribute('data-labels', before ?? '');
  await page.getByTestId('dims-2').click();
  await page.waitForTimeout(900);
  await page.screenshot({ path: `${ARTIFACTS}/visual-labels-2d.png` });
  await page.getByTestId('show-ticks').uncheck();
  await expect(text).toHaveAttribute('data-ticks', '0');
  await page.getByTestId('label-by').selectOption('');
  await expect(text).toHaveAttribute('data-labels', '0');
});

test('density: on by itself above 20,000 points, contours in 2D, shading in 3D, off on request', async ({ page }) => {
  test.setTimeout(150_000);
  await openExplore(page);
  const canvas = canvasOf(page);
  await expect(canvas).toHaveAttribute('data-density', 'off');
  await loadFiles(page, writeBlobs('crowd', 25_000, 8, 10, 3), 'crowd.npy');
  await expect(canvas).toHaveAttribute('data-density', 'shaded');
  await expect(page.getByTestId('density-note')).toContainText('translucent');
  await page.getByTestId('dims-2').click();
  await expect(canvas).toHaveAttribute('data-density', 'contours');
  await expect(canvas).toHaveAttribute('data-contours', '7', { timeout: 20_000 });
  await page.screenshot({ path: `${ARTIFACTS}/visual-density-2d.png` });
  await page.getByTestId('density').selectOption('off');
  await expect(canvas).toHaveAttribute('data-density', 'off');
  await expect(canvas).toHaveAttribute('data-contours', '0');
  await expect(page.getByTestId('show-sprites')).toHaveCount(0);
});

test("the digits' images: a thumbnail in the tooltip, and sprites in place of points", async ({ page }) => {
  await openExplore(page);
  await expect(page.getByTestId('show-sprites')).toBeVisible();
  await hoverUntilTooltip(page);
  const thumb = page.getByTestId('point-tooltip').locator('img.tip-thumb');
  await expect(thumb).toHaveCount(1);
  await expect(page.getByTestId('point-view').locator('canvas')).toHaveCount(1);
  const inked = await inkShare(thumb, 128);
  expect(inked).toBeGreaterThan(0.05);
  await page.screenshot({ path: `${ARTIFACTS}/visual-thumbnail.png` });
  await page.mouse.move(5, 5);
  const canvas = canvasOf(page);
  await expect(canvas).toHaveAttribute('data-sprites', 'off');
  await page.getByTestId('show-sprites').check();
  await expect(canvas).toHaveAttribute('data-sprites', 'on');
  await page.screenshot({ path: `${ARTIFACTS}/visual-sprites.png` });
});

test('the PNG is 2x or 4x the view with its legend; the 2D coordinates CSV has two axes', async ({ page }) => {
  await openExplore(page);
  const view = (await canvasOf(page).boundingBox())!;
  const colours = await page.getByTestId('legend').locator('.legend-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-color') ?? ''));
  for (const scale of [2, 4]) {
    await page.getByTestId('png-scale').selectOption(String(scale));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(dl.suggestedFilename()).toBe(`digits-pca@${scale}x.png`);
    const png = readFileSync((await dl.path())!);
    const size = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return [img.width, img.height];
    }, png.toString('base64'));
    expect(size).toEqual([Math.round(view.width * scale), Math.round(view.height * scale)]);
    if (scale === 2) {
      // The legend's corner: every class colour is there (its swatches), not only in the points.
      const corner: [number, number, number, number] = [size[0] - 150 * scale, 0, size[0], 230 * scale];
      const found = await countColour(page, png, colours, corner);
      for (const [k, n] of found.entries()) expect(n, colours[k]).toBeGreaterThan(20);
    }
  }
  await page.getByTestId('dims-2').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = readFileSync((await dl.path())!, 'utf8').split('\n');
  expect(csv[0]).toBe('point,row,PC1,PC2,class');
  expect(csv[1].split(',')).toHaveLength(5);
});
