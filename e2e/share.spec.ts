/**
 * Shareable state: a link copied from each mode reproduces it in a fresh page (Train: the same
 * metrics at the same step on the same backend), refused address values are noted, back and
 * forward move between views, and the opened file survives a reload until "Forget this file".
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { FIXTURES } from './fixtures';
import { loadFiles, openExplore, waitForAnalysis } from './helpers';
import { DEFAULT_PRESET } from '../src/training/presets';

/** Train's snapshot interval on the default preset; the link test trains 100 steps in such steps. */
const EVERY = DEFAULT_PRESET.config.train.snapshotEvery;

const value = async (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-value');

/** Copy link's address (the field beside the button shows it). */
async function copyLink(page: Page): Promise<string> {
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('copy-link-url').inputValue();
  expect(url).toContain('http://127.0.0.1');
  return url;
}

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Trains `snapshots` snapshot intervals with "+N" and returns the readouts at the end. */
async function trainSnapshots(page: Page, snapshots: number, every: number): Promise<Record<string, string | null>> {
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  for (let i = 1; i <= snapshots; i++) {
    await page.getByTestId('train-step').click();
    await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', String(i * every), { timeout: 30_000 });
  }
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'paused');
  const out: Record<string, string | null> = {};
  for (const id of ['train-step-count', 'train-accuracy', 'train-test-accuracy', 'train-nc1', 'train-etf']) out[id] = await value(page, id);
  out.backend = await page.getByTestId('train-backend-name').getAttribute('data-backend');
  return out;
}

test('Train: a copied link opened in a fresh page gives the same metrics at the same step', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto('/?mode=train');
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('train-backend-select').selectOption('wasm');
  await page.getByTestId('train-seed').fill('7');
  await page.getByTestId('train-optimizer').getByRole('button', { name: 'Adam' }).click();
  await expect(page).toHaveURL(/seed=7/);
  const link = await copyLink(page);
  const params = new URL(link).searchParams;
  expect(Object.fromEntries(params)).toMatchObject({ mode: 'train', seed: '7', opt: 'adam', backend: 'wasm' });
  const original = await trainSnapshots(page, Math.ceil(100 / EVERY), EVERY);
  expect(original.backend).toBe('wasm');

  const other = await freshPage(browser);
  await other.goto(link);
  await expect(other.getByTestId('train-seed')).toHaveValue('7');
  await expect(other.getByTestId('train-optimizer').getByRole('button', { name: 'Adam' })).toHaveAttribute('aria-pressed', 'true');
  const reproduced = await trainSnapshots(other, Math.ceil(100 / EVERY), EVERY);
  expect(reproduced).toEqual(original);
  expect(Number(reproduced['train-nc1'])).toBeGreaterThan(0);
  await other.context().close();
});

test('Explore: a link holds the view (projection, 2D, overlays, clicked point) and reopens it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openExplore(page);
  await page.getByTestId('view-simplex').click();
  await expect(page.getByTestId('view-note')).toContainText('centred class means', { timeout: 30_000 });
  await page.getByTestId('dims-2').click();
  await page.getByTestId('show-means').check();
  await expect(page).toHaveURL(/proj=simplex/);
  const link = `${await copyLink(page)}&point=17&tab=inspect`;
  expect(Object.fromEntries(new URL(link).searchParams)).toMatchObject({ proj: 'simplex', dims: '2', means: '1' });

  const other = await freshPage(browser);
  await other.goto(link);
  await expect(other.getByTestId('analysis-status')).toHaveAttribute('data-id-status', 'done', { timeout: 120_000 });
  await expect(other.getByTestId('view-note')).toContainText('centred class means', { timeout: 30_000 });
  await expect(other.getByTestId('view-simplex')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByTestId('dims-2')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByTestId('show-means')).toBeChecked();
  await expect(other.getByTestId('inspect')).toContainText('Point 17');
  await expect(other).toHaveURL(/point=17/);
  await other.context().close();
});

