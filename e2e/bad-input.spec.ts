/**
 * Bad input: every failure shows a specific message with its fix, and the data on screen (the
 * digits example) stays. Labels render as text; nothing is fetched from another origin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, openExplore, waitForAnalysis, watchRequests } from './helpers';
import { FIXTURES, HTML_LABEL, N } from './fixtures';

const f = (name: string) => `${FIXTURES}/${name}`;
/** A sparse file larger than a tab can hold (created instantly, no disk used). */
const HUGE = `${FIXTURES}/huge.npy`;

test.beforeAll(() => {
  if (!existsSync(HUGE)) execFileSync('truncate', ['-s', '5G', HUGE]);
});

interface BadCase {
  title: string;
  files: string[];
  /** Text the message must contain (problem and fix). */
  says: (string | RegExp)[];
}

const CASES: BadCase[] = [
  { title: 'unknown format', files: [f('notes.xyz')], says: ['notes.xyz has an unknown format', /Use \.npy or \.npz/] },
  { title: 'truncated .npy', files: [f('truncated.npy')], says: ['truncated.npy is truncated', 'it was cut short'] },
  { title: 'ragged rows', files: [f('ragged.csv')], says: ['ragged.csv line 4 has 4 values but line 1 has 6', 'same number of columns'] },
  { title: 'text in a numeric column', files: [f('text-cell.csv')], says: ['text-cell.csv line 5, column 3 is not a number: "abc"'] },
  {
    title: 'metadata rows != vector rows',
    files: [f('points.npy'), f('short-metadata.tsv')],
    says: [`short-metadata.tsv has ${N - 2} labels but points.npy has ${N} rows (the embeddings are longer by 2)`],
  },
  { title: 'a file larger than the tab', files: [HUGE], says: ['huge.npy is 5.4 GB, larger than this browser tab can hold', 'command line'] },
  { title: 'zero variance', files: [f('constant.npy')], says: ['zero total variance', 'rather than a constant'] },
  { title: 'one class only', files: [f('points.npy'), f('one-class.txt')], says: ['same class', 'at least two classes'] },
];

async function expectDigitsStill(page: Page, nc1: string | null): Promise<void> {
  await expect(page.getByTestId('dataset-name')).toHaveText('digits');
  await expect(page.getByTestId('metric-n')).toHaveText('1797');
  await expect(page.getByTestId('metric-nc1')).toHaveAttribute('data-value', nc1 ?? '');
  await expect(page.getByTestId('legend').getByRole('button')).toHaveCount(10);
}

test('each bad input shows its problem and fix, and the previous data stays', async ({ page }) => {
  test.setTimeout(120_000);
  await openExplore(page);
  const nc1 = await page.getByTestId('metric-nc1').getAttribute('data-value');
  const box = page.getByTestId('analysis-error');
  for (const c of CASES) {
    await test.step(c.title, async () => {
      await page.getByTestId('file-input').setInputFiles(c.files);
      await expect(box).toBeVisible();
      for (const s of c.says) await expect(box).toContainText(s);
      await expect(box).toContainText('Still showing digits.');
      await expectDigitsStill(page, nc1);
      if (c.title === 'metadata rows != vector rows') await page.screenshot({ path: `${ARTIFACTS}/error-metadata-rows.png` });
      await page.getByTestId('dismiss-error').click();
      await expect(box).toBeHidden();
    });
  }
});

test('the short-metadata message says whether a header row explains the mismatch', async ({ page }) => {
  await openExplore(page);
  // One row short and a header consumed: the message points at the header rule.
  const fs = await import('node:fs');
  const meta = fs.readFileSync(f('metadata.tsv'), 'utf8').trimEnd().split('\n');
  fs.writeFileSync(f('one-short.tsv'), `${meta.slice(0, -1).join('\n')}\n`);
  await page.getByTestId('file-input').setInputFiles([f('vectors.tsv'), f('one-short.tsv')]);
  const box = page.getByTestId('analysis-error');
  await expect(box).toContainText('the embeddings are longer by 1');
  await expect(box).toContainText('read as a header because it has several columns');
});

test('rows with NaN or Infinity are skipped, counted and said so', async ({ page }) => {
  await openExplore(page);
  await page.getByTestId('file-input').setInputFiles([f('with-nan.npy'), f('points-labels.txt')]);
  await expect(page.getByTestId('dataset-name')).toHaveText('with-nan.npy');
  await waitForAnalysis(page);
  await expect(page.getByTestId('metric-n')).toHaveText(String(N - 3));
  await expect(page.getByTestId('metric-skipped-nonFinite')).toHaveText('3');
  await expect(page.getByTestId('skipped-note')).toHaveText('3 rows with NaN or Infinity skipped (not plotted, not in any metric).');
});

test('an HTML label renders as text everywhere, and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openExplore(page);
  await page.getByTestId('file-input').setInputFiles([f('points.npy'), f('html-labels.txt')]);
  await expect(page.getByTestId('dataset-name')).toHaveText('points.npy');
  await waitForAnalysis(page);
  const legend = page.getByTestId('legend');
  // As text, cut to the legend's one line; the whole name is the entry's title.
  await expect(legend).toContainText('<img src=');
  await expect(legend.getByTitle(HTML_LABEL)).toHaveCount(1);
  await expect(legend.locator('img')).toHaveCount(0);
  await page.getByTestId('search-input').fill('<img');
  await page.getByTestId('search-button').click();
  await expect(page.getByTestId('selection-status')).toContainText(`${N / 3} points selected`);
  await page.getByTestId('tab-classes').click();
  await expect(page.locator('.heatmap text').filter({ hasText: '<img' }).first()).toBeAttached();
  expect(await page.locator('main img, aside img').count()).toBe(0);
  await page.screenshot({ path: `${ARTIFACTS}/html-label.png` });
  expect(dialogs).toEqual([]);
});

test('?data= loads same-origin files and refuses other origins; no request leaves the origin', async ({ page, baseURL }) => {
  const requests = watchRequests(page, new URL(baseURL!).origin);
  await page.goto('/?data=https://example.com/x.npy');
  const box = page.getByTestId('analysis-error');
  await expect(box).toContainText('Refused to load https://example.com/x.npy: it is on another site');
  await expect(box).toContainText('drop it on the page');
  await waitForAnalysis(page);
  await expect(page.getByTestId('dataset-name')).toHaveText('digits');
  await page.goto('/?data=data/digits.npy&labels=data/digits-labels.txt');
  await expect(page.getByTestId('dataset-name')).toHaveText('digits.npy');
  await waitForAnalysis(page);
  await expect(page.getByTestId('metric-classes')).toHaveText('10');
  await page.getByTestId('view-umap').click();
  await expect(page.getByTestId('view-note')).toContainText('UMAP', { timeout: 90_000 });
  await page.getByTestId('color-by').selectOption('localId');
  await expect(page.getByTestId('legend')).toContainText('local ID');
  expect(requests.all.length).toBeGreaterThan(3);
  expect(requests.offOrigin()).toEqual([]);
});
