/** Hideable controls (Playground's pattern): a teacher hides Train controls, the address keeps them hidden. */
import { expect, test } from '@playwright/test';

test('a teacher hides Train controls; hide= in the address keeps them hidden after a reload, unknown names get a note', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?mode=train&hide=lr,wd,bogus');
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await expect(page.getByTestId('train-seed')).toBeVisible();
  await expect(page.getByTestId('train-lr')).toHaveCount(0);
  await expect(page.getByTestId('train-wd')).toHaveCount(0);
  await expect(page.getByTestId('url-notes')).toContainText('Ignored "hide=bogus" in the address: it is not a Train control that can be hidden.');
  await expect(page.getByTestId('train-edit-shown')).toHaveText('Edit what students see (2 hidden)');

  // Edit mode: every control carries its "shown" box; hidden ones are back on screen, unticked.
  await page.getByTestId('train-edit-shown').click();
  await expect(page.getByTestId('show-lr')).not.toBeChecked();
  await expect(page.getByTestId('train-lr')).toBeVisible();
  await expect(page.getByTestId('show-seed')).toBeChecked();
  await page.getByTestId('show-seed').uncheck();
  await page.getByTestId('show-transport').uncheck();
  await page.getByTestId('train-edit-shown').click();
  await expect(page.getByTestId('train-seed')).toHaveCount(0);
  await expect(page.getByTestId('train-play')).toHaveCount(0);
  await expect(page).toHaveURL(/hide=transport(%2C|,)lr(%2C|,)wd(%2C|,)seed/);

  await page.reload();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await expect(page.getByTestId('train-seed')).toHaveCount(0);
  await expect(page.getByTestId('train-lr')).toHaveCount(0);
  await expect(page.getByTestId('train-momentum')).toBeVisible();
  // With the transport hidden the classroom keys still drive the run.
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await page.getByTestId('train-step-count').getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(0);
});

test("Train's side tab is in the address: a link opens a fresh page on the same tab", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto('/?mode=train');
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('train-tab-layers').click();
  await expect(page).toHaveURL(/side=layers/);
  const link = page.url();
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('train-tab-layers')).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await expect(fresh.getByTestId('train-tab-curves')).toHaveAttribute('aria-selected', 'false');
  await page.goBack();
  await expect(page.getByTestId('train-tab-curves')).toHaveAttribute('aria-selected', 'true');
});

test("Compare's settings are in the address: a link opens a fresh page with the same settings", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.goto('/?mode=compare');
  await page.getByTestId('compare-k').fill('7');
  await page.getByTestId('compare-seed').fill('3');
  await expect(page).toHaveURL(/k=7/);
  await expect(page).toHaveURL(/seed=3/);
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('compare-k')).toHaveValue('7');
  await expect(fresh.getByTestId('compare-seed')).toHaveValue('3');
  await expect(fresh.getByTestId('compare-anchors')).toHaveValue(await page.getByTestId('compare-anchors').inputValue());
});

test('classroom keys: r resets the run to step 0, f asks for full screen and f again leaves it', async ({ page }) => {
  test.setTimeout(120_000);
  // Count the full-screen requests the page makes (the browser's own request still runs).
  await page.addInitScript(() => {
    const w = window as unknown as { fullscreenRequests: number };
    w.fullscreenRequests = 0;
    const request = Element.prototype.requestFullscreen;
    Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
      w.fullscreenRequests++;
      return request.call(this, options);
    };
  });
  await page.goto('/?mode=train&present=1');
  const steps = page.getByTestId('train-step-count');
  await expect(steps).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await steps.getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.keyboard.press('r');
  await expect(steps).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'paused');

  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => (window as unknown as { fullscreenRequests: number }).fullscreenRequests)).toBe(1);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  expect(await page.evaluate(() => (window as unknown as { fullscreenRequests: number }).fullscreenRequests)).toBe(1);
  // Presentation mode stays on through both.
  await expect(page.locator('.app')).toHaveAttribute('data-presenting', 'true');
});
