/**
 * The pure side of the symmetric tiled kNN: the squared-distance matrix is symmetric, so only the
 * tiles (I, J) with I <= J of a T x T tiling are computed, and each tile feeds both its rows'
 * and its columns' candidate lists. Tiles are split into contiguous shares for a pool of threads
 * (Node worker_threads or Web Workers); each share fills its own CandidateLists, merged after.
 */

/** One tile of the upper triangle: query rows [i0, i0 + T) against reference rows [j0, j0 + T). */
export interface Tile {
  I: number;
  J: number;
}

/** Tiles (I, J), I <= J < ceil(n / T), in row order. */
export function upperTiles(n: number, T: number): Tile[] {
  const nb = Math.ceil(n / T);
  const tiles: Tile[] = [];
  for (let I = 0; I < nb; I++) for (let J = I; J < nb; J++) tiles.push({ I, J });
  return tiles;
}

/** Splits `tiles` into `shares` contiguous runs of near-equal length (some empty when there are fewer tiles). */
export function splitTiles(tiles: Tile[], shares: number): Tile[][] {
  const out: Tile[][] = [];
  for (let s = 0; s < shares; s++) out.push(tiles.slice(Math.floor((s * tiles.length) / shares), Math.floor(((s + 1) * tiles.length) / shares)));
  return out;
}

/**
 * For every query row the c smallest approximate squared distances seen so far, as a max-heap
 * ordered by (value, index), so the kept set is the same whatever order the pairs arrive in.
 */
export class CandidateLists {
  readonly value: Float64Array;
  readonly index: Int32Array;
  readonly count: Int32Array;
  /** The heap's largest value once full (+Infinity before): anything above it cannot enter. */
  readonly worst: Float64Array;
  private colScale = new Float64Array(0);

  constructor(
    readonly n: number,
    readonly c: number,
    buffers?: { value: Float64Array; index: Int32Array; count: Int32Array; worst: Float64Array },
  ) {
    this.value = buffers?.value ?? new Float64Array(n * c);
    this.index = buffers?.index ?? new Int32Array(n * c);
    this.count = buffers?.count ?? new Int32Array(n);
    this.worst = buffers?.worst ?? new Float64Array(n).fill(Infinity);
  }

  /** Offers reference j at approximate squared distance a to query i. */
  offer(i: number, j: number, a: number): void {
    const { c, value, index, count } = this;
    const o = i * c;
    let m = count[i];
    if (m < c) {
      let p = m;
      while (p > 0) {
        const parent = (p - 1) >> 1;
        if (!after(a, j, value[o + parent], index[o + parent])) break;
        value[o + p] = value[o + parent];
        index[o + p] = index[o + parent];
        p = parent;
      }
      value[o + p] = a;
      index[o + p] = j;
      count[i] = ++m;
      if (m === c) this.worst[i] = value[o];
      return;
    }
    if (!after(value[o], index[o], a, j)) return;
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      if (l >= c) break;
      const r = l + 1;
      const big = r < c && after(value[o + r], index[o + r], value[o + l], index[o + l]) ? r : l;
      if (!after(value[o + big], index[o + big], a, j)) break;
      value[o + p] = value[o + big];
      index[o + p] = index[o + big];
      p = big;
    }
    value[o + p] = a;
    index[o + p] = j;
    this.worst[i] = value[o];
  }

  /**
   * Offers one tile of dot products G (rows x cols used of a row-major array with `stride` columns)
   * of centred rows i0.. against j0..: a_ij = ||c_i||^2 + ||c_j||^2 - 2 s_i s_j G_ij goes to row i
   * and to row j, with s = 1 (float32 products) or the rows' quantisation scales (int16 products).
   * On a diagonal tile (i0 = j0) only pairs above the diagonal are read.
   */
  offerTile(G: Float32Array | Int32Array, stride: number, rows: number, cols: number, i0: number, j0: number, normSq: Float64Array, scale?: Float64Array): void {
    const { worst } = this;
    const diagonal = i0 === j0;
    if (this.colScale.length < cols) this.colScale = new Float64Array(cols);
    const colScale = this.colScale;
    for (let col = 0; col < cols; col++) colScale[col] = scale ? scale[j0 + col] : 1;
    for (let r = 0; r < rows; r++) {
      const i = i0 + r;
      const ni = normSq[i];
      const si = scale ? 2 * scale[i] : 2;
      const o = r * stride;
      for (let col = diagonal ? r + 1 : 0; col < cols; col++) {
        const j = j0 + col;
        const a = ni + normSq[j] - si * colScale[col] * G[o + col];
        if (a <= worst[i]) this.offer(i, j, a);
        if (a <= worst[j]) this.offer(j, i, a);
      }
    }
  }

  /** Offers every candidate of `other` (same n and c) to this: the merge of two shares' lists. */
  mergeFrom(other: CandidateLists): void {
    const { c } = this;
    for (let i = 0; i < this.n; i++) {
      for (let t = 0; t < other.count[i]; t++) {
        const a = other.value[i * c + t];
        if (a <= this.worst[i]) this.offer(i, other.index[i * c + t], a);
      }
    }
  }

  /** Row i's candidates (heap order). */
  candidates(i: number): Int32Array {
    return this.index.subarray(i * this.c, i * this.c + this.count[i]);
  }
}

/** (va, ia) comes after (vb, ib): larger value, ties by larger index. */
function after(va: number, ia: number, vb: number, ib: number): boolean {
  return va > vb || (va === vb && ia > ib);
}

/**
 * A lower bound on the true squared distance from query i (centred norm^2 `normSq`) of every row
 * left out of its list, when the list is full with largest value `worst`. The tile kernel's dot
 * products err by at most g ||c_i|| ||c_j|| (g = (d + 4) 2^-24: float32 inputs and a length-d
 * float32 sum), so r^2 >= worst - 2 g rho (rho + r) with rho = ||c_i|| and ||c_j|| <= rho + r;
 * solved for r and shrunk by 1e-12 for the float64 sums on both sides.
 */
export function excludedLowerBound(worst: number, normSq: number, d: number): number {
  const g = (d + 4) * 2 ** -24;
  const rho = Math.sqrt(normSq);
  const c = worst - 2 * g * normSq;
  if (!(c > 0)) return 0;
  const r = -g * rho + Math.sqrt(g * g * normSq + c);
  return r * r * (1 - 1e-12);
}
