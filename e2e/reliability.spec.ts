/**
 * Sizes that used to hang the app: many classes (10,000 x 16 in 5,000 classes, whose K x K charts
 * are left out with a note) and a tiny wide file (10 x 100,000, PCA in the Gram space). Each must
 * finish its whole analysis (first view and the intrinsic-dimension stage) and stay usable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createRng } from '../src/geometry/random';
import { writeNpy } from '../src/io/npy';
import { FIXTURES } from './fixtures';
import { loadFiles } from './helpers';

const f = (name: string) => `${FIXTURES}/${name}`;

/** Seeded standard normal n x d (float32). */
function normal(n: number, d: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n * d }, () => rng.normal());
}

test.beforeAll(() => {
  mkdirSync(FIXTURES, { recursive: true });
  writeFileSync(f('many-classes.npy'), writeNpy(normal(10_000, 16, 5), [10_000, 16]));
  writeFileSync(f('many-classes-labels.txt'), `${Array.from({ length: 10_000 }, (_, i) => `id${i % 5000}`).join('\n')}\n`);
  writeFileSync(f('wide.npy'), writeNpy(normal(10, 100_000, 6), [10, 100_000]));
});

test('5,000 classes: the analysis completes, the K x K charts give way to a note', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await loadFiles(page, [f('many-classes.npy'), f('many-classes-labels.txt')], 'many-classes.npy');
  await expect(page.getByTestId('metric-n')).toHaveText('10000');
  await expect(page.getByTestId('metric-nc1')).toHaveAttribute('data-value', /^\d/);
  await page.getByTestId('tab-classes').click();
  const note = 'The 5,000 x 5,000 class matrices (25,000,000 cells) are not drawn: the heatmaps show at most 300 classes.';
  await expect(page.getByTestId('matrices-omitted')).toContainText(note);
  await expect(page.getByTestId('chart-angles')).toContainText(note);
  await expect(page.getByTestId('heatmap-cosines')).toHaveCount(0);
  await expect(page.getByTestId('bars-counts')).toBeVisible();
});

test('10 x 100,000: PCA in the Gram space, the analysis completes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await loadFiles(page, [f('wide.npy')], 'wide.npy');
  await expect(page.getByTestId('metric-n')).toHaveText('10');
});
