import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { compareRepresentations, ckaMatrix, curveGrid, projectAligned } from '.';
import { polarFactor } from './procrustes';
import { relativeSimilarity } from './relative';
import { createRng, normalArray } from '../geometry/random';
import { mat, svd } from '../geometry/linalg';
import type { Embeddings } from '../geometry/types';

const side = (n: number, dim: number, vectors: Float32Array): Embeddings => ({ n, dim, vectors });

describe('compareRepresentations: trivial and degenerate cases', () => {
  it('A against itself: every measure at its maximum, the curve included', async () => {
    const n = 120;
    const X = normalArray(createRng(1), n * 6).map((v, t) => v * (1 + (t % 6)));
    const { report: r, display } = await compareRepresentations(side(n, 6, X), side(n, 6, X), { curveRows: 50 });
    expect(r.cka.linear).toBeCloseTo(1, 12);
    expect(r.cka.debiased!).toBeCloseTo(1, 12);
    expect(r.procrustes.disparity).toBeLessThan(1e-12);
    expect(r.mutualKnn.value).toBe(1);
    expect(r.relative.similarity).toBeCloseTo(1, 12);
    expect(r.retrieval).toEqual({ top1: 1, top5: 1 });
    expect(r.svcca.correlations.every((c) => c > 1 - 1e-12)).toBe(true);
    const c = r.alignmentCurve!;
    expect([c.k, c.rows]).toEqual([[1, 2, 3, 4, 5, 6], { size: 50, of: n, seed: 1 }]);
    expect([...c.mutualKnn, ...c.top1, ...c.top5]).toEqual(new Array(18).fill(1));
    expect(Math.max(...display.displacement)).toBeLessThan(1e-6);
    expect(Array.from(display.retrievalRank).every((v) => v === 0)).toBe(true);
  });

  it('n = 3: debiased CKA is null, the rest is defined; wide data (d > n) clamps SVCCA and the curve to the rank', async () => {
    const tiny = await compareRepresentations(side(3, 2, Float32Array.from([0, 1, 2, 0, 1, 3])), side(3, 2, Float32Array.from([1, 1, 0, 2, 3, 1])), { anchors: 2 });
    expect(tiny.report.cka.debiased).toBeNull();
    expect(Number.isFinite(tiny.report.cka.linear)).toBe(true);
    const n = 9;
    const rng = createRng(2);
    const wide = await compareRepresentations(side(n, 30, normalArray(rng, n * 30)), side(n, 20, normalArray(rng, n * 20)));
    expect(wide.report.svcca).toMatchObject({ k: 8, requestedK: 10 });
    expect(wide.report.alignmentCurve!.k).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(wide.report.procrustes.dim).toBe(30);
  });

  it('unrelated representations score low; an all-zero row gives a relative cosine of 0, not NaN', async () => {
    const n = 400;
    const rng = createRng(3);
    const r = (await compareRepresentations(side(n, 8, normalArray(rng, n * 8)), side(n, 8, normalArray(rng, n * 8)), { curve: false })).report;
    expect(r.cka.linear).toBeLessThan(0.1);
    expect(Math.abs(r.cka.debiased!)).toBeLessThan(0.02);
    expect(r.mutualKnn.value).toBeLessThan(0.1);
    expect(r.retrieval.top5).toBeLessThan(0.1);
    const X = normalArray(rng, 20 * 3);
    X.fill(0, 6, 9);
    const rel = relativeSimilarity(X, X, 20, 3, 3, 5, 1);
    expect(rel.perItem[2]).toBe(0);
    expect(Number.isFinite(rel.similarity)).toBe(true);
  });

  it('a side whose rows are all the same point is bad input', async () => {
    const X = normalArray(createRng(5), 30);
    await expect(compareRepresentations(side(10, 3, X), side(10, 2, new Float32Array(20).fill(4)))).rejects.toThrow(/^Every matched row of B is the same point/);
  });

  it('rejects with an AbortError when cancelled', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const X = normalArray(createRng(4), 30);
    await expect(compareRepresentations(side(10, 3, X), side(10, 3, X), { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('projectAligned', () => {
  it('puts A and aligned B on the same principal axes: the sum of squared segment lengths is the disparity when 3 axes hold everything', async () => {
    const n = 90;
    const rng = createRng(11);
    const X = normalArray(rng, n * 3);
    const Y = X.map((v, t) => 2 * v + 0.2 * Math.sin(t * 1.7));
    const { report, display } = await compareRepresentations(side(n, 3, X), side(n, 3, Y), { curve: false });
    const view = await projectAligned(display, n);
    expect(view.components).toBe(3);
    expect(view.explained).toBeCloseTo(1, 9);
    let sum = 0;
    for (let t = 0; t < n * 3; t++) sum += (view.a[t] - view.b[t]) ** 2;
    expect(sum).toBeCloseTo(report.procrustes.disparity, 5);
    expect(report.procrustes.disparity).toBeGreaterThan(1e-4);
  });
});

describe('polarFactor', () => {
  it('is orthogonal with Tr(R^T M) = the nuclear norm, rank-deficient M included', () => {
    const rng = createRng(6);
    const d = 7;
    const L = mat(d, 3, normalArray(rng, d * 3));
    const Rt = mat(3, d, normalArray(rng, 3 * d));
    const M = mat(d, d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) for (let t = 0; t < 3; t++) M.data[i * d + j] += L.data[i * 3 + t] * Rt.data[t * d + j];
    const R = polarFactor(M);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += R.data[t * d + a] * R.data[t * d + b];
        expect(s).toBeCloseTo(a === b ? 1 : 0, 12);
      }
    }
    const trace = R.data.reduce((s, v, t) => s + v * M.data[t], 0);
    expect(trace).toBeCloseTo(svd(M).s.reduce((s, v) => s + v, 0), 10);
  });
});

describe('ckaMatrix and curveGrid', () => {
  it('the matrix is symmetric with unit diagonal and equals the pairwise CKA', async () => {
    const n = 80;
    const rng = createRng(7);
    const X = normalArray(rng, n * 4);
    const Y = X.map((v, t) => Math.tanh(v) + 0.3 * Math.sin(t));
    const Z = normalArray(rng, n * 6);
    const m = await ckaMatrix([side(n, 4, X), side(n, 4, Y), side(n, 6, Z)]);
    for (let i = 0; i < 3; i++) expect(m.linear.data[i * 4]).toBeCloseTo(1, 12);
    const pair = (await compareRepresentations(side(n, 4, X), side(n, 6, Z), { curve: false })).report.cka;
    expect(m.linear.data[2]).toBeCloseTo(pair.linear, 12);
    expect(m.debiased.data[6]).toBeCloseTo(pair.debiased!, 12);
    expect(m.linear.data[1]).toBe(m.linear.data[3]);
  });

  it('samples k: 1..10, then x1.5 steps, then the largest', () => {
    expect(curveGrid(4)).toEqual([1, 2, 3, 4]);
    expect(curveGrid(10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(curveGrid(768)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 23, 35, 53, 80, 120, 180, 270, 405, 608, 768]);
  });
});
