/**
 * The non-linear views: UMAP (umap-js over exact kNN) and Barnes-Hut t-SNE, each on a seeded
 * sample above its cap. Their class means are centroids of the layout; there is no ETF overlay.
 */
import { drawSample } from '../geometry/sample';
import { selectRows } from '../geometry/rows';
import { tsneLayout } from '../geometry/tsne';
import { umapLayout } from '../geometry/umap';
import type { Dataset } from './dataset';
import type { ViewResult } from './viewProtocol';
import { spherizeRows } from './viewData';
import { fitUnitBall, pad, type ViewOptions, type ViewSpec } from './views';

import { TSNE_MAX_POINTS, UMAP_MAX_POINTS } from './viewCaps';

export { TSNE_MAX_POINTS, UMAP_MAX_POINTS };

const fmt = (v: number) => v.toLocaleString('en-US');

/** Class centroids of a layout over the rows `rows` (all when null), and the mean of the centroids. */
export function centroids(coords: Float32Array, labels: Int32Array, K: number, rows: Int32Array | null): { means: Float32Array; global: [number, number, number] } {
  const sums = new Float64Array(K * 3);
  const counts = new Float64Array(K);
  const m = rows ? rows.length : labels.length;
  for (let t = 0; t < m; t++) {
    const i = rows ? rows[t] : t;
    const k = labels[i];
    counts[k]++;
    for (let c = 0; c < 3; c++) sums[k * 3 + c] += coords[i * 3 + c];
  }
  const means = new Float32Array(K * 3);
  const global: [number, number, number] = [0, 0, 0];
  let present = 0;
  for (let k = 0; k < K; k++) {
    if (counts[k] === 0) continue;
    present++;
    for (let c = 0; c < 3; c++) {
      means[k * 3 + c] = sums[k * 3 + c] / counts[k];
      global[c] += means[k * 3 + c];
    }
  }
  for (let c = 0; c < 3; c++) global[c] /= Math.max(present, 1);
  return { means, global };
}

type Nonlinear = Extract<ViewSpec, { kind: 'umap' | 'tsne' }>;

/** Places a layout of the sampled rows (m x 3) among all n points and fits it in the unit ball. */
function place(ds: Dataset, spec: Nonlinear, layout: Float32Array, sample: Int32Array | null, names: string[], note: string): ViewResult {
  const m = sample ? sample.length : ds.n;
  const coords = sample ? new Float32Array(ds.n * 3) : layout;
  if (sample) sample.forEach((i, t) => coords.set(layout.subarray(t * 3, t * 3 + 3), i * 3));
  const c = ds.labels ? centroids(coords, ds.labels, ds.K, sample) : null;
  let centre: [number, number, number] = [0, 0, 0];
  for (let t = 0; t < m; t++) for (let a = 0; a < 3; a++) centre[a] += layout[t * 3 + a] / m;
  if (spec.dims === 2) centre = [centre[0], centre[1], 0];
  return {
    view: spec,
    coords,
    ...fitUnitBall(coords, sample, centre),
    axes: pad(names),
    sample,
    means: c ? c.means : null,
    globalMean: c ? c.global : null,
    etf: null,
    note,
    axisVariance: null,
    totalVariance: null,
  };
}

/**
 * The rows a non-linear layout runs on: above the cap a seeded sample (uniform, or stratified per
 * class with largest-remainder quotas when asked and the data has labels); unit rows for cosine.
 */
function inputRows(ds: Dataset, spec: Nonlinear, cap: number, cosine: boolean) {
  const strategy = spec.sample === 'stratified' && ds.labels ? 'stratified' : 'uniform';
  const sample = ds.n > cap ? drawSample(ds.n, { size: cap, strategy, seed: spec.seed }, ds.labels, ds.K) : null;
  const m = sample ? sample.length : ds.n;
  let X = sample ? selectRows(ds.X, ds.d, sample) : ds.X;
  if (cosine) {
    const unit = new Float32Array(m * ds.d);
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let t = 0; t < ds.d; t++) s += X[i * ds.d + t] ** 2;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let t = 0; t < ds.d; t++) unit[i * ds.d + t] = X[i * ds.d + t] * inv;
    }
    X = unit;
  }
  if (spec.spherize) X = spherizeRows(X, m, ds.d);
  const what = spec.kind === 'umap' ? 'UMAP' : 't-SNE';
  const how = strategy === 'stratified' ? 'stratified (per-class)' : spec.sample === 'stratified' ? 'uniform (no labels to stratify by)' : 'uniform';
  const sampled = sample ? `${what} on a seeded ${how} sample of ${fmt(m)} of ${fmt(ds.n)} points (seed ${spec.seed}); the others are hidden. ` : '';
  return { sample, m, X, sampled };
}

const TAIL = 'distances between clusters are not meaningful; class means shown are centroids of the layout; no ETF overlay (the layout is not linear).';

export async function umapView(ds: Dataset, spec: Extract<ViewSpec, { kind: 'umap' }>, opts: ViewOptions): Promise<ViewResult> {
  const neighbours = spec.neighbours ?? 15;
  const minDist = spec.minDist ?? 0.1;
  const cosine = spec.metric === 'cosine';
  const { sample, m, X, sampled } = inputRows(ds, spec, spec.maxPoints ?? UMAP_MAX_POINTS, cosine);
  const layout = await umapLayout(X, m, ds.d, { dims: spec.dims, seed: spec.seed, neighbours, minDist, signal: opts.signal, onProgress: opts.onProgress });
  const metric = cosine ? 'cosine (rows scaled to unit length, exact kNN)' : 'exact Euclidean kNN';
  const names = Array.from({ length: spec.dims }, (_, a) => `UMAP ${a + 1}`);
  const sph = spec.spherize ? 'spherized rows, ' : '';
  return place(ds, spec, layout, sample, names, `${sampled}UMAP (${sph}${neighbours} neighbours, min_dist ${minDist}, ${metric}, seed ${spec.seed}): ${TAIL}`);
}

export async function tsneView(ds: Dataset, spec: Extract<ViewSpec, { kind: 'tsne' }>, opts: ViewOptions): Promise<ViewResult> {
  const { sample, m, X, sampled } = inputRows(ds, spec, spec.maxPoints ?? TSNE_MAX_POINTS, false);
  const perplexity = Math.min(spec.perplexity, Math.max(1, Math.floor((m - 1) / 3)));
  const r = await tsneLayout(X, m, ds.d, { dims: spec.dims, perplexity, seed: spec.seed, iterations: spec.iterations, signal: opts.signal, onProgress: opts.onProgress });
  const names = Array.from({ length: spec.dims }, (_, a) => `t-SNE ${a + 1}`);
  const sph = spec.spherize ? 'spherized rows, ' : '';
  const p = perplexity === spec.perplexity ? `perplexity ${perplexity}` : `perplexity ${perplexity} (${spec.perplexity} asked; at most (n - 1) / 3)`;
  return place(ds, spec, r.coords, sample, names, `${sampled}t-SNE (${sph}Barnes-Hut, ${p}, ${r.iterations} iterations, seed ${spec.seed}, KL ${r.klDivergence.toFixed(3)}): ${TAIL}`);
}
