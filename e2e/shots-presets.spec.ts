/**
 * Every Train preset run as a new user would (issue 10): open the preset in the built app, Play at
 * full speed on wasm, Pause once the step counter reaches the steps its note states (or when the
 * time budget runs out, SHOTS_SECONDS, default 60 s of training), then screenshot it at 1440x900
 * (the 3D view with the curves) and again with the Curves tab scrolled to the NC2 charts, and record every readout.
 * Only with SHOTS=DIR (minutes; the pictures are looked at against each note, not compared pixel by pixel):
 *   npx vite build --outDir dist-NAME && SHOTS=/work/notes/NAME E2E_PORT=PORT E2E_OUTDIR=dist-NAME \
 *     npx playwright test e2e/shots-presets.spec.ts
 * SHOTS_PRESETS=id,id runs only those. DIR/presets.json holds, per preset, the step reached, the
 * seconds it took, the badge and the readouts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PRESETS } from '../src/training/presets';

const DIR = process.env.SHOTS ?? '';
const SECONDS = Number(process.env.SHOTS_SECONDS ?? 60);
const ONLY = (process.env.SHOTS_PRESETS ?? '').split(',').filter(Boolean);
test.skip(!DIR, 'screenshots only with SHOTS=DIR');

const step = async (page: Page) => Number((await page.getByTestId('train-step-count').getAttribute('data-value')) ?? NaN);

/** Every Train readout with a data-value (test id -> value). */
const readouts = (page: Page) =>
  page.$$eval('[data-testid^="train-"][data-value]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid') ?? '', e.getAttribute('data-value') ?? ''])));

function record(id: string, entry: unknown): void {
  const file = `${DIR}/presets.json`;
  const all: Record<string, unknown> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[id] = entry;
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

for (const p of PRESETS.filter((q) => !ONLY.length || ONLY.includes(q.id))) {
  test(`preset ${p.id}: ${p.steps} steps (or ${SECONDS} s) at full speed on wasm, screenshot at 1440x900`, async ({ page }) => {
    test.setTimeout((SECONDS + 180) * 1000);
    mkdirSync(DIR, { recursive: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/?mode=train&preset=${p.id}&backend=wasm`);
    await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 120_000 });
    await expect(page.getByTestId('train-preset')).toHaveValue(p.id);
    const t0 = Date.now();
    await page.getByTestId('train-play').click();
    while ((await step(page)) < p.steps && Date.now() - t0 < SECONDS * 1000) await page.waitForTimeout(250);
    await page.getByTestId('train-play').click();
    await expect(page.getByTestId('train-play')).toHaveAttribute('data-state', 'paused');
    const seconds = (Date.now() - t0) / 1000;
    await page.waitForTimeout(1500);
    // A paused run says so; a diverged one would name its cause instead.
    await expect(page.getByTestId('train-status')).toContainText('paused at step');
    if (p.config.train.mixupAlpha > 0) {
      await page.getByTestId('train-show-probe').check();
      await page.waitForTimeout(800);
    }
    await page.getByTestId('reset-view-train').click();
    await page.waitForTimeout(800);
    const reached = await step(page);
    await page.screenshot({ path: `${DIR}/preset-${p.id}-1440x900.png` });
    await page.getByTestId('train-timeline-simplex').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${DIR}/preset-${p.id}-curves-1440x900.png` });
    const badge = (await page.getByTestId('train-tpt').textContent()) ?? '';
    record(p.id, { steps: p.steps, reached, seconds: Math.round(seconds), badge, readouts: await readouts(page) });
    expect(reached).toBeGreaterThan(0);
  });
}
