/**
 * The 3D view with a large cloud, through the app's real UI, against bare three.js scenes in the
 * same page (pages/points.ts, loaded into the app's page as a module script):
 * - frame time: forced re-renders, one camera zoom per animation frame, each ended by a one-pixel
 *   readback (so the GPU's work is counted). For the app: a wheel event on its canvas, the app's
 *   render (react-three-fiber) in the next animation frame. For a bare scene: render() of one
 *   THREE.Points. Taken in rounds of a few frames of each scene, so changes in the machine's load
 *   hit all of them alike;
 * - hover: real mouse moves over the cloud: long tasks meanwhile, and how often the tooltip shows a point;
 * - orbit drag: real mouse drag: mean interval between drawn frames and the longest task.
 */
import type { Page } from 'playwright-core';
import type { BareKind, BenchPoints } from './pages/points';
import { pageNow, probeState, setProbe } from './probe';
import { openApp, timeLoad, type LoadTiming } from './exploreBench';

export interface FrameResults {
  n: number;
  distinct: number;
  size: { width: number; height: number };
  /** Point size in pixels (the app's choice for n, used by the bare scenes too). */
  pointSize: number;
  load: LoadTiming;
  rounds: number;
  /** Milliseconds per timed frame. */
  app: number[];
  /** Frames in which the app drew all n points (of app.length). */
  appDraws: number;
  stock: number[];
  shader: number[];
  /** The app's shader over n distinct points (the control for the repeated rows). */
  distinctShader: number[];
  hover: { moves: number; shown: number; tasks: number; longestTaskMs: number | null };
  drag: { moves: number; draws: number; intervalMs: number; longestTaskMs: number | null };
}

type Bench = { benchPoints: BenchPoints };

/**
 * `frames` forced re-renders of the app's view. Each time: an animation-frame callback `pre`, then
 * a wheel event on the canvas itself (no bubbling, so only OrbitControls sees it), zooming in or
 * out, which makes the app request its render for the next frame, then a callback `post` that reads
 * one pixel back. Callbacks run in the order they were requested, so post - pre is the app's frame.
 */
async function appFrames(page: Page, frames: number): Promise<number[]> {
  return page.getByTestId('point-view').locator('canvas').evaluate(async (canvas: HTMLCanvasElement, count: number) => {
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    const pixel = new Uint8Array(4);
    const r = canvas.getBoundingClientRect();
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const pre = new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
      canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 2 ? 100 : -100, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: false, cancelable: true }));
      const post = new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
          resolve(performance.now());
        }),
      );
      times.push((await post) - (await pre));
    }
    return times;
  }, frames);
}

const bareFrames = (page: Page, name: string, frames: number) =>
  page.evaluate(({ name, frames }) => (window as unknown as Bench).benchPoints.measure(name, frames), { name, frames });

const showBare = (page: Page, name: string | null) => page.evaluate((name) => (window as unknown as Bench).benchPoints.show(name), name);

/** Real mouse moves across the cloud's centre, no button: long tasks meanwhile and moves after which the tooltip showed a point. */
async function hover(page: Page, moves: number): Promise<FrameResults['hover']> {
  const box = await page.getByTestId('point-view').locator('canvas').boundingBox();
  if (!box) throw new Error('the 3D canvas is not visible');
  const tip = page.getByTestId('point-tooltip');
  const t0 = await pageNow(page);
  let shown = 0;
  for (let i = 0; i < moves; i++) {
    await page.mouse.move(box.x + box.width / 2 - 60 + (120 * i) / Math.max(1, moves - 1), box.y + box.height / 2 + 7 * (i % 3));
    await page.waitForTimeout(100);
    if (await tip.evaluate((el: HTMLElement) => el.style.visibility === 'visible' && el.textContent !== '')) shown++;
  }
  const tasks = (await probeState(page)).longtasks.filter((l) => l.start >= t0).map((l) => l.duration);
  await page.mouse.move(box.x + 5, box.y + 5);
  return { moves, shown, tasks: tasks.length, longestTaskMs: tasks.length ? Math.max(...tasks) : null };
}

