/**
 * What Train's views say, on a short seeded run of the default preset: every terminal-phase span is
 * shaded where the metrics say train error is 0 and the badge agrees with the latest accuracy;
 * after Pause the exports are of the step on screen; label noise is marked in the 3D legend; the
 * coding rate streams with the snapshot; at 1280x720 the camera keeps the class means apart and out
 * from under the legend, which collapses, for K = 4 and for the ten digits; the readouts (the NC2
 * reason, the phase badge) are never cut; with minority classes the legend states their rows' cosine.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { terminalSpans } from '../src/state/terminalSpans';
import { DEFAULT_PRESET } from '../src/training/presets';
import { ARTIFACTS } from './helpers';

const valueOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

async function openTrain(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('mode-train').click();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
}

test('terminal phase shaded where train error is 0, the badge agrees, exports after Pause are of the step on screen', async ({ page }) => {
  test.setTimeout(180_000);
  await openTrain(page);
  await expect(page.getByTestId('train-tpt-state')).toHaveAttribute('data-state', 'never');
  await expect(page.getByTestId('train-tpt')).toContainText('train error > 0');

  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-tpt-state')).toHaveAttribute('data-state', 'terminal', { timeout: 90_000 });
  await expect.poll(() => valueOf(page, 'train-step-count'), { timeout: 60_000 }).toBeGreaterThanOrEqual(400);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'paused');
  await page.waitForTimeout(600);
  const step = await valueOf(page, 'train-step-count');
  await expect(page.getByTestId('train-status')).toContainText(`paused at step ${step}`);

  // The badge claims the terminal phase only while the latest accuracy is 100%.
  const accuracy = await valueOf(page, 'train-accuracy');
  const state = await page.getByTestId('train-tpt-state').getAttribute('data-state');
  expect(state === 'terminal').toBe(accuracy === 1);
  if (accuracy < 1) await expect(page.getByTestId('train-tpt')).not.toContainText(/^terminal phase/);

  // The metrics JSON: its last row is the step on screen, its spans are the shaded ones.
  await page.getByTestId('train-tab-runs').click();
  await expect(page.getByTestId('train-export-step')).toHaveAttribute('data-step', String(step));
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('train-export-json').click()]);
  expect(json.suggestedFilename()).toBe(`train-${DEFAULT_PRESET.id}-step${step}-metrics.json`);
  const run = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(run.step).toBe(step);
  expect(run.metrics.at(-1).step).toBe(step);
  const spans = terminalSpans(run.metrics);
  expect(spans.length).toBeGreaterThanOrEqual(1);
  expect(run.terminalSpans).toEqual(spans);
  for (const s of spans) {
    const inside = run.metrics.filter((m: { step: number }) => m.step >= s.from && m.step <= s.to);
    expect(inside.every((m: { trainAccuracy: number }) => m.trainAccuracy === 1)).toBe(true);
  }
  // Every snapshot with train error 0 lies in a span; every other lies in none.
  for (const m of run.metrics as { step: number; trainAccuracy: number }[]) {
    expect(spans.some((s) => m.step >= s.from && m.step <= s.to)).toBe(m.trainAccuracy === 1);
  }
  // The coding rate streams with every snapshot (eps^2 = 0.5), deltaR = R - R_c.
  const last = run.metrics.at(-1);
  expect(last.codingRateEps2).toBe(0.5);
  expect(last.codingRateDeltaR).toBeCloseTo(last.codingRateR - last.codingRateRc, 10);
  expect(last.codingRateDeltaR).toBeCloseTo(await valueOf(page, 'train-delta-r'), 10);

  // The features export is of the same step.
  const [npz] = await Promise.all([page.waitForEvent('download'), page.getByTestId('train-export-npz').click()]);
  expect(npz.suggestedFilename()).toBe(`train-${DEFAULT_PRESET.id}-step${step}-features.npz`);
  expect(await valueOf(page, 'train-step-count')).toBe(step);

  // Every timeline shades the same spans.
  await page.getByTestId('train-tab-curves').click();
  const expected = spans.map((s) => `${s.from}-${s.to}`).join(' ');
  for (const id of ['loss', 'accuracy', 'nc1', 'simplex', 'coding']) {
    await expect(page.getByTestId(`train-timeline-${id}-tpt`)).toHaveAttribute('data-spans', expected);
  }
  await expect(page.getByTestId('train-tpt-note')).toContainText('terminal phase (train error 0)');
  await page.screenshot({ path: `${ARTIFACTS}/train-views-terminal.png` });
});

test('label noise: the 3D legend counts the ringed points; the simplex is drawn (F >= K - 1)', async ({ page }) => {
  test.setTimeout(120_000);
  await openTrain(page);
  await expect(page.getByTestId('train-legend-noisy')).toHaveCount(0);
  await expect(page.getByTestId('train-legend')).not.toContainText('no simplex fits');
  await page.getByTestId('train-label-noise').fill('0.2');
  // The sample is every training row (160), so all floor(0.2 * 160) flipped rows are ringed.
  await expect(page.getByTestId('train-legend-noisy')).toHaveAttribute('data-count', String(Math.floor(0.2 * 160)), { timeout: 60_000 });
  await expect(page.getByTestId('train-legend-noisy')).toContainText('32 of 160 points');
});

test('at 1280x720 the camera keeps every class mean apart and out from under the legend; the legend collapses', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openTrain(page);
  await page.getByTestId('train-play').click();
  await expect.poll(() => valueOf(page, 'train-step-count'), { timeout: 90_000 }).toBeGreaterThanOrEqual(300);
  await page.getByTestId('train-play').click();
  await page.getByTestId('reset-view-train').click();
  const canvas = page.locator('.train-stage canvas');
  // MIN_APART (trainCamera.ts): marks closer than 6% of the view's height overlap; 0 means a mean tip under an overlay.
  await expect.poll(async () => Number(await canvas.getAttribute('data-mean-apart')), { timeout: 10_000 }).toBeGreaterThan(0.06);
  await page.screenshot({ path: `${ARTIFACTS}/train-legend-1280x720.png` });

  const legend = page.getByTestId('train-legend');
  await expect(legend).toHaveAttribute('data-open', 'true');
  await page.getByTestId('train-legend-collapse').click();
  await expect(legend).toHaveAttribute('data-open', 'false');
  await expect(page.getByTestId('train-show-means')).toHaveCount(0);
  expect((await legend.boundingBox())!.height).toBeLessThan(40);
  await page.getByTestId('train-legend-collapse').click();
  await expect(page.getByTestId('train-show-means')).toBeChecked();
});

/** Elements of the readout row whose text is cut (wider or taller than their box), or that stick out of the row. */
async function clippedReadouts(page: Page): Promise<string[]> {
  return page.getByTestId('train-readouts').evaluate((row) => {
    const box = row.getBoundingClientRect();
    const out: string[] = [];
    for (const el of Array.from(row.querySelectorAll<HTMLElement>('.readout-label, .readout-value, .readout-sub, .tpt-badge > strong, .tpt-badge > span:not(.tip)'))) {
      const r = el.getBoundingClientRect();
      const cut = el.scrollWidth > el.clientWidth + 0.5 || el.scrollHeight > el.clientHeight + 0.5;
      const outside = r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
      if (cut || outside) out.push(`${el.className}: "${el.textContent}"${cut ? ' cut' : ''}${outside ? ' outside the row' : ''}`);
    }
    return out;
  });
}

