/**
 * Where the main thread's long tasks go (issue 13): the same Explore load as stalls.ts (N x 128
 * labelled blobs), with the page's main thread sampled by the DevTools CPU profiler; for each long
 * task (>= 50 ms) its start, its length and the functions its samples fell in (self time, and the
 * innermost frame of the app's own code). Measurement only:
 * `npx tsx scripts/bench/stallsProfile.ts [--n 100000] [--out-dir dist-profile] [--port 4185] [--seconds 0] [--brush] [--trace] [--raf] [--count-only] [--no-build]`
 * (builds the app unminified into --out-dir, so function names are readable). --seconds S stops S
 * seconds after the first view (0: waits for every metric). --brush also drags a filter brush.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { openApp } from './exploreBench';
import { stallsFiles } from './stallsData';
import { benchContext, launchBenchBrowser, pageNow, probeState, until } from './probe';
import { ROOT, startPreview } from './server';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const N = Number(opt('--n', '100000'));
const D = 128;
const OUT = opt('--out-dir', 'dist-profile');
const PORT = Number(opt('--port', '4185'));
const SECONDS = Number(opt('--seconds', '0'));
const BRUSH = argv.includes('--brush');
const log = (msg: string) => console.error(`[bench:stalls-profile] ${msg}`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Busy-waits `ms` in a function the profile can find, returning its start on the page's clock. */
async function calibrate(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __stallsCalibrate?: () => number };
    w.__stallsCalibrate ??= function __stallsCalibrate() {
      const t0 = performance.now();
      while (performance.now() - t0 < 40) {
        /* spin */
      }
      return t0;
    };
    return w.__stallsCalibrate();
  });
}

function frameName(n: ProfileNode): string {
  const f = n.callFrame;
  const file = f.url.split('/').pop() ?? '';
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
}

/** Per long task: the top self-time functions and app frames in its window. */
function attribute(profile: Profile, offset: number, tasks: { start: number; duration: number }[]): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const lines: string[] = [];
  for (const task of tasks) {
    const self = new Map<string, number>();
    const app = new Map<string, number>();
    let count = 0;
    for (let s = 0; s < profile.samples.length; s++) {
      const at = times[s] / 1000 - offset;
      if (at < task.start || at > task.start + task.duration) continue;
      count++;
      const leaf = byId.get(profile.samples[s]) as ProfileNode;
      const name = frameName(leaf);
      self.set(name, (self.get(name) ?? 0) + 1);
      // The stack from the leaf up: every distinct app frame (a function in the app's own chunks) counts once.
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const n = byId.get(id) as ProfileNode;
        if (!/\/assets\//.test(n.callFrame.url)) continue;
        const f = frameName(n);
        if (seen.has(f)) continue;
        seen.add(f);
        app.set(f, (app.get(f) ?? 0) + 1);
      }
    }
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([f, c]) => `${((100 * c) / Math.max(1, count)).toFixed(0)}% ${f}`);
    lines.push(`long task at ${(task.start / 1000).toFixed(2)} s, ${task.duration.toFixed(0)} ms (${count} samples)`);
    lines.push(`  self: ${top(self, 6).join(' | ')}`);
    lines.push(`  app frames (inclusive): ${top(app, 14).join(' | ')}`);
  }
  return lines;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}
type TraceFile = { traceEvents: TraceEvent[] } | TraceEvent[];

/** The renderer main thread's tasks of 50 ms or more, each with the events that took its time (two levels down). */
function traceTasks(file: TraceFile): string[] {
  const events = Array.isArray(file) ? file : file.traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const mine = events.filter((e) => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && (e.dur ?? 0) > 0).sort((a, b) => a.ts - b.ts);
  const lines: string[] = [];
  const t0 = mine.length ? mine[0].ts : 0;
  for (const task of mine.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= 50_000)) {
    const end = task.ts + (task.dur ?? 0);
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 5_000);
    const detail = (e: TraceEvent) => {
      const a = e.args as { beginData?: { dirtyObjects?: number; totalObjects?: number }; elementCount?: number; data?: { functionName?: string } } | undefined;
      if (a?.data?.functionName) return `(${a.data.functionName})`;
      if (a?.beginData?.totalObjects !== undefined) return `(${a.beginData.dirtyObjects} of ${a.beginData.totalObjects} objects)`;
      if (a?.elementCount !== undefined) return `(${a.elementCount} elements)`;
      return '';
    };
    const label = (e: TraceEvent) => `${e.name}${detail(e)} ${((e.dur ?? 0) / 1000).toFixed(0)} ms`;
    lines.push(`trace task at +${((task.ts - t0) / 1e6).toFixed(2)} s: ${((task.dur ?? 0) / 1000).toFixed(0)} ms: ${inside.slice(0, 24).map(label).join(' > ')}`);
  }
  return lines;
}

