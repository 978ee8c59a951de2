/**
 * With labels: per class, the principal angles between its subspace in A and in B after the global
 * Procrustes alignment (both in the padded space of procrustes.ts: As and s Bs R^T; class subspace =
 * top-k right singular vectors of the class's centred rows, geometry/subspaces.ts), and the
 * neural-collapse metrics of each side on its own (geometry/collapse.ts).
 */
import type { CollapseMetrics } from '../geometry/types';
import { classSubspaces, principalAngles } from '../geometry/subspaces';
import { collapseMetrics } from '../geometry/collapse';

export interface ClassComparison {
  /** Requested class-subspace dimension. */
  k: number;
  names: string[];
  counts: number[];
  /** Actual subspace dimension per class on each side (min(k, n_c - 1, dim), numerical rank). */
  ranksA: number[];
  ranksB: number[];
  /** Per class: principal angles in radians, ascending (min(ranksA, ranksB) of them). */
  angles: number[][];
  /** Per class: mean principal angle (null when a side's class subspace is empty). */
  meanAngle: (number | null)[];
  collapseA: CollapseMetrics;
  collapseB: CollapseMetrics;
}

export interface ClassInput {
  labels: Int32Array;
  K: number;
  names: string[];
}

/** Class comparison from the aligned display pair (n x dim each) and the raw sides for the collapse metrics. */
export function compareClasses(
  aligned: { standardA: Float32Array; alignedB: Float32Array; dim: number },
  raw: { A: Float32Array; B: Float32Array; n: number; dA: number; dB: number },
  cls: ClassInput,
  k = 3,
): ClassComparison {
  const { labels, K } = cls;
  const { n } = raw;
  const basesA = classSubspaces(aligned.standardA, n, aligned.dim, labels, K, k);
  const basesB = classSubspaces(aligned.alignedB, n, aligned.dim, labels, K, k);
  const angles = basesA.map((Q, c) => Array.from(principalAngles(Q, basesB[c]).angles));
  const counts = new Array<number>(K).fill(0);
  for (const y of labels) counts[y]++;
  return {
    k,
    names: cls.names,
    counts,
    ranksA: basesA.map((b) => b.cols),
    ranksB: basesB.map((b) => b.cols),
    angles,
    meanAngle: angles.map((a) => (a.length ? a.reduce((s, v) => s + v, 0) / a.length : null)),
    collapseA: collapseMetrics(raw.A, n, raw.dA, labels, K),
    collapseB: collapseMetrics(raw.B, n, raw.dB, labels, K),
  };
}
