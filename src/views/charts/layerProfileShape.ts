/**
 * What a layer-ID profile shows, in words that state only what was measured: the ID at layer 0
 * (the input), where it peaks and where it ends; "rises, then falls" only when the values rise to
 * a peak strictly inside, fall after it, and both ends are at least SHAPE_MARGIN lower than it.
 */
import type { LayerId } from '../../training/types';
import { formatSig } from '../../format';

/** Relative drop from the peak to an end needed to call the profile "rises, then falls". */
export const SHAPE_MARGIN = 0.1;

export type ProfileShape = 'rises-then-falls' | 'falls' | 'rises' | 'flat' | 'mixed' | 'unmeasured';

/** The shape of the measured values (layers without a value are skipped; layer numbers keep their place). */
export function profileShape(layers: readonly LayerId[]): ProfileShape {
  const v = layers.map((l) => l.twoNN).filter((t): t is number => t !== null && Number.isFinite(t));
  if (v.length < 2) return 'unmeasured';
  const peak = Math.max(...v);
  const at = v.indexOf(peak);
  const first = v[0];
  const last = v[v.length - 1];
  const lower = (x: number) => x <= (1 - SHAPE_MARGIN) * peak;
  const steps = v.slice(1).map((x, i) => x - v[i]);
  const up = steps.slice(0, at).every((d) => d >= 0);
  const down = steps.slice(at).every((d) => d <= 0);
  if (at > 0 && at < v.length - 1 && up && down && lower(first) && lower(last)) return 'rises-then-falls';
  const lo = Math.min(...v);
  if (peak - lo <= SHAPE_MARGIN * peak) return 'flat';
  if (steps.every((d) => d <= 0)) return 'falls';
  if (steps.every((d) => d >= 0)) return 'rises';
  return 'mixed';
}

const SHAPE_WORDS: Record<ProfileShape, string> = {
  'rises-then-falls': 'rises, then falls (a hunchback)',
  falls: 'falls from layer to layer',
  rises: 'rises from layer to layer',
  flat: 'stays within 10% of its peak',
  mixed: 'goes up and down (no single peak inside)',
  unmeasured: 'not measured at two layers or more yet',
};

/** One sentence: layer 0's ID, the peak's layer and value, the last layer's, and the shape word. */
export function describeProfile(layers: readonly LayerId[]): string {
  const shape = profileShape(layers);
  if (shape === 'unmeasured') return `Latest profile: ${SHAPE_WORDS.unmeasured}.`;
  const measured = layers.map((l, i) => ({ ...l, i })).filter((l) => l.twoNN !== null && Number.isFinite(l.twoNN));
  const peak = measured.reduce((a, b) => ((b.twoNN as number) > (a.twoNN as number) ? b : a));
  const first = measured[0];
  const last = measured[measured.length - 1];
  const f = (l: { i: number; name: string; twoNN: number | null }) => `layer ${l.i} (${l.name}) ${formatSig(l.twoNN as number, 3)}`;
  return `Latest profile ${SHAPE_WORDS[shape]}: ${f(first)}, peak at ${f(peak)}, last ${f(last)}.`;
}
