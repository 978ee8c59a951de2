/**
 * The y scale of a metrics timeline: logarithmic when the positive values span at least
 * LOG_SPAN (more than a decade), else linear; and thinning of long runs to a drawable number of points.
 */

/** max/min ratio of the positive values from which 'auto' chooses a log scale. */
export const LOG_SPAN = 20;

export interface YScaleSpec {
  type: 'linear' | 'log';
  domain: [number, number];
}

/**
 * The y scale for these values (non-finite ones ignored). 'auto' is log when every finite value is
 * positive and max/min >= LOG_SPAN; a log domain is padded by 10% in ratio, a linear one by 5% and
 * includes 0 when all values are of one sign and the range reaches within its own size of 0.
 * `fixed` overrides the domain (a linear scale).
 */
export function yScaleFor(values: readonly number[], mode: 'auto' | 'linear' | 'log', fixed?: [number, number]): YScaleSpec {
  if (fixed) return { type: 'linear', domain: fixed };
  const finite = values.filter(Number.isFinite);
  const positive = finite.filter((v) => v > 0);
  if (finite.length === 0) return { type: mode === 'log' ? 'log' : 'linear', domain: mode === 'log' ? [0.1, 10] : [0, 1] };
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const useLog = mode === 'log' ? positive.length > 0 : mode === 'auto' && positive.length === finite.length && hi / lo >= LOG_SPAN;
  if (useLog) {
    const plo = Math.min(...positive);
    const phi = Math.max(...positive);
    return { type: 'log', domain: plo === phi ? [plo / 2, phi * 2] : [plo / 1.1, phi * 1.1] };
  }
  if (lo === hi) return { type: 'linear', domain: lo === 0 ? [0, 1] : [Math.min(0, lo * 0.9), Math.max(0, hi * 1.1)] };
  let a = lo;
  let b = hi;
  if (lo >= 0 && lo <= hi - lo) a = 0;
  if (hi <= 0 && -hi <= hi - lo) b = 0;
  const pad = (b - a) * 0.05;
  return { type: 'linear', domain: [a === 0 ? 0 : a - pad, b === 0 ? 0 : b + pad] };
}

/** At most `max` rows of `rows` evenly spaced by index, always keeping the first and the last. */
export function thinRows<T>(rows: readonly T[], max: number): T[] {
  if (rows.length <= max) return rows.slice();
  const out: T[] = [];
  const stride = (rows.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(rows[Math.round(i * stride)]);
  return out;
}