/** Opens a preset, plays until `done` holds, pauses. */
async function runPreset(page: Page, preset: string, done: () => Promise<void>): Promise<void> {
  await page.goto(`/?mode=train&preset=${preset}`);
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('train-play').click();
  await done();
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'paused');
}

const untilStep = (page: Page, step: number) => () => expect.poll(() => valueOf(page, 'train-step-count'), { timeout: 120_000 }).toBeGreaterThanOrEqual(step);

test('F < K - 1 at 1280x720 and 1440x900: the NC2 reason and the phase badge are shown whole, never cut', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await runPreset(page, 'blobs-narrow', () => expect(page.getByTestId('train-tpt-state')).toHaveAttribute('data-state', 'terminal', { timeout: 120_000 }));
  await expect(page.getByTestId('train-etf')).toHaveText('—');
  await expect(page.getByTestId('train-etf-reason')).toHaveText('no simplex fits');
  await expect(page.getByTestId('train-tpt')).toContainText(/error 0 since step \d/);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    expect(await clippedReadouts(page), `${width}x${height}`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${ARTIFACTS}/train-readouts-narrow-1280x720.png` });
});

test('K = 10 (digits) at 1280x720: the default camera shows all ten class means apart', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await runPreset(page, 'digits', untilStep(page, 300));
  await page.getByTestId('reset-view-train').click();
  const canvas = page.locator('.train-stage canvas');
  await expect.poll(async () => Number(await canvas.getAttribute('data-mean-apart')), { timeout: 10_000 }).toBeGreaterThan(0.06);
  // The sample's top-3 PCs put two of the ten means together here; the note says which axes are drawn.
  const note = page.getByTestId('train-frame-note');
  const axes = await note.getAttribute('data-axes');
  await expect(note).toContainText(axes === 'means' ? '3 axes keeping the class means apart' : 'top-3 PCs');
  await page.screenshot({ path: `${ARTIFACTS}/train-digits-means-1280x720.png` });
});

test('minority classes: the legend states the minority rows\' cosine in all F dimensions, as the preset note says', async ({ page }) => {
  test.setTimeout(150_000);
  await runPreset(page, 'blobs-imbalanced', untilStep(page, 1500));
  const line = page.getByTestId('train-legend-minority');
  // The note: "their cosine rising from about -0.15 at ratio 10 to about 0" (ratio 100 here); a simplex has -1/3.
  const cos = Number(await line.getAttribute('data-value'));
  expect(cos).toBeGreaterThan(-0.1);
  expect(cos).toBeLessThan(0.15);
  await expect(line).toContainText(`minority classes ${cos >= 0 ? '+' : '−'}${Math.abs(cos).toFixed(2)}`);
  await expect(line).toContainText('a simplex has −0.33');
});
