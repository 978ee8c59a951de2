/**
 * Teach mode: each lesson opened from its link runs end to end on wasm in the built app, every
 * checkpoint passing on the live run (the test's time limit is the lesson's budget: 5 minutes).
 */
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/teach/lessons';
import type { LessonStep } from '../src/teach/types';
import { lessonLink } from '../src/url/teachFields';

/** Runs the open step's action (if any) and waits until its checkpoints are all shown passing. */
async function runStep(page: Page, step: LessonStep, index: number): Promise<string[]> {
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(index));
  if (step.action) {
    await expect(page.getByTestId('lesson-run')).toBeEnabled({ timeout: 60_000 });
    await page.getByTestId('lesson-run').click();
  }
  if (!step.checkpoints?.length) return [];
  await expect(page.getByTestId('lesson-check')).toBeVisible({ timeout: 240_000 });
  if (!step.action) await page.getByTestId('lesson-check').click();
  const checks = page.getByTestId('lesson-checks').locator('li');
  await expect(checks).toHaveCount(step.checkpoints.length);
  const texts = await checks.allTextContents();
  for (const t of texts) expect(t).toMatch(/: yes \(/);
  expect(await checks.evaluateAll((els) => els.map((e) => e.getAttribute('data-pass')))).toEqual(texts.map(() => 'true'));
  return texts;
}

for (const lesson of LESSONS) {
  test(`lesson "${lesson.title}" runs end to end on wasm with every checkpoint passing`, async ({ page }) => {
    // Lesson 1's budget is the five minutes, lesson 7's (two sweeps) too; the others are designed to take well under a minute on wasm.
    test.setTimeout(lesson === LESSONS[0] || lesson.view === 'landscape' ? 300_000 : 150_000);
    const t0 = Date.now();
    await page.goto(`/${lessonLink(lesson.id)}`);
    await expect(page.getByTestId('mode-teach')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('lesson-select')).toHaveValue(lesson.id);
    const landscape = lesson.view === 'landscape';
    if (landscape) await page.getByTestId('ls-status-backend').selectOption('wasm');
    else {
      await page.getByTestId('train-backend-select').selectOption('wasm');
      await expect(page.getByTestId('train-backend-name')).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
    }
    const verdicts: string[] = [];
    for (let i = 0; i < lesson.steps.length; i++) {
      if (i > 0) await page.getByTestId('lesson-next').click();
      if (i > 0) await expect(page).toHaveURL(new RegExp(`step=${i}`));
      verdicts.push(...(await runStep(page, lesson.steps[i], i)));
    }
    expect(verdicts.length).toBe(lesson.steps.reduce((n, s) => n + (s.checkpoints?.length ?? 0), 0));
    if (landscape) {
      // The sweeps ran on wasm; the first stays on the chart beside the second; the step's link opens its sweep in Landscape mode.
      await expect(page.getByTestId('ls-backend-name')).toHaveAttribute('data-backend', 'wasm');
      await expect(page.getByTestId('ls-acc-series')).toHaveCount(2);
      const last = lesson.steps.at(-1)!;
      await expect(page.getByTestId('lesson-landscape-link')).toHaveAttribute('href', `?mode=landscape&${last.landscape}`);
      await page.getByTestId('lesson-landscape-link').click();
      await expect(page.getByTestId('mode-landscape')).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('ls-num-params')).toHaveText('50,826');
      await expect(page.getByTestId('ls-dims')).toHaveValue('100,200,400,800');
    }
    console.log(`${lesson.id}: ${((Date.now() - t0) / 1000).toFixed(1)} s\n${verdicts.join('\n')}`);
  });
}

