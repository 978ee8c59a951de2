/**
 * Issue 11's screenshots of presentation mode at 1280x720 (a classroom projector): lesson 1 mid-run
 * (the terminal phase reached, checkpoints shown) and lesson 7 (the objective landscape) before
 * and after its first sweep. Only with SHOTS=DIR (looked at, not asserted pixel by pixel; the
 * layout claims are asserted in teach.spec.ts):
 *   npx vite build --outDir dist-NAME && SHOTS=/work/notes/NAME E2E_PORT=PORT E2E_OUTDIR=dist-NAME \
 *     npx playwright test e2e/shots-teach.spec.ts
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { lessonLink } from '../src/url/teachFields';

const DIR = process.env.SHOTS ?? '';
test.skip(!DIR, 'screenshots only with SHOTS=DIR');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  await page.mouse.move(2, 2);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

test('lesson 1 mid-run in presentation mode at 1280x720', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  // Step 2 of lesson 1 (reach 100% training accuracy), run until its checkpoint shows.
  await page.goto(`/${lessonLink('neural-collapse')}&present=1`);
  await page.getByTestId('lesson-step-1').click();
  const run = page.getByTestId('lesson-run');
  await expect(run).toBeEnabled({ timeout: 60_000 });
  await run.click();
  await expect(page.getByTestId('lesson-checks').locator('li')).toHaveCount(1, { timeout: 120_000 });
  await shot(page, 'present-lesson1-1280x720');
});

test('lesson 7 in presentation mode at 1280x720: the opening step, and the sweep step after its sweep', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/${lessonLink('objective-landscape')}&present=1`);
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('ls-status-backend')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('ls-status-backend').selectOption('wasm');
  await shot(page, 'present-lesson7-step1-1280x720');
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-run')).toBeEnabled({ timeout: 60_000 });
  await shot(page, 'present-lesson7-step2-before-1280x720');
  await page.getByTestId('lesson-run').click();
  await expect(page.getByTestId('lesson-check')).toBeVisible({ timeout: 240_000 });
  await shot(page, 'present-lesson7-step2-after-1280x720');
});
