/**
 * Integer data wider than float32's 24-bit significand: int32/int64 values beyond ±2^24 round when the
 * vectors become float32. Harmless when the rounding is tiny next to a column's spread (pixel sums
 * near 2^25); fatal when it is not (int64 ids near 2^60 that differ by a few units all become one
 * value, and every row looks identical). The second case is refused with the numbers.
 */
import { InputError } from './errors';

/** Integer arrays that can hold values float32 does not represent exactly. */
export type WideIntegers = Int32Array | Uint32Array | BigInt64Array | BigUint64Array;

/** Largest rounding, as a fraction of a column's spread (max - min), accepted without a word. */
const MAX_RELATIVE_ROUNDING = 1e-3;

/** 2^24: float32 represents every integer of magnitude up to this exactly. */
const EXACT = 2 ** 24;

function isWide(data: unknown): data is WideIntegers {
  return data instanceof Int32Array || data instanceof Uint32Array || data instanceof BigInt64Array || data instanceof BigUint64Array;
}

/** |fround(v) - v| for an integer v (exact for bigint). */
function roundingOf(v: number | bigint): number {
  if (typeof v === 'number') return Math.abs(Math.fround(v) - v);
  const f = Math.fround(Number(v));
  return Number.isFinite(f) ? Math.abs(Number(BigInt(f) - v)) : Infinity;
}

/**
 * Throws an InputError when converting the rows x cols integer matrix `data` to float32 would move some
 * column's values by more than MAX_RELATIVE_ROUNDING of that column's spread (distinct values would merge).
 */
export function checkFloat32Exactness(data: unknown, rows: number, cols: number, name: string): void {
  if (!isWide(data) || rows === 0) return;
  const big = typeof data[0] === 'bigint';
  const limit = big ? BigInt(EXACT) : EXACT;
  let anyWide = false;
  for (let k = 0; k < data.length && !anyWide; k++) {
    const v = data[k];
    anyWide = v > limit || v < -limit;
  }
  if (!anyWide) return;
  for (let j = 0; j < cols; j++) {
    let lo = data[j];
    let hi = data[j];
    let worst = 0;
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      const r = roundingOf(v);
      if (r > worst) worst = r;
    }
    const exactSpread = big ? Number((hi as bigint) - (lo as bigint)) : (hi as number) - (lo as number);
    const peak = big ? String(-(lo as bigint) > (hi as bigint) ? lo : hi) : String(-(lo as number) > (hi as number) ? lo : hi);
    if (exactSpread > 0 && worst > MAX_RELATIVE_ROUNDING * exactSpread) {
      throw new InputError(
        `${name} column ${j + 1} holds integers as large as ${peak} that span only ${exactSpread}; ` +
          `they exceed float32's exact range (integers up to 2^24 = 16,777,216), so converting them would move values by up to ${worst} and merge distinct ones.`,
        'Subtract a reference first and save a narrower type, e.g. np.save(path, (X - X.min(axis=0)).astype(np.float32)).',
      );
    }
  }
}
