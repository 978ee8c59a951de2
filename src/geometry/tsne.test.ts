import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import '../../tests/setup';
import { parseNpy } from '../io/npy';
import { knn } from './knn';
import { createRng, normalArray } from './random';
import { BhTree } from './bhTree';
import { conditionalProbabilities, jointProbabilities } from './tsneAffinities';
import { tsneGradient, tsneLayout } from './tsne';
import { projectionFaithfulness } from './faithfulness';
import { pca, projectPca } from './pca';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function blobs(seed: number, perClass: number, classes: number, d: number): { X: Float32Array; y: number[] } {
  const rng = createRng(seed);
  const X = normalArray(rng, perClass * classes * d);
  const y: number[] = [];
  for (let i = 0; i < perClass * classes; i++) {
    const c = i % classes;
    y.push(c);
    X[i * d + c] += 12;
  }
  return { X, y };
}

/** Exact t-SNE gradient in float64, O(n^2). */
function exactGradient(Y: Float64Array, n: number, dims: number, P: ReturnType<typeof jointProbabilities>): Float64Array {
  const dense = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) dense[i * n + P.cols[e]] = P.values[e];
  let z = 0;
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let r2 = 0;
      for (let c = 0; c < dims; c++) r2 += (Y[i * dims + c] - Y[j * dims + c]) ** 2;
      w[i * n + j] = 1 / (1 + r2);
      z += w[i * n + j];
    }
  }
  const g = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const m = (dense[i * n + j] - w[i * n + j] / z) * w[i * n + j];
      for (let c = 0; c < dims; c++) g[i * dims + c] += 4 * m * (Y[i * dims + c] - Y[j * dims + c]);
    }
  }
  return g;
}

describe('t-SNE affinities', () => {
  it('each conditional row has entropy log(perplexity); P is symmetric and sums to 1', async () => {
    const n = 200;
    const d = 10;
    const X = normalArray(createRng(5), n * d);
    const nn = await knn(X, n, d, 45);
    const cond = conditionalProbabilities(nn, n, 15);
    for (let i = 0; i < n; i++) {
      let h = 0;
      let s = 0;
      for (let j = 0; j < nn.k; j++) {
        const p = cond[i * nn.k + j];
        s += p;
        if (p > 0) h -= p * Math.log(p);
      }
      expect(s).toBeCloseTo(1, 12);
      expect(Math.abs(h - Math.log(15))).toBeLessThan(1e-4);
    }
    const P = jointProbabilities(nn, n, 15);
    let total = 0;
    const at = (i: number, j: number) => {
      for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) if (P.cols[e] === j) return P.values[e];
      return 0;
    };
    for (let i = 0; i < n; i++) for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
      total += P.values[e];
      expect(at(P.cols[e], i)).toBeCloseTo(P.values[e], 15);
    }
    expect(total).toBeCloseTo(1, 12);
  });
});

describe('Barnes-Hut gradient', () => {
  for (const dims of [2, 3] as const) {
    it(`equals the exact gradient at theta = 0 and stays close at theta = 0.5 (${dims}-D, coincident points included)`, async () => {
      const n = 150;
      const X = normalArray(createRng(7), n * 6);
      const nn = await knn(X, n, 6, 30);
      const P = jointProbabilities(nn, n, 10);
      const rng = createRng(8);
      const Y = new Float64Array(n * dims);
      for (let t = 0; t < Y.length; t++) Y[t] = 3 * rng.normal();
      for (let c = 0; c < dims; c++) Y[dims + c] = Y[c];
      const want = exactGradient(Y, n, dims, P);
      const got = new Float64Array(n * dims);
      tsneGradient(Y, P, dims, 1, 0, new BhTree(n, dims), got);
      for (let t = 0; t < got.length; t++) expect(Math.abs(got[t] - want[t])).toBeLessThan(1e-12 * (1 + Math.abs(want[t])) + 1e-14);
      tsneGradient(Y, P, dims, 1, 0.5, new BhTree(n, dims), got);
      let err = 0;
      let norm = 0;
      for (let t = 0; t < got.length; t++) {
        err += (got[t] - want[t]) ** 2;
        norm += want[t] ** 2;
      }
      expect(Math.sqrt(err / norm)).toBeLessThan(0.05);
    });
  }
});

describe('t-SNE layout', () => {
  it('separates blobs, is deterministic for a seed, and is cancellable', async () => {
    const { X, y } = blobs(3, 60, 4, 20);
    const n = y.length;
    const a = await tsneLayout(X, n, 20, { perplexity: 20, iterations: 400, seed: 2 });
    const b = await tsneLayout(X, n, 20, { perplexity: 20, iterations: 400, seed: 2 });
    expect(Array.from(a.coords)).toEqual(Array.from(b.coords));
    const Y = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) Y.set(a.coords.subarray(i * 3, i * 3 + 2), i * 2);
    const nn = await knn(Y, n, 2, 5);
    let agree = 0;
    for (let i = 0; i < n; i++) for (let t = 0; t < 5; t++) if (y[nn.indices[i * 5 + t]] === y[i]) agree++;
    expect(agree / (5 * n)).toBeGreaterThan(0.98);
    const ctl = new AbortController();
    const run = tsneLayout(X, n, 20, { iterations: 5000, signal: ctl.signal, onProgress: (f) => f > 0.3 && ctl.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reaches scikit-learn quality on the digits (trustworthiness at k = 10, KL), PCA init', async () => {
    const fx = JSON.parse(readFileSync(`${ROOT}tests/fixtures/explore/faithfulness.json`, 'utf8')).tsne;
    const arr = parseNpy(new Uint8Array(readFileSync(`${ROOT}public/data/digits.npy`)));
    const n = arr.shape[0];
    const d = arr.shape[1];
    const X = Float32Array.from(arr.data as ArrayLike<number>);
    const p = await pca(X, n, d);
    const view = projectPca(X, n, d, p, 2);
    const got = await tsneLayout(X, n, d, { perplexity: fx.perplexity, init: Float64Array.from(view) });
    const Y = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) Y.set(got.coords.subarray(i * 3, i * 3 + 2), i * 2);
    const f = await projectionFaithfulness(X, n, d, Y, 2, { k: 10 });
    expect(f.trustworthiness).toBeGreaterThan(fx.trustworthinessK10 - 0.01);
    expect(got.klDivergence).toBeLessThan(1.1 * fx.klDivergence);
  });
});
