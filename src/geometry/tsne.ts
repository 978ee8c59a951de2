/**
 * Barnes-Hut t-SNE (van der Maaten 2014) in 2-D or 3-D, with scikit-learn's defaults: perplexity 30,
 * 1,000 iterations, early exaggeration 12 for the first 250 (momentum 0.5, then 0.8), learning
 * rate 'auto' = max(n / 12 / 4, 50), per-coordinate gains (+0.2 / x0.8, at least 0.01), theta 0.5.
 * Student-t kernel with one degree of freedom in 2-D and 3-D alike (van der Maaten; sklearn uses
 * n_components - 1). Affinities over the exact kNN (knn()); deterministic for its seed and init.
 */
import { knn } from './knn';
import { checkpoint } from './abort';
import { createRng } from './random';
import { BhTree } from './bhTree';
import { jointProbabilities, tsneNeighbours, type JointProbabilities } from './tsneAffinities';

export interface TsneOptions {
  dims?: 2 | 3;
  perplexity?: number;
  iterations?: number;
  /** Barnes-Hut angle (0 = exact repulsion, O(n^2) per iteration). */
  theta?: number;
  /** Seed of the random initialisation (N(0, 1e-4^2)) when no init is given. */
  seed?: number;
  /** Initial coordinates (n x dims); rescaled so the first column's std is 1e-4, as sklearn does for PCA init. */
  init?: Float64Array;
  signal?: AbortSignal;
  /** Fraction in [0, 1] and the stage ('neighbours' or 'layout'). */
  onProgress?: (fraction: number, stage: string) => void;
}

export interface TsneResult {
  /** n x 3 float32 (third column 0 for dims = 2), centred. */
  coords: Float32Array;
  /** KL(P || Q) of the final layout (the Barnes-Hut estimate of Z). */
  klDivergence: number;
  perplexity: number;
  iterations: number;
}

const EXAGGERATION = 12;
const EXAGGERATION_ITERS = 250;
const KNN_SHARE = 0.25;

/** t-SNE coordinates of the rows of X (n x d). Needs n > 3 and perplexity < n. */
export async function tsneLayout(X: Float32Array, n: number, d: number, opts: TsneOptions = {}): Promise<TsneResult> {
  const dims = opts.dims ?? 2;
  const perplexity = opts.perplexity ?? 30;
  const iterations = opts.iterations ?? 1000;
  const theta = opts.theta ?? 0.5;
  if (!(n > 3)) throw new RangeError(`t-SNE needs at least 4 rows (n = ${n})`);
  if (!(perplexity > 0 && perplexity < n)) throw new RangeError(`t-SNE needs 0 < perplexity < n (perplexity = ${perplexity}, n = ${n})`);
  const { signal, onProgress } = opts;
  onProgress?.(0, 'neighbours');
  const nn = await knn(X, n, d, tsneNeighbours(n, perplexity), { signal, onProgress: (f) => onProgress?.(KNN_SHARE * f, 'neighbours') });
  const P = jointProbabilities(nn, n, perplexity);
  const Y = initialLayout(n, dims, opts);
  const learningRate = Math.max(n / EXAGGERATION / 4, 50);
  const update = new Float64Array(n * dims);
  const gains = new Float64Array(n * dims).fill(1);
  const grad = new Float64Array(n * dims);
  const tree = new BhTree(n, dims);
  let kl = NaN;
  for (let it = 0; it < iterations; it++) {
    await checkpoint(signal);
    const early = it < EXAGGERATION_ITERS;
    const z = tsneGradient(Y, P, dims, early ? EXAGGERATION : 1, theta, tree, grad);
    if (it === iterations - 1) kl = klDivergence(Y, P, dims, z);
    const momentum = early ? 0.5 : 0.8;
    for (let t = 0; t < n * dims; t++) {
      const g = grad[t];
      gains[t] = update[t] * g < 0 ? gains[t] + 0.2 : gains[t] * 0.8;
      if (gains[t] < 0.01) gains[t] = 0.01;
      update[t] = momentum * update[t] - learningRate * gains[t] * g;
      Y[t] += update[t];
    }
    if (it % 10 === 0 || it === iterations - 1) onProgress?.(KNN_SHARE + (1 - KNN_SHARE) * ((it + 1) / iterations), 'layout');
  }
  if (iterations === 0) kl = klDivergence(Y, P, dims, tsneGradient(Y, P, dims, 1, theta, tree, grad));
  return { coords: centred(Y, n, dims), klDivergence: kl, perplexity, iterations };
}

