/**
 * Seeded k-means (Lloyd's algorithm from greedy k-means++ seeding, as scikit-learn's KMeans with
 * n_init = 1): minimises the inertia sum_i ||x_i - c_{l(i)}||^2; stops when the squared shift of
 * the centres is at most tol = 1e-4 x the mean per-feature variance, or after maxIter rounds.
 */
import { checkpoint } from './abort';
import { mulberry32 } from './random';

export interface KmeansOptions {
  seed?: number;
  maxIter?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface KmeansResult {
  k: number;
  /** Cluster of each row, 0..k-1. */
  labels: Int32Array;
  /** k x d centres (float64, row-major). */
  centres: Float64Array;
  inertia: number;
  iterations: number;
}

/** Squared distance between row i of X and centre c of C (both width d). */
function dist2(X: Float32Array, i: number, C: Float64Array, c: number, d: number): number {
  let s = 0;
  const oi = i * d;
  const oc = c * d;
  for (let t = 0; t < d; t++) {
    const v = X[oi + t] - C[oc + t];
    s += v * v;
  }
  return s;
}

/** Greedy k-means++: each new centre is the best of 2 + floor(ln k) candidates drawn with probability ~ D^2. */
export function kmeansPlusPlus(X: Float32Array, n: number, d: number, k: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  const C = new Float64Array(k * d);
  const setCentre = (c: number, i: number) => {
    for (let t = 0; t < d; t++) C[c * d + t] = X[i * d + t];
  };
  setCentre(0, Math.floor(rand() * n));
  const closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) potential += closest[i] = dist2(X, i, C, 0, d);
  const trials = 2 + Math.floor(Math.log(k));
  const trial = new Float64Array(d);
  const trialD = new Float64Array(n);
  const bestD = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestPot = Infinity;
    let best = 0;
    for (let t = 0; t < trials; t++) {
      let r = rand() * potential;
      let cand = 0;
      while (cand < n - 1 && r >= closest[cand]) r -= closest[cand++];
      for (let u = 0; u < d; u++) trial[u] = X[cand * d + u];
      let pot = 0;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let u = 0; u < d; u++) s += (X[i * d + u] - trial[u]) ** 2;
        trialD[i] = Math.min(closest[i], s);
        pot += trialD[i];
      }
      if (pot < bestPot) {
        bestPot = pot;
        best = cand;
        bestD.set(trialD);
      }
    }
    setCentre(c, best);
    closest.set(bestD);
    potential = bestPot;
  }
  return C;
}

/** k-means of the rows of X (n x d) into k clusters (1 <= k <= n). */
export async function kmeans(X: Float32Array, n: number, d: number, k: number, opts: KmeansOptions = {}): Promise<KmeansResult> {
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new RangeError(`k-means needs 1 <= k <= n (k = ${k}, n = ${n})`);
  const maxIter = opts.maxIter ?? 300;
  const C = kmeansPlusPlus(X, n, d, k, opts.seed ?? 1);
  const tol = 1e-4 * meanVariance(X, n, d);
  const labels = new Int32Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Int32Array(k);
  let iterations = 0;
  for (let it = 0; it < maxIter; it++) {
    await checkpoint(opts.signal);
    assign(X, n, d, C, k, labels);
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      for (let t = 0; t < d; t++) sums[c * d + t] += X[i * d + t];
    }
    let shift = 0;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      for (let t = 0; t < d; t++) {
        const v = sums[c * d + t] / counts[c];
        shift += (v - C[c * d + t]) ** 2;
        C[c * d + t] = v;
      }
    }
    iterations = it + 1;
    opts.onProgress?.(Math.min(1, iterations / maxIter));
    if (shift <= tol) break;
  }
  const inertia = assign(X, n, d, C, k, labels);
  opts.onProgress?.(1);
  return { k, labels, centres: C, inertia, iterations };
}

/** Nearest centre of every row (ties to the lower index); returns the inertia. */
function assign(X: Float32Array, n: number, d: number, C: Float64Array, k: number, labels: Int32Array): number {
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let arg = 0;
    for (let c = 0; c < k; c++) {
      const s = dist2(X, i, C, c, d);
      if (s < best) {
        best = s;
        arg = c;
      }
    }
    labels[i] = arg;
    inertia += best;
  }
  return inertia;
}

function meanVariance(X: Float32Array, n: number, d: number): number {
  let total = 0;
  for (let t = 0; t < d; t++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += X[i * d + t];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (X[i * d + t] - m) ** 2;
    total += v / n;
  }
  return total / d;
}
