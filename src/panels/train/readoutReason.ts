/**
 * The few words a Train readout shows under "—" when the snapshot leaves a collapse metric
 * undefined (the cell is 68-92 px wide); the core's whole sentence (collapseReasons.ts) stays in the
 * cell's tooltip. An unknown sentence keeps its clause before the first colon.
 */
const SHORT: [RegExp, string][] = [
  [/no simplex ETF fits/, 'no simplex fits'],
  [/^K = 2/, 'trivial at K = 2'],
  [/feature vectors are equal/, 'all features equal'],
  [/class means coincide/, 'means coincide'],
  [/one row per class/, 'one row per class'],
  [/not finite/, 'not finite'],
  [/class has no training rows/, 'a class is empty'],
];

export function shortReason(reason: string): string {
  for (const [pattern, text] of SHORT) if (pattern.test(reason)) return text;
  const colon = reason.indexOf(':');
  return colon > 0 ? reason.slice(0, colon) : reason;
}
