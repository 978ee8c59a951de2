import { beforeAll, describe, expect, it } from 'vitest';
import '../../tests/setup';
import { COMPARE_DOCS, COMPARE_DEFAULTS, compareRepresentations, type CompareReport, type Invariance } from '.';
import { createRng, normalArray } from '../geometry/random';
import { mat, qr } from '../geometry/linalg';
import type { Embeddings } from '../geometry/types';

const n = 160;
const dA = 7;
const dB = 5;
const rng = createRng(31);
const A = normalArray(rng, n * dA).map((v, t) => v * (1 + (t % dA)) + 0.4);
const labels = Int32Array.from({ length: n }, (_, i) => i % 4);
const mix = normalArray(rng, dA * dB);
const B = new Float32Array(n * dB);
for (let i = 0; i < n; i++) {
  for (let c = 0; c < dB; c++) {
    let s = labels[i] * (c === 0 ? 1 : 0);
    for (let t = 0; t < dA; t++) s += A[i * dA + t] * mix[t * dB + c];
    B[i * dB + c] = Math.tanh(s / 4) + 0.5;
  }
}
const Q = qr(mat(dB, dB, normalArray(createRng(32), dB * dB))).q;

function transformed(kind: Invariance): Float32Array {
  const out = new Float32Array(n * dB);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dB; c++) {
      let v = B[i * dB + c];
      if (kind === 'rotation') {
        v = 0;
        for (let t = 0; t < dB; t++) v += B[i * dB + t] * Q.data[t * dB + c];
      }
      out[i * dB + c] = kind === 'isotropic scale' ? 2.5 * v : kind === 'shift' ? v + 3 + c : v;
    }
  }
  return out;
}

const at = (r: CompareReport, path: string): unknown => path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], r);
const opts = { k: 6, anchors: 40, curveRows: 100, classK: 2 };
const side = (vectors: Float32Array, d: number, withLabels: boolean): Embeddings => ({ n, dim: d, vectors, ...(withLabels ? { labels, classNames: ['a', 'b', 'c', 'd'] } : {}) });
const run = async (Bv: Float32Array) => (await compareRepresentations(side(A, dA, true), side(Bv, dB, false), opts)).report;

/** Numbers and arrays of numbers equal to 1e-6 relative (shares of counts exactly, up to summation order). */
function same(a: unknown, b: unknown, what: string): void {
  if (typeof a === 'number' && typeof b === 'number') return void expect(Math.abs(a - b), what).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));
  if (Array.isArray(a) && Array.isArray(b)) return void a.forEach((v, i) => same(v, b[i], `${what}[${i}]`));
  if (a && typeof a === 'object' && b && typeof b === 'object') {
    for (const key of Object.keys(b)) if (key !== 'rows') same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${what}.${key}`);
    return;
  }
  expect(a, what).toEqual(b);
}

describe('COMPARE_DOCS', () => {
  let base: CompareReport;
  const variants = new Map<Invariance, CompareReport>();
  beforeAll(async () => {
    base = await run(B);
    for (const kind of ['rotation', 'isotropic scale', 'shift'] as const) variants.set(kind, await run(transformed(kind)));
  });

  it('documents a field of the report for every measure, with formula, convention and reference', () => {
    for (const [key, doc] of Object.entries(COMPARE_DOCS)) {
      expect(at(base, doc.field), key).not.toBeUndefined();
      for (const text of [doc.name, doc.formula, doc.convention, doc.short, doc.reference]) expect(text.length, key).toBeGreaterThan(10 - (text === doc.name ? 6 : 0));
    }
  });

  it.each(Object.entries(COMPARE_DOCS))('%s: unchanged exactly under the transformations it lists, changed by a shift otherwise', (_key, doc) => {
    const listed: readonly Invariance[] = doc.invariantTo;
    for (const kind of listed) same(at(variants.get(kind)!, doc.field), at(base, doc.field), `${doc.field} under ${kind}`);
    if (!listed.includes('shift')) expect(at(variants.get('shift')!, doc.field)).not.toBe(at(base, doc.field));
  });

  it('states the defaults the core uses', () => {
    expect(COMPARE_DOCS.mutualKnn.convention).toContain(`k = ${COMPARE_DEFAULTS.k} by default`);
    expect(COMPARE_DOCS.svcca.convention).toContain(`k = ${COMPARE_DEFAULTS.svccaK} by default`);
    expect(COMPARE_DOCS.relative.convention).toContain(`m = ${COMPARE_DEFAULTS.anchors} anchors`);
    expect(base.mutualKnn.k).toBe(opts.k);
  });
});