/**
 * grad = dKL/dY = 4 (exaggeration sum_j p_ij q_ij Z (y_i - y_j) - sum_j q_ij^2 Z (y_i - y_j) / Z),
 * q_ij Z = 1 / (1 + ||y_i - y_j||^2), repulsion from the Barnes-Hut tree. Returns Z.
 */
export function tsneGradient(Y: Float64Array, P: JointProbabilities, dims: 2 | 3, exaggeration: number, theta: number, tree: BhTree, grad: Float64Array): number {
  const n = P.n;
  tree.build(Y);
  grad.fill(0);
  const rep = new Float64Array(n * dims);
  const f = new Float64Array(dims);
  let z = 0;
  for (let i = 0; i < n; i++) {
    f.fill(0);
    z += tree.repulsion(Y, i, theta, f);
    for (let c = 0; c < dims; c++) rep[i * dims + c] = f[c];
  }
  for (let i = 0; i < n; i++) {
    for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
      const j = P.cols[e];
      let r2 = 0;
      for (let c = 0; c < dims; c++) r2 += (Y[i * dims + c] - Y[j * dims + c]) ** 2;
      const w = (exaggeration * P.values[e]) / (1 + r2);
      for (let c = 0; c < dims; c++) grad[i * dims + c] += w * (Y[i * dims + c] - Y[j * dims + c]);
    }
    for (let c = 0; c < dims; c++) grad[i * dims + c] = 4 * (grad[i * dims + c] - rep[i * dims + c] / z);
  }
  return z;
}

/** KL(P || Q) = sum p_ij log(p_ij / q_ij), q_ij = (1 + ||y_i - y_j||^2)^-1 / Z, over P's entries. */
function klDivergence(Y: Float64Array, P: JointProbabilities, dims: number, z: number): number {
  let kl = 0;
  for (let i = 0; i < P.n; i++) {
    for (let e = P.rowStart[i]; e < P.rowStart[i + 1]; e++) {
      const p = P.values[e];
      if (p <= 0) continue;
      const j = P.cols[e];
      let r2 = 0;
      for (let c = 0; c < dims; c++) r2 += (Y[i * dims + c] - Y[j * dims + c]) ** 2;
      kl += p * Math.log(p / (1 / (1 + r2) / z));
    }
  }
  return kl;
}

function initialLayout(n: number, dims: 2 | 3, opts: TsneOptions): Float64Array {
  const Y = new Float64Array(n * dims);
  if (opts.init) {
    if (opts.init.length !== n * dims) throw new RangeError(`t-SNE init must be n x ${dims} (${n * dims} values, got ${opts.init.length})`);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += opts.init[i * dims] / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (opts.init[i * dims] - mean) ** 2 / n;
    const s = v > 0 ? 1e-4 / Math.sqrt(v) : 1;
    for (let t = 0; t < n * dims; t++) Y[t] = opts.init[t] * s;
    return Y;
  }
  const rng = createRng(opts.seed ?? 1);
  for (let t = 0; t < n * dims; t++) Y[t] = 1e-4 * rng.normal();
  return Y;
}

function centred(Y: Float64Array, n: number, dims: number): Float32Array {
  const out = new Float32Array(n * 3);
  for (let c = 0; c < dims; c++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += Y[i * dims + c] / n;
    for (let i = 0; i < n; i++) out[i * 3 + c] = Y[i * dims + c] - m;
  }
  return out;
}
