/**
 * The chaos journey of issue 16, on the built app without a reload: each of the four workers
 * (analysis, training, Landscape, Compare) is crashed in the middle of a job through the
 * `?testHooks` hook, the analysis is cancelled at every stage the status bar shows, two files are
 * loaded in quick succession, and the address carries malformed values. After each fault the app
 * says what happened, keeps what it showed, and the next good action works.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createRng } from '../src/geometry/random';
import { writeNpy } from '../src/io/npy';
import { FIXTURES, N } from './fixtures';
import { expectStillShowing, loadFiles, waitForAnalysis } from './helpers';

const crash = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { __subspaceLab: { crashWorker: (n: string) => boolean } }).__subspaceLab.crashWorker(n), name);
const stepOf = async (page: Page) => Number(await page.getByTestId('train-step-count').getAttribute('data-value'));

let dir: string;
let big: string;
let bigLabels: string;
const POINTS = [`${FIXTURES}/points.npy`, `${FIXTURES}/points-labels.txt`];

/** 3,000 x 24 in 8 seeded Gaussian classes: every stage of its analysis lasts long enough to be seen. */
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chaos-'));
  const rng = createRng(16);
  const n = 3000;
  const d = 24;
  const centres = Array.from({ length: 8 * d }, () => 3 * rng.normal());
  const X = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) X[i * d + j] = centres[(i % 8) * d + j] + rng.normal();
  big = join(dir, 'chaos-big.npy');
  bigLabels = join(dir, 'chaos-big-labels.txt');
  writeFileSync(big, writeNpy(X, [n, d]));
  writeFileSync(bigLabels, `${Array.from({ length: n }, (_, i) => `c${i % 8}`).join('\n')}\n`);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Arms an observer in the page: the moment the status bar shows `stage` (as "stage N%") it clicks
 * Cancel; `window.__chaos` records the text it cancelled at, and every stage shown (`stage` null: only
 * that; '' disarms).
 */
async function armCancel(page: Page, stage: string | null): Promise<void> {
  await page.evaluate((want) => {
    const w = window as unknown as { __chaos: { at: string | null; seen: string[] }; __chaosObserver?: MutationObserver };
    w.__chaosObserver?.disconnect();
    w.__chaos = { at: null, seen: [] };
    if (want === '') return;
    const bar = document.querySelector('[data-testid="analysis-status"]') as HTMLElement;
    const observer = new MutationObserver(() => {
      const text = bar.querySelector('.status-stage')?.textContent ?? '';
      const m = /^(.+) (\d+)%$/.exec(text);
      if (!m) return;
      if (w.__chaos.seen[w.__chaos.seen.length - 1] !== m[1]) w.__chaos.seen.push(m[1]);
      if (want !== null && m[1] === want) {
        (bar.querySelector('[data-testid="cancel-button"]') as HTMLButtonElement).click();
        w.__chaos.at = text;
        observer.disconnect();
      }
    });
    observer.observe(bar, { subtree: true, childList: true, characterData: true, attributes: true });
    w.__chaosObserver = observer;
  }, stage);
}

const chaosState = (page: Page) => page.evaluate(() => (window as unknown as { __chaos: { at: string | null; seen: string[] } }).__chaos);

