/**
 * The WebGPU path, forced onto this machine's software fallback adapter (SwiftShader) with the
 * testing flag ?backend=webgpu-fallback (the automatic choice skips a fallback adapter). Explore's
 * analysis of the digits equals the CLI's (wasm) within 1e-4; Train's first 100 steps of the
 * default preset stream their snapshots; then the device is lost (a test hook destroys it), the
 * run is rebuilt on wasm from the same seed, says so, and its first 100 steps match within 1e-3;
 * a short Landscape sweep completes. Software WebGPU is slow, so the journeys are kept small: Train
 * snapshots every 50 steps (two snapshots in the 100 steps, fewer readbacks) and takes its first
 * layer-ID profile after them.
 */
import { expect, test, type Page } from '@playwright/test';
import { LOSE_DEVICE_HOOK } from '../src/workers/backend';
import { cliDigitsReport, closeRel, expectMetricsMatch } from './helpers';

const FLAG = 'backend=webgpu-fallback';
const valueOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute('data-value'));

test('Explore on forced WebGPU: the digits analysis equals the CLI (wasm) within 1e-4', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/?${FLAG}`);
  const status = page.getByTestId('analysis-status');
  await expect(page.getByTestId('backend-name')).toHaveAttribute('data-backend', 'webgpu', { timeout: 60_000 });
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU forced onto its fallback');
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(status).toHaveAttribute('data-id-status', 'done', { timeout: 240_000 });
  const checked = await expectMetricsMatch(page, cliDigitsReport(), 1e-4, 'the CLI (wasm)');
  expect(checked).toBeGreaterThan(10);
});

/** The Train address: the default preset, snapshots every EVERY steps, the first layer-ID profile at step 500. */
const EVERY = 50;
const TRAIN = `mode=train&every=${EVERY}&profile=500`;

/** Trains the run on screen (built, at step 0) to step 100 in snapshot intervals with "+N" and reads the metrics. */
async function train100(page: Page): Promise<Record<string, number>> {
  const every = EVERY;
  const step = page.getByTestId('train-step-count');
  await expect(step).toHaveAttribute('data-value', '0', { timeout: 120_000 });
  await expect(page.getByTestId('train-status')).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  for (let s = every; s <= 100; s += every) {
    await page.getByTestId('train-step').click();
    await expect(step).toHaveAttribute('data-value', String(s), { timeout: 120_000 });
  }
  expect(Number(await page.getByTestId('train-timeline-nc1').getAttribute('data-points'))).toBeGreaterThanOrEqual(3);
  const out: Record<string, number> = {};
  for (const id of ['train-loss', 'train-accuracy', 'train-nc1', 'train-test-accuracy']) out[id] = await valueOf(page, id);
  return out;
}

test('Train on forced WebGPU: 100 steps in snapshots; the device lost, wasm restarts the run and matches within 1e-3', async ({ page }) => {
  test.setTimeout(420_000);
  expect(100 % EVERY).toBe(0);
  await page.goto(`/?${TRAIN}&${FLAG}`);
  const gpu = await train100(page);
  const name = page.getByTestId('train-backend-name');
  await expect(name).toHaveAttribute('data-backend', 'webgpu');
  // Lose the device (the training worker's test hook destroys it): the run is rebuilt on wasm from the same seed.
  const worker = page.workers().find((w) => w.url().includes('training'));
  expect(worker, 'the training worker').toBeDefined();
  await worker!.evaluate((hook) => (globalThis as unknown as Record<string, () => void>)[hook](), LOSE_DEVICE_HOOK);
  await expect(name).toHaveAttribute('data-backend', 'wasm', { timeout: 60_000 });
  await expect(page.getByTestId('train-backend-reason')).toContainText('run restarted from step 0 with the same seed: the WebGPU device was lost');
  const wasm = await train100(page);
  for (const [id, v] of Object.entries(gpu)) {
    expect(Number.isFinite(v), `${id} = ${v}`).toBe(true);
    expect(closeRel(v, wasm[id], 1e-3), `${id}: webgpu ${v}, wasm ${wasm[id]}`).toBe(true);
  }
});

test('Landscape on forced WebGPU: one short sweep completes', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`/?mode=landscape&${FLAG}`);
  await page.getByTestId('ls-preset').selectOption('blobs-quick');
  for (const [id, v] of [['ls-dims', '2'], ['ls-steps', '60']]) {
    await page.getByTestId(id).fill(v);
    await page.getByTestId(id).press('Tab');
  }
  await expect(page.getByTestId('ls-backend')).toHaveValue('webgpu');
  await page.getByTestId('ls-start').click();
  await expect(page.getByTestId('ls-sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 200_000 });
  await expect(page.getByTestId('ls-backend-name')).toHaveAttribute('data-backend', 'webgpu');
  await expect(page.locator('[data-testid="ls-run"][data-state="done"]')).toHaveCount(2);
});
