/**
 * The 3D view draws only when its picture changes (issue 13's main-thread stalls: at 100,000 points
 * each frame redraws every point, and a software renderer blocks the page for it, 0.4-2 s here).
 * Counted, not timed: every WebGL POINTS draw of the cloud's n points, from the first view of a new
 * dataset on. A new dataset's first view is drawn without a transition (its class means snap like
 * its points), an idle view draws nothing, the filter columns typed after the first view draw
 * nothing, and one filter change draws one frame.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createRng } from '../src/geometry/random';
import { writeNpy } from '../src/io/npy';
import { ARTIFACTS, openExplore, waitForAnalysis } from './helpers';

const OUT = `${ARTIFACTS}/redraws${process.env.E2E_PORT ? `-${process.env.E2E_PORT}` : ''}`;
/** Not the digits demo's 1,797, so the new cloud's draws are told apart by their count. */
const N = 2500;

/** Counts WebGL POINTS draws by their point count, on the page's clock. */
function countDraws(): void {
  const w = window as unknown as { __draws: { t: number; count: number }[] };
  w.__draws = [];
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const draw = proto.drawArrays;
    proto.drawArrays = function (this: WebGLRenderingContext, mode: number, first: number, count: number) {
      if (mode === this.POINTS) w.__draws.push({ t: performance.now(), count });
      return draw.call(this, mode, first, count);
    };
  }
}

/** Draws of the N-point cloud at or after page time `since`. */
const drawsSince = (page: Page, since: number) => page.evaluate(([s, n]) => (window as unknown as { __draws: { t: number; count: number }[] }).__draws.filter((d) => d.count === n && d.t >= s).map((d) => d.t), [since, N] as const);
const now = (page: Page) => page.evaluate(() => performance.now());

test('a new dataset is drawn without a transition; an idle view and the filter build draw nothing; a filter change draws one frame', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(OUT, { recursive: true });
  const rng = createRng(5);
  const d = 16;
  const X = new Float32Array(N * d);
  const rows: string[] = [];
  for (let i = 0; i < N; i++) {
    const k = i % 5;
    for (let t = 0; t < d; t++) X[i * d + t] = rng.normal() + (t === k ? 8 : 0);
    rows.push(`c${k}\t${(rng.normal() * 10).toFixed(2)}\t${['s', 'm', 'l'][i % 3]}`);
  }
  writeFileSync(`${OUT}/cloud.npy`, writeNpy(X, [N, d]));
  writeFileSync(`${OUT}/cloud-meta.tsv`, `class\tscore\tsize\n${rows.join('\n')}\n`);

  await page.addInitScript(countDraws);
  await openExplore(page);
  await page.getByTestId('file-input').setInputFiles([`${OUT}/cloud.npy`, `${OUT}/cloud-meta.tsv`]);
  await expect(page.getByTestId('metric-n')).toHaveAttribute('data-value', String(N), { timeout: 60_000 });
  await expect.poll(() => drawsSince(page, 0).then((t) => t.length), { timeout: 30_000 }).toBeGreaterThan(0);
  const first = (await drawsSince(page, 0))[0];
  // The filter columns are typed after the first view (one per task) ...
  await expect(page.getByTestId('filter-size')).toHaveAttribute('data-kind', 'category', { timeout: 30_000 });
  await waitForAnalysis(page);
  await page.waitForTimeout(1500);
  // ... and with the means' snap, the first view is a frame or two (a 600 ms transition drew dozens).
  const settled = await drawsSince(page, first);
  expect(settled.length, `draws after the first view (ms after it): ${settled.map((t) => Math.round(t - first)).join(', ')}`).toBeLessThanOrEqual(3);

  // Idle: nothing is drawn.
  const idle = await now(page);
  await page.waitForTimeout(2000);
  expect(await drawsSince(page, idle)).toEqual([]);

  // One filter change: the cloud is recoloured and drawn once.
  const before = await now(page);
  await page.getByTestId('filter-cat-size-0').uncheck();
  await expect(page.getByTestId('filter-section')).toHaveAttribute('data-passing', String(N - Math.ceil(N / 3)));
  await page.waitForTimeout(1500);
  const filtered = await drawsSince(page, before);
  expect(filtered.length, `draws after one filter change: ${filtered.length}`).toBe(1);
});
