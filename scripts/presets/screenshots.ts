/**
 * Runs every Train preset through the BUILT app (as a user would: open the preset, Play at full
 * speed, Pause once the step counter reaches the preset's stated steps) and saves a 1280x720
 * screenshot of each, plus the readouts on screen, for checking each note against what it shows.
 *
 *   npx vite build --outDir dist-chaos
 *   npx tsx scripts/presets/screenshots.ts --outDir dist-chaos --port 4188 --shots /tmp/shots [ids...]
 *
 * Writes SHOTS/<id>.png and SHOTS/readouts.json ({ id: { step, seconds, values } }). Chromium is
 * Debian's (/usr/bin/chromium); the backend is wasm (the CLI's and the acceptance tests').
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PRESETS } from '../../src/training/presets.ts';
import { startPreview } from '../bench/server.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const outDir = arg('outDir', 'dist');
const port = Number(arg('port', '4173'));
const shots = arg('shots', 'e2e-artifacts/preset-shots');
const flags = new Set(['--outDir', '--port', '--shots']);
const ids = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !flags.has(all[i - 1]));
const chosen = ids.length ? PRESETS.filter((p) => ids.includes(p.id)) : PRESETS;

const step = async (page: Page) => Number((await page.getByTestId('train-step-count').getAttribute('data-value')) ?? NaN);

/** Every readout with a data-value in the Train mode (its test id and value). */
const readouts = (page: Page) =>
  page.$$eval('[data-testid^="train-"][data-value]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-testid') ?? '', e.getAttribute('data-value') ?? ''])));

async function main(): Promise<void> {
  mkdirSync(shots, { recursive: true });
  const preview = await startPreview(outDir, port);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-first-run', '--disable-background-networking'] });
  const results: Record<string, { step: number; seconds: number; badge: string; values: Record<string, string> }> = {};
  try {
    for (const p of chosen) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`http://127.0.0.1:${port}/?mode=train&preset=${p.id}&backend=wasm`);
      await page.getByTestId('train-step-count').and(page.locator('[data-value="0"]')).waitFor({ timeout: 120_000 });
      const t0 = Date.now();
      await page.getByTestId('train-play').click();
      const deadline = t0 + 30 * 60_000;
      while ((await step(page)) < p.steps && Date.now() < deadline) await page.waitForTimeout(250);
      await page.getByTestId('train-play').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="train-play"]')?.getAttribute('data-state') !== 'playing');
      await page.waitForTimeout(1500);
      if (p.config.train.mixupAlpha > 0) {
        const probe = page.getByTestId('train-show-probe');
        if ((await probe.count()) && !(await probe.isChecked())) await probe.click();
        await page.waitForTimeout(800);
      }
      await page.screenshot({ path: join(shots, `${p.id}.png`) });
      const badge = (await page.getByTestId('train-tpt-state').textContent()) ?? '';
      results[p.id] = { step: await step(page), seconds: (Date.now() - t0) / 1000, badge, values: await readouts(page) };
      console.log(`${p.id}: step ${results[p.id].step} in ${results[p.id].seconds.toFixed(0)} s; ${badge}`);
      writeFileSync(join(shots, 'readouts.json'), JSON.stringify(results, null, 2));
      await page.close();
    }
  } finally {
    await browser.close();
    preview.stop();
  }
}

await main();
