/**
 * Input reliability through the built app (issue 16): malformed and missing ?data= addresses, empty
 * files and labels that are not UTF-8 each show a message with its fix, and the data on screen stays.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openExplore } from './helpers';
import { FIXTURES } from './fixtures';

const MORE = `${FIXTURES}/more`;
const m = (name: string) => `${MORE}/${name}`;

test.beforeAll(() => {
  mkdirSync(MORE, { recursive: true });
  writeFileSync(m('empty.npy'), new Uint8Array(0));
  const labels = [];
  for (let i = 0; i < 150; i++) labels.push(i === 40 ? '\xff' : i % 3 === 0 ? 'alpha' : 'beta');
  // Row 41 holds the single byte 0xff (latin-1 text saved as if it were UTF-8).
  writeFileSync(m('latin1-labels.txt'), Buffer.from(labels.join('\n') + '\n', 'latin1'));
});

async function expectDigitsStill(page: Page): Promise<void> {
  await expect(page.getByTestId('dataset-name')).toHaveText('digits', { timeout: 60_000 });
  await expect(page.getByTestId('metric-n')).toHaveText('1797', { timeout: 60_000 });
}

test('malformed and missing ?data= addresses say what is wrong; the page never goes blank', async ({ page }) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const box = page.getByTestId('analysis-error');
  for (const query of ['?data=%25ZZ.npy', '?data=%25', '?data=data/digits.npy&labels=%25']) {
    await test.step(query, async () => {
      await page.goto(`/${query}`);
      await expect(box).toContainText('has a "%" that starts no valid escape');
      await expect(box).toContainText('Write each "%" in a file path as %25');
      await expectDigitsStill(page);
    });
  }
  await test.step('a file that is not on the server', async () => {
    await page.goto('/?data=data/missing.npy');
    await expect(box).toContainText('missing.npy was not found on this site');
    await expect(box).toContainText('Check the path');
    await expect(box).not.toContainText('not a .npy file');
  });
  await test.step('missing labels next to existing vectors', async () => {
    await page.goto('/?data=data/digits.npy&labels=data/nope.txt');
    await expect(box).toContainText('nope.txt was not found on this site');
  });
  expect(errors).toEqual([]);
});

test('an empty file and labels that are not UTF-8 are refused with the reason; the digits stay', async ({ page }) => {
  await openExplore(page);
  const box = page.getByTestId('analysis-error');
  await page.getByTestId('file-input').setInputFiles([m('empty.npy')]);
  await expect(box).toContainText('empty.npy is empty (0 bytes).');
  await expect(box).toContainText('Still showing digits.');
  await page.getByTestId('file-input').setInputFiles([`${FIXTURES}/points.npy`, m('latin1-labels.txt')]);
  await expect(box).toContainText('latin1-labels.txt line 41 is not valid UTF-8 text');
  await expect(box).toContainText('Re-save the file as UTF-8');
  await expectDigitsStill(page);
});
