/**
 * Inspecting points on the shipped digits: a click lists the 20 nearest neighbours in the original
 * space, equal to an exact kNN computed here (Euclidean and cosine); box selection, isolation and
 * search by regex.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseNpy } from '../src/io/npy';
import { ARTIFACTS, openExplore, pixelStats } from './helpers';

const VIEW_BG: [number, number, number] = [0xfb, 0xfb, 0xfc];

/** Exact neighbours of row q in float64 (ties by index), as the inspector defines them. */
function exactNeighbours(X: Float32Array, n: number, d: number, q: number, k: number, cosine: boolean): { rows: number[]; dist: number[] } {
  const norm = (i: number) => {
    let s = 0;
    for (let t = 0; t < d; t++) s += X[i * d + t] ** 2;
    return s > 0 ? 1 / Math.sqrt(s) : 0;
  };
  const sq = cosine ? norm(q) : 1;
  const all: [number, number][] = [];
  for (let j = 0; j < n; j++) {
    if (j === q) continue;
    const sj = cosine ? norm(j) : 1;
    let s = 0;
    for (let t = 0; t < d; t++) s += (X[q * d + t] * sq - X[j * d + t] * sj) ** 2;
    all.push([cosine ? s / 2 : Math.sqrt(s), j]);
  }
  all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { rows: all.slice(0, k).map((p) => p[1]), dist: all.slice(0, k).map((p) => p[0]) };
}

/** Moves over the canvas until the tooltip shows a point; returns that position. */
async function findPoint(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('point-view').locator('canvas').boundingBox())!;
  const tip = page.getByTestId('point-tooltip');
  for (let dy = -60; dy <= 60; dy += 12) {
    for (let dx = -90; dx <= 90; dx += 9) {
      const p = { x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy };
      await page.mouse.move(p.x, p.y);
      if (await tip.evaluate((el) => getComputedStyle(el).visibility === 'visible')) return p;
    }
  }
  throw new Error('no point found under the cursor near the centre');
}

async function tableRows(page: Page): Promise<{ rows: number[]; dist: number[] }> {
  const cells = await page.getByTestId('neighbours').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [Number(tr.getAttribute('data-row')), Number(tr.getAttribute('data-distance'))]),
  );
  return { rows: cells.map((c) => c[0]), dist: cells.map((c) => c[1]) };
}

test('clicking a point lists its 20 nearest neighbours, equal to an exact kNN', async ({ page }) => {
  const npy = parseNpy(new Uint8Array(readFileSync('public/data/digits.npy')));
  const X = npy.data as Float32Array;
  const [n, d] = npy.shape;
  await openExplore(page);
  const p = await findPoint(page);
  await page.mouse.click(p.x, p.y);
  const inspect = page.getByTestId('inspect');
  await expect(inspect).toBeVisible();
  await expect(page.getByTestId('neighbours').locator('tbody tr')).toHaveCount(20);
  const heading = (await inspect.locator('h3').first().textContent()) ?? '';
  const row = Number(/row (\d+)/.exec(heading)?.[1]);
  expect(Number.isInteger(row)).toBe(true);

  for (const metric of ['euclidean', 'cosine'] as const) {
    if (metric === 'cosine') {
      await page.getByTestId('metric-cosine-button').click();
      await expect(page.getByTestId('neighbours')).toHaveAttribute('data-metric', 'cosine');
    }
    const want = exactNeighbours(X, n, d, row, 20, metric === 'cosine');
    const got = await tableRows(page);
    expect(got.rows, `${metric} neighbour rows of row ${row}`).toEqual(want.rows);
    got.dist.forEach((v, i) => expect(Math.abs(v - want.dist[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, want.dist[i])));
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/inspect-neighbours.png` });

  // A click on a neighbour inspects it; a click on empty space clears the selection.
  await page.getByTestId('neighbours').locator('tbody tr').first().click();
  await expect(inspect.locator('h3').first()).toContainText(`row ${exactNeighbours(X, n, d, row, 1, true).rows[0]}`);
});

test('box selection, isolation and regex search select the right points', async ({ page }) => {
  await openExplore(page);
  await page.getByTestId('dims-2').click();
  await page.waitForTimeout(800);
  const canvas = page.getByTestId('point-view').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const before = await pixelStats(page, await canvas.screenshot(), VIEW_BG);
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.55, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  const status = page.getByTestId('selection-status');
  await expect(status).toContainText('points selected (box)');
  const count = Number(((await status.textContent()) ?? '').replace(/,/g, '').match(/(\d+) points/)?.[1]);
  expect(count).toBeGreaterThan(10);
  expect(count).toBeLessThan(1797);
  await page.getByTestId('isolate').click();
  await page.waitForTimeout(300);
  const isolated = await pixelStats(page, await canvas.screenshot(), VIEW_BG);
  expect(isolated.foreground).toBeLessThan(before.foreground * 0.8);
  await page.screenshot({ path: `${ARTIFACTS}/box-isolate.png` });
  await page.getByTestId('isolate').click();

  await page.getByTestId('search-regex').check();
  await page.getByTestId('search-input').fill('^[37]$');
  await page.getByTestId('search-button').click();
  await expect(status).toContainText('362 points selected (search /^[37]$/)');
  await page.getByTestId('search-input').fill('(');
  await page.getByTestId('search-button').click();
  await expect(page.getByText('Not a valid regular expression')).toBeVisible();
  await page.getByTestId('clear-selection').click();
  await expect(status).toContainText('Shift-drag');

  // The lasso: a free-hand triangle around the centre selects fewer points than its bounding box.
  await page.getByTestId('tool-lasso').click();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.keyboard.down('Shift');
  await page.mouse.move(cx - 120, cy + 90);
  await page.mouse.down();
  for (const [x, y] of [[cx, cy - 120], [cx + 120, cy + 90], [cx - 118, cy + 92]]) await page.mouse.move(x, y, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(status).toContainText('points selected (lasso)');
  const lasso = Number(((await status.textContent()) ?? '').replace(/,/g, '').match(/(\d+) points/)?.[1]);
  await page.getByTestId('tool-box').click();
  await page.keyboard.down('Shift');
  await page.mouse.move(cx - 120, cy - 120);
  await page.mouse.down();
  await page.mouse.move(cx + 120, cy + 92, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(status).toContainText('points selected (box)');
  const boxed = Number(((await status.textContent()) ?? '').replace(/,/g, '').match(/(\d+) points/)?.[1]);
  expect(lasso).toBeGreaterThan(10);
  expect(lasso).toBeLessThan(boxed);
});