test('cancel at every analysis stage, then two files in quick succession: the right data stay, nothing mixes', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await loadFiles(page, POINTS, 'points.npy');
  const status = page.getByTestId('analysis-status');

  // One uncancelled run lists the stages the status bar shows for this file.
  await armCancel(page, null);
  const started = Date.now();
  await loadFiles(page, [big, bigLabels], 'chaos-big.npy');
  const { seen } = await chaosState(page);
  console.log(`chaos: full analysis of 3,000 x 24 in ${((Date.now() - started) / 1000).toFixed(1)} s, stages: ${seen.join(' | ')}`);
  for (const s of ['pca', 'neural collapse', 'TwoNN/MLE']) expect(seen, `the status bar shows '${s}'`).toContain(s);
  await loadFiles(page, POINTS, 'points.npy');

  const firstView = seen.slice(0, seen.indexOf('TwoNN/MLE'));
  const caught: string[] = [];
  for (const stage of seen) {
    // A stage shown for less than a frame may be passed before the cancel lands: up to three tries.
    for (let attempt = 0; attempt < 3 && !caught.includes(stage); attempt++) {
      await armCancel(page, stage);
      await page.getByTestId('file-input').setInputFiles([big, bigLabels]);
      const inFirstView = firstView.includes(stage);
      // Settled: cancelled somewhere, or the whole analysis of the big file ran past the stage.
      await expect
        .poll(async () => (await chaosState(page)).at !== null || ((await page.getByTestId('dataset-name').textContent()) === 'chaos-big.npy' && (await status.getAttribute('data-id-status')) === 'done'), { timeout: 90_000 })
        .toBe(true);
      const { at } = await chaosState(page);
      if (at === null) {
        console.log(`chaos: '${stage}' passed before the cancel (try ${attempt + 1})`);
        await armCancel(page, '');
        await loadFiles(page, POINTS, 'points.npy');
        continue;
      }
      caught.push(stage);
      if (inFirstView) {
        // Cancel wins: the old data stay, and the cancelled file never replaces them later.
        await expect(status).toHaveAttribute('data-status', 'cancelled');
        await page.waitForTimeout(300);
        await expect(page.getByTestId('dataset-name')).toHaveText('points.npy');
        await expect(page.getByTestId('metric-n')).toHaveText(String(N));
      } else {
        // The first view was on screen already: it stays, its ID stage says cancelled.
        await expect(status).toHaveAttribute('data-id-status', 'cancelled');
        await expect(page.getByTestId('dataset-name')).toHaveText('chaos-big.npy');
        await expect(page.getByTestId('metric-n')).toHaveText('3000');
        await loadFiles(page, POINTS, 'points.npy');
      }
    }
  }
  console.log(`chaos: cancelled at ${caught.join(' | ')}`);
  for (const s of ['pca', 'neural collapse', 'TwoNN/MLE']) expect(caught).toContain(s);
  expect(caught.length).toBeGreaterThanOrEqual(seen.length - 2);

  // Two files in quick succession: the second wins, whole (its N, D and classes), and stays.
  await page.getByTestId('file-input').setInputFiles([big, bigLabels]);
  await page.getByTestId('file-input').setInputFiles([`${FIXTURES}/points.json`]);
  await waitForAnalysis(page);
  await expect(page.getByTestId('dataset-name')).toHaveText('points.json');
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('dataset-name')).toHaveText('points.json');
  await expect(page.getByTestId('metric-n')).toHaveText(String(N));
  await expect(page.getByTestId('metric-dim')).toHaveText('6');
  await expect(page.getByTestId('metric-classes')).toHaveText('3');
  // ... and the other way round: the small file finishes first, the big one still wins.
  await page.getByTestId('file-input').setInputFiles(POINTS);
  await page.getByTestId('file-input').setInputFiles([big, bigLabels]);
  await expect(page.getByTestId('dataset-name')).toHaveText('chaos-big.npy', { timeout: 60_000 });
  await waitForAnalysis(page);
  await expect(page.getByTestId('metric-n')).toHaveText('3000');
  await expect(page.getByTestId('metric-dim')).toHaveText('24');
  await expect(page.getByTestId('metric-classes')).toHaveText('8');
});

