/**
 * Explore's picture-trust measures against the numpy reference
 * (scripts/reference/make_explore_fixtures.py -> tests/fixtures/explore/): trustworthiness and
 * continuity in scikit-learn's convention (asserted equal to sklearn there on tie-free data),
 * neighbourhood preservation per point. Tolerance 1e-6 relative (ranks are exact integers).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import './setup';
import { parseNpy } from '../src/io/npy';
import { projectionFaithfulness } from '../src/geometry/faithfulness';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = resolve(ROOT, 'tests/fixtures/explore');

interface Expected {
  k: number;
  trustworthiness: number;
  continuity: number;
  meanPreservation: number;
  preservationFirst50: number[];
}

function npy(path: string): { data: Float32Array; n: number; d: number } {
  const arr = parseNpy(new Uint8Array(readFileSync(path)), path);
  if (!(arr.data instanceof Float32Array)) throw new Error(`${path}: expected float32`);
  return { data: arr.data, n: arr.shape[0], d: arr.shape[1] };
}

const fixture = JSON.parse(readFileSync(resolve(FIXTURES, 'faithfulness.json'), 'utf8'));

async function check(X: ReturnType<typeof npy>, Y: ReturnType<typeof npy>, want: Expected, maxQueries?: number): Promise<void> {
  const got = await projectionFaithfulness(X.data, X.n, X.d, Y.data, Y.d, { k: want.k, maxQueries });
  expect(got.trustworthiness).toBeCloseTo(want.trustworthiness, 9);
  expect(got.continuity).toBeCloseTo(want.continuity, 9);
  expect(got.meanPreservation).toBeCloseTo(want.meanPreservation, 9);
  expect(Array.from(got.preservation.subarray(0, 50), (v) => Math.round(v * want.k))).toEqual(want.preservationFirst50.map((v) => Math.round(v * want.k)));
  expect(got.sample).toBeNull();
}

describe('projection faithfulness (trustworthiness, continuity, preservation)', () => {
  it('digits vs its PCA-3 view (integer pixels: many tied distances, ties by index)', async () => {
    const X = npy(resolve(ROOT, 'public/data/digits.npy'));
    await check(X, npy(resolve(FIXTURES, fixture.digits.view)), fixture.digits.k10);
  });

  it('a 3-D sheet in 40-D offset by +1000 vs a random 2-D projection, k = 5 and 10 (sklearn-checked)', async () => {
    expect(fixture.roll.sklearnChecked).toBe(true);
    const X = npy(resolve(FIXTURES, fixture.roll.data));
    const Y = npy(resolve(FIXTURES, fixture.roll.view));
    await check(X, Y, fixture.roll.k5);
    await check(X, Y, fixture.roll.k10);
  });

  it('a picture that is the data itself is perfectly faithful; a shuffled one is not', async () => {
    const Y = npy(resolve(FIXTURES, fixture.roll.view));
    const same = await projectionFaithfulness(Y.data, Y.n, Y.d, Y.data, Y.d, { k: 10 });
    expect(same.trustworthiness).toBe(1);
    expect(same.continuity).toBe(1);
    expect(same.meanPreservation).toBe(1);
    const shuffled = new Float32Array(Y.data.length);
    for (let i = 0; i < Y.n; i++) shuffled.set(Y.data.subarray(((i * 7919) % Y.n) * 2, ((i * 7919) % Y.n) * 2 + 2), i * 2);
    const bad = await projectionFaithfulness(Y.data, Y.n, Y.d, shuffled, 2, { k: 10 });
    expect(bad.trustworthiness).toBeLessThan(0.6);
    expect(bad.meanPreservation).toBeLessThan(0.1);
  });

  it('above maxQueries it runs on a seeded sample of query rows and says so', async () => {
    const X = npy(resolve(FIXTURES, fixture.roll.data));
    const Y = npy(resolve(FIXTURES, fixture.roll.view));
    const got = await projectionFaithfulness(X.data, X.n, X.d, Y.data, Y.d, { k: 10, maxQueries: 200, seed: 3 });
    expect(got.sample).toEqual({ size: 200, of: 600, seed: 3 });
    expect(got.queries.length).toBe(200);
    expect(Math.abs(got.trustworthiness - fixture.roll.k10.trustworthiness)).toBeLessThan(0.02);
  });

  it('refuses k >= n / 2 as scikit-learn does', async () => {
    const X = new Float32Array(12);
    await expect(projectionFaithfulness(X, 6, 2, X, 2, { k: 3 })).rejects.toThrow(/k < n \/ 2/);
  });
});
