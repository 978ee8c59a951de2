import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { buildScreenIndex } from './buildScreenIndex';
import { mulberry32 } from '../../geometry/random';
import { drawnRadius, insidePolygon, type ScreenIndex, type ScreenSpec } from './screenIndex';

const W = 640;
const H = 420;

/** A perspective camera at a random place looking at a random target near the origin. */
function randomCamera(rand: () => number): THREE.PerspectiveCamera {
  const cam = new THREE.PerspectiveCamera(30 + 40 * rand(), W / H, 0.01, 100);
  const dist = 0.3 + 3 * rand();
  const theta = 2 * Math.PI * rand();
  const phi = Math.acos(2 * rand() - 1);
  cam.position.set(dist * Math.sin(phi) * Math.cos(theta), dist * Math.cos(phi), dist * Math.sin(phi) * Math.sin(theta));
  cam.lookAt(0.3 * (rand() - 0.5), 0.3 * (rand() - 0.5), 0.3 * (rand() - 0.5));
  cam.updateMatrixWorld();
  return cam;
}

function specOf(cam: THREE.PerspectiveCamera, size: number, pickPx: number): ScreenSpec {
  const m = new THREE.Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse);
  return { matrix: m.elements, width: W, height: H, size, refDistance: cam.position.length(), pickPx };
}

/** Clustered points in the unit ball, with exact duplicates (as a cloud of repeated rows has). */
function randomCloud(rand: () => number, n: number): Float32Array {
  const p = new Float32Array(3 * n);
  const centres = Array.from({ length: 6 }, () => [rand() - 0.5, rand() - 0.5, rand() - 0.5]);
  for (let i = 0; i < n; i++) {
    if (i > 10 && rand() < 0.1) {
      p.copyWithin(3 * i, 3 * (i - 7), 3 * (i - 6));
      continue;
    }
    const c = centres[i % centres.length];
    for (let a = 0; a < 3; a++) p[3 * i + a] = c[a] + 0.25 * (rand() + rand() + rand() - 1.5);
  }
  return p;
}

function randomColors(rand: () => number, n: number, hiddenShare: number): Float32Array {
  const c = new Float32Array(4 * n).fill(1);
  for (let i = 0; i < n; i++) if (rand() < hiddenShare) c[4 * i + 3] = 0;
  return c;
}

/**
 * The reference: a scan over every point with the rule the index documents (candidates within
 * max(pickPx, drawn radius); the front-most of those whose disc covers the cursor, else the nearest).
 */
function brutePick(ix: ScreenIndex, colors: Float32Array, x: number, y: number): number {
  type Key = [number, number, number, number];
  let best: Key | null = null;
  for (let i = 0; i < ix.n; i++) {
    const w = ix.sw[i];
    if (Number.isNaN(w) || colors[4 * i + 3] === 0) continue;
    const d2 = (ix.sx[i] - x) ** 2 + (ix.sy[i] - y) ** 2;
    const rad = drawnRadius(ix.spec, w);
    if (d2 > Math.max(ix.spec.pickPx, rad) ** 2) continue;
    const key: Key = d2 <= rad * rad ? [0, w, d2, i] : [1, d2, w, i];
    const less = (a: Key, b: Key) => {
      for (let k = 0; k < 4; k++) if (a[k] !== b[k]) return a[k] < b[k];
      return false;
    };
    if (!best || less(key, best)) best = key;
  }
  return best ? best[3] : -1;
}

