/**
 * The float64 side of knn(): prepared (optionally L2-normalised, centred) rows, exact squared
 * distances, candidate refinement and the exhaustive fallback.
 */

const EPS32 = 2 ** -24;

/** Rows of X as seen by knn: p_i = s_i x_i (s_i = 1, or 1/||x_i|| for cosine), c_i = p_i - mean(p). */
export class KnnRows {
  readonly scale: Float64Array;
  readonly mean: Float64Array;
  private readonly topIdx: Int32Array;
  private readonly topDist: Float64Array;
  private batch = new Float64Array(64);

  constructor(
    readonly X: Float32Array,
    readonly n: number,
    readonly d: number,
    readonly cosine: boolean,
  ) {
    this.scale = new Float64Array(n).fill(1);
    if (cosine) {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let t = i * d; t < i * d + d; t++) s += X[t] * X[t];
        this.scale[i] = s > 0 ? 1 / Math.sqrt(s) : 0;
      }
    }
    this.mean = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const s = this.scale[i];
      for (let t = 0; t < d; t++) this.mean[t] += X[i * d + t] * s;
    }
    for (let t = 0; t < d; t++) this.mean[t] /= n;
    this.topIdx = new Int32Array(n);
    this.topDist = new Float64Array(n);
  }

  /** The centred rows c_i as float32 (n x d) and ||c_i||^2 in float64, for the tile scan. */
  centred(): { C: Float32Array; normSq: Float64Array; n: number; d: number } {
    const { X, n, d, mean, scale } = this;
    const C = new Float32Array(n * d);
    const normSq = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const c = X[i * d + t] * scale[i] - mean[t];
        C[i * d + t] = c;
        s += c * c;
      }
      normSq[i] = s;
    }
    return { C, normSq, n, d };
  }

  /** (d+1) x n float32 from centred(): rows 0..d-1 hold the centred rows' coordinates, row d holds ||c_j||^2. */
  static augmentedTransposed({ C, normSq, n, d }: { C: Float32Array; normSq: Float64Array; n: number; d: number }): Float32Array {
    const out = new Float32Array((d + 1) * n);
    for (let j = 0; j < n; j++) {
      for (let t = 0; t < d; t++) out[t * n + j] = C[j * d + t];
      out[d * n + j] = normSq[j];
    }
    return out;
  }

  /** Writes [2 c_i, -1] at out[offset ..] and returns ||c_i||^2 (float64). */
  queryRow(i: number, out: Float32Array, offset: number): number {
    const { X, d, mean, scale } = this;
    let s = 0;
    for (let t = 0; t < d; t++) {
      const c = X[i * d + t] * scale[i] - mean[t];
      out[offset + t] = 2 * c;
      s += c * c;
    }
    out[offset + d] = -1;
    return s;
  }

  /**
   * A lower bound on the true squared distance from row i of every row whose float32 score is
   * at most `worstScore` (the last candidate's). A score 2 c_i.c_j - ||c_j||^2 computed in float32
   * errs by at most e (||c_i||^2 + 2 ||c_j||^2), e = (d + 4) eps32 (a dot product of length d + 1
   * plus input rounding), and ||c_j||^2 <= 2 ||c_i||^2 + 2 r_j^2, so r_j^2 >= (a - 5 e ||c_i||^2)/(1 + 4e)
   * where a = ||c_i||^2 - worstScore is the approximate squared distance.
   */
  margin(queryNormSq: number, worstScore: number): number {
    const e = (this.d + 4) * EPS32;
    return (queryNormSq - worstScore - 5 * e * queryNormSq) / (1 + 4 * e);
  }

  /** ||p_i - p_j||^2 accumulated in float64 from the original rows. */
  dist2(i: number, j: number): number {
    const { X, d, scale } = this;
    const si = scale[i];
    const sj = scale[j];
    const oi = i * d;
    const oj = j * d;
    let s = 0;
    if (!this.cosine) {
      // scale is 1 here, and x * 1 = x exactly: the same sums without the products.
      for (let t = 0; t < d; t++) {
        const v = X[oi + t] - X[oj + t];
        s += v * v;
      }
      return s;
    }
    for (let t = 0; t < d; t++) {
      const v = X[oi + t] * si - X[oj + t] * sj;
      s += v * v;
    }
    return s;
  }

  /**
   * out[c] = dist2(i, js[c]), four rows at a time: four independent sums, each in dist2's order
   * (so equal to it bit for bit), instead of one chain of dependent additions.
   */
  dist2Batch(i: number, js: Int32Array, out: Float64Array): void {
    const { X, d, scale } = this;
    const oi = i * d;
    const si = scale[i];
    let c = 0;
    for (; c + 4 <= js.length; c += 4) {
      const [j0, j1, j2, j3] = [js[c], js[c + 1], js[c + 2], js[c + 3]];
      const [o0, o1, o2, o3] = [j0 * d, j1 * d, j2 * d, j3 * d];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      if (!this.cosine) {
        for (let t = 0; t < d; t++) {
          const x = X[oi + t];
          const v0 = x - X[o0 + t];
          const v1 = x - X[o1 + t];
          const v2 = x - X[o2 + t];
          const v3 = x - X[o3 + t];
          s0 += v0 * v0;
          s1 += v1 * v1;
          s2 += v2 * v2;
          s3 += v3 * v3;
        }
      } else {
        const [c0, c1, c2, c3] = [scale[j0], scale[j1], scale[j2], scale[j3]];
        for (let t = 0; t < d; t++) {
          const x = X[oi + t] * si;
          const v0 = x - X[o0 + t] * c0;
          const v1 = x - X[o1 + t] * c1;
          const v2 = x - X[o2 + t] * c2;
          const v3 = x - X[o3 + t] * c3;
          s0 += v0 * v0;
          s1 += v1 * v1;
          s2 += v2 * v2;
          s3 += v3 * v3;
        }
      }
      out[c] = s0;
      out[c + 1] = s1;
      out[c + 2] = s2;
      out[c + 3] = s3;
    }
    for (; c < js.length; c++) out[c] = this.dist2(i, js[c]);
  }

  /**
   * Exact distances of row i's candidates (self dropped), the kk nearest written to
   * indices/dist2 at i*kk. Returns false when the kk-th exact distance exceeds margin, the
   * lower bound on every non-candidate's squared distance (the caller then searches exhaustively).
   */
  refine(i: number, candidates: Int32Array, kk: number, margin: number, indices: Int32Array, dist2: Float64Array): boolean {
    if (this.batch.length < candidates.length) this.batch = new Float64Array(candidates.length);
    this.dist2Batch(i, candidates, this.batch);
    let count = 0;
    for (let c = 0; c < candidates.length; c++) {
      const j = candidates[c];
      if (j === i) continue;
      count = this.insert(count, kk, j, this.batch[c]);
    }
    if (count < kk || this.topDist[kk - 1] > margin) return false;
    indices.set(this.topIdx.subarray(0, kk), i * kk);
    dist2.set(this.topDist.subarray(0, kk), i * kk);
    return true;
  }

  /** Exhaustive float64 search over all rows for row i's kk nearest (ties by index). */
  exhaustive(i: number, kk: number, indices: Int32Array, dist2: Float64Array): void {
    let count = 0;
    for (let j = 0; j < this.n; j++) {
      if (j === i) continue;
      const dj = this.dist2(i, j);
      if (count === kk && !before(dj, j, this.topDist[kk - 1], this.topIdx[kk - 1])) continue;
      count = this.insert(count, kk, j, dj);
    }
    indices.set(this.topIdx.subarray(0, kk), i * kk);
    dist2.set(this.topDist.subarray(0, kk), i * kk);
  }

  private insert(count: number, kk: number, j: number, dj: number): number {
    return insertSorted(this.topIdx, this.topDist, count, kk, j, dj);
  }
}

/** Insertion of (dj, j) into the list topIdx/topDist of `count` <= kk entries sorted by (distance, index); returns the new length. */
export function insertSorted(topIdx: Int32Array, topDist: Float64Array, count: number, kk: number, j: number, dj: number): number {
  let p = Math.min(count, kk - 1);
  if (count === kk && !before(dj, j, topDist[p], topIdx[p])) return count;
  while (p > 0 && before(dj, j, topDist[p - 1], topIdx[p - 1])) {
    topDist[p] = topDist[p - 1];
    topIdx[p] = topIdx[p - 1];
    p--;
  }
  topDist[p] = dj;
  topIdx[p] = j;
  return Math.min(count + 1, kk);
}

function before(da: number, ia: number, db: number, ib: number): boolean {
  return da < db || (da === db && ia < ib);
}
