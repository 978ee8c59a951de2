/**
 * Compare mode against the independent float64 numpy reference
 * (scripts/reference/make_compare_fixtures.py -> tests/fixtures/compare/). Every value to 1e-6
 * relative (absolute 1e-10 where the reference is below 1e-6: disparities of exact copies); counts
 * (mutual kNN, retrieval) exactly, since the fixtures hold no near-ties. Known answers are asserted too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from './setup';
import { parseNpy } from '../src/io/npy';
import { compareMatched, ckaMatrix, matchRows, type CompareReport } from '../src/compare';
import { sampleRows } from '../src/geometry/sample';
import type { CollapseMetrics, Embeddings } from '../src/geometry/types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = resolve(ROOT, 'tests/fixtures/compare');
const TOL = 1e-6;

type Ref = Omit<CompareReport, 'matching' | 'labelsFrom' | 'classes' | 'alignmentCurve' | 'relative'> & {
  relative: CompareReport['relative'] & { anchorRows: number[] };
  alignmentCurve?: { k: number[]; mutualKnn: number[]; top1: number[]; top5: number[]; disparity: number[]; rows: number };
  classes?: { k: number; angles: number[][]; collapseA: CollapseMetrics; collapseB: CollapseMetrics };
};
const fixture = JSON.parse(readFileSync(resolve(DIR, 'compare.json'), 'utf8')) as Record<string, Ref> & {
  ckaMatrix: { inputs: string[]; linear: number[][]; debiased: number[][] };
};

function load(path: string): Embeddings {
  const arr = parseNpy(new Uint8Array(readFileSync(path)), path);
  if (!(arr.data instanceof Float32Array)) throw new Error(`${path}: expected float32`);
  return { n: arr.shape[0], dim: arr.shape[1], vectors: arr.data };
}
const input = (name: string) => load(name.startsWith('public/') ? resolve(ROOT, name) : resolve(DIR, `${name}.npy`));
const digitsLabels = Int32Array.from(readFileSync(resolve(ROOT, 'public/data/digits-labels.txt'), 'utf8').trim().split('\n'), Number);

function close(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) return void expect(actual, what).toBeNull();
  expect(actual, what).not.toBeNull();
  const err = Math.abs(expected) < 1e-6 ? Math.abs(actual! - expected) / 1e-4 : Math.abs(actual! - expected) / Math.abs(expected);
  expect(err, `${what}: ${actual} vs reference ${expected}`).toBeLessThanOrEqual(TOL);
}
/** Equal shares of a count out of `of` (the means differ only by summation order). */
const sameShare = (a: number, e: number, of: number, what: string) => expect(Math.round(a * of), what).toBe(Math.round(e * of));
const allClose = (a: number[], e: number[], what: string) => {
  expect(a.length, `${what} length`).toBe(e.length);
  e.forEach((v, i) => close(a[i], v, `${what}[${i}]`));
};

const PAIRS: [string, string, string, { svccaK?: number; curveRows?: number; labels?: boolean }][] = [
  ['rotated-scaled-shifted', 'synthetic', 'rotated-scaled-shifted', {}],
  ['rotated-scaled', 'synthetic', 'rotated-scaled', {}],
  ['linear-ill-conditioned', 'synthetic', 'linear-ill-conditioned', { svccaK: 12 }],
  ['embedded-20', 'synthetic', 'embedded-20', {}],
  ['digits-projection', 'public/data/digits.npy', 'digits-projection', { curveRows: 600, labels: true }],
  ['digits-whitened', 'public/data/digits.npy', 'digits-whitened', { svccaK: 40 }],
];

beforeAll(async () => {
  await useBackend('wasm');
});

