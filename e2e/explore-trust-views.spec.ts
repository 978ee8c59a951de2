/**
 * Issue 14: every view's picture is measured (trustworthiness and continuity at k = 10, the share
 * of variance its axes carry): the simplex of the class means and one class's subspace, on the
 * shipped digits. The numbers equal scikit-learn's on the view's exported coordinates
 * (scripts/reference/view_trust_ref.py, run with Debian's python3), to the CSV's precision.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, waitForAnalysis } from './helpers';

const num = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

async function exported(page: Page, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  mkdirSync(`${ARTIFACTS}/trust-views`, { recursive: true });
  const file = `${ARTIFACTS}/trust-views/${name}.csv`;
  writeFileSync(file, readFileSync((await dl.path())!, 'utf8'));
  return file;
}

function sklearn(csv: string): { trustworthiness: number; continuity: number; n: number; dims: number } {
  return JSON.parse(execFileSync('/usr/bin/python3', ['scripts/reference/view_trust_ref.py', 'public/data/digits.npy', csv, '3', '10'], { encoding: 'utf8', timeout: 120_000 }));
}

test('the simplex and class-subspace views are measured like the others: trust and continuity equal sklearn on the drawn coordinates, the variance share stated', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForAnalysis(page);
  const picture = page.getByTestId('picture-section');
  const statement = page.getByTestId('picture-statement');
  await expect(picture).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const pca = await num(page, 'picture-trustworthiness');
  for (const [view, note] of [
    ['simplex', 'centred class means'],
    ['class', 'top 3 principal directions of class 0'],
  ] as const) {
    await page.getByTestId(`view-${view}`).click();
    await expect(page.getByTestId('view-note')).toContainText(note, { timeout: 30_000 });
    await expect(statement).toContainText('Measured on all 1,797 points, 3D as drawn; the 3 drawn axes carry', { timeout: 60_000 });
    await expect(picture).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const t = await num(page, 'picture-trustworthiness');
    const c = await num(page, 'picture-continuity');
    const share = await num(page, 'picture-varianceShare');
    expect(t, view).not.toBe(pca);
    expect(share, view).toBeGreaterThan(0);
    expect(share, view).toBeLessThan(1);
    await expect(statement).toContainText(`carry ${(100 * share).toFixed(1)}% of the variance`);
    const ref = sklearn(await exported(page, view));
    expect([ref.n, ref.dims]).toEqual([1797, 3]);
    console.log(`${view}: trustworthiness ${t} (sklearn ${ref.trustworthiness}), continuity ${c} (sklearn ${ref.continuity}), variance share ${share}`);
    expect(Math.abs(t - ref.trustworthiness), `${view} trustworthiness ${t} vs sklearn ${ref.trustworthiness}`).toBeLessThan(1e-3);
    expect(Math.abs(c - ref.continuity), `${view} continuity ${c} vs sklearn ${ref.continuity}`).toBeLessThan(1e-3);
  }
});
