/**
 * The Compare journeys: two files chosen through Compare's own file inputs (the shipped digits with
 * its labels, against the committed tanh-of-a-random-projection fixture) give exactly the values
 * the CLI's `compare --json` prints on the same files; a row-count mismatch is reported (counts and
 * the longer side) while the previous comparison stays; Explore's "compare with another file" and
 * Train's "add this step" open Compare on their data, and Train's two steps equal the CLI on the
 * same features exported as .npz.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { CompareReport } from '../src/compare/types';
import { npyToMatrix, parseNpy, writeNpy } from '../src/io/npy';
import { poolImages } from '../src/compare/pool';
import { ARTIFACTS, CLI_CACHE, collectErrors, loadFiles } from './helpers';

const DIGITS = 'public/data/digits.npy';
const DIGITS_LABELS = 'public/data/digits-labels.txt';
const TANH = 'tests/fixtures/compare/digits-tanh.npy';
const SHORT = `${ARTIFACTS}/compare-short.npy`;
const POOLED = `${ARTIFACTS}/digits-pooled-4x4.npy`;

/** `subspace-lab compare ARGS --json --backend wasm`, cached for the run like cliReport's analyses. */
function cliCompare(args: readonly string[]): CompareReport {
  const key = `compare ${args.join(' ')}`;
  const cache: Record<string, unknown> = existsSync(CLI_CACHE) ? JSON.parse(readFileSync(CLI_CACHE, 'utf8')) : {};
  if (cache[key]) return cache[key] as CompareReport;
  const out = execFileSync(process.execPath, ['bin/subspace-lab.mjs', 'compare', ...args, '--json', '--backend', 'wasm'], { encoding: 'utf8', timeout: 120_000 });
  cache[key] = JSON.parse(out);
  writeFileSync(CLI_CACHE, JSON.stringify(cache));
  return cache[key] as CompareReport;
}

/** Every value the measures panel shows: its report path and full-precision data-value. */
async function shownMeasures(page: Page): Promise<{ path: string; value: string }[]> {
  return page.$$eval('[data-testid^="compare-metric-"][data-path]', (els) => els.map((el) => ({ path: el.getAttribute('data-path') ?? '', value: el.getAttribute('data-value') ?? '' })));
}

const at = (r: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], r);

