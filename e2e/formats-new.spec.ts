/**
 * The formats read since issue 15, through the file input: HDF5 (a chooser for several datasets),
 * PyTorch .pt/.pth, Arrow IPC, and the Embedding Projector's config dropped with its .bytes, metadata
 * and sprite (a lone .bytes asks for its dimension). Each gives the CLI's point count and metric values.
 */
import { expect, test } from '@playwright/test';
import { cliReport, expectMetricsMatch, openExplore, toleranceFor, waitForAnalysis } from './helpers';
import { formatCasesTest, type FormatCase } from './formatCases';

const f = (name: string) => `tests/fixtures/io/new/${name}`;
const PROJ = ['projector/projector_config.json', 'projector/vecs.bytes', 'projector/meta.tsv', 'projector/sprite.png'].map(f);

const CASES: FormatCase[] = [
  { title: 'HDF5 with embeddings and labels datasets', files: [f('simple.h5')], name: 'simple.h5', cli: [f('simple.h5')], n: 60 },
  { title: 'PyTorch dict of tensors', files: [f('tensors.pt')], name: 'tensors.pt', cli: [f('tensors.pt')], n: 60 },
  { title: 'PyTorch state_dict (strided features, y labels)', files: [f('state_dict.pth')], name: 'state_dict.pth', cli: [f('state_dict.pth')], n: 60 },
  { title: 'Arrow IPC file, fixed_size_list + label', files: [f('vectors.arrow')], name: 'vectors.arrow', cli: [f('vectors.arrow')], n: 60 },
  { title: 'Arrow IPC stream, numeric columns + dictionary class', files: [f('columns.arrows')], name: 'columns.arrows', cli: [f('columns.arrows')], n: 60 },
  { title: 'Projector config with its .bytes, metadata and sprite', files: PROJ, name: 'projector_config.json', cli: [PROJ[0]], n: 60 },
];

formatCasesTest("each new format loads through the file input with the CLI's numbers", 180_000, CASES, async (page, reports) => {
  for (const c of CASES) expect([reports.get(c.title)!.dim, reports.get(c.title)!.classes], c.title).toEqual([8, 3]);
  await expect(page.getByTestId('current-data')).toContainText('embedding: fixture · sprite thumbnails');
  await page.screenshot({ path: 'e2e-artifacts/formats-new-projector.png' });
});

test('several HDF5 datasets and several config embeddings ask; a lone .bytes asks for D; a refused pickle says what it found', async ({ page }) => {
  test.setTimeout(120_000);
  await openExplore(page);
  const dialog = page.getByTestId('choice-dialog');

  await page.getByTestId('file-input').setInputFiles(f('several.h5'));
  await expect(dialog).toContainText('several.h5 holds several 2-D datasets; which one holds the vectors?');
  await expect(page.getByTestId('choice-labels')).toHaveValue('meta/y');
  await page.getByTestId('choice-vectors').selectOption('model/layer1');
  await page.screenshot({ path: 'e2e-artifacts/formats-new-h5-choice.png' });
  await page.getByTestId('choice-load').click();
  await expect(page.getByTestId('dataset-name')).toHaveText('several.h5');
  const backend = await waitForAnalysis(page);
  await expectMetricsMatch(page, cliReport([f('several.h5'), '--vectors', 'model/layer1']), toleranceFor(backend), 'the CLI on several.h5 --vectors model/layer1');

  await page.getByTestId('file-input').setInputFiles([f('projector2/projector_config.json'), f('projector/vecs.bytes'), f('projector/half.bytes'), f('projector/meta.tsv')]);
  await expect(dialog).toContainText('lists 2 embeddings; which one should be shown?');
  await page.getByTestId('choice-vectors').selectOption('first four');
  await page.getByTestId('choice-load').click();
  await waitForAnalysis(page);
  await expect(page.getByTestId('metric-dim')).toHaveText('4');

  await page.getByTestId('file-input').setInputFiles(f('projector/vecs.bytes'));
  await expect(dialog).toContainText('vecs.bytes holds 480 raw float32 values and no shape; how many values does each point have?');
  await expect(page.getByTestId('choice-load')).toBeDisabled();
  await page.getByTestId('choice-dim').fill('7');
  await expect(page.getByTestId('choice-dim-note')).toHaveText('480 values do not split into rows of 7');
  await page.getByTestId('choice-dim').fill('8');
  await expect(page.getByTestId('choice-dim-note')).toHaveText('60 points × 8');
  await page.screenshot({ path: 'e2e-artifacts/formats-new-bytes-dim.png' });
  await page.getByTestId('choice-load').click();
  const b2 = await waitForAnalysis(page);
  await expectMetricsMatch(page, cliReport([f('projector/vecs.bytes'), '--dim', '8']), toleranceFor(b2), 'the CLI on vecs.bytes --dim 8');

  await page.getByTestId('file-input').setInputFiles(f('projector/projector_config.json'));
  await expect(page.getByText(/projector_config\.json names vecs\.bytes and meta\.tsv, which were not given with it/)).toBeVisible();

  await page.getByTestId('file-input').setInputFiles(f('evil.pt'));
  await expect(page.getByText(/refused pickle global os\.system/)).toBeVisible();
});