describe.each(PAIRS)('compare %s against the numpy reference', (name, a, b, o) => {
  const ref = fixture[name];
  let report: CompareReport;
  beforeAll(async () => {
    const A = input(a);
    if (o.labels) Object.assign(A, { labels: digitsLabels, classNames: Array.from({ length: 10 }, (_, k) => String(k)) });
    const m = matchRows(A, input(b));
    report = (await compareMatched(m, { svccaK: o.svccaK, curveRows: o.curveRows, curve: o.curveRows !== undefined })).report;
  });

  it('CKA (linear and debiased), Procrustes, SVCCA, relative representations', () => {
    expect([report.n, report.dimA, report.dimB]).toEqual([ref.n, ref.dimA, ref.dimB]);
    close(report.cka.linear, ref.cka.linear, 'cka.linear');
    close(report.cka.debiased, ref.cka.debiased, 'cka.debiased');
    close(report.procrustes.disparity, ref.procrustes.disparity, 'procrustes.disparity');
    close(report.procrustes.scale, ref.procrustes.scale, 'procrustes.scale');
    expect(report.procrustes.dim).toBe(ref.procrustes.dim);
    expect(report.svcca.k).toBe(ref.svcca.k);
    allClose(report.svcca.correlations, ref.svcca.correlations, 'svcca.correlations');
    close(report.svcca.mean, ref.svcca.mean, 'svcca.mean');
    expect(Array.from(sampleRows(ref.n, 300, 1))).toEqual(ref.relative.anchorRows);
    expect(report.relative.anchors).toBe(ref.relative.anchors);
    close(report.relative.similarity, ref.relative.similarity, 'relative.similarity');
  });

  it('mutual kNN and retrieval exactly', () => {
    expect(report.mutualKnn.k).toBe(ref.mutualKnn.k);
    sameShare(report.mutualKnn.value, ref.mutualKnn.value, ref.n * ref.mutualKnn.k, 'mutualKnn.value');
    expect(report.retrieval).toEqual(ref.retrieval);
  });

  it.runIf(ref.alignmentCurve)('the alignment-vs-k curve', () => {
    const c = report.alignmentCurve!;
    const r = ref.alignmentCurve!;
    expect(c.rows).toEqual({ size: r.rows, of: ref.n, seed: 1 });
    expect(c.k).toEqual(r.k);
    r.mutualKnn.forEach((v, i) => sameShare(c.mutualKnn[i], v, r.rows * c.knnK, `curve mutualKnn at k = ${r.k[i]}`));
    expect(c.top1).toEqual(r.top1);
    expect(c.top5).toEqual(r.top5);
    allClose(c.disparity, r.disparity, 'curve disparity');
  });

  it.runIf(ref.classes)('per-class principal angles and each side\'s collapse metrics', () => {
    const c = report.classes!;
    const r = ref.classes!;
    expect(c.k).toBe(r.k);
    r.angles.forEach((angles, k) => allClose(c.angles[k], angles, `class ${k} angles`));
    for (const key of Object.keys(r.collapseA) as (keyof CollapseMetrics)[]) {
      close(c.collapseA[key], r.collapseA[key], `collapseA.${key}`);
      close(c.collapseB[key], r.collapseB[key], `collapseB.${key}`);
    }
  });
});

describe('known answers', () => {
  const run = async (b: string, svccaK?: number) => (await compareMatched(matchRows(input('synthetic'), input(b)), { svccaK, curve: false })).report;
  it('rotation + isotropic scale + shift: CKA 1, disparity 0, SVCCA all 1, retrieval 1', async () => {
    const r = await run('rotated-scaled-shifted');
    expect(r.cka.linear).toBeCloseTo(1, 9);
    expect(r.cka.debiased!).toBeCloseTo(1, 9);
    expect(r.procrustes.disparity).toBeLessThan(1e-9);
    for (const c of r.svcca.correlations) expect(c).toBeCloseTo(1, 9);
    expect(r.retrieval).toEqual({ top1: 1, top5: 1 });
  });
  it('an isometry (rotation, scale; or an isometric embedding into more dimensions): mutual kNN 1, relative 1', async () => {
    for (const b of ['rotated-scaled', 'embedded-20']) {
      const r = await run(b);
      expect(r.mutualKnn.value).toBe(1);
      expect(r.relative.similarity).toBeCloseTo(1, 9);
      expect(r.procrustes.disparity).toBeLessThan(1e-9);
    }
  });
  it('an invertible map of condition number 1e3 at full rank k: every SVCCA correlation 1, CKA below 1', async () => {
    const r = await run('linear-ill-conditioned', 12);
    expect(r.svcca.k).toBe(12);
    for (const c of r.svcca.correlations) expect(c).toBeGreaterThan(1 - 1e-6);
    expect(r.cka.linear).toBeLessThan(0.9);
  });
});

describe('ckaMatrix against the reference', () => {
  it('linear and debiased CKA of four representations of the digits', async () => {
    const reps = fixture.ckaMatrix.inputs.map(input);
    const m = await ckaMatrix(reps);
    fixture.ckaMatrix.linear.forEach((row, i) => row.forEach((v, j) => close(m.linear.data[i * 4 + j], v, `linear[${i}][${j}]`)));
    fixture.ckaMatrix.debiased.forEach((row, i) => row.forEach((v, j) => close(m.debiased.data[i * 4 + j], v, `debiased[${i}][${j}]`)));
  });
});
