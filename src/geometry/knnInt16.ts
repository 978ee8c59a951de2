/**
 * The int16 tile kernel of the kNN scan: centred rows quantised per row to int16 (c ~ s q), tile
 * dot products q_i.q_j exact in int32 by a hand-written WebAssembly SIMD kernel
 * (scripts/wasm/dot16.wat, twice float32x4's multiply-adds per instruction), and a rigorous bound
 * on the quantisation error for excluding rows. Runs the same on the main thread and in a pool.
 */
import type { CentredRows } from './knnTiled';
import { checkpoint } from './abort';
import type { CandidateLists, Tile } from './parallel/tiles';
import { DOT16_WASM_BASE64 } from './wasm/dot16';

/** Widest rows the int16 kernel takes (the quantisation range is floor(sqrt((2^31 - 1) / d)), 724 at 4096). */
export const INT16_MAX_DIM = 4096;

/** Rows quantised for the kernel: q (nPad x dp int16, zero-padded), per-row scale s and error bound h. */
export interface QuantisedRows {
  q: Int16Array;
  n: number;
  d: number;
  /** d rounded up to a multiple of 8. */
  dp: number;
  scale: Float64Array;
  /** Per coordinate |c_it - s_i q_it| <= half[i] (rounding to the grid, and C's own float32 rounding). */
  half: Float64Array;
  /** ||c_i||_1 (float64 sums of the float32 rows, inflated by 1e-6 for their rounding). */
  l1: Float64Array;
  halfMax: number;
  l1Max: number;
}

/** True where WebAssembly SIMD runs (the kernel validates). */
export function int16KernelAvailable(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(kernelBytes());
  } catch {
    return false;
  }
}

let bytes: Uint8Array<ArrayBuffer> | null = null;
function kernelBytes(): Uint8Array<ArrayBuffer> {
  bytes ??= Uint8Array.from(atob(DOT16_WASM_BASE64), (ch) => ch.charCodeAt(0));
  return bytes;
}

/**
 * q_it = round(C_it R / max_t |C_it|) with R = min(32767, floor(sqrt((2^31 - 1) / d))), so any
 * |q_i.q_j| <= d R^2 fits int32. Rows are padded with zero rows to nPad (a multiple of the tile size).
 */
export function quantise(rows: CentredRows, nPad: number): QuantisedRows {
  const { C, n, d } = rows;
  const dp = Math.ceil(d / 8) * 8;
  const R = Math.min(32767, Math.floor(Math.sqrt((2 ** 31 - 1) / d)));
  const q = new Int16Array(nPad * dp);
  const scale = new Float64Array(nPad);
  const half = new Float64Array(nPad);
  const l1 = new Float64Array(nPad);
  let halfMax = 0;
  let l1Max = 0;
  for (let i = 0; i < n; i++) {
    let big = 0;
    let sum = 0;
    for (let t = i * d; t < i * d + d; t++) {
      const a = Math.abs(C[t]);
      if (a > big) big = a;
      sum += a;
    }
    const s = big / R;
    const inv = big > 0 ? R / big : 0;
    for (let t = 0; t < d; t++) q[i * dp + t] = Math.round(C[i * d + t] * inv);
    scale[i] = s;
    half[i] = s * (0.5 + R * 2 ** -23);
    l1[i] = sum * (1 + 1e-6);
    halfMax = Math.max(halfMax, half[i]);
    l1Max = Math.max(l1Max, l1[i]);
  }
  return { q, n, d, dp, scale, half, l1, halfMax, l1Max };
}

/**
 * A lower bound on the true squared distance from row i of every row left out of its full list
 * (largest value `worst`): |c_i.c_j - s_i s_j q_i.q_j| <= h_j ||c_i||_1 + h_i ||c_j||_1 + 3 d h_i h_j,
 * taken at the rows' maxima, twice for the squared distance, minus float64 slack.
 */
export function int16LowerBound(quant: QuantisedRows, i: number, worst: number, normSq: number, normSqMax: number): number {
  const { half, l1, halfMax, l1Max, d } = quant;
  const err = 2 * (halfMax * l1[i] + half[i] * l1Max + 3 * d * half[i] * halfMax) * (1 + 1e-9);
  const slack = 8 * 2 ** -52 * (normSq + normSqMax);
  return Math.max(0, (worst - err - slack) * (1 - 1e-12));
}

/** Offers every tile of `tiles` (tile size T, a multiple of 4) into `lists` through the int16 kernel. */
export async function scanTilesInt16(
  quant: Pick<QuantisedRows, 'q' | 'n' | 'dp' | 'scale'>,
  normSq: Float64Array,
  T: number,
  tiles: Tile[],
  lists: CandidateLists,
  signal?: AbortSignal,
  onTile?: () => void,
): Promise<void> {
  const { q, n, dp } = quant;
  const rowsBytes = q.byteLength;
  const outBytes = T * T * 4;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(kernelBytes()), {});
  const memory = instance.exports.memory as WebAssembly.Memory;
  const pages = Math.ceil((rowsBytes + outBytes) / 65536);
  const have = memory.buffer.byteLength / 65536;
  if (pages > have) memory.grow(pages - have);
  new Int16Array(memory.buffer, 0, q.length).set(q);
  const tile = instance.exports.tile as (a: number, b: number, rows: number, cols: number, dp: number, out: number) => void;
  const out = new Int32Array(memory.buffer, rowsBytes, T * T);
  const rowBytes = dp * 2;
  for (const { I, J } of tiles) {
    await checkpoint(signal);
    tile(I * T * rowBytes, J * T * rowBytes, T, T, dp, rowsBytes);
    lists.offerTile(out, T, Math.min(T, n - I * T), Math.min(T, n - J * T), I * T, J * T, normSq, quant.scale);
    onTile?.();
  }
}
