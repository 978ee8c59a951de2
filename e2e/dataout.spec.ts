/**
 * Data in and out through the UI: the classifier's W and b (one .npz, or W without b: "b = 0 was
 * used") give the CLI's nc3/nc4; a CSV with id and label columns gives the CLI's report by the same
 * column rule; a labels file dropped alone waits for its vectors; the view's coordinates exported
 * as .npz open again in Explore with the CLI's numbers on that file; the selection exported with
 * its original vectors (checked by numpy against the source rows) opens again as the re-analysed
 * selection; the whole table as Arrow opens again as the view, with the CLI's numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, cliReport, expectMetricsMatch, loadFiles, openExplore, toleranceFor, waitForAnalysis } from './helpers';

const REF = 'tests/fixtures/reference';
const OUT = 'tests/fixtures/dataout';
const X = `${REF}/synthetic-vectors.npy`;
const Y = `${REF}/synthetic-labels.npy`;
const DIR = `${ARTIFACTS}/dataout${process.env.E2E_PORT ? `-${process.env.E2E_PORT}` : ''}`;

async function loadClassifier(page: Page, files: string[]): Promise<string> {
  await page.getByTestId('classifier-input').setInputFiles(files);
  await expect(page.getByTestId('classifier-source')).toBeVisible({ timeout: 60_000 });
  return waitForAnalysis(page);
}

test('W and b through the UI give the CLI\'s nc3 and nc4; without b the panel says b = 0 was used', async ({ page }) => {
  test.setTimeout(240_000);
  await openExplore(page);
  await loadFiles(page, [X, Y], 'synthetic-vectors.npy');
  await expect(page.getByTestId('classifier-line')).toContainText('NC3 and NC4 need the final-layer classifier W (6 × D)');
  await expect(page.getByTestId('metric-nc3')).toHaveAttribute('data-value', 'null');

  let backend = await loadClassifier(page, [`${OUT}/head.npz`]);
  await expect(page.getByTestId('classifier-source')).toHaveText(`Classifier W from head.npz:weight, b from head.npz:bias.`);
  const withB = cliReport([X, '--labels', Y, '--weights', `${OUT}/head.npz`]);
  expect(withB.neuralCollapse.biasAssumedZero).toBe(false);
  await expectMetricsMatch(page, withB, toleranceFor(backend), 'the CLI with --weights head.npz');
  await expect(page.getByTestId('metric-nc4')).toHaveAttribute('data-value', String(withB.neuralCollapse.nc4));

  backend = await loadClassifier(page, [`${REF}/synthetic-W.npy`]);
  await expect(page.getByTestId('classifier-source')).toHaveText('Classifier W from synthetic-W.npy, b = 0 was used (no bias was found).');
  await expect(page.getByTestId('collapse-note')).toContainText(['b = 0 was used for nc4: the classifier came without a bias.']);
  const zeroB = cliReport([X, '--labels', Y, '--weights', `${REF}/synthetic-W.npy`]);
  expect(zeroB.neuralCollapse.biasAssumedZero).toBe(true);
  await expectMetricsMatch(page, zeroB, toleranceFor(backend), 'the CLI with --weights W.npy and no --bias');
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: `${DIR}/classifier.png` });
});

test('a CSV with id and label columns gives the CLI\'s report on the same file (one column rule)', async ({ page }) => {
  test.setTimeout(180_000);
  await openExplore(page);
  const backend = await loadFiles(page, [`${OUT}/table-label.csv`], 'table-label.csv');
  const cli = cliReport([`${OUT}/table-label.csv`]);
  expect([cli.n, cli.dim, cli.classes]).toEqual([892, 24, 6]);
  await expect(page.getByTestId('metric-dim')).toHaveText('24');
  await expectMetricsMatch(page, cli, toleranceFor(backend), 'the CLI on table-label.csv');
});

test('a labels file dropped alone waits for its vectors; the exported view .npz opens again with the CLI\'s numbers', async ({ page }) => {
  test.setTimeout(240_000);
  await openExplore(page);
  await page.getByTestId('file-input').setInputFiles([Y]);
  const box = page.getByTestId('analysis-error');
  await expect(box).toContainText('synthetic-labels.npy holds labels or metadata (one value per row), not vectors.');
  await expect(box).toContainText('Now choose the vectors');
  await page.getByTestId('dismiss-error').click();
  await loadFiles(page, [X], 'synthetic-vectors.npy');
  await expect(page.getByTestId('metric-classes')).toHaveText('6');

  const saved = await saveArrays(page, 'view');
  const backend = await loadFiles(page, [saved], saved.split('/').pop()!);
  const cli = cliReport([saved]);
  expect([cli.n, cli.dim, cli.classes]).toEqual([892, 3, 6]);
  await expectMetricsMatch(page, cli, toleranceFor(backend), `the CLI on the exported ${saved}`);
});

/** scripts/reference/check_exports.py CHECK FILES...: numpy's check of an export; its printed line. */
function checkExport(check: 'selection' | 'values', files: string[]): string {
  return execFileSync('/usr/bin/python3', ['scripts/reference/check_exports.py', check, ...files], { encoding: 'utf8' }).trim();
}