test('presentation mode at 1280x720: large type, the NC1 chart and the 3D view both on screen, classroom keys', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?mode=train&present=1');
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await expect(page.locator('.app')).toHaveAttribute('data-presenting', 'true');
  expect(parseFloat(await page.locator('.app').evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(18);
  const inView = async (testId: string) => {
    const box = await page.getByTestId(testId).boundingBox();
    expect(box, testId).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    expect(box!.y + box!.height).toBeLessThanOrEqual(720);
    expect(box!.width * box!.height).toBeGreaterThan(200 * 120);
  };
  // Space plays and pauses; the right arrow takes one step; p leaves presentation mode (and the address says so).
  await page.keyboard.press('Space');
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'playing');
  await expect.poll(async () => Number(await page.getByTestId('train-step-count').getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'paused');
  await inView('train-cloud');
  await inView('train-timeline-nc1');
  const tick = page.getByTestId('train-timeline-nc1').locator('.axis text').first();
  expect(parseFloat(await tick.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(14);
  const before = Number(await page.getByTestId('train-step-count').getAttribute('data-value'));
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await page.getByTestId('train-step-count').getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(before);
  await page.screenshot({ path: 'e2e-artifacts/present-train-1280x720.png' });
  await expect(page).toHaveURL(/present=1/);
  await page.keyboard.press('p');
  await expect(page.locator('.app')).toHaveAttribute('data-presenting', 'false');
  await expect(page).not.toHaveURL(/present=1/);
});

test('a lesson in presentation mode at 1280x720: the phase badge unclipped, the 3D legend off the view under the NC1 chart, the NC1 chart and the 3D view on screen, the lesson column unscrolled', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/${lessonLink('neural-collapse')}&step=1&present=1`);
  await expect(page.getByTestId('lesson-run')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-check')).toBeVisible({ timeout: 90_000 });
  const box = async (testId: string) => (await page.getByTestId(testId).boundingBox())!;
  const within = (inner: { x: number; y: number; width: number; height: number }, outer: typeof inner) =>
    inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
  expect(within(await box('train-tpt'), await box('train-readouts'))).toBe(true);
  const legend = await box('train-legend');
  const axes = (await page.locator('.train-frame-pick').boundingBox())!;
  expect(axes.x + axes.width <= legend.x || legend.y + legend.height <= axes.y || axes.y + axes.height <= legend.y).toBe(true);
  // The legend sits under the NC1 chart, off the 3D view (over it, it took a third of the view and sat on the points).
  const cloud = await box('train-cloud');
  const nc1 = await box('train-timeline-nc1');
  expect(legend.x).toBeGreaterThanOrEqual(cloud.x + cloud.width);
  expect(legend.y).toBeGreaterThanOrEqual(nc1.y + nc1.height);
  expect(legend.y + legend.height).toBeLessThanOrEqual(720);
  const screen = { x: 0, y: 0, width: 1280, height: 720 };
  expect(within(await box('train-cloud'), screen)).toBe(true);
  expect(within(await box('train-timeline-nc1'), screen)).toBe(true);
  expect(parseFloat(await page.getByTestId('lesson-step').locator('p').first().evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(18);
  const tick = page.getByTestId('train-timeline-nc1').locator('.axis text').first();
  expect(parseFloat(await tick.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(14);
  // The lesson column fits: no scrolling at 1280x720 for this step.
  expect(await page.getByTestId('lesson-panel').evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(1);
  await page.screenshot({ path: 'e2e-artifacts/present-teach-1280x720.png' });
});

test('lesson 7 in presentation mode at 1280x720: every lesson title whole in the picker, the lesson column unscrolled before and after the sweep, the run table unclipped', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/${lessonLink('objective-landscape')}&present=1`);
  const panel = page.getByTestId('lesson-panel');
  const name = page.getByTestId('lesson-name');
  const unscrolled = async (what: string) => expect(await panel.evaluate((e) => e.scrollHeight - e.clientHeight), what).toBeLessThanOrEqual(1);
  const within = async (testId: string, outer: { x: number; width: number }) => {
    const box = (await page.getByTestId(testId).boundingBox())!;
    expect(box.x, testId).toBeGreaterThanOrEqual(outer.x - 0.5);
    expect(box.x + box.width, testId).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  };
  // The picker writes each lesson's title whole, wrapped inside the column (a closed select cut lesson 7's).
  for (const [i, lesson] of LESSONS.entries()) {
    await page.getByTestId('lesson-select').selectOption(lesson.id);
    await expect(name).toHaveText(`${i + 1}. ${lesson.title}`);
    expect(await name.evaluate((e) => e.scrollWidth - e.clientWidth), lesson.id).toBeLessThanOrEqual(1);
    await within('lesson-name', (await panel.boundingBox())!);
  }
  await expect(page.getByTestId('lesson-select')).toHaveValue('objective-landscape');
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '0');
  expect(parseFloat(await page.getByTestId('lesson-step').locator('p').first().evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(18);
  const tick = page.getByTestId('ls-accuracy-chart').locator('.axis text').first();
  expect(parseFloat(await tick.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(14);
  await unscrolled('step 1');
  await page.getByTestId('ls-status-backend').selectOption('wasm');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '1');
  await unscrolled('step 2 before the sweep');
  await expect(page.getByTestId('lesson-run')).toBeEnabled({ timeout: 60_000 });
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-check')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('lesson-checks').locator('li')).toHaveCount(5);
  await unscrolled('step 2 after the sweep');
  // Presented, the verdicts head the right column, whole on screen above the results.
  const aside = (await page.getByTestId('lesson-aside').boundingBox())!;
  const checks = (await page.getByTestId('lesson-checkpoints').boundingBox())!;
  expect(checks.x).toBeGreaterThanOrEqual(aside.x);
  expect(checks.y + checks.height).toBeLessThanOrEqual(Math.min(720, aside.y + aside.height));
  expect(parseFloat(await page.getByTestId('lesson-checks').locator('li').first().evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(17);
  // The chart and every column of the run table lie inside the centre.
  const centre = (await page.locator('.teach-landscape > .center').boundingBox())!;
  await within('ls-accuracy-chart', centre);
  const table = (await page.locator('.ls-run-table').boundingBox())!;
  expect(table.x + table.width).toBeLessThanOrEqual(centre.x + centre.width + 0.5);
  await page.screenshot({ path: 'e2e-artifacts/present-lesson7-1280x720.png' });
});
