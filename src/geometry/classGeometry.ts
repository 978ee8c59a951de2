/**
 * Per-class geometry for the charts: the intrinsic dimension of each class on its own, and the
 * principal angles between every pair of class subspaces.
 */
import type { Mat } from './types';
import { mat } from './linalg';
import { knn } from './knn';
import { DEFAULT_MLE_K, mle, twoNN } from './dimension';
import { selectRows } from './rows';
import { classSubspaces, principalAngles } from './subspaces';
import { uniqueRowMap } from './localId';
import { checkpoint } from './abort';
import { InputError } from '../io/errors';
import type { TileScanPool } from './parallel/pool';

/** Intrinsic dimension of each class alone (NaN where a class has fewer than 3 unique rows). */
export interface ClassDimensions {
  /** TwoNN per class. */
  twoNN: Float64Array;
  /** MLE harmonic mean per class, with k = min(k, unique rows of the class - 1). */
  mleHarmonic: Float64Array;
  /** The k used per class (0 when not computed). */
  k: Int32Array;
}

/**
 * TwoNN and the Levina-Bickel MLE (harmonic) of each class's unique rows, Euclidean kNN within the
 * class only (same conventions as analyze(): duplicates removed first).
 */
export async function classDimensions(
  X: Float32Array,
  n: number,
  d: number,
  labels: Int32Array,
  K: number,
  k = DEFAULT_MLE_K,
  opts: { signal?: AbortSignal; onProgress?: (fraction: number) => void; pool?: TileScanPool; poolMinWork?: number } = {},
): Promise<ClassDimensions> {
  const members: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < n; i++) members[labels[i]].push(i);
  const out: ClassDimensions = { twoNN: new Float64Array(K).fill(NaN), mleHarmonic: new Float64Array(K).fill(NaN), k: new Int32Array(K) };
  let done = 0;
  for (let c = 0; c < K; c++) {
    await checkpoint(opts.signal);
    const rows = members[c];
    const Xc = selectRows(X, d, rows);
    const { keep } = uniqueRowMap(Xc, rows.length, d);
    const unique = keep.length;
    if (unique >= 3) {
      const Xu = unique === rows.length ? Xc : selectRows(Xc, d, keep);
      const kEff = Math.min(k, unique - 1);
      const nn = await knn(Xu, unique, d, Math.max(kEff, 2), { signal: opts.signal, pool: opts.pool, poolMinWork: opts.poolMinWork });
      out.twoNN[c] = twoNN(nn);
      out.mleHarmonic[c] = mle(nn, kEff).harmonic;
      out.k[c] = kEff;
    }
    done += rows.length;
    opts.onProgress?.(done / n);
  }
  return out;
}

/** Principal angles between the class subspaces, as K x K matrices (radians; diagonal 0). */
export interface SubspaceAngles {
  /** Requested subspace dimension k. */
  k: number;
  /** Actual dimension of each class subspace (min(k, n_c - 1, d), reduced to the numerical rank). */
  ranks: Int32Array;
  /** Mean principal angle between classes i and j. */
  mean: Mat;
  /** Smallest principal angle (the most shared direction). */
  smallest: Mat;
  /** Largest principal angle. */
  largest: Mat;
}

/** subspaceAngles refuses more classes: K(K-1)/2 pairs and three K x K matrices (a heatmap of 300 x 300 cells is already past reading). */
export const MAX_ANGLE_CLASSES = 300;

/**
 * classSubspaces(X, ..., k) for every class, then principalAngles for every pair (i < j),
 * mirrored; pairs where a subspace is empty get NaN. A checkpoint after each row of pairs (rejects
 * with an AbortError on signal); an InputError above MAX_ANGLE_CLASSES classes.
 */
export async function subspaceAngles(
  X: Float32Array,
  n: number,
  d: number,
  labels: Int32Array,
  K: number,
  k: number,
  opts: { signal?: AbortSignal } = {},
): Promise<SubspaceAngles> {
  if (K > MAX_ANGLE_CLASSES) {
    throw new InputError(
      `Principal angles between the subspaces of ${K.toLocaleString('en-US')} classes are not computed: that is ${((K * (K - 1)) / 2).toLocaleString('en-US')} pairs, and the heatmap shows at most ${MAX_ANGLE_CLASSES} classes.`,
      `Analyse a subset of at most ${MAX_ANGLE_CLASSES} classes to see their principal angles.`,
    );
  }
  const bases = classSubspaces(X, n, d, labels, K, k);
  const mean = mat(K, K);
  const smallest = mat(K, K);
  const largest = mat(K, K);
  for (let i = 0; i < K; i++) {
    await checkpoint(opts.signal);
    for (let j = i + 1; j < K; j++) {
      const { angles } = principalAngles(bases[i], bases[j]);
      const m = angles.length;
      const stats = m === 0 ? [NaN, NaN, NaN] : [angles.reduce((a, b) => a + b, 0) / m, angles[0], angles[m - 1]];
      [mean, smallest, largest].forEach((M, s) => {
        M.data[i * K + j] = stats[s];
        M.data[j * K + i] = stats[s];
      });
    }
  }
  return { k, ranks: Int32Array.from(bases, (b) => b.cols), mean, smallest, largest };
}
