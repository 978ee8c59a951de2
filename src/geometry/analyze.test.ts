import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { classQuotas } from './sample';
import { analyze, analyzeBase, analyzeIntrinsicDimension, chooseIdRows, ID_SAMPLE_SEED, prepareAnalysis } from './analyze';
import { selectRows } from './rows';
import { sampleRows } from './sample';
import { collapseAnalysis, collapseMetrics } from './collapse';
import { knn } from './knn';
import { mle, twoNN } from './dimension';
import { pca } from './pca';
import { createRng } from './random';
import { mat } from './linalg';
import { isInputError } from '../io/errors';
import type { Embeddings } from './types';

/** Three Gaussian classes in 6 dims, plus 2 non-finite rows and 3 exact duplicates appended. */
function dataset(): { emb: Embeddings; clean: Float32Array; cleanLabels: Int32Array } {
  const rng = createRng(42);
  const [n, d, K] = [150, 6, 3];
  const clean = new Float32Array(n * d);
  const cleanLabels = Int32Array.from({ length: n }, (_, i) => i % K);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) clean[i * d + t] = (t === cleanLabels[i] ? 4 : 0) + rng.normal();
  const rows = Array.from({ length: n }, (_, i) => Array.from(clean.subarray(i * d, i * d + d)));
  const labels = Array.from(cleanLabels);
  rows.push(rows[3], rows[10], rows[3]);
  labels.push(labels[3], labels[10], labels[3]);
  rows.splice(20, 0, [1, NaN, 0, 0, 0, 0]);
  labels.splice(20, 0, 0);
  rows.push([Infinity, 0, 0, 0, 0, 0]);
  labels.push(1);
  const emb = { n: rows.length, dim: d, vectors: Float32Array.from(rows.flat()), labels: Int32Array.from(labels) };
  const withDupes = new Float32Array((n + 3) * d);
  withDupes.set(clean);
  [3, 10, 3].forEach((src, j) => withDupes.set(clean.subarray(src * d, src * d + d), (n + j) * d));
  return { emb, clean: withDupes, cleanLabels: Int32Array.from([...cleanLabels, labels[3], labels[10], labels[3]]) };
}

async function inputError(run: Promise<unknown>): Promise<string> {
  const e = await run.then(
    () => null,
    (err: unknown) => err,
  );
  expect(isInputError(e)).toBe(true);
  return (e as Error).message;
}

