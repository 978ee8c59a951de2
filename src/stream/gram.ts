/** The inner kernel of the streaming second moments: the Gram of a centred float64 chunk. */

/**
 * g += V^T V for a chunk V (rows x dp, dp a multiple of 4) stored column-major in `cols`
 * (column a = cols[a*stride .. a*stride + rows)); g is dp x dp row-major. Only the upper triangle
 * (a <= b) is meaningful afterwards: blocks of 4 x 2 entries straddling the diagonal also write
 * some lower entries, which the caller discards (mirrorUpper). Register-blocked dot products.
 */
export function addGramUpper(g: Float64Array, cols: Float64Array, stride: number, rows: number, dp: number): void {
  if (dp % 4 !== 0) throw new RangeError(`addGramUpper needs a multiple of 4 columns (got ${dp})`);
  for (let a = 0; a < dp; a += 4) {
    const p0 = a * stride;
    const p1 = p0 + stride;
    const p2 = p1 + stride;
    const p3 = p2 + stride;
    for (let b = a; b < dp; b += 2) {
      const q0 = b * stride;
      const q1 = q0 + stride;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
      for (let r = 0; r < rows; r++) {
        const y0 = cols[q0 + r];
        const y1 = cols[q1 + r];
        const x0 = cols[p0 + r];
        const x1 = cols[p1 + r];
        const x2 = cols[p2 + r];
        const x3 = cols[p3 + r];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s20 += x2 * y0;
        s21 += x2 * y1;
        s30 += x3 * y0;
        s31 += x3 * y1;
      }
      let o = a * dp + b;
      g[o] += s00;
      g[o + 1] += s01;
      o += dp;
      g[o] += s10;
      g[o + 1] += s11;
      o += dp;
      g[o] += s20;
      g[o + 1] += s21;
      o += dp;
      g[o] += s30;
      g[o + 1] += s31;
    }
  }
}

/** Copies the upper triangle of a d x d row-major matrix onto its lower triangle. */
export function mirrorUpper(g: Float64Array, d: number): void {
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) g[a * d + b] = g[b * d + a];
}
