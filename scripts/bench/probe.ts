/**
 * Instrumentation the browser bench injects into the app page (Playwright addInitScript, before any
 * app script runs; nothing in src/ changes). It records, on the page's own clock (performance.now()):
 * - the file input's change event (the start of a load) and clicks on elements with a data-testid;
 * - text / data-value / data-status changes of a few test ids (a MutationObserver: the moment React
 *   commits them), e.g. the analysis stage "pca 12%", the metrics panel's N and TwoNN, the step count;
 * - for a load of `watch.n` rows: when the metrics panel first shows N = n (first metrics), when its
 *   TwoNN first holds a number with N = n (the full metric set: the ID estimates come last), and the
 *   first painted cloud: the first WebGL POINTS draw of n points after the file was chosen,
 *   completed by a one-pixel gl.readPixels() (it returns once the GPU has executed the draw);
 * - WebGL POINTS draws of `drawCount` points (drawTimes), and main-thread long tasks
 *   (PerformanceObserver 'longtask', >= 50 ms).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export interface Tracked {
  t: number;
  text: string;
  value: string | null;
  status: string | null;
}

export interface Watch {
  n: number;
  metricsAt: number | null;
  fullAt: number | null;
  paintedAt: number | null;
}

export interface ProbeState {
  fileChange: number | null;
  clicks: Record<string, number>;
  tracks: Record<string, Tracked[]>;
  watch: Watch | null;
  /** POINTS draws of exactly this many points are timed into drawTimes. */
  drawCount: number;
  drawTimes: number[];
  longtasks: { start: number; duration: number }[];
}

/** The init script (serialised by Playwright: it must not refer to anything outside itself). */
function install(): void {
  const TRACKED = ['analysis-status', 'metric-n', 'metric-twoNN', 'view-note', 'view-progress', 'train-step-count', 'train-status'];
  const b: ProbeState = { fileChange: null, clicks: {}, tracks: {}, watch: null, drawCount: -1, drawTimes: [], longtasks: [] };
  (window as unknown as { __bench: ProbeState }).__bench = b;
  for (const id of TRACKED) b.tracks[id] = [];

  document.addEventListener(
    'change',
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file' && e.target.dataset.testid === 'file-input') b.fileChange = performance.now();
    },
    true,
  );
  document.addEventListener(
    'click',
    (e) => {
      const el = e.target instanceof Element ? e.target.closest('[data-testid]') : null;
      if (el) b.clicks[el.getAttribute('data-testid') ?? ''] = performance.now();
    },
    true,
  );

  const snapshot = (id: string): Omit<Tracked, 't'> | null => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el) return null;
    const stage = el.querySelector('.status-stage');
    return { text: (stage ?? el).textContent ?? '', value: el.getAttribute('data-value'), status: el.getAttribute('data-status') };
  };
  const observe = () => {
    const t = performance.now();
    const now: Record<string, Omit<Tracked, 't'> | null> = {};
    for (const id of TRACKED) {
      const s = (now[id] = snapshot(id));
      const list = b.tracks[id];
      const last = list[list.length - 1];
      if (s && (!last || last.text !== s.text || last.value !== s.value || last.status !== s.status)) list.push({ t, ...s });
    }
    const w = b.watch;
    if (w && b.fileChange !== null && now['metric-n']?.value === String(w.n)) {
      w.metricsAt ??= t;
      const id = now['metric-twoNN']?.value;
      if (w.fullAt === null && id != null && Number.isFinite(Number(id))) w.fullAt = t;
    }
  };
  new MutationObserver(observe).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-value', 'data-status'] });

  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const draw = proto.drawArrays;
    proto.drawArrays = function (this: WebGLRenderingContext, mode: number, first: number, count: number) {
      draw.call(this, mode, first, count);
      if (mode !== this.POINTS) return;
      if (count === b.drawCount) b.drawTimes.push(performance.now());
      const w = b.watch;
      if (w && b.fileChange !== null && w.paintedAt === null && count === w.n) {
        this.readPixels(0, 0, 1, 1, this.RGBA, this.UNSIGNED_BYTE, new Uint8Array(4));
        w.paintedAt = performance.now();
      }
    };
  }

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task timing in this browser: longtasks stays empty */
  }
}

/** Installs the probe on every document of the context. */
export async function addProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(install);
}

/** A copy of the probe's state. */
export function probeState(page: Page): Promise<ProbeState> {
  return page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench);
}

/** Changes the probe's state inside the page. */
export function setProbe(page: Page, patch: Partial<Pick<ProbeState, 'watch' | 'drawCount' | 'drawTimes' | 'fileChange'>>): Promise<void> {
  return page.evaluate((p) => {
    Object.assign((window as unknown as { __bench: ProbeState }).__bench, p);
  }, patch);
}

/** The page's clock now (ms). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** Polls `test` (in Node) every `everyMs` until it returns a value, or throws after `timeoutMs`; logs `what` every 60 s. */
export async function until<T>(what: string, test: () => Promise<T | null | undefined>, timeoutMs: number, everyMs = 500): Promise<T> {
  const t0 = Date.now();
  let lastLog = t0;
  for (;;) {
    const v = await test();
    if (v !== null && v !== undefined) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    if (Date.now() - lastLog > 60_000) {
      lastLog = Date.now();
      console.error(`  ... still waiting for ${what} (${Math.round((Date.now() - t0) / 1000)} s)`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The bench's browser: Debian's Chromium, WebGPU allowed. */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--enable-unsafe-webgpu'] });
}

/** A 1280 x 800 context of `browser` with the probe installed before any page script. */
export async function benchContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx compiles functions with esbuild's keepNames, whose __name helper the page lacks.
  await context.addInitScript('globalThis.__name ??= (f) => f;');
  await addProbe(context);
  return context;
}