describe('analyze', () => {
  it('reports the same values as the individual metrics, IDs on unique rows only', async () => {
    const { emb, clean, cleanLabels } = dataset();
    const d = emb.dim;
    const n = clean.length / d;
    const W = mat(3, d, Array.from({ length: 3 * d }, (_, t) => (t % (d + 1) === 0 ? 1 : 0.1)));
    const stages: string[] = [];
    let last = 0;
    const r = await analyze(emb, {
      k: 10,
      classifier: { weights: W },
      onProgress: (f, stage) => {
        expect(f).toBeGreaterThanOrEqual(last - 1e-12);
        last = f;
        if (stages.at(-1) !== stage) stages.push(stage);
      },
    });
    expect(stages).toEqual(['pca', 'duplicates', 'neural collapse', 'nearest neighbours', 'done']);
    expect(last).toBe(1);
    expect([r.n, r.dim, r.classes]).toEqual([n, d, 3]);
    expect(r.skipped).toEqual({ nonFinite: 2, duplicates: 3 });

    const p = await pca(clean, n, d);
    expect(r.pca.explainedVarianceRatio).toEqual(Array.from(p.explainedVarianceRatio));
    expect(r.pca.pcId90).toBe(p.pcId90);
    expect(r.pca.method).toBe('exact');

    const nn = await knn(clean.subarray(0, (n - 3) * d), n - 3, d, 10);
    expect(r.intrinsicDimension.twoNN).toBe(twoNN(nn));
    expect(r.intrinsicDimension.mle).toEqual({ k: 10, harmonic: mle(nn, 10).harmonic, mean: mle(nn, 10).mean });
    expect(r.intrinsicDimension.sample).toBeNull();

    const c = await collapseAnalysis(clean, n, d, cleanLabels, 3, { classifier: { weights: W } });
    expect(c.metrics).toEqual(collapseMetrics(clean, n, d, cleanLabels, 3, { weights: W }));
    const { conditioning, nc1Rank, nc1SmallestShare, nc1Dominated, pairSample, biasAssumedZero, reasons, notes, ...values } = r.neuralCollapse;
    expect(values).toEqual(c.metrics);
    expect({ conditioning, nc1Rank, nc1SmallestShare, pairSample, biasAssumedZero, reasons }).toEqual({
      conditioning: c.conditioning, nc1Rank: 2, nc1SmallestShare: c.nc1SmallestShare, pairSample: null, biasAssumedZero: true, reasons: {},
    });
    // Two directions of similar spread: the smaller one carries more than half of nc1, but it is not tiny.
    expect(c.nc1SmallestShare).toBeGreaterThan(0.5);
    expect(c.conditioning).toBeGreaterThan(0.5);
    expect(nc1Dominated).toBe(false);
    expect(notes).toEqual(['b = 0 was used for nc4: the classifier came without a bias.']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('leaves collapse metrics null without labels and clamps the MLE k to the unique rows', async () => {
    const X = Float32Array.from({ length: 8 * 2 }, (_, t) => Math.sin(t * 1.7) * (1 + t));
    const r = await analyze({ n: 8, dim: 2, vectors: X }, { k: 20 });
    expect(r.classes).toBeNull();
    const { reasons, notes, ...values } = r.neuralCollapse;
    expect(Object.values(values).every((v) => v === null)).toBe(true);
    expect([reasons, notes]).toEqual([{}, []]);
    expect(r.intrinsicDimension.mle.k).toBe(7);
    expect(r.intrinsicDimension.twoNN).not.toBeNull();
  });

  it('drops classes without rows, with their classifier rows', async () => {
    const { emb } = dataset();
    const labels = emb.labels!.map((y) => (y === 2 ? 3 : y));
    const d = emb.dim;
    const W = mat(4, d, Array.from({ length: 4 * d }, (_, t) => (t % 7) - 3));
    const keep = mat(3, d, [...W.data.subarray(0, 2 * d), ...W.data.subarray(3 * d)]);
    const a = await analyze({ ...emb, labels, classNames: ['a', 'b', 'c', 'd'] }, { classifier: { weights: W } });
    const b = await analyze(emb, { classifier: { weights: keep } });
    expect(a.classes).toBe(3);
    expect(a.neuralCollapse).toEqual(b.neuralCollapse);
  });

  it('explains unusable input with an InputError', async () => {
    const two: Embeddings = { n: 4, dim: 1, vectors: Float32Array.from([1, NaN, 2, Infinity]) };
    expect(await inputError(analyze(two))).toMatch(/Only 2 rows/);
    const same: Embeddings = { n: 4, dim: 2, vectors: new Float32Array(8).fill(3) };
    expect(await inputError(analyze(same))).toMatch(/zero total variance/);
    const { emb } = dataset();
    const oneClass = { ...emb, labels: new Int32Array(emb.n).fill(1) };
    expect(await inputError(analyze(oneClass))).toMatch(/same class/);
    expect(await inputError(analyze(emb, { classifier: { weights: mat(3, 5) } }))).toMatch(/3 x 5/);
    expect(await inputError(analyze(emb, { classifier: { weights: mat(3, 6), bias: new Float64Array(4) } }))).toMatch(/bias/);
    const unlabelled = { ...emb, labels: undefined };
    expect(await inputError(analyze(unlabelled, { classifier: { weights: mat(3, 6) } }))).toMatch(/without labels/);
    expect(await inputError(analyze({ ...emb, labels: emb.labels!.subarray(1) }))).toMatch(/labels for/);
    expect(await inputError(analyze(emb, { k: 1 }))).toMatch(/k = 1/);
  });

  it('rejects with an AbortError when cancelled', async () => {
    const { emb } = dataset();
    const controller = new AbortController();
    const run = analyze(emb, { signal: controller.signal, onProgress: (_, stage) => stage === 'nearest neighbours' && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('analyze in stages', () => {
  it('analyzeBase then analyzeIntrinsicDimension equal analyze(), and the base leaves only the ID values null', async () => {
    const { emb } = dataset();
    const full = await analyze(emb, { k: 10 });
    const input = prepareAnalysis(emb, { k: 10 });
    const base = await analyzeBase(input);
    expect(base.report).toEqual({ ...full, intrinsicDimension: { twoNN: null, mle: { k: 10, harmonic: null, mean: null }, sample: null } });
    expect(base.pca.explainedVarianceRatio.subarray(0, 10)).toEqual(Float64Array.from(full.pca.explainedVarianceRatio));
    const id = await analyzeIntrinsicDimension(input.emb.vectors, input.emb.n, emb.dim, base.idRows, input.mleK, null);
    expect({ ...base.report, intrinsicDimension: id }).toEqual(full);
  });

  it('samples the unique rows with a fixed seed above idSample, queries and references both from the sample', async () => {
    const { emb, clean } = dataset();
    const d = emb.dim;
    const unique = 150;
    const r = await analyze(emb, { k: 10, idSample: 60 });
    expect(r.intrinsicDimension.sample).toEqual({ size: 60, of: unique, seed: ID_SAMPLE_SEED, strategy: 'uniform' });
    const { rows, sample } = chooseIdRows(Int32Array.from({ length: unique }, (_, i) => i), 60);
    expect(sample).toEqual({ size: 60, of: unique, seed: ID_SAMPLE_SEED, strategy: 'uniform' });
    expect(rows).toEqual(sampleRows(unique, 60, ID_SAMPLE_SEED));
    expect(new Set(rows).size).toBe(60);
    const nn = await knn(selectRows(clean, d, rows), 60, d, 10);
    expect(r.intrinsicDimension.twoNN).toBe(twoNN(nn));
    expect(r.intrinsicDimension.mle).toEqual({ k: 10, harmonic: mle(nn, 10).harmonic, mean: mle(nn, 10).mean });
    expect(await analyze(emb, { k: 10, idSample: 60 })).toEqual(r);
    const other = chooseIdRows(Int32Array.from({ length: unique }, (_, i) => 1000 + i), 60).rows;
    expect(Array.from(other, (v) => v - 1000)).toEqual(Array.from(rows));
    // PCA and collapse stay on all rows; at or above the unique count nothing is sampled.
    const exact = await analyze(emb, { k: 10 });
    expect(r.pca).toEqual(exact.pca);
    expect(r.neuralCollapse).toEqual(exact.neuralCollapse);
    expect(await analyze(emb, { k: 10, idSample: unique })).toEqual(exact);
  });

  it('draws a stratified ID sample per class from the unique rows, by the seed asked for', async () => {
    const { emb, clean, cleanLabels } = dataset();
    const d = emb.dim;
    const spec = { size: 61, strategy: 'stratified' as const, seed: 9 };
    const r = await analyze(emb, { k: 10, idSample: spec });
    expect(r.intrinsicDimension.sample).toEqual({ size: 61, of: 150, seed: 9, strategy: 'stratified' });
    // The unique finite rows are the first 150 (the duplicates come after them).
    const { rows } = chooseIdRows(Int32Array.from({ length: 150 }, (_, i) => i), spec, cleanLabels);
    const perClass = [0, 0, 0];
    for (const i of rows) perClass[cleanLabels[i]]++;
    expect(perClass).toEqual(Array.from(classQuotas([50, 50, 50], 61)));
    expect(perClass).toEqual([21, 20, 20]);
    const nn = await knn(selectRows(clean, d, rows), 61, d, 10);
    expect(r.intrinsicDimension.twoNN).toBe(twoNN(nn));
    const other = await analyze(emb, { k: 10, idSample: { ...spec, seed: 10 } });
    expect(other.intrinsicDimension.twoNN).not.toBe(r.intrinsicDimension.twoNN);
    const { vectors, n, dim } = emb;
    await expect(analyze({ vectors, n, dim }, { k: 10, idSample: spec })).rejects.toThrow(/needs labels/);
  });
});
