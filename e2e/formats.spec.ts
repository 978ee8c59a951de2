/**
 * Every input format through the file input: the same labelled points as .npy (f4 and f8 Fortran),
 * .npz, Projector TSV + metadata TSV, CSV with a label column, JSON, JSONL, safetensors, and the
 * committed Parquet fixture. Each gives the CLI's point count and metric values.
 */
import { expect, test } from '@playwright/test';
import { openExplore, waitForAnalysis } from './helpers';
import { formatCasesTest, type FormatCase } from './formatCases';
import { FIXTURES, N } from './fixtures';

const f = (name: string) => `${FIXTURES}/${name}`;
const PARQUET = 'tests/fixtures/io/formats/list_snappy.parquet';

const CASES: FormatCase[] = [
  { title: '.npy float32 + labels.txt', files: [f('points.npy'), f('points-labels.txt')], name: 'points.npy', cli: [f('points.npy'), '--labels', f('points-labels.txt')], n: N },
  { title: '.npy float64, Fortran order', files: [f('points-f64-fortran.npy'), f('points-labels.txt')], name: 'points-f64-fortran.npy', cli: [f('points-f64-fortran.npy'), '--labels', f('points-labels.txt')], n: N },
  { title: '.npz with embeddings and labels arrays', files: [f('points.npz')], name: 'points.npz', cli: [f('points.npz')], n: N },
  { title: 'Projector TSV + metadata TSV', files: [f('vectors.tsv'), f('metadata.tsv')], name: 'vectors.tsv', cli: [f('vectors.tsv'), '--labels', f('metadata.tsv')], n: N },
  { title: 'CSV with a header and a label column', files: [f('points.csv')], name: 'points.csv', cli: [f('points.npy'), '--labels', f('points-labels.txt')], n: N },
  { title: 'JSON records', files: [f('points.json')], name: 'points.json', cli: [f('points.json')], n: N },
  { title: 'JSON Lines', files: [f('points.jsonl')], name: 'points.jsonl', cli: [f('points.jsonl')], n: N },
  { title: 'safetensors F32 + I32 labels', files: [f('points.safetensors')], name: 'points.safetensors', cli: [f('points.safetensors')], n: N },
  // 7 rows, one of them a null vector (NaN): skipped and counted, as by the CLI.
  { title: 'Parquet list<float> (snappy) with label and metadata columns', files: [PARQUET], name: 'list_snappy.parquet', cli: [PARQUET], n: 6 },
];

formatCasesTest("each format loads through the file input with the CLI's numbers", 150_000, CASES, async (page) => {
  // The Parquet file's metadata columns are offered for colouring.
  await expect(page.getByTestId('color-by').locator('option')).toContainText(['class', 'id (metadata)', 'label (metadata)', 'weight (metadata)']);
});

test('an ambiguous .npz asks which arrays to use; a CSV with two text columns asks for the label', async ({ page }) => {
  await openExplore(page);
  await page.getByTestId('file-input').setInputFiles(f('ambiguous.npz'));
  const dialog = page.getByTestId('choice-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('several 2-D arrays');
  await expect(page.getByTestId('choice-labels')).toHaveValue('y');
  await page.getByTestId('choice-vectors').selectOption('second');
  await page.screenshot({ path: 'e2e-artifacts/choice-npz.png' });
  await page.getByTestId('choice-load').click();
  await expect(page.getByTestId('dataset-name')).toHaveText('ambiguous.npz');
  await waitForAnalysis(page);
  await expect(page.getByTestId('metric-dim')).toHaveText('3');
  await expect(page.getByTestId('metric-classes')).toHaveText('3');

  await page.getByTestId('file-input').setInputFiles(f('two-text.csv'));
  await expect(dialog).toContainText('several text columns (species, colour)');
  await page.getByTestId('choice-label-column').selectOption('colour');
  await page.getByTestId('choice-load').click();
  await expect(page.getByTestId('dataset-name')).toHaveText('two-text.csv');
  await waitForAnalysis(page);
  await expect(page.getByTestId('metric-classes')).toHaveText('2');
  await expect(page.getByTestId('metric-dim')).toHaveText('6');
  // The choice can be changed afterwards from the Data section.
  await page.getByTestId('change-choices').click();
  await page.getByTestId('choice-label-column').selectOption('species');
  await page.getByTestId('choice-load').click();
  await expect(page.getByTestId('metric-classes')).toHaveText('3');
});

test('files dropped anywhere on the page are loaded (vectors + metadata)', async ({ page }) => {
  await openExplore(page);
  const fs = await import('node:fs');
  const vectors = fs.readFileSync(f('vectors.tsv'), 'utf8');
  const meta = fs.readFileSync(f('metadata.tsv'), 'utf8');
  const transfer = await page.evaluateHandle(
    ([v, m]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([v], 'vectors.tsv', { type: 'text/tab-separated-values' }));
      dt.items.add(new File([m], 'metadata.tsv', { type: 'text/tab-separated-values' }));
      return dt;
    },
    [vectors, meta],
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/drop-overlay.png' });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('dataset-name')).toHaveText('vectors.tsv');
  await waitForAnalysis(page);
  await expect(page.getByTestId('metric-n')).toHaveText(String(N));
  await expect(page.getByTestId('color-by').locator('option')).toContainText(['note (metadata)']);
});