/** A real mouse orbit drag: `moves` pointer moves around a circle. */
async function drag(page: Page, n: number, moves: number): Promise<FrameResults['drag']> {
  const box = await page.getByTestId('point-view').locator('canvas').boundingBox();
  if (!box) throw new Error('the 3D canvas is not visible');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx + 80, cy);
  await page.mouse.down();
  await setProbe(page, { drawCount: n, drawTimes: [] });
  const t0 = await pageNow(page);
  for (let i = 1; i <= moves; i++) {
    const a = (2 * Math.PI * i) / moves;
    await page.mouse.move(cx + 80 * Math.cos(a), cy + 80 * Math.sin(a));
  }
  await page.mouse.up();
  await page.waitForTimeout(500);
  const s = await probeState(page);
  const times = s.drawTimes;
  const tasks = s.longtasks.filter((l) => l.start >= t0).map((l) => l.duration);
  return {
    moves,
    draws: times.length,
    intervalMs: times.length > 1 ? (times[times.length - 1] - times[0]) / (times.length - 1) : NaN,
    longestTaskMs: tasks.length ? Math.max(...tasks) : null,
  };
}

export interface FrameOptions {
  origin: string;
  /** The n x 3 cloud (local path, and its URL on the preview server), and the same n as distinct points (URL). */
  cloud: { path: string; url: string; n: number; distinct: number };
  distinctUrl: string;
  rounds: number;
  framesPerRound: number;
  hoverMoves: number;
  dragMoves: number;
  /** Called with a log line. */
  log: (line: string) => void;
}

export async function benchFrames(page: Page, o: FrameOptions): Promise<FrameResults> {
  const { n } = o.cloud;
  await openApp(page, o.origin);
  o.log(`loading the ${n.toLocaleString('en')} x 3 cloud (${o.cloud.distinct.toLocaleString('en')} distinct rows)`);
  const load = await timeLoad(page, [o.cloud.path], n);
  await page.waitForTimeout(1000);
  const canvas = page.getByTestId('point-view').locator('canvas');
  const rect = await canvas.evaluate((c: HTMLCanvasElement) => {
    const r = c.getBoundingClientRect();
    return { x: r.x, y: r.y, width: c.width, height: c.height };
  });
  // The app sizes points by n (viewStore autoPointSize); the bare scenes use the same size.
  const pointSize = Number(await page.locator('#point-size').inputValue());
  await page.addScriptTag({ url: `${o.origin}/bench/points.js`, type: 'module' });
  await page.waitForFunction(() => 'benchPoints' in window);
  const scenes: { name: string; kind: BareKind; url: string }[] = [
    { name: 'stock', kind: 'stock', url: o.cloud.url },
    { name: 'shader', kind: 'app', url: o.cloud.url },
    { name: 'distinct', kind: 'app', url: o.distinctUrl },
  ];
  for (const s of scenes) {
    await page.evaluate(({ s, rect, pointSize }) => (window as unknown as Bench).benchPoints.load(s.name, s.kind, s.url, rect, pointSize), { s, rect, pointSize });
  }
  o.log(`frame times: ${o.rounds} rounds of ${o.framesPerRound} frames (after one warm-up) of the app and ${scenes.length} bare scenes, ${rect.width} x ${rect.height}, points of ${pointSize} px`);
  const times: Record<string, number[]> = { app: [], stock: [], shader: [], distinct: [] };
  await setProbe(page, { drawCount: n, drawTimes: [] });
  let appDraws = 0;
  for (let round = 0; round < o.rounds; round++) {
    await showBare(page, null);
    const before = (await probeState(page)).drawTimes.length;
    const app = await appFrames(page, o.framesPerRound + 1);
    appDraws += (await probeState(page)).drawTimes.length - before - 1;
    times.app.push(...app.slice(1));
    for (const s of scenes) {
      await showBare(page, s.name);
      times[s.name].push(...(await bareFrames(page, s.name, o.framesPerRound + 1)).slice(1));
    }
    if (round === 0 && process.env.BENCH_SHOTS) await page.screenshot({ path: `${process.env.BENCH_SHOTS}/bench-bare-scene.png` });
  }
  await showBare(page, null);
  const show = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
  for (const [k, v] of Object.entries(times)) o.log(`  ${k}: ${show(v)} ms`);
  if (process.env.BENCH_SHOTS) await page.screenshot({ path: `${process.env.BENCH_SHOTS}/bench-app-cloud.png` });
  const hovered = await hover(page, o.hoverMoves);
  o.log(`  hover: tooltip after ${hovered.shown} of ${hovered.moves} moves, ${hovered.tasks} long tasks, longest ${hovered.longestTaskMs ?? '-'} ms`);
  const dragged = await drag(page, n, o.dragMoves);
  o.log(`  drag: ${dragged.draws} frames, ${dragged.intervalMs.toFixed(1)} ms apart`);
  return {
    n,
    distinct: o.cloud.distinct,
    size: { width: rect.width, height: rect.height },
    pointSize,
    load,
    rounds: o.rounds,
    app: times.app,
    appDraws,
    stock: times.stock,
    shader: times.shader,
    distinctShader: times.distinct,
    hover: hovered,
    drag: dragged,
  };
}
