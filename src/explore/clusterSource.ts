/**
 * Cluster, then measure: the dataset on screen labelled by its clusters (seeded k-means with k
 * given or chosen by silhouette, k-subspaces, or density clusters of the PC1-PC2 picture, as the
 * CLI's --cluster), its true labels kept as the metadata column "true class", and the report's
 * clusters block with ARI and NMI against them.
 */
import { agreement, clusterRows, type ClusterSpec } from '../geometry/clusterRows';
import { silhouette } from '../geometry/clusterScores';
import { projectPca } from '../geometry/pca';
import { selectRows } from '../geometry/rows';
import { sampleRows } from '../geometry/sample';
import { checkpoint } from '../geometry/abort';
import type { AnalysisReport } from '../geometry/types';
import type { Dataset } from './dataset';
import type { Loaded } from './sources';
import { subsetOf } from './subset';

/** The k tried when k-means chooses k by silhouette: 2 .. AUTO_K_MAX. */
export const AUTO_K_MAX = 12;
/** Rows the silhouette of each k is computed on at most (a seeded sample above). */
export const SILHOUETTE_MAX_ROWS = 2_000;

/** What to cluster by: a spec, or k-means with k chosen by the best silhouette. */
export type ClusterChoice = ClusterSpec | { method: 'kmeans'; k: 'auto' };

export interface Clustered {
  loaded: Extract<Loaded, { emb: unknown }>;
  clusters: NonNullable<AnalysisReport['clusters']>;
}

/** Clusters ds and returns it relabelled; silhouette-chosen k tries 2..AUTO_K_MAX. */
export async function clusteredOf(ds: Dataset, choice: ClusterChoice, seed: number, opts: { signal?: AbortSignal; onProgress?: (f: number) => void } = {}): Promise<Clustered> {
  let spec: ClusterSpec;
  if (choice.method === 'kmeans' && choice.k === 'auto') {
    const kMax = Math.min(AUTO_K_MAX, ds.n - 1);
    const rows = sampleRows(ds.n, SILHOUETTE_MAX_ROWS, seed);
    const Xs = rows.length < ds.n ? selectRows(ds.X, ds.d, rows) : ds.X;
    let best = { k: 2, s: -Infinity };
    for (let k = 2; k <= kMax; k++) {
      await checkpoint(opts.signal);
      const c = await clusterRows(ds.X, ds.n, ds.d, { method: 'kmeans', k }, { seed, signal: opts.signal });
      const s = silhouette(Xs, rows.length, ds.d, Int32Array.from(rows, (i) => c.labels[i]));
      if (s > best.s) best = { k, s };
      opts.onProgress?.((k - 1) / kMax);
    }
    spec = { method: 'kmeans', k: best.k };
  } else spec = choice as ClusterSpec;
  const view = spec.method === 'density' ? { coords: projectPca(ds.X, ds.n, ds.d, ds.pca, Math.min(2, ds.d)), stride: Math.min(2, ds.d) } : undefined;
  const c = await clusterRows(ds.X, ds.n, ds.d, spec, { seed, view, signal: opts.signal });
  const truth = ds.labels ? agreement(c.labels, ds.labels) : null;
  const all = Int32Array.from({ length: ds.n }, (_, i) => i);
  const loaded = subsetOf({ ...ds, labels: c.labels, classNames: c.names, K: c.names.length }, all);
  if (ds.labels && ds.classNames) {
    const meta = loaded.emb.meta ?? { columns: [], values: [] };
    const labels = ds.labels;
    const names = ds.classNames;
    loaded.emb.meta = { columns: [...meta.columns, 'true class'], values: [...meta.values, Array.from(labels, (y) => names[y])] };
  }
  return {
    loaded,
    clusters: { method: spec.method, k: c.names.length, seed, objective: c.objective, ari: truth?.ari ?? null, nmi: truth?.nmi ?? null },
  };
}
