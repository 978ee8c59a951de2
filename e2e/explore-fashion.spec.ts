/**
 * The shipped Fashion-MNIST as an Explore example: its 10,000 test images read from the IDX
 * originals in the worker, named by their classes, each point's image in the tooltip and as a
 * sprite (after zooming in to at most 3,000 on screen), and in the inspector with its neighbours'.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ARTIFACTS, hoverUntilTooltip, inkShare, openExplore } from './helpers';

const canvasOf = (page: Page) => page.getByTestId('point-view').locator('canvas');

test('Fashion-MNIST in Explore: 10,000 images in 10 named classes, a thumbnail on hover, sprites in place of points', async ({ page }) => {
  test.setTimeout(240_000);
  await openExplore(page);
  await page.getByTestId('dataset-select').selectOption('fashion-mnist');
  await expect(page.getByTestId('current-data')).toContainText('Fashion-MNIST (28×28 clothing images)');
  await expect(page.getByTestId('current-data')).toContainText('Zalando Research');
  await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', '10000', { timeout: 120_000 });
  await expect(page.getByTestId('metric-classes')).toHaveAttribute('data-value', '10');
  const names = await page.getByTestId('legend').locator('.legend-name').allTextContents();
  expect(names).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
  await expect(page.getByTestId('show-sprites')).toBeVisible();

  await hoverUntilTooltip(page);
  const box = (await canvasOf(page).boundingBox())!;
  const tip = page.getByTestId('point-tooltip');
  await expect(tip).toContainText(/class (T-shirt\/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot) · row \d+/);
  const thumb = tip.locator('img.tip-thumb');
  await expect(thumb).toHaveCount(1);
  // A garment on white: some ink, not all ink (a blank or black tile would fail one side).
  const t = await inkShare(thumb, 240);
  expect(t).toBeGreaterThan(0.05);
  expect(t).toBeLessThan(0.95);
  await page.screenshot({ path: `${ARTIFACTS}/fashion-thumbnail.png` });

  // Inspect: the clicked point's image (inked: some pixels not white), and its 20 neighbours' images; a click on one inspects it.
  await page.getByTestId('tab-inspect').click();
  for (let dx = -100; dx <= 100 && (await page.getByTestId('neighbours').count()) === 0; dx += 5) await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dx / 3);
  await expect(page.getByTestId('neighbours').locator('tbody tr')).toHaveCount(20);
  const own = page.getByTestId('inspect').locator('.inspect-point canvas.point-image');
  await expect(own).toHaveCount(1);
  const inked = (c: Locator) => inkShare(c, 240);
  expect(await inked(own)).toBeGreaterThan(0.05);
  const strip = page.getByTestId('neighbour-images').locator('canvas.point-image');
  await expect(strip).toHaveCount(20);
  const rows = await page.getByTestId('neighbours').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row')));
  expect(await strip.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-row')))).toEqual(rows);
  expect(await inked(strip.nth(1))).toBeGreaterThan(0.05);
  await page.screenshot({ path: `${ARTIFACTS}/fashion-inspect.png` });
  await strip.nth(1).click();
  await expect(own).toHaveAttribute('data-row', rows[1]!);

  await page.mouse.move(5, 5);
  await expect(canvasOf(page)).toHaveAttribute('data-sprites', 'off');
  await page.getByTestId('show-sprites').check();
  // 10,000 points are more than the 3,000 drawn as images: zoom in until few enough lie on screen.
  await expect(canvasOf(page)).toHaveAttribute('data-sprites', 'off');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(600);
      return canvasOf(page).getAttribute('data-sprites');
    }, { timeout: 60_000, intervals: [200] })
    .toBe('on');
  await page.screenshot({ path: `${ARTIFACTS}/fashion-sprites.png` });
});
