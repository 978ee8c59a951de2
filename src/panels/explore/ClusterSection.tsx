/**
 * No labels? Cluster, then measure: seeded k-means (k given, or chosen by silhouette), k-subspaces
 * or density clusters of the PC1-PC2 picture (the CLI's --cluster) relabel the dataset on screen,
 * so every metric and view uses the clusters; the true labels stay as the column "true class" and
 * the metrics panel shows ARI and NMI against them.
 */
import { useState } from 'react';
import { useAnalysisStore } from '../../state/appStore';
import type { ClusterChoice } from '../../workers/analysisProtocol';
import { isDerived, rootOf } from './derivedSource';
import { OptionList } from '../fields/OptionList';

type Method = 'kmeans' | 'kmeans-auto' | 'ksubspaces' | 'density';

function choiceOf(method: Method, k: number, dim: number): ClusterChoice {
  if (method === 'kmeans-auto') return { method: 'kmeans', k: 'auto' };
  if (method === 'kmeans') return { method, k };
  if (method === 'ksubspaces') return { method, k, dim };
  return { method };
}

const LABELS: Record<Method, string> = {
  kmeans: 'k-means',
  'kmeans-auto': 'k-means, k by silhouette',
  ksubspaces: 'k-subspaces',
  density: 'density (PC1-PC2 picture)',
};

export function ClusterSection() {
  const ready = useAnalysisStore((s) => s.dataVersion > 0);
  const shownSource = useAnalysisStore((s) => s.shownSource);
  const [f, setF] = useState({ method: 'kmeans' as Method, k: 10, dim: 2, seed: 1 });
  const run = () => {
    const a = useAnalysisStore.getState();
    if (!a.shownSource) return;
    const base = a.dataset ?? 'data';
    const k = Math.max(2, Math.round(f.k));
    const what = f.method === 'kmeans' || f.method === 'ksubspaces' ? `${LABELS[f.method]} k = ${k}` : LABELS[f.method];
    a.run({ kind: 'clusters', name: `${base} · ${what}`, dataset: a.datasetId, cluster: choiceOf(f.method, k, Math.max(1, Math.round(f.dim))), seed: Math.round(f.seed), parent: a.shownSource });
  };
  const needsK = f.method === 'kmeans' || f.method === 'ksubspaces';
  return (
    <fieldset className="control">
      <legend>Cluster, then measure</legend>
      <div className="param-grid">
        <label className="param-field param-wide">
          method
          <select value={f.method} data-testid="cluster-method" onChange={(e) => setF({ ...f, method: e.target.value as Method })}>
            <OptionList items={Object.keys(LABELS) as Method[]} value={(m) => m} label={(m) => LABELS[m]} />
          </select>
        </label>
        {needsK ? (
          <label className="param-field">
            k
            <input type="number" min={2} max={200} value={f.k} data-testid="cluster-k" onChange={(e) => setF({ ...f, k: Number(e.target.value) })} />
          </label>
        ) : null}
        {f.method === 'ksubspaces' ? (
          <label className="param-field">
            dimension
            <input type="number" min={1} max={50} value={f.dim} data-testid="cluster-dim" onChange={(e) => setF({ ...f, dim: Number(e.target.value) })} />
          </label>
        ) : null}
        {f.method !== 'density' ? (
          <label className="param-field">
            seed
            <input type="number" min={0} value={f.seed} data-testid="cluster-seed" onChange={(e) => setF({ ...f, seed: Number(e.target.value) })} />
          </label>
        ) : null}
        <button type="button" disabled={!ready} onClick={run} data-testid="cluster-run" title="Relabel the points by their clusters: every metric and view is recomputed with them">
          Cluster and re-analyse
        </button>
      </div>
      {shownSource && isDerived(shownSource) ? (
        <div className="button-row">
          <button type="button" onClick={() => useAnalysisStore.getState().run(rootOf(shownSource))} data-testid="cluster-back">
            Back to the loaded data
          </button>
        </div>
      ) : (
        <p className="control-note">The clusters become the labels of every metric and view; true labels stay as the column “true class”.</p>
      )}
    </fieldset>
  );
}