/** Each shown measure equals the CLI's within 1e-9 relative (the same float64 code on the same float32 inputs, kNN on wasm both). */
async function expectEqualToCli(page: Page, cli: CompareReport): Promise<void> {
  const shown = await shownMeasures(page);
  expect(shown.map((s) => s.path).sort()).toEqual(
    ['n', 'dimA', 'dimB', 'cka.linear', 'cka.debiased', 'mutualKnn.k', 'mutualKnn.value', 'procrustes.disparity', 'svcca.k', 'svcca.mean', 'svcca.correlations', 'relative.anchors', 'relative.similarity', 'retrieval.top1', 'retrieval.top5'].sort(),
  );
  for (const { path, value } of shown) {
    const want = at(cli, path);
    const got: unknown = JSON.parse(value);
    const pairs: [number, number][] = Array.isArray(want) ? (want as number[]).map((w, i) => [(got as number[])[i], w]) : [[got as number, want as number]];
    if (Array.isArray(want)) expect((got as number[]).length, path).toBe(want.length);
    for (const [g, w] of pairs) expect(Math.abs(g - w), `${path}: app ${g}, CLI ${w}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
  }
}

async function waitDone(page: Page): Promise<void> {
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
}

test.beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(SHORT, writeNpy(Float32Array.from({ length: 100 * 3 }, (_, t) => Math.sin(t)), [100, 3]));
  const digits = npyToMatrix(parseNpy(new Uint8Array(readFileSync(DIGITS))), DIGITS);
  const pooled = poolImages(digits.data, digits.rows, digits.cols, { width: 8, height: 8, factor: 2 }, DIGITS);
  writeFileSync(POOLED, writeNpy(pooled.vectors, [digits.rows, pooled.dim]));
});

test('Compare\'s example pair: one click compares the digits with their 4x4 pooling, equal to the CLI on the same two files; its link reopens it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto('/?mode=compare&backend=wasm');
  await expect(page.getByTestId('compare-empty')).toBeVisible();
  await page.getByTestId('compare-example').click();
  await waitDone(page);
  await expect(page.getByTestId('compare-name-a')).toHaveText('digits, 8×8');
  await expect(page.getByTestId('compare-name-b')).toHaveText('digits pooled to 4×4');
  await expect(page.getByTestId('compare-metric-dimB')).toHaveAttribute('data-value', '16');
  await expectEqualToCli(page, cliCompare([DIGITS, POOLED, '--labels', DIGITS_LABELS]));
  const cka = await page.getByTestId('compare-metric-cka.linear').getAttribute('data-value');
  await page.getByTestId('copy-link').click();
  const url = await page.getByTestId('copy-link-url').inputValue();
  expect(url).toContain('example=digits-pooled');
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(url);
  await waitDone(fresh);
  await expect(fresh.getByTestId('compare-metric-cka.linear')).toHaveAttribute('data-value', cka!);
});

test('Compare: two files through the UI equal the CLI; a count mismatch is named and the last result stays', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page, false);
  await page.goto('/');
  await page.getByTestId('mode-compare').click();
  await expect(page.getByTestId('mode-compare')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('compare-empty')).toBeVisible();
  await page.getByTestId('compare-backend-select').selectOption('wasm');
  await page.getByTestId('compare-file-a').setInputFiles([DIGITS, DIGITS_LABELS]);
  await expect(page.getByTestId('compare-name-a')).toHaveText('digits.npy + digits-labels.txt');
  await page.getByTestId('compare-file-b').setInputFiles([TANH]);
  await waitDone(page);
  await expect(page.getByTestId('compare-backend-name')).toHaveAttribute('data-backend', 'wasm');

  const cli = cliCompare([DIGITS, TANH, '--labels', DIGITS_LABELS]);
  await expectEqualToCli(page, cli);
  // The alignment-vs-k chart plots the CLI's curve, point by point.
  const curve = cli.alignmentCurve!;
  for (const key of ['mutualKnn', 'top1', 'top5'] as const) {
    const pts = await page.getByTestId(`compare-curve-${key}`).locator('circle').evaluateAll((els) => els.map((el) => [Number(el.getAttribute('data-k')), Number(el.getAttribute('data-value'))]));
    expect(pts.map((p) => p[0])).toEqual(curve.k);
    pts.forEach((p, i) => expect(p[1]).toBeCloseTo(curve[key][i], 9));
  }
  // With labels: per-class angles and both sides' collapse metrics, as the CLI reports them.
  const angles = await page.getByTestId('compare-class-row').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
  expect(angles.length).toBe(10);
  angles.forEach((a, k) => expect(a).toBeCloseTo(cli.classes!.meanAngle[k]!, 9));
  await expect(page.getByTestId('compare-collapse-a-nc1')).toHaveAttribute('data-value', String(cli.classes!.collapseA.nc1));
  // A tooltip states the formula and convention (COMPARE_DOCS).
  await expect(page.getByTestId('compare-doc-procrustes.disparity')).toContainText('1 - (sum of singular values of As^T Bs)^2');

  // Linked views: hovering an item in A marks the same item in B.
  const a = page.getByTestId('compare-linked-a');
  await a.scrollIntoViewIfNeeded();
  const box = (await a.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let dx = 0; dx < 60 && !(await page.getByTestId('compare-hover').getAttribute('data-item')); dx += 4) await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dx / 2);
  const item = await page.getByTestId('compare-hover').getAttribute('data-item');
  expect(item).toMatch(/^\d+$/);
  await expect(page.getByTestId('compare-linked-b')).toHaveAttribute('data-hovered', item!);

  for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('.cmp-center').evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${ARTIFACTS}/compare-aligned-${w}x${h}.png` });
    await page.getByTestId('compare-curve').scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${ARTIFACTS}/compare-curve-${w}x${h}.png` });
  }

  // B with fewer rows: the message names both counts and the longer side; the last measures stay.
  await page.getByTestId('compare-file-b').setInputFiles([SHORT]);
  await expect(page.getByTestId('compare-error-problem')).toHaveText('digits.npy has 1797 rows but compare-short.npy has 100 (digits.npy is longer by 1697); rows are matched by order.');
  await expect(page.getByTestId('compare-error')).toContainText('match rows by an id column');
  await expect(page.getByTestId('compare-metric-n')).toHaveAttribute('data-value', '1797');
  expect(errors).toEqual([]);
});

test('Compare from Explore: the data on screen is A; a comparison can be cancelled', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page, false);
  await page.goto('/');
  await loadFiles(page, [DIGITS, DIGITS_LABELS], 'digits.npy');
  await page.getByTestId('explore-compare').click();
  await expect(page.getByTestId('mode-compare')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('compare-name-a')).toHaveText('digits.npy (from Explore)');
  await page.getByTestId('compare-backend-select').selectOption('wasm');
  // A comparison shows its progress and can be cancelled; choosing B again runs it to the end.
  await page.getByTestId('compare-file-b').setInputFiles([TANH]);
  await page.getByTestId('compare-cancel').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('compare-empty')).toBeVisible();
  await page.getByTestId('compare-file-b').setInputFiles([TANH]);
  await waitDone(page);
  await expectEqualToCli(page, cliCompare([DIGITS, TANH, '--labels', DIGITS_LABELS]));
  expect(errors).toEqual([]);
});

test('Compare from Train: step a vs step b of one run equals the CLI on the exported features; three steps give the CKA matrix', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page, false);
  await page.goto('/?mode=train');
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('train-tab-runs').click();
  const saved: string[] = [];
  for (let snap = 0; snap < 3; snap++) {
    if (snap > 0) {
      const before = Number(await page.getByTestId('train-step-count').getAttribute('data-value'));
      await page.getByTestId('train-step').click();
      await expect.poll(async () => Number(await page.getByTestId('train-step-count').getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(before);
      await expect(page.getByTestId('train-step')).toBeEnabled();
    }
    if (snap < 2) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('train-export-npz').click()]);
      const path = `${ARTIFACTS}/compare-train-${snap}.npz`;
      await download.saveAs(path);
      saved.push(path);
    }
    await page.getByTestId('train-add-compare').click();
    await expect(page.getByTestId('train-compare-held')).toContainText(snap === 0 ? 'add one more' : `step ${await page.getByTestId('train-step-count').getAttribute('data-value')}.`);
  }
  await page.getByTestId('train-open-compare').click();
  await expect(page.getByTestId('mode-compare')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('compare-name-a')).toContainText('step 0');
  await page.getByTestId('compare-backend-select').selectOption('wasm');
  await waitDone(page);
  await expectEqualToCli(page, cliCompare(saved));
  // The CKA matrix of the three steps: 1 on the diagonal, (A, B) the linear CKA shown.
  const cells = await page.getByTestId('compare-cka-heatmap').locator('rect.heat-cell').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-value'))));
  expect(cells).toHaveLength(9);
  [0, 4, 8].forEach((d) => expect(cells[d]).toBeCloseTo(1, 12));
  const shown = Number(await page.getByTestId('compare-metric-cka.linear').getAttribute('data-value'));
  expect(Math.abs(cells[1] - shown)).toBeLessThanOrEqual(1e-9);
  expect(cells[3]).toBe(cells[1]);
  await page.getByTestId('compare-colour-class').click();
  await expect(page.getByTestId('compare-colour-legend')).toHaveAttribute('data-kind', 'classes');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('compare-linked-frame').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/compare-train-linked-1440x900.png` });
  await page.getByTestId('compare-cka-matrix').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/compare-train-cka-1440x900.png` });
  expect(errors).toEqual([]);
});