test('each worker crashed mid-job: the app says so, keeps its state, and the next job runs', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?testHooks');

  // Analysis, in the middle of a load.
  const status = page.getByTestId('analysis-status');
  await loadFiles(page, POINTS, 'points.npy');
  await page.getByTestId('file-input').setInputFiles([big, bigLabels]);
  await expect(status).toHaveAttribute('data-status', 'running');
  const atCrash = await page.evaluate(() => {
    const shown = document.querySelector('[data-testid="metric-n"]')?.textContent ?? null;
    const crashed = (window as unknown as { __subspaceLab: { crashWorker: (n: string) => boolean } }).__subspaceLab.crashWorker('analysis');
    return { shown, crashed };
  });
  expect(atCrash.crashed).toBe(true);
  expect([String(N), '3000']).toContain(atCrash.shown);
  await expect(status).toHaveAttribute('data-status', 'error', { timeout: 60_000 });
  await expect(page.getByTestId('analysis-error')).toContainText('The worker was restarted: try again.');
  // A first view already sent before the worker died can still arrive after the crash: the
  // banner names what stays, and that is what is shown, and stays.
  await expectStillShowing(page, { 'points.npy': String(N), 'chaos-big.npy': '3000' });
  await loadFiles(page, [`${FIXTURES}/points.json`], 'points.json');

  // Training, while it plays.
  await page.getByTestId('mode-train').click();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('train-play').click();
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(30);
  expect(await crash(page, 'training')).toBe(true);
  await expect(page.getByTestId('train-error')).toContainText('The worker crashed.', { timeout: 60_000 });
  await expect(page.getByTestId('train-error')).toContainText('The worker was restarted: try again.');
  await page.getByTestId('train-reset').click();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  await page.getByTestId('train-play').click();
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(30);
  await page.getByTestId('train-play').click();

  // Landscape, in the middle of a sweep.
  await page.getByTestId('mode-landscape').click();
  await page.getByTestId('ls-preset').selectOption('blobs-quick');
  await page.getByTestId('ls-backend').selectOption('wasm');
  await page.getByTestId('ls-dims').fill('2, 8, 32, 128');
  await page.getByTestId('ls-steps').fill('3000');
  await page.getByTestId('ls-start').click();
  const sweep = page.getByTestId('ls-sweep-status');
  await expect(sweep).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  expect(await crash(page, 'landscape')).toBe(true);
  await expect(sweep).toHaveAttribute('data-status', 'error', { timeout: 60_000 });
  await expect(page.getByTestId('ls-error')).toContainText('The worker was restarted: try again.');
  await page.getByTestId('ls-dims').fill('2, 8');
  await page.getByTestId('ls-steps').fill('100');
  await page.getByTestId('ls-start').click();
  await expect(sweep).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

  // Compare, while it compares.
  await page.getByTestId('mode-compare').click();
  await page.getByTestId('compare-backend-select').selectOption('wasm');
  await page.getByTestId('compare-file-a').setInputFiles(['public/data/digits.npy', 'public/data/digits-labels.txt']);
  await page.getByTestId('compare-file-b').setInputFiles(['tests/fixtures/compare/digits-tanh.npy']);
  const compare = page.getByTestId('compare-status');
  await expect(compare).toHaveAttribute('data-status', 'running');
  expect(await crash(page, 'compare')).toBe(true);
  await expect(page.getByTestId('compare-error')).toContainText('The worker was restarted: try again.', { timeout: 60_000 });
  await page.getByTestId('compare-file-b').setInputFiles(['tests/fixtures/compare/digits-tanh.npy']);
  await expect(compare).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('compare-metric-n')).toHaveAttribute('data-value', '1797');

  // Back in Explore the analysis worker still answers.
  await page.getByTestId('mode-explore').click();
  await loadFiles(page, POINTS, 'points.npy');
});

test('malformed addresses: each is refused with a note or message, and the page works without a reload', async ({ page }) => {
  test.setTimeout(120_000);
  for (const data of ['%ZZ.npy', '%']) {
    await page.goto(`/?data=${data}`);
    await expect(page.getByTestId('analysis-error')).toContainText('?data=');
    await loadFiles(page, POINTS, 'points.npy');
  }
  await page.goto('/?data=data/digits.npy&labels=%ZZ');
  await expect(page.getByTestId('analysis-error')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('analysis-error')).not.toContainText('try another backend');
  await loadFiles(page, POINTS, 'points.npy');

  await page.goto('/?colourful=yes&mode=explore&view=nonsense&dims=7');
  await expect(page.getByTestId('url-notes')).toContainText('Ignored "colourful=yes" in the address: it is not a setting of this mode.');
  await expect(page.getByTestId('url-notes')).toContainText('"dims=7"');
  await loadFiles(page, POINTS, 'points.npy');

  await page.goto('/?mode=train&lr=1e9&batch=-3&seed=NaN&depth=0');
  for (const field of ['lr=1e9', 'batch=-3', 'seed=NaN', 'depth=0']) await expect(page.getByTestId('url-notes')).toContainText(`Ignored "${field}"`);
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('train-step').click();
  await expect.poll(() => stepOf(page), { timeout: 30_000 }).toBeGreaterThan(0);

  await page.goto('/?mode=landscape&steps=-1&dims=abc&mode2=x');
  await expect(page.getByTestId('url-notes')).toContainText('Ignored "steps=-1"');
  await expect(page.getByTestId('url-notes')).toContainText('Ignored "mode2=x"');
  await expect(page.getByTestId('ls-start')).toBeEnabled();
});
