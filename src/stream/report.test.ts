import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { analyze } from '../geometry/analyze';
import { createRng } from '../geometry/random';
import type { AnalysisReport, Classifier, Embeddings } from '../geometry/types';
import { analyzeStream, accumulate } from './pipeline';
import { streamReport } from './report';
import { fromPartial, mergeAccumulated, toPartial, type PartialJson } from './partial';
import { blobs, memorySource, sliceRows } from './testData.test-util';

/** Every number of two reports, relative error against b (absolute below 1e-300). */
function reportDiff(a: AnalysisReport, b: AnalysisReport): number {
  const flat = (r: AnalysisReport) => [
    r.n, r.dim, r.classes ?? -1, ...r.pca.explainedVarianceRatio, r.pca.pcId90, r.pca.participationRatio,
    r.intrinsicDimension.twoNN ?? -1, r.intrinsicDimension.mle.harmonic ?? -1, r.intrinsicDimension.mle.mean ?? -1, r.intrinsicDimension.mle.k,
    ...Object.values(r.neuralCollapse).filter((v) => typeof v === 'number' || v === null).map((v) => (v as number | null) ?? -1), r.skipped.nonFinite, r.skipped.duplicates,
  ];
  const x = flat(a);
  const y = flat(b);
  expect(x.length).toBe(y.length);
  return Math.max(...x.map((v, i) => Math.abs(v - y[i]) / Math.max(Math.abs(y[i]), 1e-300)));
}

/**
 * Small integers in mirrored pairs x, 2 c_y - x with c_y = c + 3 e_y (class means the integers c_y,
 * equal class sizes, so every column mean is an integer): the in-memory PCA's float32 blocks are
 * then exact, and the two paths must agree to round-off. A duplicated pair per class and two
 * non-finite rows are added. `coincide`: every c_y = c (all class means equal: collapse undefined).
 */
function exactData(coincide = false): Embeddings {
  const rng = createRng(5);
  const [pairs, d] = [201, 8];
  const c = Array.from({ length: d }, (_, j) => j - 3);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const y = i % 3;
    const cy = c.map((v, j) => v + (j === y && !coincide ? 3 : 0));
    const x = Array.from({ length: d }, (_, j) => cy[j] + Math.floor(rng.uniform() * 7) - 3);
    rows.push(x, x.map((v, j) => 2 * cy[j] - v));
    labels.push(y, y);
  }
  for (const p of [0, 1, 2]) {
    rows.push(rows[2 * p], rows[2 * p + 1]);
    labels.push(labels[2 * p], labels[2 * p]);
  }
  rows.push([NaN, ...c.slice(1)], [Infinity, ...c.slice(1)]);
  labels.push(0, 1);
  return { n: rows.length, dim: d, vectors: Float32Array.from(rows.flat()), labels: Int32Array.from(labels), classNames: ['0', '1', '2'] };
}

const opts = { idSample: 100_000, seed: 1, stratified: false, mleK: 20 };

