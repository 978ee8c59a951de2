/**
 * Exact kNN that computes few exact distances on data of low intrinsic dimension: a k-d tree over
 * the lower-bound coordinates z_i of knnProjection.ts (||z_i - z_j||^2 <= ||x_i - x_j||^2), searched
 * nearest box first; a box or a point is skipped only when its bound exceeds the current k-th exact
 * squared distance by more than the rounding slack, so every row that could enter the list (ties
 * included) gets its exact float64 distance, computed as KnnRows.dist2 computes it (bit for bit).
 */
import { insertSorted, type KnnRows } from './knnRows';
import type { ProjectedRows } from './knnProjection';

const LEAF = 24;
/** Relative slack (of max ||c_i||^2) on every bound: far above the float64 round-off of z and dist2 (~(d + p) eps). */
const SLACK = 1e-9;

/** Work done by searches, in units the cost model of knnChoice.ts weighs. */
export interface SearchWork {
  /** Exact d-dimensional distances computed. */
  exact: number;
  /** (p+1)-dimensional bounds computed (points and boxes). */
  bounds: number;
}

export class KnnTree {
  /** Rows in tree order; leaves hold contiguous runs of it. */
  readonly order: Int32Array;
  private readonly zt: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly tau: number;
  private readonly topIdx: Int32Array;
  private readonly topDist: Float64Array;
  private cand = new Int32Array(LEAF);
  private candDist = new Float64Array(LEAF);
  readonly work: SearchWork = { exact: 0, bounds: 0 };

  constructor(
    private readonly rows: KnnRows,
    private readonly proj: ProjectedRows,
    private readonly kk: number,
  ) {
    const { n } = rows;
    const { z, dims } = proj;
    this.order = Int32Array.from({ length: n }, (_, i) => i);
    this.tau = SLACK * proj.normSqMax;
    const boxes: Float64Array[] = [];
    this.buildNode(0, n, boxes);
    const nodes = this.start.length;
    this.lo = new Float64Array(nodes * dims);
    this.hi = new Float64Array(nodes * dims);
    boxes.forEach((b, node) => {
      this.lo.set(b.subarray(0, dims), node * dims);
      this.hi.set(b.subarray(dims), node * dims);
    });
    this.zt = new Float64Array(n * dims);
    for (let pos = 0; pos < n; pos++) this.zt.set(z.subarray(this.order[pos] * dims, this.order[pos] * dims + dims), pos * dims);
    this.topIdx = new Int32Array(kk);
    this.topDist = new Float64Array(kk);
  }

  /** Builds the node over order[from, to), splitting at the median of its widest coordinate; returns its id. */
  private buildNode(from: number, to: number, boxes: Float64Array[]): number {
    const { z, dims } = this.proj;
    const order = this.order;
    const box = new Float64Array(2 * dims).fill(Infinity);
    for (let a = 0; a < dims; a++) box[dims + a] = -Infinity;
    for (let pos = from; pos < to; pos++) {
      const o = order[pos] * dims;
      for (let a = 0; a < dims; a++) {
        const v = z[o + a];
        if (v < box[a]) box[a] = v;
        if (v > box[dims + a]) box[dims + a] = v;
      }
    }
    const id = this.start.length;
    this.start.push(from);
    this.end.push(to);
    this.left.push(-1);
    this.right.push(-1);
    boxes.push(box);
    let axis = 0;
    for (let a = 1; a < dims; a++) if (box[dims + a] - box[a] > box[dims + axis] - box[axis]) axis = a;
    if (to - from <= LEAF || !(box[dims + axis] > box[axis])) return id;
    const mid = (from + to) >> 1;
    select(order, from, to - 1, mid, (i) => z[i * dims + axis]);
    this.left[id] = this.buildNode(from, mid, boxes);
    this.right[id] = this.buildNode(mid, to, boxes);
    return id;
  }

  /**
   * The kk nearest rows of row i (self excluded, ties by index) into indices/dist2 at i*kk, as
   * squared distances (dist2). Depth first, nearer box first.
   */
  search(i: number, indices: Int32Array, dist2: Float64Array): void {
    const { dims } = this.proj;
    const { kk, tau, zt, lo, hi } = this;
    const q = this.proj.z.subarray(i * dims, i * dims + dims);
    let count = 0;
    let limit = Infinity;
    const stack: number[] = [0];
    const boundOf: number[] = [0];
    let bounds = 0;
    while (stack.length > 0) {
      const node = stack.pop() as number;
      const nb = boundOf.pop() as number;
      if (nb - tau > limit) continue;
      const l = this.left[node];
      if (l < 0) {
        if (this.cand.length < this.end[node] - this.start[node]) {
          this.cand = new Int32Array(this.end[node] - this.start[node]);
          this.candDist = new Float64Array(this.cand.length);
        }
        let m = 0;
        for (let pos = this.start[node]; pos < this.end[node]; pos++) {
          const j = this.order[pos];
          if (j === i) continue;
          let s = 0;
          for (let a = 0, o = pos * dims; a < dims; a++) {
            const v = zt[o + a] - q[a];
            s += v * v;
          }
          bounds++;
          if (s - tau > limit) continue;
          this.cand[m++] = j;
        }
        if (m === 0) continue;
        this.exact(i, m);
        for (let c = 0; c < m; c++) count = this.insert(count, this.cand[c], this.candDist[c]);
        if (count === kk) limit = this.topDist[kk - 1];
        continue;
      }
      const r = this.right[node];
      const bl = boxBound(q, lo, hi, l * dims, dims);
      const br = boxBound(q, lo, hi, r * dims, dims);
      bounds += 2;
      // Push the farther child first so the nearer one is searched first.
      if (bl <= br) {
        stack.push(r, l);
        boundOf.push(br, bl);
      } else {
        stack.push(l, r);
        boundOf.push(bl, br);
      }
    }
    this.work.bounds += bounds;
    indices.set(this.topIdx, i * kk);
    dist2.set(this.topDist, i * kk);
  }

  /** candDist[c] = rows.dist2(i, cand[c]) for c < m (KnnRows.dist2Batch: bit for bit dist2). */
  private exact(i: number, m: number): void {
    this.work.exact += m;
    this.rows.dist2Batch(i, this.cand.subarray(0, m), this.candDist);
  }

  private insert(count: number, j: number, dj: number): number {
    return insertSorted(this.topIdx, this.topDist, count, this.kk, j, dj);
  }
}

/** Squared distance from q to the box [lo, hi] stored at offset o. */
function boxBound(q: Float64Array, lo: Float64Array, hi: Float64Array, o: number, dims: number): number {
  let s = 0;
  for (let a = 0; a < dims; a++) {
    const v = q[a] < lo[o + a] ? lo[o + a] - q[a] : q[a] > hi[o + a] ? q[a] - hi[o + a] : 0;
    s += v * v;
  }
  return s;
}

/** Reorders a[from..to] so a[k] holds the element of rank k by key (Hoare quickselect). */
function select(a: Int32Array, from: number, to: number, k: number, key: (i: number) => number): void {
  let l = from;
  let r = to;
  while (r > l) {
    const pivot = key(a[(l + r) >> 1]);
    let i = l;
    let j = r;
    while (i <= j) {
      while (key(a[i]) < pivot) i++;
      while (key(a[j]) > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}
