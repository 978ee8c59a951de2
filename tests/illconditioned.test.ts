/**
 * NC1 on the ill-conditioned fixture (scripts/reference/make_illconditioned.py): 391 x 320, K = 37,
 * singular values of the centred means falling to 1e-7 of the largest. The core, analyze() and the
 * CLI must match the float64 numpy SVD reference, and its exact rational value, to 1e-6 relative.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import './setup';
import { expectClose, f32, FIXTURES, labelLines } from './fixtureFiles';
import { analyze } from '../src/geometry/analyze';
import { classStatistics } from '../src/geometry/classStats';
import { svdRight } from '../src/geometry/linalg';
import { collapseAnalysis, collapseMetrics } from '../src/geometry/collapse';
import { runCli } from '../src/cli/run';
import type { AnalysisReport, CollapseMetrics } from '../src/geometry/types';

interface IllFixture {
  n: number;
  dim: number;
  classes: number;
  neuralCollapse: Record<keyof CollapseMetrics, number | null> & { conditioning: number; nc1Rank: number; nc1SmallestShare: number };
  nc1Svd: { rank: number; conditioning: number; smallestShare: number; singularValues: number[] };
  nc1Exact: { digits40: string; float: number };
}

const TOL = 1e-6;
const VECTORS = resolve(FIXTURES, 'illcond-vectors.npy');
const LABELS = resolve(FIXTURES, 'illcond-labels.txt');
const fx = JSON.parse(readFileSync(resolve(FIXTURES, 'illcond.json'), 'utf8')) as IllFixture;
const { data: X } = f32(VECTORS);
const labels = labelLines(LABELS);
const KEYS = ['nc1', 'nc1Quotient', 'cdnv', 'equinorm', 'equiangularity', 'etfDistance'] as const;

function expectReference(nc: AnalysisReport['neuralCollapse']): void {
  for (const key of KEYS) expectClose(nc[key], fx.neuralCollapse[key], TOL, key);
  expectClose(nc.nc1, fx.nc1Exact.float, TOL, 'nc1 vs the exact rational value');
  expectClose(nc.conditioning ?? null, fx.nc1Svd.conditioning, TOL, 'conditioning');
  expectClose(nc.nc1SmallestShare ?? null, fx.nc1Svd.smallestShare, TOL, 'nc1SmallestShare');
  expect(nc.nc1Rank).toBe(36);
  expect(nc.nc1Dominated).toBe(true);
}

describe('NC1 on the ill-conditioned fixture', () => {
  it('is the fixture the issue describes', () => {
    expect([fx.n, fx.dim, fx.classes, X.length, labels.length]).toEqual([391, 320, 37, 391 * 320, 391]);
    expect(fx.nc1Svd.conditioning).toBeGreaterThan(5e-8);
    expect(fx.nc1Svd.conditioning).toBeLessThan(2e-7);
    expect(Number(fx.nc1Exact.digits40)).toBeCloseTo(fx.nc1Exact.float, 6);
  });

  it.each(['jacobi', 'bidiagonal'] as const)('the %s SVD of Mc has numpy singular values down to 1e-7 of the largest', (method) => {
    const { s } = svdRight(classStatistics(X, fx.n, fx.dim, labels, fx.classes).centredMeans, method);
    fx.nc1Svd.singularValues.slice(0, 36).forEach((want, i) => expectClose(s[i], want, TOL, `s_${i + 1}`));
    expect(s[36] / s[0]).toBeLessThan(1e-14);
  });

  it('collapseMetrics and collapseAnalysis match numpy and the exact value', async () => {
    const m = collapseMetrics(X, fx.n, fx.dim, labels, fx.classes);
    const c = await collapseAnalysis(X, fx.n, fx.dim, labels, fx.classes);
    expect(c.metrics).toEqual(m);
    for (const key of KEYS) expectClose(m[key], fx.neuralCollapse[key], TOL, key);
    expectClose(m.nc1, fx.nc1Exact.float, TOL, 'nc1 vs exact');
    expectClose(c.conditioning, fx.nc1Svd.conditioning, TOL, 'conditioning');
    expect(c.nc1Rank).toBe(fx.nc1Svd.rank);
    expect(c.reasons).toEqual({});
  });

  it('analyze() reports NC1, its conditioning and that it is dominated by the smallest direction', async () => {
    const r = await analyze({ n: fx.n, dim: fx.dim, vectors: X, labels });
    expectReference(r.neuralCollapse);
    expect(r.neuralCollapse.notes).toEqual([
      'NC1 is dominated by a direction of tiny between-class spread: the smallest of the 36 kept directions (s/s_1 = 1.0e-7) carries 62% of it.',
    ]);
  });

  it('the CLI prints the same values (JSON) and the conditioning with the note (table)', async () => {
    const io = (out: string[]) => ({ stdout: (t: string) => void out.push(t), stderr: () => undefined, readFile: (p: string) => new Uint8Array(readFileSync(p)) });
    const json: string[] = [];
    expect(await runCli(['analyze', VECTORS, '--labels', LABELS, '--json'], io(json))).toBe(0);
    expectReference((JSON.parse(json.join('')) as AnalysisReport).neuralCollapse);
    const table: string[] = [];
    expect(await runCli(['analyze', VECTORS, '--labels', LABELS], io(table))).toBe(0);
    const text = table.join('');
    expect(text).toMatch(/\n {2}nc1 +668\.8 /);
    expect(text).toMatch(/\n {2}conditioning +1\.000e-7 /);
    expect(text).toContain('\n  note: NC1 is dominated by a direction of tiny between-class spread');
  });
});