/** Saves the array export of `kind` into DIR; returns its path. */
async function saveArrays(page: Page, kind: string): Promise<string> {
  await page.getByTestId('array-export-kind').selectOption(kind);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-arrays').click()]);
  mkdirSync(DIR, { recursive: true });
  const saved = `${DIR}/${dl.suggestedFilename()}`;
  await dl.saveAs(saved);
  return saved;
}

test('the selection .npz holds the selected rows\' original vectors and opens again as the re-analysed selection; the Arrow table opens with the CLI\'s numbers', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await waitForAnalysis(page);
  await loadFiles(page, [X, Y], 'synthetic-vectors.npy');
  await page.getByTestId('search-input').fill('^[024]$');
  await page.getByTestId('search-regex').check();
  await page.getByTestId('search-button').click();
  await expect(page.getByTestId('selection-status')).toContainText('points selected');
  const selected = await saveArrays(page, 'selection');
  // numpy, not our reader: the vectors are the file's rows at `row`, bit for bit, with their labels.
  const check = checkExport('selection', [selected, X, Y]).split(' ').map(Number);
  await page.getByTestId('reanalyse-selection').click();
  await expect(page.getByTestId('dataset-name')).toContainText('selected', { timeout: 60_000 });
  await waitForAnalysis(page);
  expect(Number(await page.getByTestId('metric-n').getAttribute('data-value'))).toBe(check[0]);
  const inApp = await page.$$eval('[data-testid^="metric-"][data-value]', (els) => els.map((el) => [el.getAttribute('data-testid'), el.getAttribute('data-value')]));
  const backend = await loadFiles(page, [selected], selected.split('/').pop()!);
  expect(Number(await page.getByTestId('metric-dim').getAttribute('data-value'))).toBe(check[1]);
  const reopened = await page.$$eval('[data-testid^="metric-"][data-value]', (els) => els.map((el) => [el.getAttribute('data-testid'), el.getAttribute('data-value')]));
  const tol = toleranceFor(backend);
  const same = new Map(reopened.map(([id, v]) => [id, v]));
  for (const [id, v] of inApp) {
    const w = same.get(id);
    if (v === 'null' || w === 'null') expect(w, id!).toBe(v);
    else expect(Math.abs(Number(v) - Number(w)) <= tol * Math.max(Math.abs(Number(v)), 1e-12) + 1e-12, `${id}: re-analysed ${v}, reopened ${w}`).toBe(true);
  }
  await expectMetricsMatch(page, cliReport([selected]), tol, 'the CLI on the exported selection');

  const table = await saveArrays(page, 'arrow');
  const arrowBackend = await loadFiles(page, [table], table.split('/').pop()!);
  const cli = cliReport([table]);
  expect([cli.n, cli.dim]).toEqual([check[0], 3]);
  await expectMetricsMatch(page, cli, toleranceFor(arrowBackend), 'the CLI on the exported Arrow table');
});

test('the per-point values .npz holds every point\'s local ID as the numpy reference computes it', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForAnalysis(page);
  await loadFiles(page, [X, Y], 'synthetic-vectors.npy');
  await page.getByTestId('compute-localid').click();
  await expect(page.getByTestId('csv-localid-note')).toContainText('local_id_mle_k20, MLE with k = 20', { timeout: 60_000 });
  const values = await saveArrays(page, 'values');
  // scripts/reference/geometry_ref.py: float64 kNN on the unique rows, Levina-Bickel per point; a duplicate takes its first copy's value.
  const out = checkExport('values', [values, X]);
  expect(out).toBe('892 887');
});
