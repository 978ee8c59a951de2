/**
 * The metrics panel says why a collapse metric has no value, and warns when NC1 is dominated by a
 * direction of tiny between-class spread: the sentences are the CLI report's, shown verbatim.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cliReport, closeRel, expectMetricsMatch, loadFiles, toleranceFor } from './helpers';
import { FIXTURES } from './fixtures';
import { writeNpy } from '../src/io/npy';
import { createRng } from '../src/geometry/random';

const ILL = ['tests/fixtures/reference/illcond-vectors.npy', 'tests/fixtures/reference/illcond-labels.txt'];

test('the ill-conditioned fixture: NC1 as the CLI computes it, with the dominated-direction note', async ({ page }) => {
  const ref = cliReport([ILL[0], '--labels', ILL[1]]);
  expect(ref.neuralCollapse.nc1Dominated).toBe(true);
  await page.goto('/');
  const backend = await loadFiles(page, ILL, 'illcond-vectors.npy');
  await expectMetricsMatch(page, ref, toleranceFor(backend), 'the CLI');
  const nc1 = Number(await page.getByTestId('metric-nc1').getAttribute('data-value'));
  expect(closeRel(nc1, ref.neuralCollapse.nc1 ?? NaN, toleranceFor(backend))).toBe(true);
  // The dominated-direction sentence (the report's first note) is the warning row; any other notes sit under the card.
  const notes = ref.neuralCollapse.notes ?? [];
  await expect(page.getByTestId('nc1-dominated-warning')).toContainText(notes[0]);
  await expect(page.getByTestId('collapse-note')).toHaveText(notes.slice(1));
});

test('two classes: equinorm, equiangularity and the ETF distance show the reason instead of a score', async ({ page }) => {
  const rng = createRng(3);
  const n = 60;
  const X = Float32Array.from({ length: n * 4 }, (_, t) => (Math.floor(t / 4) % 2 === 0 ? 2 : -2) * (t % 4 === 0 ? 1 : 0) + rng.normal());
  mkdirSync(FIXTURES, { recursive: true });
  const files = [`${FIXTURES}/two-classes.npy`, `${FIXTURES}/two-classes-labels.txt`];
  writeFileSync(files[0], writeNpy(X, [n, 4]));
  writeFileSync(files[1], Array.from({ length: n }, (_, i) => `${i % 2 === 0 ? 'a' : 'b'}\n`).join(''));
  const ref = cliReport([files[0], '--labels', files[1]]);
  const reasons = ref.neuralCollapse.reasons ?? {};
  expect(Object.keys(reasons).sort()).toEqual(['equiangularity', 'equinorm', 'etfDistance']);
  await page.goto('/');
  await loadFiles(page, files, 'two-classes.npy');
  for (const key of ['equinorm', 'equiangularity', 'etfDistance'] as const) {
    await expect(page.getByTestId(`metric-${key}`)).toHaveAttribute('data-value', 'null');
    await expect(page.getByTestId(`metric-reason-${key}`)).toHaveText(reasons[key] ?? '');
  }
  await expect(page.getByTestId('card-reason-etfDistance')).toHaveText(reasons.etfDistance ?? '');
  await expect(page.getByTestId('card-reason-equiangularity')).toHaveText(reasons.equiangularity ?? '');
  await expect(page.getByTestId('metric-reason-nc1')).toHaveCount(0);
  await expect(page.getByTestId('collapse-note')).toHaveCount(0);
});
