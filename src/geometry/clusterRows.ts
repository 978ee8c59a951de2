/**
 * Labels from clusters, for data without labels (or to compare against them): one entry point over
 * seeded k-means, k-subspaces and density clusters of a 2-D picture, parsed from a short spec
 * (`kmeans:10`, `ksubspaces:4:2`, `density`) as the CLI's --cluster and the app's Clusters panel use.
 */
import { InputError } from '../io/errors';
import { kmeans } from './kmeans';
import { kSubspaces } from './kSubspaces';
import { densityClusters } from './densityClusters';
import { adjustedRandIndex, normalizedMutualInfo } from './clusterScores';

export type ClusterSpec = { method: 'kmeans'; k: number } | { method: 'ksubspaces'; k: number; dim: number } | { method: 'density' };

export interface Clustering {
  spec: ClusterSpec;
  /** Cluster of each row, 0..count-1 (density: noise rows form the last cluster, named "unclustered"). */
  labels: Int32Array;
  names: string[];
  seed: number;
  /** k-means inertia or k-subspaces residual share; null for density clusters. */
  objective: number | null;
}

/** Parses `kmeans:K`, `ksubspaces:K[:DIM]` or `density`; InputError with the fix otherwise. */
export function parseClusterSpec(text: string): ClusterSpec {
  const [method, a, b] = text.trim().toLowerCase().split(':');
  const int = (s: string | undefined, what: string, min: number) => {
    const v = s === undefined ? NaN : Number(s);
    if (!(Number.isInteger(v) && v >= min)) throw new InputError(`--cluster ${text}: ${what} must be an integer of at least ${min}.`, 'Write e.g. --cluster kmeans:10, --cluster ksubspaces:4:2 or --cluster density.');
    return v;
  };
  if (method === 'kmeans') return { method, k: int(a, 'the number of clusters', 2) };
  if (method === 'ksubspaces') return { method, k: int(a, 'the number of subspaces', 2), dim: b === undefined ? 2 : int(b, 'the subspace dimension', 1) };
  if (method === 'density' && a === undefined) return { method };
  throw new InputError(`unknown clustering ${JSON.stringify(text)}.`, 'Use kmeans:K, ksubspaces:K[:DIM] or density.');
}

/**
 * Clusters the rows of X (n x d). Density clusters need the 2-D picture `view` (n x stride, first two
 * coordinates used); k-means and k-subspaces run on X itself.
 */
export async function clusterRows(
  X: Float32Array,
  n: number,
  d: number,
  spec: ClusterSpec,
  opts: { seed?: number; view?: { coords: Float32Array; stride: number }; signal?: AbortSignal; onProgress?: (f: number) => void } = {},
): Promise<Clustering> {
  const seed = opts.seed ?? 1;
  if (spec.method === 'kmeans') {
    if (spec.k > n) throw new InputError(`k-means with ${spec.k} clusters needs at least as many rows (there are ${n}).`, 'Choose fewer clusters.');
    const r = await kmeans(X, n, d, spec.k, { seed, signal: opts.signal, onProgress: opts.onProgress });
    return { spec, labels: r.labels, names: names(spec.k, 'cluster'), seed, objective: r.inertia };
  }
  if (spec.method === 'ksubspaces') {
    if (spec.dim >= d) throw new InputError(`k-subspaces of dimension ${spec.dim} need more than ${spec.dim} dimensions (the data have ${d}).`, 'Choose a smaller subspace dimension.');
    const r = await kSubspaces(X, n, d, spec.k, { dim: spec.dim, seed, signal: opts.signal, onProgress: opts.onProgress });
    return { spec, labels: r.labels, names: names(spec.k, 'subspace'), seed, objective: r.residualShare };
  }
  if (!opts.view) throw new RangeError('density clusters need a 2-D picture');
  const r = densityClusters(opts.view.coords, n, opts.view.stride);
  const noise = r.labels.some((c) => c < 0);
  const labels = Int32Array.from(r.labels, (c) => (c < 0 ? r.count : c));
  return { spec, labels, names: [...names(r.count, 'cluster'), ...(noise ? ['unclustered'] : [])], seed, objective: null };
}

/** ARI and NMI of a clustering against true labels (scikit-learn's conventions). */
export function agreement(clusters: ArrayLike<number>, truth: ArrayLike<number>): { ari: number; nmi: number } {
  return { ari: adjustedRandIndex(truth, clusters), nmi: normalizedMutualInfo(truth, clusters) };
}

function names(k: number, word: string): string[] {
  return Array.from({ length: k }, (_, c) => `${word} ${c}`);
}
