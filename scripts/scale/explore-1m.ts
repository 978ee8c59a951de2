/**
 * Explore at scale: writes a 1,000,000 x 768 float32 .npy (seeded Gaussian blobs, 10 classes, ~3 GB)
 * and its labels into a temp dir, loads both through the BUILT app's file input in headless Chromium,
 * and records the time to the first view (the cloud and metrics of the new data), the time to the
 * intrinsic-dimension values, and the peak resident memory of Chromium's process tree (ps, every
 * second). "One copy of the matrix" means a peak near 3 GB plus modest overhead.
 *
 *   npx vite build --outDir dist-scale && npx tsx scripts/scale/explore-1m.ts [--out dist-scale] [--port 4181]
 *       [--rows 1000000] [--dim 768] [--id-timeout-min 60] [--keep] [--data DIR]
 * --data DIR reuses (or keeps) the generated files in DIR instead of a fresh temp dir.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { mulberry32 as rng } from '../../src/geometry/random';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const OUT = arg('out', 'dist-scale');
const PORT = Number(arg('port', '4181'));
const N = Number(arg('rows', '1000000'));
const D = Number(arg('dim', '768'));
const K = 10;
const ID_TIMEOUT_MS = Number(arg('id-timeout-min', '60')) * 60_000;
const ROOT = join(import.meta.dirname, '..', '..');
const ARTIFACTS = join(ROOT, 'e2e-artifacts');

/** Writes the .npy (v1 header padded to 64 bytes) in blocks of rows, and labels.txt; returns the paths. */
function writeData(dir: string): { npy: string; labels: string } {
  const rand = rng(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const centres = Float32Array.from({ length: K * D }, () => 3 * normal());
  const header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${N}, ${D}), }`;
  const padded = header.padEnd(64 * Math.ceil((header.length + 11) / 64) - 10 - 1, ' ') + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(padded.length, 8);
  const npy = join(dir, `blobs-${N}x${D}.npy`);
  const fd = openSync(npy, 'w');
  writeSync(fd, head);
  writeSync(fd, Buffer.from(padded, 'latin1'));
  const labels = new Int32Array(N);
  const B = 8192;
  const block = new Float32Array(B * D);
  for (let start = 0; start < N; start += B) {
    const m = Math.min(B, N - start);
    for (let r = 0; r < m; r++) {
      const k = Math.floor(rand() * K);
      labels[start + r] = k;
      for (let t = 0; t < D; t++) block[r * D + t] = centres[k * D + t] + normal();
    }
    writeSync(fd, new Uint8Array(block.buffer, 0, m * D * 4));
  }
  closeSync(fd);
  const labelsPath = join(dir, 'labels.txt');
  writeFileSync(labelsPath, `${Array.from(labels, (k) => `class ${k}`).join('\n')}\n`);
  return { npy, labels: labelsPath };
}

/** Resident memory (bytes) of pid and all its descendants, and the largest single process. */
function treeRss(root: number): { total: number; largest: number } {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const rss = new Map(rows.map(([pid, , kb]) => [pid, kb * 1024]));
  let total = 0;
  let largest = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const r = rss.get(pid) ?? 0;
    total += r;
    largest = Math.max(largest, r);
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, largest };
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).getAttribute(name);
const gb = (b: number) => `${(b / 1024 ** 3).toFixed(2)} GB`;

async function main(): Promise<void> {
  const given = process.argv.includes('--data') ? arg('data', '') : null;
  const dir = given ?? mkdtempSync(join(tmpdir(), 'subspace-scale-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  if (await fetch(`http://127.0.0.1:${PORT}/`).then(() => true, () => false)) throw new Error(`port ${PORT} is already in use: pass a free one with --port`);
  const server = spawn('npx', ['vite', 'preview', '--outDir', OUT, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore', detached: true });
  // A switch Chromium ignores, so this run's browser process can be told apart from any other on the machine.
  const marker = `--subspace-scale-run=${process.pid}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-first-run', '--disable-background-networking', marker] });
  try {
    let t = performance.now();
    const reuse = given !== null && existsSync(join(dir, `blobs-${N}x${D}.npy`)) && existsSync(join(dir, 'labels.txt'));
    const { npy, labels } = reuse ? { npy: join(dir, `blobs-${N}x${D}.npy`), labels: join(dir, 'labels.txt') } : writeData(dir);
    console.log(`${reuse ? 'reusing' : 'wrote'} ${npy} (${gb(N * D * 4)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (m) => m.type() === 'error' && console.log(`[page] ${m.text()}`));
    await until('the preview server', async () => (await fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.ok).catch(() => false)) || null, 60_000);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await until('the demo', async () => ((await attr(page, 'analysis-status', 'data-id-status')) === 'done' ? true : null), 300_000);
    const browserPid = Number(execFileSync('pgrep', ['-o', '-f', `chromium.*${marker}`], { encoding: 'utf8' }).trim());
    const idle = treeRss(browserPid);
    let peak = idle;
    const samples: { t: number; total: number }[] = [];
    const t0 = performance.now();
    const timer = setInterval(() => {
      const m = treeRss(browserPid);
      samples.push({ t: (performance.now() - t0) / 1000, total: m.total });
      if (m.total > peak.total) peak = { ...m, largest: Math.max(peak.largest, m.largest) };
      else peak = { ...peak, largest: Math.max(peak.largest, m.largest) };
    }, 1000);
    t = performance.now();
    await page.getByTestId('file-input').setInputFiles([npy, labels]);
    const failure = async () => {
      const s = await attr(page, 'analysis-status', 'data-status');
      if (s === 'error') throw new Error(`the app reported: ${await page.getByTestId('analysis-error').textContent().catch(() => '(no message)')}`);
      return null;
    };
    const ticker = setInterval(() => {
      page.getByTestId('analysis-status').textContent().then(
        (text) => console.log(`  ${((performance.now() - t) / 1000).toFixed(0)} s: ${text?.replace(/Cancel$/, '').trim()} (Chromium RSS ${gb(treeRss(browserPid).total)})`),
        () => undefined,
      );
    }, 30_000);
    await until('the first view', async () => ((await attr(page, 'metric-n', 'data-value')) === String(N) ? true : await failure()), 3 * 3600_000);
    const firstViewS = (performance.now() - t) / 1000;
    const firstPeak = peak;
    console.log(`first view after ${firstViewS.toFixed(1)} s; peak so far ${gb(firstPeak.total)} (largest process ${gb(firstPeak.largest)})`);
    await page.screenshot({ path: join(ARTIFACTS, 'scale-1m-first-view.png') });
    let idS: number | null = null;
    try {
      await until('the ID values', async () => ((await attr(page, 'metric-twoNN', 'data-value')) !== null ? true : null), ID_TIMEOUT_MS);
      idS = (performance.now() - t) / 1000;
    } catch (e) {
      console.log(`${(e as Error).message} (after ${(ID_TIMEOUT_MS / 60_000).toFixed(0)} min)`);
    }
    clearInterval(timer);
    clearInterval(ticker);
    const note = await page.getByTestId('id-stage').textContent();
    const twoNN = await attr(page, 'metric-twoNN', 'data-value');
    await page.getByTestId('tab-metrics').click();
    await page.screenshot({ path: join(ARTIFACTS, 'scale-1m-final.png') });
    const result = {
      rows: N,
      dim: D,
      fileBytes: N * D * 4,
      firstViewS,
      idS,
      twoNN,
      idNote: note,
      idleRssBytes: idle.total,
      peakRssBytes: peak.total,
      peakLargestProcessBytes: peak.largest,
      peakBeforeFirstViewBytes: firstPeak.total,
    };
    writeFileSync(join(ARTIFACTS, 'scale-1m.json'), `${JSON.stringify({ ...result, samples }, null, 1)}\n`);
    console.log(JSON.stringify(result, null, 2));
    console.log(`peak Chromium RSS ${gb(peak.total)} (idle ${gb(idle.total)}; matrix ${gb(N * D * 4)})`);
  } finally {
    await browser.close();
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
    if (given === null && !process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
