/**
 * Number formatting, one module for the app and the CLI (it imports nothing): formatSig for panels
 * and charts, formatNumber for the report's values, formatBytes for sizes, formatMs for probe times.
 */

/**
 * x rounded to `digits` significant digits (default 4) for display; integers print whole, very
 * large or small magnitudes in exponent form. Non-finite values print as themselves.
 */
export function formatSig(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(digits - 1).replace('e+', 'e');
  return x.toPrecision(digits);
}

/** '1.2 GB', '350 kB', '12 bytes' (decimal units, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** A number for people: integers as is, else 4 significant digits (exponent form outside [1e-3, 1e5)); null -> 'n/a'. */
export function formatNumber(v: number | null): string {
  if (v === null || v === undefined) return 'n/a';
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(4)));
  return v.toExponential(3);
}

/** Formats a probe time: one decimal below 10 ms, whole milliseconds above. */
export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** A share in [0, 1] as a percentage with `decimals` decimals (default 1): 0.1234 -> '12.3%'. */
export function formatPercent(share: number, decimals = 1): string {
  return `${(100 * share).toFixed(decimals)}%`;
}

/** Values with a fixed number of decimals (default 3), space-separated: the CLI's lists (a spectrum, angles). */
export function formatFixedList(values: readonly number[], decimals = 3): string {
  return values.map((v) => v.toFixed(decimals)).join(' ');
}