describe('the streamed report', () => {
  it('equals the in-memory report on data whose float32 arithmetic is exact (all rows in the sample)', async () => {
    const emb = exactData();
    const ours = await analyzeStream(memorySource(emb, [100, 37]), opts);
    const theirs = await analyze(emb);
    expect(ours.skipped).toEqual(theirs.skipped);
    expect(ours.intrinsicDimension.sample).toBeNull();
    expect(ours.skipped.duplicates).toBe(6);
    expect(reportDiff(ours, theirs)).toBeLessThan(1e-9);
  });

  it('leaves every collapse metric null when all class means coincide, like the in-memory path', async () => {
    const emb = exactData(true);
    const ours = await analyzeStream(memorySource(emb, [64]), opts);
    const theirs = await analyze(emb);
    expect(theirs.neuralCollapse.nc1).toBeNull();
    expect(ours.neuralCollapse).toEqual(theirs.neuralCollapse);
  });

  it('equals the in-memory collapse metrics to 1e-9 at a +1000 offset, with a classifier for nc3/nc4', async () => {
    const emb = blobs(1500, 12, 4, 11, 1000);
    const rng = createRng(3);
    const classifier: Classifier = { weights: { rows: 4, cols: 12, data: Float64Array.from({ length: 48 }, () => rng.normal()) }, bias: Float64Array.from([0.1, -0.2, 0, 0.3]) };
    const ours = await analyzeStream(memorySource(emb, [500]), { ...opts, classifier });
    const theirs = await analyze(emb, { classifier });
    for (const [k, v] of Object.entries(theirs.neuralCollapse)) {
      if (typeof v !== 'number') continue;
      const mine = ours.neuralCollapse[k as keyof AnalysisReport['neuralCollapse']] as number;
      expect(Math.abs(mine - v) / Math.abs(v), k).toBeLessThan(1e-9);
    }
    // The in-memory PCA multiplies float32 blocks; the stream keeps float64 throughout.
    ours.pca.explainedVarianceRatio.forEach((v, i) => expect(Math.abs(v - theirs.pca.explainedVarianceRatio[i]) / v).toBeLessThan(1e-5));
    expect(ours.intrinsicDimension.twoNN! / theirs.intrinsicDimension.twoNN!).toBeCloseTo(1, 9);
    expect(ours.stream.passes).toBe(2);
  });

  it('of four merged partials equals the whole run to 1e-9, the sampled ID included', async () => {
    const emb = blobs(2400, 10, 5, 21, 3);
    const sampled = { ...opts, idSample: 400 };
    const whole = await analyzeStream(memorySource(emb, [256]), sampled);
    expect(whole.intrinsicDimension.sample).toEqual({ size: 400, of: expect.any(Number), seed: 1 });
    const cuts = [0, 500, 1300, 1301, 2400];
    const parts = [];
    for (let i = 0; i < 4; i++) {
      const acc = await accumulate(memorySource(sliceRows(emb, cuts[i], cuts[i + 1]), [97]), sampled);
      const json = JSON.parse(JSON.stringify(toPartial(acc, { shard: i }))) as PartialJson;
      parts.push(fromPartial(json, `part${i}.json`));
    }
    const merged = mergeAccumulated(parts);
    const report = await streamReport(merged.moments, merged.sample, { mleK: 20 });
    expect(reportDiff(report, whole)).toBeLessThan(1e-9);
    expect(report.intrinsicDimension.sample).toEqual(whole.intrinsicDimension.sample);
  });

  it('stratified: each class keeps ceil(m / K) rows, whatever the split', async () => {
    const emb = blobs(900, 6, 3, 8);
    const strat = { ...opts, idSample: 90, stratified: true };
    const whole = await accumulate(memorySource(emb), strat);
    expect([...whole.sample.strata.values()].map((s) => s.heap.length)).toEqual([30, 30, 30]);
    const a = await accumulate(memorySource(sliceRows(emb, 0, 450)), strat);
    const b = await accumulate(memorySource(sliceRows(emb, 450, 900)), strat);
    const merged = mergeAccumulated([a, b]);
    const hashes = (s: typeof whole.sample) => [...s.strata.values()].flatMap((st) => st.heap.map((e) => e.hash)).sort();
    expect(hashes(merged.sample)).toEqual(hashes(whole.sample));
  });

  it('without labels, leaves the collapse metrics null and refuses a single class like the in-memory path', async () => {
    const emb = blobs(300, 5, 2, 4);
    const ours = await analyzeStream(memorySource({ ...emb, labels: undefined, classNames: undefined }), opts);
    const theirs = await analyze({ ...emb, labels: undefined, classNames: undefined });
    expect(ours.classes).toBeNull();
    expect(reportDiff(ours, theirs)).toBeLessThan(1e-5);
    const one = { ...emb, labels: new Int32Array(300), classNames: ['0'] };
    await expect(analyzeStream(memorySource(one), opts)).rejects.toThrow(/same class/);
  });
});
