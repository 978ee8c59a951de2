import { describe, expect, it } from 'vitest';
import { centredGram, columnMean } from '../geometry/rows';
import { classStatistics } from '../geometry/classStats';
import { addChunk, classSlot, createMoments, createWorkspace, fullScatter, mergeInto, type Moments } from './moments';
import { classStatsOf, covarianceOf, orderClasses } from './statistics';
import { blobs, sliceRows } from './testData.test-util';
import type { Embeddings } from '../geometry/types';
import { addGramUpper, mirrorUpper } from './gram';

function streamed(emb: Embeddings, chunk: number): Moments {
  const m = createMoments(emb.dim);
  const ws = createWorkspace(emb.dim, chunk + 16);
  for (let s = 0; s < emb.n; s += chunk) {
    const rows = Math.min(chunk, emb.n - s);
    const part = sliceRows(emb, s, s + rows);
    const slots = Int32Array.from(part.labels!, (y) => classSlot(m, String(y)));
    addChunk(m, part.vectors, rows, slots, ws);
  }
  return m;
}

function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0;
  let err = 0;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < a.length; i++) err = Math.max(err, Math.abs(a[i] - b[i]));
  return err / scale;
}

/** Float64 two-pass within-class scatter straight from the rows (the core's centredGram per class). */
function referenceScatter(emb: Embeddings, K: number): Float64Array {
  const d = emb.dim;
  const W = new Float64Array(d * d);
  for (let k = 0; k < K; k++) {
    const rows = Array.from(emb.labels!).flatMap((y, i) => (y === k ? [i] : []));
    const mean = new Float64Array(d);
    for (const r of rows) for (let j = 0; j < d; j++) mean[j] += emb.vectors[r * d + j] / rows.length;
    const G = centredGram(emb.vectors, d, rows, mean, true);
    for (let t = 0; t < d * d; t++) W[t] += G.data[t];
  }
  return W;
}

describe('streaming moments', () => {
  it('the Gram kernel equals plain dot products, padded columns included', () => {
    const [rows, dp] = [37, 8];
    const cols = Float64Array.from({ length: rows * dp }, (_, i) => Math.sin(i * 1.3) * (i % 5));
    const g = new Float64Array(dp * dp);
    addGramUpper(g, cols, rows, rows, dp);
    mirrorUpper(g, dp);
    for (let a = 0; a < dp; a++) {
      for (let b = 0; b < dp; b++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += cols[a * rows + r] * cols[b * rows + r];
        expect(g[a * dp + b]).toBeCloseTo(s, 12);
      }
    }
  });

  it('equal the two-pass float64 statistics at a +1000 offset, where raw moments lose six digits', () => {
    const emb = blobs(3000, 13, 4, 7, 1000);
    const m = streamed(emb, 257);
    const W = fullScatter(m);
    expect(maxRel(W, referenceScatter(emb, 4))).toBeLessThan(1e-12);
    const stats = classStatistics(emb.vectors, emb.n, emb.dim, emb.labels!, 4);
    const ours = classStatsOf(orderClasses(m));
    expect(maxRel(ours.means.data, stats.means.data)).toBeLessThan(1e-14);
    expect(maxRel(ours.classVariance, stats.classVariance)).toBeLessThan(1e-12);
    expect(Math.abs(ours.traceSigmaW / stats.traceSigmaW - 1)).toBeLessThan(1e-12);
    const { covariance, mean } = covarianceOf(m);
    const ref = centredGram(emb.vectors, emb.dim, Int32Array.from({ length: emb.n }, (_, i) => i), columnMean(emb.vectors, emb.n, emb.dim), true);
    expect(maxRel(covariance.data, ref.data.map((v) => v / emb.n))).toBeLessThan(1e-12);
    // The same covariance from raw float64 sums, E[x x^T] - mean mean^T, keeps only ~10 of 16 digits (x ~ 1e3, var ~ 1): it fails the 1e-12 above.
    const d = emb.dim;
    const raw = new Float64Array(d * d);
    for (let i = 0; i < emb.n; i++) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) raw[a * d + b] += (emb.vectors[i * d + a] * emb.vectors[i * d + b]) / emb.n;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) raw[a * d + b] -= mean[a] * mean[b];
    expect(maxRel(raw, covariance.data)).toBeGreaterThan(1e-10);
  });

  it('merge like one pass, whatever the split and the chunking', () => {
    const emb = blobs(2000, 9, 5, 3, 50);
    const whole = streamed(emb, 2048);
    const parts = [[0, 311], [311, 1200], [1200, 1201], [1201, 2000]].map(([a, b]) => streamed(sliceRows(emb, a, b), 64));
    const merged = parts.reduce((acc, p) => mergeInto(acc, p), createMoments(emb.dim));
    expect(maxRel(fullScatter(merged), fullScatter(whole))).toBeLessThan(1e-12);
    const byLabel = (m: Moments) => [...m.classes].sort((x, y) => (x.label! < y.label! ? -1 : 1));
    byLabel(merged).forEach((c, k) => {
      const w = byLabel(whole)[k];
      expect(c.count).toBe(w.count);
      expect(maxRel(c.sum, w.sum)).toBeLessThan(1e-14);
      expect(Math.abs(c.sumSq / w.sumSq - 1)).toBeLessThan(1e-12);
    });
  });

  it('skip and count non-finite rows, keeping their labels as (empty) classes', () => {
    const m = createMoments(2);
    const ws = createWorkspace(2, 8);
    const X = Float32Array.from([1, 2, NaN, 0, 3, 4, 5, Infinity, 0, 1]);
    const slots = Int32Array.from(['a', 'b', 'a', 'c', 'a'], (y) => classSlot(m, y));
    expect(addChunk(m, X, 5, slots, ws)).toEqual([0, 2, 4]);
    expect(m.nonFinite).toBe(2);
    expect(m.classes.map((c) => [c.label, c.count])).toEqual([['a', 3], ['b', 0], ['c', 0]]);
    expect(Array.from(m.classes[0].sum)).toEqual([4, 7]);
  });
});
