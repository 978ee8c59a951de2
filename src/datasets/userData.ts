/**
 * The user's own labelled data as a Train source: bounds on its size (a seeded row sample), checks
 * that it can be trained on, and the per-feature standardisation fitted on the training split.
 */
import { createRng } from '../geometry/random';
import { InputError } from '../io/errors';
import { deriveSeed } from './basis';
import { shuffle } from './split';
import type { Dataset, LabelledPoints } from './types';

/**
 * A user's file as a Train source: what identifies it (name, bytes, content hash: the file itself
 * never goes into a link), the rows it holds, and how many of them training keeps.
 */
export interface FileSourceSpec {
  kind: 'file';
  /** The file's (or folder's) name. */
  name: string;
  /** Its size in bytes (all images together for a folder). */
  size: number;
  /** The first 16 hex digits of the SHA-256 of its bytes; '' until the worker has read it. */
  hash: string;
  /** Labelled rows in the file (0 until read). */
  rows: number;
  /** Classes its labels name (0 until read). */
  classes: number;
  /** Most rows kept: a larger file is sampled (seeded by the data seed). */
  limit: number;
  /** True when the rows are decoded images (IMAGE_SIDE x IMAGE_SIDE grey); set by the worker. */
  images?: boolean;
}

/** Default and largest row limit of a user's file. */
export const FILE_ROW_LIMIT = { default: 5000, max: 20000 } as const;
/** Most float32 values (rows x dim) a user's file may give training: 32 MB. */
export const MAX_TRAIN_VALUES = 8_000_000;
/** Most classes a user's file may have. */
export const MAX_FILE_CLASSES = 100;

/** The rows kept for a dim-wide file: min(limit, floor(MAX_TRAIN_VALUES / dim)). */
export function rowsKept(limit: number, dim: number): number {
  return Math.max(1, Math.min(limit, Math.floor(MAX_TRAIN_VALUES / dim)));
}

/** Throws an InputError unless `emb` has labels in at least two classes, each with two rows. */
export function checkTrainable(points: { n: number; labels?: Int32Array; classNames?: string[] }, name: string): asserts points is LabelledPoints {
  if (!points.labels || !points.classNames) {
    throw new InputError(
      `${name} has no labels: Train needs a class for every row.`,
      'Choose a file with a label column (or an .npz with a labels array), or add the labels file together with the vectors.',
    );
  }
  const K = points.classNames.length;
  if (K < 2) throw new InputError(`${name} has only one class (${points.classNames[0] ?? ''}); a classifier needs two or more.`, 'Choose a file whose labels name at least two classes.');
  if (K > MAX_FILE_CLASSES) {
    throw new InputError(`${name} has ${K} classes; Train takes at most ${MAX_FILE_CLASSES}.`, 'Choose the label column that holds the classes (not an id), or merge rare classes.');
  }
  const counts = new Int32Array(K);
  for (const y of points.labels) counts[y]++;
  const small = counts.findIndex((c) => c < 2);
  if (small >= 0) {
    throw new InputError(`Class ${points.classNames[small]} of ${name} has ${counts[small]} row; every class needs at least two (one to train, one to test).`, 'Remove that class or add rows to it.');
  }
}

/**
 * At most `limit` rows of `points` (all of them when it has fewer): a uniform sample without
 * replacement by a shuffle seeded with (seed, 21), rows kept in file order. Classes are renumbered
 * only when a class loses every row (never in practice: checkTrainable runs on the sample too).
 */
export function sampleRows(points: LabelledPoints, limit: number, seed: number): LabelledPoints {
  if (points.n <= limit) return points;
  const order = Int32Array.from({ length: points.n }, (_, i) => i);
  shuffle(order, createRng(deriveSeed(seed, 21)));
  const rows = order.slice(0, limit).sort();
  const { dim } = points;
  const vectors = new Float32Array(limit * dim);
  rows.forEach((i, r) => vectors.set(points.vectors.subarray(i * dim, i * dim + dim), r * dim));
  return { n: limit, dim, vectors, labels: Int32Array.from(rows, (i) => points.labels[i]), classNames: points.classNames.slice() };
}

/** Per-feature mean and standard deviation (population) of the training rows; a constant feature has std 1. */
export interface Standardisation {
  mean: Float32Array;
  std: Float32Array;
}

/** The mean and population std of each column of the n x d row-major X (float64 sums; std 0 becomes 1). */
export function fitStandardisation(X: Float32Array, d: number): Standardisation {
  const n = X.length / d;
  const sum = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sum[j] += X[i * d + j];
  const mean = Float64Array.from(sum, (s) => s / Math.max(1, n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const c = X[i * d + j] - mean[j];
      sq[j] += c * c;
    }
  }
  const std = Float32Array.from(sq, (s) => {
    const v = Math.sqrt(s / Math.max(1, n));
    return v > 1e-12 ? v : 1;
  });
  return { mean: Float32Array.from(mean), std };
}

/** (x - mean) / std per column, into a new array. */
export function applyStandardisation(X: Float32Array, s: Standardisation): Float32Array {
  const d = s.mean.length;
  const out = new Float32Array(X.length);
  for (let t = 0; t < X.length; t++) out[t] = (X[t] - s.mean[t % d]) / s.std[t % d];
  return out;
}

/** The split with both sets standardised by the training rows' statistics (the test rows never shape them). */
export function standardiseDataset(ds: Dataset): Dataset & { standardisation: Standardisation } {
  const standardisation = fitStandardisation(ds.xTrain, ds.dim);
  return { ...ds, xTrain: applyStandardisation(ds.xTrain, standardisation), xTest: applyStandardisation(ds.xTest, standardisation), standardisation };
}
