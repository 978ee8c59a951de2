/**
 * Training on the user's own file: a labelled CSV chosen in Train's Data section trains 200 steps
 * on wasm, NC1 is shown, the model (.npz: weights, head W and b, features, labels) is exported and
 * reopened in Explore with the same NC1. The link names the file by hash: a reload trains again
 * from the rows kept in the browser, and a browser without them says which file to drop.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { zipSync, zlibSync } from 'fflate';
import { createRng } from '../src/geometry/random';
import { parseNpz } from '../src/io/npz';
import { ARTIFACTS, loadFiles } from './helpers';

const N = 240;
const D = 10;
const CSV = `${ARTIFACTS}/own-${process.env.E2E_PORT ?? 'x'}.csv`;

/** Three seeded classes on very different feature scales (standardisation matters), float32-exact text. */
function writeCsv(): string {
  const rng = createRng(7);
  const lines = [[...Array.from({ length: D }, (_, j) => `f${j}`), 'label'].join(',')];
  for (let i = 0; i < N; i++) {
    const k = i % 3;
    const row = Array.from({ length: D }, (_, j) => Math.fround((j === k ? 3 : 0) + rng.normal()) * (j + 1) ** 2);
    lines.push([...row.map((v) => String(Math.fround(v))), ['ant', 'bee', 'cicada'][k]].join(','));
  }
  const text = `${lines.join('\n')}\n`;
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(CSV, text);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

const valueOf = async (page: import('@playwright/test').Page, id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));

test('Train on my file: upload, 200 steps, NC1, export the model, the same NC1 in Explore; the link needs the file', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const hash = writeCsv();
  // Test fraction 0: every row is a training row, so Train's NC1 (of the training rows) and Explore's (of all rows) measure the same rows.
  await page.goto('/?mode=train&backend=wasm&source=file&test=0&every=200');
  await expect(page.getByTestId('train-error')).toContainText('No file is chosen for training yet.');
  await page.getByTestId('train-file-input').setInputFiles(CSV);
  const summary = page.getByTestId('train-file-summary');
  await expect(summary).toHaveAttribute('data-hash', hash, { timeout: 30_000 });
  await expect(summary).toHaveAttribute('data-train', String(N));
  await expect(summary).toContainText(`${N} labelled rows, ${D} features, 3 classes`);
  await expect(summary).toContainText('standardised');
  await expect(page).toHaveURL(new RegExp(`file=${hash}%3A\\d+%3A${N}%3Aown-`));

  await page.getByTestId('train-step').click();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '200', { timeout: 30_000 });
  const nc1 = await valueOf(page, 'train-nc1');
  expect(Number.isFinite(nc1) && nc1 > 0).toBe(true);
  await expect(page.getByTestId('train-nc1')).not.toHaveText('');
  await page.screenshot({ path: `${ARTIFACTS}/train-own.png` });

  await page.getByTestId('train-tab-runs').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('train-export-model-npz').click()]);
  expect(download.suggestedFilename()).toMatch(/^train-own-.*-step200-model\.npz$/);
  const path = `${ARTIFACTS}/saved-${download.suggestedFilename()}`;
  await download.saveAs(path);
  const arrays = parseNpz(new Uint8Array(readFileSync(path)), 'model.npz');
  const F = arrays.get('features')!.shape[1];
  expect(arrays.get('features')!.shape).toEqual([N, F]);
  expect(arrays.get('W')!.shape).toEqual([3, F]);
  expect(arrays.get('b')!.shape).toEqual([3]);
  expect(arrays.get('layer0.kernel')!.shape[0]).toBe(D);
  expect(arrays.get('input.mean')!.shape).toEqual([D]);
  await page.screenshot({ path: `${ARTIFACTS}/train-own-export.png` });

  // Explore reads `features` and `labels` from the model file: the same NC1 (relative 1e-4: both are
  // float64 over the same float32 features; Train measures them in its worker, Explore in its own).
  await page.getByTestId('mode-explore').click();
  await loadFiles(page, [path], `saved-${download.suggestedFilename()}`);
  await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', String(N));
  const exploreNc1 = await valueOf(page, 'metric-nc1');
  expect(Math.abs(exploreNc1 - nc1) / nc1).toBeLessThan(1e-4);

  // The link, opened again: the rows kept in this browser train without the file.
  await page.getByTestId('mode-train').click();
  await expect(page).toHaveURL(/mode=train.*file=/);
  const link = page.url();
  await page.goto(link);
  await expect(page.getByTestId('train-file-summary')).toHaveAttribute('data-hash', hash, { timeout: 30_000 });
  await expect(page.getByTestId('train-error')).toHaveCount(0);

  // Another browser profile has neither the file nor its rows: it says which file to drop.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('train-error')).toContainText(`This run trained on own-${process.env.E2E_PORT ?? 'x'}.csv (${N} rows): drop it to continue.`, { timeout: 30_000 });
  await fresh.screenshot({ path: `${ARTIFACTS}/train-own-missing.png` });
  await fresh.getByTestId('train-file-input').setInputFiles(CSV);
  await expect(fresh.getByTestId('train-file-summary')).toHaveAttribute('data-hash', hash, { timeout: 30_000 });
  await other.close();
});

/** A width x width 8-bit grey PNG of one level (filter 0 rows, zlib-deflated IDAT). */
function greyPng(width: number, level: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Uint8Array) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const v = new DataView(out.buffer);
    v.setUint32(0, data.length);
    out.set(new TextEncoder().encode(type), 4);
    out.set(data, 8);
    v.setUint32(8 + data.length, crc(out.subarray(4, 8 + data.length)));
    return out;
  };
  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, width);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = new Uint8Array(width * (width + 1));
  for (let r = 0; r < width; r++) raw.fill(level, r * (width + 1) + 1, (r + 1) * (width + 1));
  const parts = [Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

test('Train on images: a zip of PNGs in class folders is decoded in the worker, resized to 28 x 28 grey, and trains', async ({ page }) => {
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < 10; i++) {
    entries[`shapes/dark/${i}.png`] = greyPng(16, 20 + i * 3);
    entries[`shapes/light/${i}.png`] = greyPng(16, 200 + i * 3);
  }
  const zipPath = `${ARTIFACTS}/shapes-${process.env.E2E_PORT ?? 'x'}.zip`;
  writeFileSync(zipPath, zipSync(entries));
  await page.goto('/?mode=train&backend=wasm&source=file');
  await page.getByTestId('train-file-input').setInputFiles(zipPath);
  const summary = page.getByTestId('train-file-summary');
  await expect(summary).toContainText('20 labelled rows, 784 features (images resized to 28 x 28 grey', { timeout: 30_000 });
  await expect(summary).toContainText('2 classes');
  await expect(summary).toHaveAttribute('data-train', '16');
  await expect(summary).toHaveAttribute('data-test', '4');
  await page.getByTestId('train-step').click();
  await expect.poll(() => valueOf(page, 'train-step-count'), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('train-accuracy')).toHaveText(/%$/);
  await page.screenshot({ path: `${ARTIFACTS}/train-own-images.png` });
});
