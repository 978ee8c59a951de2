/**
 * Which exact kNN runs: the brute-force tile scan (knn.ts) or the PCA tree (knnTree.ts), chosen by
 * a cheap, deterministic estimate of the tree's work. The tree's cost per query is measured on two
 * nested seeded samples of the rows (1,024 and 4,096), extrapolated to n with the growth exponent
 * the two samples show (clamped to [0, 1], so at worst linear in n like brute force), and set
 * against brute force's n d / 2 multiply-adds per row on a kernel taken to be BRUTE_SPEEDUP times
 * faster per multiply-add than the tree's plain-JS float64 distances, times the pool's threads.
 */
import { KnnRows } from './knnRows';
import { leadingBasis, project } from './knnProjection';
import { KnnTree, type SearchWork } from './knnTree';
import { selectRows } from './rows';
import { sampleRows } from './sample';

export type KnnMethod = 'brute force' | 'pca tree';

/** Brute force's tile kernels (wasm SIMD int16, tfjs matMul) per multiply-add against the tree's JS loop: measured 27-30x here (exactBench.ts). */
export const BRUTE_SPEEDUP = 32;
/** The tree must be estimated this much cheaper than brute force to be chosen. */
const MARGIN = 0.8;
/** Below this many brute-force multiply-adds (n^2 d / 2) brute force runs without an estimate. */
export const TREE_MIN_WORK = 2e9;
const SMALL = 1024;
const LARGE = 4096;
const QUERIES = 64;

export interface TreePlan {
  method: KnnMethod;
  /** Leading components of the tree's bound (when the tree was estimated). */
  p: number;
  /** Estimated cost of each method, in plain-JS multiply-adds. */
  treeCost: number;
  bruteCost: number;
  /** The leading basis (p x d) the estimate used, for the tree's build. */
  basis?: Float64Array;
}

/** Leading components of the tree's bound: all coordinates for d <= 24 (the bound is then the distance), else 10. */
export function treeDims(d: number): number {
  return d <= 24 ? d : 10;
}

/** Cost of a search's work in plain-JS multiply-adds: exact distances d each, bounds (p + 1) each with overhead. */
function workCost(w: SearchWork, d: number, dims: number): number {
  return w.exact * (d + 8) + w.bounds * (dims + 4);
}

/** Brute force's cost in the same units: the tile scan on `threads` threads plus the float64 refinement of the candidates. */
export function bruteCost(n: number, d: number, kk: number, threads: number): number {
  const candidates = kk + Math.max(8, Math.ceil(kk / 2));
  return (n * n * d) / 2 / (BRUTE_SPEEDUP * Math.max(1, threads)) + n * candidates * (d + 8);
}

/** The tree over rows with p leading components; the basis (p x d, from leadingBasis) is estimated when not given. */
export function buildTree(rows: KnnRows, p: number, kk: number, basis?: Float64Array): KnnTree {
  const B = basis ?? leadingBasis(rows, p);
  return new KnnTree(rows, project(rows, B, p), kk);
}

/**
 * The estimate above; `threads`: the threads brute force's scan would get. The basis is estimated
 * once, on the small sample, and returned for the tree's build over all rows.
 */
export function planKnn(X: Float32Array, n: number, d: number, kk: number, cosine: boolean, threads: number): TreePlan {
  const brute = bruteCost(n, d, kk, threads);
  const none: TreePlan = { method: 'brute force', p: 0, treeCost: Infinity, bruteCost: brute };
  if ((n * n * d) / 2 < TREE_MIN_WORK || n <= LARGE) return none;
  // A seeded uniform sample of LARGE rows, ordered so that its first SMALL are a uniform sample of it.
  const picks = sampleRows(n, LARGE, 7);
  const inner = sampleRows(LARGE, SMALL, 8);
  const isInner = new Uint8Array(LARGE);
  for (const t of inner) isInner[t] = 1;
  const ordered = [...Array.from(inner, (t) => picks[t]), ...Array.from(picks).filter((_, t) => !isInner[t])];
  const Xs = selectRows(X, d, ordered);
  const small = new KnnRows(Xs.subarray(0, SMALL * d), SMALL, d, cosine);
  const p = treeDims(d);
  const basis = leadingBasis(small, p, 1, 2);
  const perQuery = (rows: KnnRows) => {
    const tree = buildTree(rows, p, kk, basis);
    const idx = new Int32Array(rows.n * kk);
    const dist = new Float64Array(rows.n * kk);
    for (let q = 0; q < QUERIES; q++) tree.search(q, idx, dist);
    return workCost(tree.work, d, p + 1) / QUERIES;
  };
  const a = perQuery(small);
  // Exact distances to a third of the small sample already: the bound prunes too little here.
  if (a >= (SMALL / 3) * (d + 8)) return none;
  const b = perQuery(new KnnRows(Xs, LARGE, d, cosine));
  const growth = Math.min(1, Math.max(0, Math.log(b / a) / Math.log(LARGE / SMALL)));
  const cost = n * b * (n / LARGE) ** growth + n * d * (2 * p + 2);
  return cost < MARGIN * brute ? { method: 'pca tree', p, treeCost: cost, bruteCost: brute, basis } : { ...none, treeCost: cost };
}