test('Landscape: a link holds the sweep settings', async ({ page, browser }) => {
  await page.goto('/?mode=landscape');
  await expect(page.getByTestId('ls-preset')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('ls-steps').fill('150');
  await page.getByTestId('ls-seed').fill('4');
  await expect(page).toHaveURL(/steps=150/);
  const link = await copyLink(page);
  expect(Object.fromEntries(new URL(link).searchParams)).toMatchObject({ mode: 'landscape', steps: '150', seed: '4' });
  const other = await freshPage(browser);
  await other.goto(link);
  await expect(other.getByTestId('ls-steps')).toHaveValue('150');
  await expect(other.getByTestId('ls-seed')).toHaveValue('4');
  await other.context().close();
});

test('Teach: a copied link opens the same lesson, step and presentation in a fresh page, with that step\'s run', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto('/?mode=teach');
  await page.getByTestId('lesson-select').selectOption('grassmann');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
  await page.keyboard.press('p');
  await expect(page.locator('.app')).toHaveAttribute('data-presenting', 'true');
  const link = await copyLink(page);
  expect(Object.fromEntries(new URL(link).searchParams)).toEqual({ mode: 'teach', lesson: 'grassmann', step: '1', present: '1' });

  const other = await freshPage(browser);
  await other.goto(link);
  await expect(other.getByTestId('lesson-select')).toHaveValue('grassmann');
  await expect(other.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
  await expect(other.locator('.app')).toHaveAttribute('data-presenting', 'true');
  await expect(other.getByTestId('lesson-run')).toHaveText('Play 300 steps');
  // The run is the step's: a GCR head, so the legend has no classifier rows to draw.
  await expect(other.getByTestId('train-show-classifier')).toBeDisabled({ timeout: 60_000 });
  await other.context().close();
});

test('refused address values are noted and the page still works', async ({ page }) => {
  await page.goto('/?mode=train&lr=abc&depth=9&zoom=3&seed=5');
  await expect(page.getByTestId('url-notes')).toContainText('Ignored "lr=abc" in the address: it is not a number.');
  await expect(page.getByTestId('url-notes')).toContainText('Ignored "depth=9" in the address: it is outside [1, 6].');
  await expect(page.getByTestId('url-notes')).toContainText('Ignored "zoom=3" in the address: it is not a setting of this mode.');
  await expect(page.getByTestId('train-seed')).toHaveValue('5');
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('url-notes-dismiss').click();
  await expect(page.getByTestId('url-notes')).toHaveCount(0);
});

test('back and forward move between views and modes', async ({ page }) => {
  test.setTimeout(120_000);
  await openExplore(page);
  await page.getByTestId('view-simplex').click();
  await expect(page).toHaveURL(/proj=simplex/);
  await page.getByTestId('mode-train').click();
  await expect(page).toHaveURL(/mode=train/);
  await page.goBack();
  await expect(page.getByTestId('mode-explore')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('view-simplex')).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(page).not.toHaveURL(/proj=/);
  await expect(page.getByTestId('view-pca')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await page.goForward();
  await expect(page.getByTestId('view-simplex')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await page.goForward();
  await expect(page.getByTestId('mode-train')).toHaveAttribute('aria-selected', 'true');
});

test('reload keeps the opened file and the view; Forget removes it from storage', async ({ page }) => {
  test.setTimeout(150_000);
  await openExplore(page);
  await loadFiles(page, [`${FIXTURES}/points.npy`, `${FIXTURES}/points-labels.txt`], 'points.npy');
  await expect(page.getByTestId('kept-file')).toContainText('points.npy is kept in this browser');
  await page.getByTestId('view-simplex').click();
  await expect(page.getByTestId('view-note')).toContainText('centred class means', { timeout: 30_000 });
  await expect(page).toHaveURL(/proj=simplex/);
  expect(page.url()).not.toContain('points');

  await page.reload();
  await expect(page.getByTestId('dataset-name')).toHaveText('points.npy', { timeout: 60_000 });
  await waitForAnalysis(page);
  await expect(page.getByTestId('view-simplex')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('view-note')).toContainText('centred class means', { timeout: 30_000 });
  await expect(page.getByTestId('kept-file')).toContainText('points.npy');

  await page.getByTestId('forget-file').click();
  await expect(page.getByTestId('kept-file')).toHaveCount(0);
  const left = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const names: string[] = [];
    for await (const key of (root as unknown as { keys: () => AsyncIterable<string> }).keys()) names.push(key);
    return names;
  });
  expect(left).toEqual([]);
  await page.goto('/');
  await expect(page.getByTestId('dataset-name')).not.toHaveText('points.npy', { timeout: 60_000 });
  await waitForAnalysis(page);
  await expect(page.getByTestId('dataset-name')).not.toHaveText('points.npy');
});

test("Explore: the camera is in the link (rotated and zoomed), a fresh page opens with the same camera; Reset view takes it out", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openExplore(page);
  // The canvas carries the camera it renders with (position then target, rounded to 3 decimals).
  const canvas = (p: Page) => p.getByTestId('point-view').locator('canvas').first();
  const start = await canvas(page).getAttribute('data-camera');
  expect(start).toMatch(/^(-?[\d.]+,){5}-?[\d.]+$/);
  const box = (await canvas(page).boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 140, cy + 50, { steps: 10 });
  await page.mouse.up();
  await page.mouse.wheel(0, -400);
  await expect(page).toHaveURL(/cam=/);
  const cam = await canvas(page).getAttribute('data-camera');
  expect(cam).not.toBe(start);
  const distance = (text: string | null) => Math.hypot(...text!.split(',').slice(0, 3).map(Number));
  expect(distance(cam)).toBeLessThan(distance(start) - 0.05);
  const link = await copyLink(page);
  expect(new URL(link).searchParams.get('cam')).toBe(cam);

  const other = await freshPage(browser);
  await other.goto(link);
  await waitForAnalysis(other);
  await expect(canvas(other)).toHaveAttribute('data-camera', cam!);
  await expect(other).toHaveURL(/cam=/);
  await other.context().close();

  await page.getByTestId('view-reset').click();
  await expect(canvas(page)).toHaveAttribute('data-camera', start!);
  await expect(page).not.toHaveURL(/cam=/);
});
