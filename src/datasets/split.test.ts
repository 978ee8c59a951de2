import { describe, expect, it } from 'vitest';
import { splitDataset, type SplitOptions } from './split';
import type { LabelledPoints } from './types';

/** 4 classes x 50 rows; row i has x = [i, label] so rows can be traced through the split. */
function traceable(): LabelledPoints {
  const n = 200;
  const vectors = new Float32Array(n * 2);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 4;
    vectors[2 * i] = i;
    vectors[2 * i + 1] = labels[i];
  }
  return { n, dim: 2, vectors, labels, classNames: ['a', 'b', 'c', 'd'] };
}

const BASE: SplitOptions = { testFraction: 0.2, imbalanceRatio: 1, minorityClasses: 0, labelNoise: 0, seed: 3 };

function counts(y: Int32Array, K = 4): number[] {
  const c = new Array(K).fill(0);
  for (const v of y) c[v]++;
  return c;
}

describe('splitDataset', () => {
  it('stratifies: round(n_k * testFraction) test rows per class, disjoint, rows unchanged', () => {
    const d = splitDataset(traceable(), BASE);
    expect(counts(d.yTest)).toEqual([10, 10, 10, 10]);
    expect(counts(d.yTrain)).toEqual([40, 40, 40, 40]);
    expect(d.dim).toBe(2);
    expect(d.classes).toBe(4);
    expect(d.classNames).toEqual(['a', 'b', 'c', 'd']);
    const seen = new Set<number>();
    for (const [X, y] of [[d.xTrain, d.yTrain], [d.xTest, d.yTest]] as const) {
      for (let r = 0; r < y.length; r++) {
        const i = X[2 * r];
        expect(seen.has(i)).toBe(false);
        seen.add(i);
        expect(X[2 * r + 1]).toBe(y[r]);
        expect(i % 4).toBe(y[r]);
      }
    }
    expect(seen.size).toBe(200);
  });

  it('imbalance: the last m classes keep round(n_train / ratio) rows; the test set stays balanced', () => {
    const d = splitDataset(traceable(), { ...BASE, imbalanceRatio: 8, minorityClasses: 2 });
    expect(counts(d.yTrain)).toEqual([40, 40, 5, 5]);
    expect(counts(d.yTest)).toEqual([10, 10, 10, 10]);
  });

  it('label noise flips exactly floor(p n_train) training labels to a different class', () => {
    const d = splitDataset(traceable(), { ...BASE, labelNoise: 0.25 });
    const flipped: number[] = [];
    for (let r = 0; r < d.yTrain.length; r++) if (d.xTrain[2 * r + 1] !== d.yTrain[r]) flipped.push(r);
    expect(flipped).toHaveLength(Math.floor(0.25 * 160));
    expect(Array.from(d.noisyTrain!)).toEqual(flipped);
    for (let r = 0; r < d.yTest.length; r++) expect(d.xTest[2 * r + 1]).toBe(d.yTest[r]);
  });

  it('is deterministic in the seed', () => {
    const opts = { ...BASE, labelNoise: 0.1, imbalanceRatio: 2, minorityClasses: 1 };
    const a = splitDataset(traceable(), opts);
    expect(splitDataset(traceable(), opts)).toEqual(a);
    expect(splitDataset(traceable(), { ...opts, seed: 4 }).xTrain).not.toEqual(a.xTrain);
  });

  it('testFraction 0 gives an empty test set', () => {
    const d = splitDataset(traceable(), { ...BASE, testFraction: 0 });
    expect(d.yTest.length).toBe(0);
    expect(d.xTest.length).toBe(0);
    expect(d.yTrain.length).toBe(200);
  });

  it('rejects out-of-range controls', () => {
    const p = traceable();
    expect(() => splitDataset(p, { ...BASE, testFraction: 0.95 })).toThrow(/testFraction/);
    expect(() => splitDataset(p, { ...BASE, imbalanceRatio: 0.5 })).toThrow(/imbalanceRatio/);
    expect(() => splitDataset(p, { ...BASE, minorityClasses: 4 })).toThrow(/minorityClasses/);
    expect(() => splitDataset(p, { ...BASE, labelNoise: 1 })).toThrow(/labelNoise/);
  });
});
