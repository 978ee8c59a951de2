/**
 * A Barnes-Hut space-partitioning tree (quadtree in 2-D, octree in 3-D) over t-SNE's embedding,
 * for the repulsive forces: a cell whose width w and distance r to the query satisfy w / r < theta
 * acts as one point of mass count at its centre of mass (van der Maaten 2014).
 */

const MAX_DEPTH = 40;

/** The tree, rebuilt every iteration; flat arrays indexed by node. */
export class BhTree {
  private count = new Int32Array(0);
  private com = new Float64Array(0);
  private width = new Float64Array(0);
  private firstChild = new Int32Array(0);
  private childCount = new Uint8Array(0);
  /** Leaves: the range [lo, hi) of `order` they hold (hi - lo > 1 only at MAX_DEPTH, for coincident points). */
  private lo = new Int32Array(0);
  private hi = new Int32Array(0);
  private nodes = 0;
  private readonly order: Int32Array;
  private readonly scratch: Int32Array;
  private readonly stack: Int32Array;

  constructor(
    private readonly n: number,
    private readonly dims: 2 | 3,
  ) {
    this.order = new Int32Array(n);
    this.scratch = new Int32Array(n);
    this.stack = new Int32Array(MAX_DEPTH * (1 << dims) + 8);
    this.grow(Math.max(16, 2 * n));
  }

  /** Builds the tree over Y (n x dims, row-major). */
  build(Y: Float64Array): void {
    const { n, dims } = this;
    for (let i = 0; i < n; i++) this.order[i] = i;
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < dims; c++) {
        min[c] = Math.min(min[c], Y[i * dims + c]);
        max[c] = Math.max(max[c], Y[i * dims + c]);
      }
    }
    const centre = [0, 0, 0];
    let half = 0;
    for (let c = 0; c < dims; c++) {
      centre[c] = (min[c] + max[c]) / 2;
      half = Math.max(half, (max[c] - min[c]) / 2);
    }
    this.nodes = 0;
    this.buildInto(this.alloc(), Y, 0, n, centre, half * (1 + 1e-9) + 1e-12, 0);
  }

  /**
   * Adds to force (length dims) sum_j q_ij^2 Z (y_i - y_j) over all j != i, and returns the
   * contribution sum_j q_ij Z (= sum_j 1 / (1 + ||y_i - y_j||^2)) to the normaliser Z.
   */
  repulsion(Y: Float64Array, i: number, theta: number, force: Float64Array): number {
    const { dims, stack } = this;
    const yi0 = Y[i * dims];
    const yi1 = Y[i * dims + 1];
    const yi2 = dims === 3 ? Y[i * dims + 2] : 0;
    const theta2 = theta * theta;
    let z = 0;
    let f0 = 0;
    let f1 = 0;
    let f2 = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      let mass = this.count[node];
      const o = node * 3;
      const d0 = yi0 - this.com[o];
      const d1 = yi1 - this.com[o + 1];
      const d2 = dims === 3 ? yi2 - this.com[o + 2] : 0;
      const r2 = d0 * d0 + d1 * d1 + d2 * d2;
      const leaf = this.childCount[node] === 0;
      if (leaf) {
        if (this.holds(node, i)) mass -= 1;
        if (mass === 0) continue;
      } else {
        const w = 2 * this.width[node];
        if (w * w >= theta2 * r2) {
          const first = this.firstChild[node];
          for (let c = 0; c < this.childCount[node]; c++) stack[top++] = first + c;
          continue;
        }
      }
      const q = 1 / (1 + r2);
      z += mass * q;
      const m = mass * q * q;
      f0 += m * d0;
      f1 += m * d1;
      f2 += m * d2;
    }
    force[0] += f0;
    force[1] += f1;
    if (dims === 3) force[2] += f2;
    return z;
  }

  private holds(node: number, i: number): boolean {
    for (let t = this.lo[node]; t < this.hi[node]; t++) if (this.order[t] === i) return true;
    return false;
  }

  /** Fills `node` for order[lo..hi) in the cube (centre, half); its children are stored contiguously. */
  private buildInto(node: number, Y: Float64Array, lo: number, hi: number, centre: number[], half: number, depth: number): void {
    const { dims } = this;
    const size = hi - lo;
    this.count[node] = size;
    this.width[node] = half;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (let t = lo; t < hi; t++) {
      const p = this.order[t] * dims;
      s0 += Y[p];
      s1 += Y[p + 1];
      if (dims === 3) s2 += Y[p + 2];
    }
    this.com[node * 3] = s0 / size;
    this.com[node * 3 + 1] = s1 / size;
    this.com[node * 3 + 2] = s2 / size;
    this.lo[node] = lo;
    this.hi[node] = hi;
    this.childCount[node] = 0;
    if (size === 1 || depth >= MAX_DEPTH) return;
    // Counting sort of the points into the 2^dims sub-cells.
    const cells = 1 << dims;
    const counts = new Int32Array(cells + 1);
    const cellOf = (idx: number) => {
      let cell = 0;
      for (let c = 0; c < dims; c++) if (Y[idx * dims + c] >= centre[c]) cell |= 1 << c;
      return cell;
    };
    for (let t = lo; t < hi; t++) counts[cellOf(this.order[t]) + 1]++;
    for (let c = 0; c < cells; c++) counts[c + 1] += counts[c];
    const fill = counts.slice(0, cells);
    for (let t = lo; t < hi; t++) {
      const idx = this.order[t];
      this.scratch[lo + fill[cellOf(idx)]++] = idx;
    }
    this.order.set(this.scratch.subarray(lo, hi), lo);
    const used: number[] = [];
    for (let c = 0; c < cells; c++) if (counts[c + 1] > counts[c]) used.push(c);
    const first = this.nodes;
    for (let u = 0; u < used.length; u++) this.alloc();
    this.firstChild[node] = first;
    this.childCount[node] = used.length;
    const h = half / 2;
    used.forEach((c, u) => {
      const sub = [0, 0, 0];
      for (let a = 0; a < dims; a++) sub[a] = centre[a] + (c & (1 << a) ? h : -h);
      this.buildInto(first + u, Y, lo + counts[c], lo + counts[c + 1], sub, h, depth + 1);
    });
  }

  private alloc(): number {
    if (this.nodes >= this.count.length) this.grow(2 * this.count.length);
    return this.nodes++;
  }

  private grow(size: number): void {
    const keep = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (m: number) => T, per = 1): T => {
      const b = make(size * per);
      b.set(a);
      return b;
    };
    this.count = keep(this.count, (m) => new Int32Array(m));
    this.com = keep(this.com, (m) => new Float64Array(m), 3);
    this.width = keep(this.width, (m) => new Float64Array(m));
    this.firstChild = keep(this.firstChild, (m) => new Int32Array(m));
    this.childCount = keep(this.childCount, (m) => new Uint8Array(m));
    this.lo = keep(this.lo, (m) => new Int32Array(m));
    this.hi = keep(this.hi, (m) => new Int32Array(m));
  }
}
