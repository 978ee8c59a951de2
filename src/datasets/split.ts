/** Train/test split with the Train-mode controls: class imbalance and label noise (training rows only). */
import { createRng, type Rng } from '../geometry/random';
import { deriveSeed } from './basis';
import type { Dataset, LabelledPoints } from './types';

export interface SplitOptions {
  /** Fraction of each class held out for testing, in [0, 0.9]. */
  testFraction: number;
  /** >= 1: each minority class keeps 1/ratio of its training rows (at least one). 1 = balanced. */
  imbalanceRatio: number;
  /** How many classes are minorities: the last m classes K-m..K-1. */
  minorityClasses: number;
  /** Fraction of training rows whose label is replaced by a uniformly drawn different class, in [0, 1). */
  labelNoise: number;
  seed: number;
}

/**
 * Splits labelled points: per class a seeded shuffle puts round(n_k * testFraction) rows in the
 * test set (stratified); then, on the training rows only, minority classes are subsampled by
 * 1/imbalanceRatio ("step imbalance") and floor(labelNoise * nTrain) labels are flipped to a
 * different class. The test set stays balanced and clean. Rows keep their original order.
 */
export function splitDataset(points: LabelledPoints, opts: SplitOptions): Dataset {
  const { n, dim, labels, vectors } = points;
  const K = points.classNames.length;
  checkOptions(opts, K);
  const rng = createRng(deriveSeed(opts.seed, 11));
  const byClass: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < n; i++) byClass[labels[i]].push(i);
  const train: number[] = [];
  const test: number[] = [];
  byClass.forEach((rows, k) => {
    shuffle(rows, rng);
    const nTest = Math.round(rows.length * opts.testFraction);
    test.push(...rows.slice(0, nTest));
    const kept = rows.slice(nTest);
    const minority = k >= K - opts.minorityClasses && opts.imbalanceRatio > 1;
    const keep = minority ? Math.max(1, Math.round(kept.length / opts.imbalanceRatio)) : kept.length;
    train.push(...kept.slice(0, keep));
  });
  train.sort((a, b) => a - b);
  test.sort((a, b) => a - b);
  const yTrain = Int32Array.from(train, (i) => labels[i]);
  const noisyTrain = flipLabels(yTrain, K, opts.labelNoise, rng);
  return {
    xTrain: gatherRows(vectors, dim, train),
    yTrain,
    xTest: gatherRows(vectors, dim, test),
    yTest: Int32Array.from(test, (i) => labels[i]),
    dim,
    classes: K,
    classNames: points.classNames.slice(),
    noisyTrain,
  };
}

function checkOptions(o: SplitOptions, K: number): void {
  if (!(o.testFraction >= 0 && o.testFraction <= 0.9)) throw new RangeError(`testFraction must be in [0, 0.9] (got ${o.testFraction})`);
  if (!(o.imbalanceRatio >= 1)) throw new RangeError(`imbalanceRatio must be >= 1 (got ${o.imbalanceRatio})`);
  if (!(Number.isInteger(o.minorityClasses) && o.minorityClasses >= 0 && o.minorityClasses < K)) {
    throw new RangeError(`minorityClasses must be an integer in [0, ${K - 1}] (got ${o.minorityClasses})`);
  }
  if (!(o.labelNoise >= 0 && o.labelNoise < 1)) throw new RangeError(`labelNoise must be in [0, 1) (got ${o.labelNoise})`);
}

/** Fisher-Yates shuffle in place. */
export function shuffle<T>(a: T[] | Int32Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/**
 * Replaces floor(p * n) distinct labels (chosen by a seeded shuffle) with y + 1 + floor(u (K-1)) mod K;
 * returns the flipped rows, ascending.
 */
function flipLabels(y: Int32Array, K: number, p: number, rng: Rng): Int32Array {
  const count = Math.floor(p * y.length);
  if (count === 0) return new Int32Array(0);
  const order = Int32Array.from({ length: y.length }, (_, i) => i);
  shuffle(order, rng);
  for (let t = 0; t < count; t++) {
    const i = order[t];
    y[i] = (y[i] + 1 + Math.floor(rng.uniform() * (K - 1))) % K;
  }
  return order.slice(0, count).sort();
}

/** Rows `rows` of the row-major n x d matrix X, stacked. */
export function gatherRows(X: Float32Array, d: number, rows: readonly number[]): Float32Array {
  const out = new Float32Array(rows.length * d);
  rows.forEach((i, r) => out.set(X.subarray(i * d, i * d + d), r * d));
  return out;
}
