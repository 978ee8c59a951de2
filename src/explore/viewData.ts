/**
 * The data a view is computed from: the dataset itself, or its spherized copy (each row centred
 * on the mean row and scaled to unit length, as the Embedding Projector's "spherize" does), with
 * the PCA and class statistics of that copy; and principal axes beyond the report's first ten.
 * Each is computed once per dataset and kept while the dataset is (a WeakMap on it).
 */
import { classStatistics } from '../geometry/classStats';
import { pca } from '../geometry/pca';
import { columnMean } from '../geometry/rows';
import type { PcaResult } from '../geometry/types';
import type { Dataset } from './dataset';

/** Principal axes offered by the PCA view (PC1 .. PC50, at most d). */
export const VIEW_PCA_MAX = 50;

interface Variants {
  spherized?: Promise<Dataset>;
  widePca?: Promise<PcaResult>;
}

const cache = new WeakMap<Dataset, Variants>();

function variantsOf(ds: Dataset): Variants {
  let v = cache.get(ds);
  if (!v) cache.set(ds, (v = {}));
  return v;
}

/** Rows x_i - mean, scaled to unit Euclidean norm (a row equal to the mean stays 0). */
export function spherizeRows(X: Float32Array, n: number, d: number): Float32Array {
  const mean = columnMean(X, n, d);
  const out = new Float32Array(n * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) {
      row[t] = X[i * d + t] - mean[t];
      s += row[t] * row[t];
    }
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let t = 0; t < d; t++) out[i * d + t] = row[t] * inv;
  }
  return out;
}

/** The dataset with spherized rows, its PCA (as many axes as the original's) and class statistics. */
export function spherizedDataset(ds: Dataset, signal?: AbortSignal): Promise<Dataset> {
  const v = variantsOf(ds);
  v.spherized ??= (async () => {
    const X = spherizeRows(ds.X, ds.n, ds.d);
    const p = await pca(X, ds.n, ds.d, { components: Math.min(ds.d, VIEW_PCA_MAX), signal });
    const stats = ds.stats && ds.labels ? classStatistics(X, ds.n, ds.d, ds.labels, ds.K) : null;
    return { ...ds, X, pca: p, stats };
  })();
  return v.spherized.catch((e: unknown) => {
    v.spherized = undefined;
    throw e;
  });
}

/** The PCA of ds with min(d, VIEW_PCA_MAX) axes (the report's own PCA when it already has them). */
export function widePca(ds: Dataset, signal?: AbortSignal): Promise<PcaResult> {
  const q = Math.min(ds.d, VIEW_PCA_MAX);
  if (ds.pca.components.rows >= q) return Promise.resolve(ds.pca);
  const v = variantsOf(ds);
  v.widePca ??= pca(ds.X, ds.n, ds.d, { components: q, signal });
  return v.widePca.catch((e: unknown) => {
    v.widePca = undefined;
    throw e;
  });
}

/** Variance of each of the three columns of n x 3 coordinates over the rows `rows` (all when null), 1/N. */
export function axisVariances(coords: Float32Array, rows: Int32Array | null): [number, number, number] {
  const m = rows ? rows.length : coords.length / 3;
  const mean = [0, 0, 0];
  const sq = [0, 0, 0];
  for (let t = 0; t < m; t++) {
    const i = rows ? rows[t] : t;
    for (let a = 0; a < 3; a++) mean[a] += coords[i * 3 + a] / m;
  }
  for (let t = 0; t < m; t++) {
    const i = rows ? rows[t] : t;
    for (let a = 0; a < 3; a++) sq[a] += (coords[i * 3 + a] - mean[a]) ** 2 / m;
  }
  return [sq[0], sq[1], sq[2]];
}

/** Tr of the covariance of X (n x d, 1/N): the total variance a linear view's share is of. */
export function totalVariance(X: Float32Array, n: number, d: number): number {
  const mean = columnMean(X, n, d);
  let s = 0;
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) s += (X[i * d + t] - mean[t]) ** 2;
  return s / n;
}
