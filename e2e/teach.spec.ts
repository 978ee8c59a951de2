/**
 * Teach mode: each lesson opened from its link runs end to end on wasm in the built app, every
 * checkpoint passing on the live run (the test's time limit is the lesson's budget: 5 minutes).
 */
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../src/teach/lessons';
import { lessonLink } from '../src/url/teachFields';

/** Runs the open step's action (if any) and waits until its checkpoints are all shown passing. */
async function runStep(page: Page, index: number): Promise<string[]> {
  await expect(page.getByTestId('lesson-step')).toHaveAttribute('data-step', String(index));
  const run = page.getByTestId('lesson-run');
  if (await run.count()) {
    await expect(run).toBeEnabled();
    await run.click();
    await expect(page.getByTestId('lesson-stop')).toBeVisible();
  } else if (await page.getByTestId('lesson-check').count()) await page.getByTestId('lesson-check').click();
  const checks = page.getByTestId('lesson-checks').locator('li');
  if (!(await page.getByTestId('lesson-check').count()) && !(await run.count())) return [];
  await expect(page.getByTestId('lesson-run').or(page.getByTestId('lesson-check')).first()).toBeVisible({ timeout: 240_000 });
  await expect(checks.first()).toBeVisible({ timeout: 240_000 });
  const texts = await checks.allTextContents();
  for (const t of texts) expect(t).toMatch(/: yes \(/);
  expect(await checks.evaluateAll((els) => els.map((e) => e.getAttribute('data-pass')))).toEqual(texts.map(() => 'true'));
  return texts;
}

for (const lesson of LESSONS) {
  test(`lesson "${lesson.title}" runs end to end on wasm with every checkpoint passing`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(`/${lessonLink(lesson.id)}`);
    await expect(page.getByTestId('mode-teach')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('lesson-select')).toHaveValue(lesson.id);
    await page.getByTestId('train-backend-select').selectOption('wasm');
    await expect(page.getByTestId('train-backend-name')).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
    const verdicts: string[] = [];
    for (let i = 0; i < lesson.steps.length; i++) {
      if (i > 0) await page.getByTestId('lesson-next').click();
      await expect(page).toHaveURL(i > 0 ? new RegExp(`step=${i}`) : /lesson=/);
      verdicts.push(...(await runStep(page, i)));
    }
    expect(verdicts.length).toBe(lesson.steps.reduce((n, s) => n + (s.checkpoints?.length ?? 0), 0));
    console.log(verdicts.join('\n'));
  });
}
