/**
 * Mergeable first and second moments of labelled rows, in float64: per class the count n_k, the sum
 * s_k (mu_k = s_k / n_k, as the in-memory path divides) and the centred sum of squares
 * t_k = sum ||x - mu_k||^2, and the pooled within-class scatter W = sum_i (x_i - mu_{y_i})(x_i - mu_{y_i})^T.
 * Chunks and partials combine by Chan, Golub & LeVeque's pairwise update (never raw sums of x x^T):
 * for parts A, B of class k, delta = mu_B - mu_A, n = n_A + n_B, W += W_B + (n_A n_B / n) delta delta^T.
 * Unlabelled rows form one class whose label is null. Memory O(K d + d^2) plus one chunk.
 */
import { rowIsFinite } from '../geometry/clean';
import { addGramUpper, mirrorUpper } from './gram';

/** The moments of one class. */
export interface ClassMoments {
  label: string | null;
  count: number;
  /** sum of the class's rows. */
  sum: Float64Array;
  /** sum over the class's rows of ||x - mu_k||^2. */
  sumSq: number;
}

export interface Moments {
  dim: number;
  classes: ClassMoments[];
  /** Pooled within-class scatter W, d x d row-major; only the upper triangle (a <= b) is kept up to date. */
  scatter: Float64Array;
  /** Rows skipped for NaN or Infinity. */
  nonFinite: number;
}

/** Empty moments of d-dimensional rows. */
export function createMoments(dim: number): Moments {
  return { dim, classes: [], scatter: new Float64Array(dim * dim), nonFinite: 0 };
}

/** The index of the class with this label, created (empty) when new. */
export function classSlot(m: Moments, label: string | null, index?: Map<string | null, number>): number {
  const known = index?.get(label) ?? m.classes.findIndex((c) => c.label === label);
  if (known !== undefined && known >= 0) return known;
  m.classes.push({ label, count: 0, sum: new Float64Array(m.dim), sumSq: 0 });
  index?.set(label, m.classes.length - 1);
  return m.classes.length - 1;
}

/** Reused buffers of a chunk accumulator (column-major centred rows padded to a multiple of 4 columns). */
export interface ChunkWorkspace {
  cols: Float64Array;
  stride: number;
  gram: Float64Array;
  dp: number;
}

export function createWorkspace(dim: number, rows: number): ChunkWorkspace {
  const dp = Math.ceil(dim / 4) * 4;
  return { cols: new Float64Array(dp * rows), stride: rows, gram: new Float64Array(dp * dp), dp };
}

/**
 * Adds `rows` rows of `vectors` (row-major float32) with class slots `slots` (from classSlot; -1 or
 * undefined: one unlabelled class) to m. Rows with a non-finite value are counted and skipped; the
 * finite rows' indices are returned.
 * The chunk's own moments are formed two-pass (its class means first), then merged by Chan's update;
 * the rank-K correction rows sqrt(n_A n_B / n) delta_k are appended to the chunk so that one Gram
 * kernel call adds both.
 */