const { file, labels } = stallsFiles(N, D);
if (!argv.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--minify', 'false', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
const preview = await startPreview(OUT, PORT);
const origin = `http://127.0.0.1:${PORT}`;
const browser = await launchBenchBrowser();
try {
  const context = await benchContext(browser);
  // Who asks for the 3D view's frames: the stack of every requestAnimationFrame of react-three-fiber's loop.
  if (argv.includes('--raf'))
    await context.addInitScript(() => {
      const w = window as unknown as { __rafs: { t: number; stack: string }[] };
      w.__rafs = [];
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb: FrameRequestCallback) => {
        if (cb.name === 'loop') w.__rafs.push({ t: performance.now(), stack: (new Error().stack ?? '').split('\n').slice(2, 9).map((l) => l.trim().replace(/\(?http\S+\/assets\//, '').replace(/:\d+\)?$/, '')).join(' < ') });
        return raf(cb);
      };
    });
  const page = await context.newPage();
  await openApp(page, origin);
  const TRACE = argv.includes('--trace');
  if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'gpu', 'blink', 'cc', 'v8.execute'] });
  // --count-only: no profiler (its sampling costs the main thread too), long tasks counted only.
  const PROFILE = !argv.includes('--count-only');
  const cdp: CDPSession = await context.newCDPSession(page);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
  }
  const cal = await calibrate(page);
  const t0 = await pageNow(page);
  log(`Explore: ${N} x ${D} + labels`);
  await page.getByTestId('file-input').setInputFiles([file, labels]);
  const status = page.getByTestId('analysis-status');
  await until('the first view', async () => ((await page.getByTestId('metric-n').getAttribute('data-value')) === String(N) ? true : null), 3600_000);
  log(`first view after ${((await pageNow(page)) - t0) / 1000} s`);
  if (SECONDS > 0) await page.waitForTimeout(SECONDS * 1000);
  else await until('the analysis to finish', async () => ((await status.getAttribute('data-id-status')) === 'done' ? true : null), 3600_000);
  if (BRUSH) {
    const hist = page.locator('[data-testid^="filter-hist-"]').first();
    await hist.scrollIntoViewIfNeeded();
    const box = (await hist.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    await page.mouse.down();
    for (let s = 1; s <= 20; s++) {
      await page.mouse.move(box.x + box.width * (0.3 + s * 0.015), box.y + box.height * 0.4);
      await page.waitForTimeout(30);
    }
    await page.mouse.up();
  }
  await page.waitForTimeout(3000);
  const t1 = await pageNow(page);
  const { profile } = PROFILE ? ((await cdp.send('Profiler.stop')) as { profile: Profile }) : { profile: { nodes: [], startTime: 0, samples: [], timeDeltas: [] } as Profile };
  // The calibration spin: its first sample's profile time minus its page time.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let at = profile.startTime;
  let offset = NaN;
  for (let s = 0; s < profile.samples.length; s++) {
    at += profile.timeDeltas[s];
    if (byId.get(profile.samples[s])?.callFrame.functionName === '__stallsCalibrate') {
      offset = at / 1000 - cal;
      break;
    }
  }
  if (TRACE) for (const line of traceTasks(JSON.parse((await browser.stopTracing()).toString()) as TraceFile)) console.log(line);
  const s = await probeState(page);
  const tasks = s.longtasks.filter((l) => l.start >= t0 && l.start <= t1).map((l) => ({ start: l.start - t0, duration: l.duration }));
  if (PROFILE) for (const line of attribute(profile, offset + t0, tasks)) console.log(line);
  const total = tasks.reduce((a, t) => a + t.duration, 0);
  console.log(`${OUT}: ${tasks.length} long tasks (>= 50 ms) from the file's choice to ${((t1 - t0) / 1000).toFixed(0)} s, ${total.toFixed(0)} ms in all, longest ${Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)} ms: ${tasks.map((t) => `${t.duration.toFixed(0)} ms at ${(t.start / 1000).toFixed(1)} s`).join(', ')}; load ${loadavg()[0].toFixed(1)}`);
  if (argv.includes('--raf')) for (const r of await page.evaluate(() => (window as unknown as { __rafs: { t: number; stack: string }[] }).__rafs)) if (r.t >= t0) console.log(`raf at ${((r.t - t0) / 1000).toFixed(2)} s: ${r.stack}`);
  if (argv.includes('--measures')) console.log(JSON.stringify(await page.evaluate(() => performance.getEntriesByType('measure').map((e) => [e.name, Math.round(e.duration)]))));
} finally {
  await browser.close().catch(() => undefined);
  preview.stop();
}
