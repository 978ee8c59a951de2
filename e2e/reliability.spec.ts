/**
 * Reliability of the served app (issue 16).
 * Sizes that used to hang it: many classes (10,000 x 16 in 5,000 classes, whose K x K charts are
 * left out with a note) and a tiny wide file (10 x 100,000, PCA in the Gram space); each must
 * finish its whole analysis (first view and the intrinsic-dimension stage) and stay usable.
 * Its security headers (vite preview = `npm start`): a Content-Security-Policy that allows only
 * the app's own origin (plus compiling its own WebAssembly), nosniff, no framing by other sites,
 * real Content-Types for data files and 404 for a missing one; Explore's analysis and Train's play
 * still work under the policy with no violation reported by the page or a worker.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeReliabilityFiles } from '../scripts/bench/reliabilityData';
import { CONTENT_SECURITY_POLICY } from '../scripts/serve/headers';
import { FIXTURES } from './fixtures';
import { loadFiles, openExplore } from './helpers';

const f = (name: string) => `${FIXTURES}/${name}`;

test.beforeAll(() => writeReliabilityFiles(FIXTURES));

test('5,000 classes: the analysis completes, the K x K charts give way to a note', async ({ page }) => {
  test.setTimeout(180_000);
  await openExplore(page);
  // Issue 16's bar is 30 s; the time (whole analysis, ID stage included) is printed, not asserted: it depends on the machine's load.
  const t0 = Date.now();
  await loadFiles(page, [f('many-classes.npy'), f('many-classes-labels.txt')], 'many-classes.npy');
  console.log(`reliability: 10,000 x 16 in 5,000 classes analysed in ${((Date.now() - t0) / 1000).toFixed(1)} s (status bar: ${await page.locator('.status-stage').textContent()})`);
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
  await openExplore(page);
  // Issue 16's bar is 10 s; printed, not asserted.
  const t0 = Date.now();
  await loadFiles(page, [f('wide.npy')], 'wide.npy');
  console.log(`reliability: 10 x 100,000 analysed in ${((Date.now() - t0) / 1000).toFixed(1)} s (status bar: ${await page.locator('.status-stage').textContent()})`);
  await expect(page.getByTestId('metric-n')).toHaveText('10');
});

/** Every CSP violation: the page's securitypolicyviolation events and console lines of the page and its workers. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  const csp = /Content Security Policy|Content-Security-Policy|violates/i;
  page.on('console', (m) => (csp.test(m.text()) ? seen.push(`console: ${m.text()}`) : undefined));
  page.on('worker', (w) => w.on('console', (m) => (csp.test(m.text()) ? seen.push(`worker ${w.url()}: ${m.text()}`) : undefined)));
  page.on('pageerror', (e) => (csp.test(e.message) ? seen.push(`pageerror: ${e.message}`) : undefined));
  return seen;
}

test('the served app sends its security headers, and data files their types', async ({ request }) => {
  const page = await request.get('/');
  const h = page.headers();
  expect(h['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "frame-ancestors 'self'", "object-src 'none'"]) {
    expect(h['content-security-policy']).toContain(directive);
  }
  expect(h['content-security-policy']).not.toMatch(/unsafe-inline|'unsafe-eval'|\*/);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('SAMEORIGIN');
  expect(h['cross-origin-opener-policy']).toBe('same-origin');
  expect(h['cross-origin-embedder-policy']).toBe('require-corp');

  const npy = await request.get('/data/digits.npy');
  expect(npy.status()).toBe(200);
  expect(npy.headers()['content-type']).toBe('application/octet-stream');
  expect(npy.headers()['x-content-type-options']).toBe('nosniff');
  expect(Buffer.from(await npy.body()).subarray(0, 6).toString('latin1')).toBe('\x93NUMPY');
  const gz = await request.get('/data/fashion-mnist-t10k-labels-idx1-ubyte.gz');
  expect(gz.headers()['content-type']).toBe('application/gzip');
  expect(gz.headers()['content-encoding']).toBeUndefined();
  const body = Buffer.from(await gz.body());
  expect([body[0], body[1]]).toEqual([0x1f, 0x8b]);
  const missing = await request.get('/data/no-such-file.npy');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toMatch(/^text\/plain/);
});

test('under the policy Explore analyses and Train plays, with no violation', async ({ page }) => {
  test.setTimeout(150_000);
  const violations = watchViolations(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await openExplore(page);
  await expect(page.getByTestId('metric-n')).toHaveText('1797');
  await page.getByTestId('mode-train').click();
  await expect(page.getByTestId('train-step-count')).toHaveAttribute('data-value', '0', { timeout: 60_000 });
  await page.getByTestId('train-play').click();
  await expect.poll(async () => Number(await page.getByTestId('train-step-count').getAttribute('data-value')), { timeout: 60_000 }).toBeGreaterThanOrEqual(100);
  await page.getByTestId('train-play').click();
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(violations).toEqual([]);
  // The policy is enforced and the watch sees it: an injected inline script does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return (window as unknown as { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([expect.stringMatching(/^script-src/)]);
});