export function addChunk(m: Moments, vectors: Float32Array, rows: number, slots: Int32Array | null, ws: ChunkWorkspace): number[] {
  const d = m.dim;
  const finite = finiteRows(vectors, rows, d);
  m.nonFinite += rows - finite.length;
  if (finite.length === 0) return finite;
  const slotOf = (r: number) => (slots ? slots[r] : 0);
  if (!slots && m.classes.length === 0) classSlot(m, null);
  const chunkCount = new Float64Array(m.classes.length);
  const chunkSum = new Float64Array(m.classes.length * d);
  for (const r of finite) {
    const k = slotOf(r);
    chunkCount[k]++;
    const o = r * d;
    for (let j = 0; j < d; j++) chunkSum[k * d + j] += vectors[o + j];
  }
  const present: number[] = [];
  chunkCount.forEach((c, k) => {
    if (c > 0) present.push(k);
  });
  const chunkMean = new Float64Array(chunkSum.length);
  for (const k of present) for (let j = 0; j < d; j++) chunkMean[k * d + j] = chunkSum[k * d + j] / chunkCount[k];
  const need = finite.length + present.length;
  const work = need <= ws.stride ? ws : createWorkspace(d, need);
  const { cols, stride, dp } = work;
  const chunkSumSq = new Float64Array(m.classes.length);
  finite.forEach((r, i) => {
    const k = slotOf(r);
    const o = r * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = vectors[o + j] - chunkMean[k * d + j];
      cols[j * stride + i] = v;
      s += v * v;
    }
    chunkSumSq[k] += s;
  });
  let extra = finite.length;
  for (const k of present) {
    const c = m.classes[k];
    const n = c.count + chunkCount[k];
    const f = (c.count * chunkCount[k]) / n;
    const root = Math.sqrt(f);
    let delta2 = 0;
    for (let j = 0; j < d; j++) {
      const delta = c.count > 0 ? chunkMean[k * d + j] - c.sum[j] / c.count : 0;
      cols[j * stride + extra] = root * delta;
      delta2 += delta * delta;
      c.sum[j] += chunkSum[k * d + j];
    }
    c.sumSq += chunkSumSq[k] + f * delta2;
    c.count = n;
    extra++;
  }
  for (let j = d; j < dp; j++) cols.fill(0, j * stride, j * stride + extra);
  work.gram.fill(0);
  addGramUpper(work.gram, cols, stride, extra, dp);
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) m.scatter[a * d + b] += work.gram[a * dp + b];
  return finite;
}

function finiteRows(vectors: Float32Array, rows: number, d: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++) if (rowIsFinite(vectors, r, d)) out.push(r);
  return out;
}

/** B merged into A (A changes; B is left as is) by Chan's pairwise update, class by class (matched by label). */
export function mergeInto(A: Moments, B: Moments): Moments {
  if (A.dim !== B.dim) throw new RangeError(`cannot merge moments of ${A.dim} and ${B.dim} dimensions`);
  for (let t = 0; t < A.dim * A.dim; t++) A.scatter[t] += B.scatter[t];
  for (const b of B.classes) mergeClass(A, b, b.label);
  A.nonFinite += B.nonFinite;
  return A;
}

/** Class b's moments merged into A's class `label` (created when absent), its rank-one term added to A.scatter. */
export function mergeClass(A: Moments, b: ClassMoments, label: string | null): void {
  const d = A.dim;
  const a = A.classes[classSlot(A, label)];
  if (b.count === 0) return;
  const n = a.count + b.count;
  const f = (a.count * b.count) / n;
  const delta = new Float64Array(d);
  let delta2 = 0;
  for (let j = 0; j < d; j++) {
    delta[j] = a.count > 0 ? b.sum[j] / b.count - a.sum[j] / a.count : 0;
    delta2 += delta[j] * delta[j];
  }
  for (let p = 0; p < d; p++) {
    const fp = f * delta[p];
    if (fp === 0) continue;
    for (let q = p; q < d; q++) A.scatter[p * d + q] += fp * delta[q];
  }
  for (let j = 0; j < d; j++) a.sum[j] += b.sum[j];
  a.sumSq += b.sumSq + f * delta2;
  a.count = n;
}

/** The full symmetric W (a copy) from the upper triangle kept by the accumulators. */
export function fullScatter(m: Moments): Float64Array {
  const W = Float64Array.from(m.scatter);
  mirrorUpper(W, m.dim);
  return W;
}

/** Finite rows counted so far. */
export function rowCount(m: Moments): number {
  return m.classes.reduce((s, c) => s + c.count, 0);
}

/** mu_k = s_k / n_k (zeros for an empty class). */
export function classMean(c: ClassMoments): Float64Array {
  return c.sum.map((v) => (c.count > 0 ? v / c.count : 0));
}
