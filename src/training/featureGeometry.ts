/** Geometry of a feature sample for Snapshots: intrinsic dimension, effective rank, class subspace angles. */
import { knn } from '../geometry/knn';
import { mle, twoNN } from '../geometry/dimension';
import { mat, symEig } from '../geometry/linalg';
import { principalAngles } from '../geometry/subspaces';
import type { SubspacePair } from './types';

/** NaN and infinities become null (a metric that cannot be computed at this step). */
export function finiteOrNull(v: number | null | undefined): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
}

/** True when every entry is finite (a diverged run has NaN or infinite features). */
export function allFinite(X: ArrayLike<number>): boolean {
  for (let t = 0; t < X.length; t++) if (!Number.isFinite(X[t])) return false;
  return true;
}

/**
 * TwoNN and MLE (harmonic, k = mleK) of the rows of X (m x d) from one kNN pass with
 * max(mleK, 2) neighbours; null where the sample is too small, non-finite or degenerate.
 */
export async function sampleIntrinsicDimension(X: Float32Array, m: number, d: number, mleK: number): Promise<{ twoNN: number | null; mle: number | null }> {
  if (m < 3 || !allFinite(X)) return { twoNN: null, mle: null };
  const nn = await knn(X, m, d, Math.max(mleK, 2));
  return {
    twoNN: finiteOrNull(twoNN(nn)),
    mle: mleK >= 2 && nn.k >= mleK ? finiteOrNull(mle(nn, mleK).harmonic) : null,
  };
}

/** TwoNN alone (the layer profile): kNN with 2 neighbours. */
export async function sampleTwoNN(X: Float32Array, m: number, d: number): Promise<number | null> {
  if (m < 3 || !allFinite(X)) return null;
  return finiteOrNull(twoNN(await knn(X, m, d, 2)));
}

/**
 * Effective rank (Roy & Vetterli 2007) of the column-centred m x d sample: exp(-sum p_i log p_i)
 * with p_i = s_i / sum s_j over its singular values s (from the eigenvalues of the smaller
 * Gram matrix, float64). Between 1 and min(m, d); 0 when the centred sample is zero, NaN if non-finite.
 */
export function effectiveRank(X: Float32Array, m: number, d: number): number {
  if (!allFinite(X)) return NaN;
  const mean = new Float64Array(d);
  for (let i = 0; i < m; i++) for (let t = 0; t < d; t++) mean[t] += X[i * d + t] / m;
  const byColumns = d <= m;
  const p = byColumns ? d : m;
  const G = mat(p, p);
  const row = new Float64Array(d);
  if (byColumns) {
    for (let i = 0; i < m; i++) {
      for (let t = 0; t < d; t++) row[t] = X[i * d + t] - mean[t];
      for (let a = 0; a < d; a++) for (let b = a; b < d; b++) G.data[a * d + b] += row[a] * row[b];
    }
  } else {
    const C = new Float64Array(m * d);
    for (let i = 0; i < m; i++) for (let t = 0; t < d; t++) C[i * d + t] = X[i * d + t] - mean[t];
    for (let a = 0; a < m; a++) {
      for (let b = a; b < m; b++) {
        let s = 0;
        for (let t = 0; t < d; t++) s += C[a * d + t] * C[b * d + t];
        G.data[a * m + b] = s;
      }
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) G.data[a * p + b] = G.data[b * p + a];
  const s = Array.from(symEig(G).values, (l) => Math.sqrt(Math.max(l, 0)));
  const total = s.reduce((u, v) => u + v, 0);
  if (!(total > 0)) return 0;
  let h = 0;
  for (const v of s) if (v > 0) h -= (v / total) * Math.log(v / total);
  return Math.exp(h);
}

/** Principal angles between every pair of class subspaces, bases given as K x F x k float32 (S_c = bases[c]). */
export function subspacePairs(bases: Float32Array, K: number, F: number, k: number): SubspacePair[] {
  const S = Array.from({ length: K }, (_, c) => mat(F, k, bases.subarray(c * F * k, (c + 1) * F * k)));
  const pairs: SubspacePair[] = [];
  for (let a = 0; a < K; a++) {
    for (let b = a + 1; b < K; b++) {
      const { angles, geodesic, chordal } = principalAngles(S[a], S[b]);
      pairs.push({ a, b, angles, geodesic, chordal });
    }
  }
  return pairs;
}

/** Cosine between two rows of a row-major K x F array, after subtracting `centre` (or nothing). */
export function rowCosine(rows: Float32Array, F: number, a: number, b: number, centre?: Float32Array): number {
  let dot = 0, na = 0, nb = 0;
  for (let t = 0; t < F; t++) {
    const u = rows[a * F + t] - (centre?.[t] ?? 0);
    const v = rows[b * F + t] - (centre?.[t] ?? 0);
    dot += u * v;
    na += u * u;
    nb += v * v;
  }
  return dot / Math.sqrt(na * nb);
}
