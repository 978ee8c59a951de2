// Runs the Fashion-MNIST 784-200-200-10 sweep in the built app (wasm) and saves the chart + results.
// Usage: npx vite build && npx vite preview --port 4176 --host 127.0.0.1 &; npx tsx scripts/landscape/fashion-sweep.ts http://127.0.0.1:4176/ /tmp/ls/fashion
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
const url = process.argv[2] ?? 'http://127.0.0.1:4176/';
const out = process.argv[3] ?? '/tmp/ls/fashion';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-webgpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const errors: string[] = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') errors.push(`worker: ${m.text()}`); }));
await page.goto(`${url}?mode=landscape`);
await page.getByTestId('ls-preset').selectOption('fashion-mnist-li');
await page.getByTestId('ls-backend').selectOption('wasm');
if (process.env.STEPS) await page.getByTestId('ls-steps').fill(process.env.STEPS);
if (process.env.DIMS) await page.getByTestId('ls-dims').fill(process.env.DIMS);
await page.waitForFunction(() => document.querySelector('[data-testid="ls-num-params"]')?.textContent === '199,210');
const t0 = Date.now();
await page.getByTestId('ls-start').click();
let last = '';
for (;;) {
  await page.waitForTimeout(15000);
  const status = await page.getByTestId('ls-sweep-status').getAttribute('data-status');
  const stage = (await page.getByTestId('ls-stage').textContent()) ?? '';
  if (stage !== last) { console.log(((Date.now() - t0) / 1000).toFixed(0), 's', status, stage); last = stage; }
  if (status === 'done' || status === 'cancelled' || status === 'error') break;
}
const read = (id: string) => page.getByTestId(id).getAttribute('data-value');
const summary: Record<string, unknown> = { seconds: (Date.now() - t0) / 1000, D: await read('ls-D'), baseline: await read('ls-baseline'), dInt90: await read('ls-dint90'), compression: await read('ls-compression'), inputTwoNN: await read('ls-input-twonn'), featureTwoNN: await read('ls-feature-twonn'), errors };
summary.points = await page.locator('[data-testid="ls-acc-series"] circle.sweep-point').evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-d')), Number(e.getAttribute('data-value'))]));
summary.runs = await page.locator('[data-testid="ls-run"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ')));
console.log(JSON.stringify(summary, null, 1));
writeFileSync(`${out}.json`, JSON.stringify(summary, null, 1));
await page.screenshot({ path: `${out}-page.png` });
await page.getByTestId('ls-accuracy-chart').screenshot({ path: `${out}-chart.png` });
await browser.close();
