/** Hideable controls (Playground's pattern): a teacher hides Train's and Landscape's controls, the address keeps them hidden. */
import { expect, test } from '@playwright/test';
import { HIDEABLE } from '../src/teach/hideStore';

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

test('a teacher hides Landscape controls the same way: every one has its "shown" box, hide= keeps them hidden after a reload, a group with all its controls hidden goes', async ({ page }) => {
  test.setTimeout(120_000);
  // SGD and a GCR head show every control Landscape has (momentum and the GCR head's three only show then).
  await page.goto('/?mode=landscape&opt=sgd&head=gcr&hide=lr,seed,bogus');
  await expect(page.getByTestId('url-notes')).toContainText('Ignored "hide=bogus" in the address: it is not a Landscape control that can be hidden.');
  await expect(page.getByTestId('ls-edit-shown')).toHaveText('Edit what students see (2 hidden)', { timeout: 60_000 });
  for (const shown of ['ls-num-params', 'ls-steps', 'ls-momentum']) await expect(page.getByTestId(shown)).toBeVisible();
  for (const hidden of ['ls-lr', 'ls-seed']) await expect(page.getByTestId(hidden)).toHaveCount(0);

  // Edit mode: every one of Landscape's controls carries its "shown" box, ticked unless hidden.
  await page.getByTestId('ls-edit-shown').click();
  const boxes = page.locator('[data-testid^="ls-show-"]');
  await expect(boxes).toHaveCount(HIDEABLE.landscape.length);
  for (const name of HIDEABLE.landscape) {
    const box = page.getByTestId(`ls-show-${name}`);
    if (name === 'lr' || name === 'seed') await expect(box, name).not.toBeChecked();
    else await expect(box, name).toBeChecked();
  }
  await expect(page.getByTestId('ls-lr')).toBeVisible();
  for (const name of ['dims', 'projection', 'run', 'steps', 'batch', 'lr-baseline', 'optimizer', 'momentum', 'schedule']) await page.getByTestId(`ls-show-${name}`).uncheck();
  await page.getByTestId('ls-edit-shown').click();
  await expect(page.getByTestId('ls-edit-shown')).toHaveText('Edit what students see (11 hidden)');
  await expect(page.getByTestId('ls-dims')).toHaveCount(0);
  await expect(page.getByTestId('ls-projection-auto')).toHaveCount(0);
  await expect(page.getByTestId('ls-start')).toHaveCount(0);
  // The budget's eight controls are all hidden, so its group goes; the model's D stays.
  const setup = page.getByRole('complementary', { name: 'Landscape setup' });
  await expect(setup.locator('legend')).toHaveText(['Data', 'Model and loss (any of Train mode\'s)', 'Backend']);
  await expect(page.getByTestId('ls-num-params')).toBeVisible();
  await expect(page).toHaveURL(/hide=dims(%2C|,)steps(%2C|,)batch(%2C|,)lr(%2C|,)lr-baseline(%2C|,)optimizer(%2C|,)momentum(%2C|,)schedule(%2C|,)seed(%2C|,)projection(%2C|,)run(&|$)/);

  await page.reload();
  await expect(page.getByTestId('ls-num-params')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('ls-dims')).toHaveCount(0);
  await expect(page.getByTestId('ls-steps')).toHaveCount(0);
  await expect(page.getByTestId('ls-start')).toHaveCount(0);
  await expect(page.getByTestId('ls-gcr-k')).toBeVisible();
  await expect(page.getByTestId('ls-backend')).toBeVisible();
  // Train keeps its own list: none hidden there, and its address carries no hide=.
  await page.getByTestId('mode-train').click();
  await expect(page.getByTestId('train-lr')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('train-seed')).toBeVisible();
  await expect(page).not.toHaveURL(/hide=/);
  await page.goBack();
  await expect(page.getByTestId('ls-num-params')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('ls-steps')).toHaveCount(0);
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
