/** Number formatting shared by panels and charts. */

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