describe('screen index', () => {
  it('projects like three.js (Vector3.project) and drops points behind the camera', async () => {
    const rand = mulberry32(11);
    for (let t = 0; t < 5; t++) {
      const cam = randomCamera(rand);
      const pos = randomCloud(rand, 500);
      const ix = (await buildScreenIndex(pos, specOf(cam, 5, 6), { sliceMs: 0 }))!;
      const v = new THREE.Vector3();
      let drawn = 0;
      for (let i = 0; i < 500; i++) {
        v.set(pos[3 * i], pos[3 * i + 1], pos[3 * i + 2]);
        const inFront = v.clone().applyMatrix4(cam.matrixWorldInverse).z < 0;
        v.project(cam);
        if (!inFront || Math.abs(v.z) > 1) {
          expect(ix.sw[i]).toBeNaN();
          continue;
        }
        drawn++;
        expect(Math.abs(ix.sx[i] - ((v.x + 1) / 2) * W)).toBeLessThan(1e-3 * Math.max(1, Math.abs(ix.sx[i])));
        expect(Math.abs(ix.sy[i] - ((1 - v.y) / 2) * H)).toBeLessThan(1e-3 * Math.max(1, Math.abs(ix.sy[i])));
      }
      expect(drawn).toBeGreaterThan(0);
    }
  });

  it('picks exactly what a brute-force scan picks, on random clouds, cameras, sizes and hidden points', async () => {
    const rand = mulberry32(7);
    let hits = 0;
    let queries = 0;
    for (let t = 0; t < 12; t++) {
      const n = 500 + Math.floor(rand() * 4000);
      const cam = randomCamera(rand);
      const pos = randomCloud(rand, n);
      const colors = randomColors(rand, n, t % 3 === 0 ? 0 : 0.3);
      const spec = specOf(cam, 2 + Math.floor(rand() * 13), t % 2 ? 6 : 3);
      const ix = (await buildScreenIndex(pos, spec, { sliceMs: 0 }))!;
      const cursors: [number, number][] = [];
      for (let q = 0; q < 150; q++) cursors.push([rand() * W, rand() * H]);
      // On and next to projected points, where ties and cell borders matter.
      for (let q = 0; q < 150; q++) {
        const i = Math.floor(rand() * n);
        if (Number.isNaN(ix.sw[i])) continue;
        const clampX = (x: number) => Math.min(W, Math.max(0, x));
        const clampY = (y: number) => Math.min(H, Math.max(0, y));
        if (ix.sx[i] >= 0 && ix.sx[i] <= W && ix.sy[i] >= 0 && ix.sy[i] <= H) cursors.push([ix.sx[i], ix.sy[i]]);
        cursors.push([clampX(ix.sx[i] + (rand() - 0.5) * 16), clampY(ix.sy[i] + (rand() - 0.5) * 16)]);
      }
      for (let c = 1; c <= 5; c++) cursors.push([c * ix.cell + ix.origin, c * ix.cell + ix.origin], [W, H], [0, 0]);
      for (const [x, y] of cursors) {
        const want = brutePick(ix, colors, x, y);
        expect(ix.pick(x, y, colors), `camera ${t} cursor (${x}, ${y})`).toBe(want);
        queries++;
        if (want >= 0) hits++;
      }
    }
    // The test must exercise both outcomes.
    expect(hits).toBeGreaterThan(queries / 4);
    expect(queries - hits).toBeGreaterThan(50);
  });

  it('box and lasso selections equal a scan of every visible point on the canvas', async () => {
    const rand = mulberry32(3);
    for (let t = 0; t < 8; t++) {
      const n = 3000;
      const cam = randomCamera(rand);
      const pos = randomCloud(rand, n);
      const colors = randomColors(rand, n, 0.2);
      const ix = (await buildScreenIndex(pos, specOf(cam, 4, 6), { sliceMs: 0 }))!;
      const onCanvas = (i: number) => !Number.isNaN(ix.sw[i]) && colors[4 * i + 3] !== 0 && ix.sx[i] >= 0 && ix.sx[i] <= W && ix.sy[i] >= 0 && ix.sy[i] <= H;
      const [x0, x1] = [rand() * W, rand() * W];
      const [y0, y1] = [rand() * H, rand() * H];
      const rect = ix.selectRect(x0, y0, x1, y1, colors);
      for (let i = 0; i < n; i++) {
        const inside = onCanvas(i) && ix.sx[i] >= Math.min(x0, x1) && ix.sx[i] <= Math.max(x0, x1) && ix.sy[i] >= Math.min(y0, y1) && ix.sy[i] <= Math.max(y0, y1);
        expect(rect[i], `rect, point ${i}`).toBe(inside ? 1 : 0);
      }
      // A star-shaped (concave) lasso of many short edges plus one long closing edge.
      const cx = W * (0.3 + 0.4 * rand());
      const cy = H * (0.3 + 0.4 * rand());
      const poly: number[] = [];
      const m = 40 + Math.floor(rand() * 80);
      for (let k = 0; k < m; k++) {
        const a = (1.7 * Math.PI * k) / m;
        const r = (k % 2 ? 0.45 : 1) * Math.min(W, H) * 0.4 * (0.6 + 0.4 * rand());
        poly.push(Math.min(W, Math.max(0, cx + r * Math.cos(a))), Math.min(H, Math.max(0, cy + r * Math.sin(a))));
      }
      const lasso = ix.selectPolygon(poly, colors);
      let count = 0;
      for (let i = 0; i < n; i++) {
        const inside = onCanvas(i) && insidePolygon(ix.sx[i], ix.sy[i], poly);
        expect(lasso[i], `lasso, point ${i}`).toBe(inside ? 1 : 0);
        count += lasso[i];
      }
      if (t === 0) expect(count).toBeGreaterThan(0);
    }
  });

  it('tests polygons even-odd (concave shapes included)', () => {
    const L = [0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4];
    expect(insidePolygon(1, 1, L)).toBe(true);
    expect(insidePolygon(1, 3, L)).toBe(true);
    expect(insidePolygon(3, 3, L)).toBe(false);
    expect(insidePolygon(5, 1, L)).toBe(false);
  });

  it('builds the same index in slices, reusing arrays, and stops when cancelled', async () => {
    const rand = mulberry32(5);
    const pos = randomCloud(rand, 200_000);
    const spec = specOf(randomCamera(rand), 3, 6);
    const once = (await buildScreenIndex(pos, spec, { sliceMs: 0 }))!;
    const sliced = (await buildScreenIndex(pos, spec, { sliceMs: 1, reuse: once }))!;
    expect(sliced.sx).toBe(once.sx);
    const fresh = (await buildScreenIndex(pos, spec, { sliceMs: 0 }))!;
    expect(Array.from(sliced.items)).toEqual(Array.from(fresh.items));
    expect(Array.from(sliced.cellStart)).toEqual(Array.from(fresh.cellStart));
    expect(await buildScreenIndex(pos, spec, { sliceMs: 1e-6, cancelled: () => true })).toBeNull();
  });
});
