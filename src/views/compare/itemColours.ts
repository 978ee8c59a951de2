/**
 * Per-item colours of Compare's views: by displacement ||A_i - aligned B_i|| (viridis over
 * [0, max]), by neighbour agreement |N_A(i) ∩ N_B(i)|/k (viridis over [0, 1]) or by class.
 */
import type { ColourBy } from '../../state/compareStore';
import type { CompareOutcome } from '../../workers/compareProtocol';
import { classColor, hexToRgb } from '../palette';
import { scaleColor } from '../colors';

export interface ItemColours {
  /** n x 3 sRGB in [0, 1]. */
  rgb: Float32Array;
  /** What the legend shows: a scale with its range, or the classes. */
  legend: { kind: 'scale'; title: string; min: number; max: number } | { kind: 'classes'; names: string[] };
}

/** The colour scheme actually usable (class needs labels). */
export function effectiveColourBy(by: ColourBy, o: CompareOutcome): ColourBy {
  return by === 'class' && !o.labels ? 'displacement' : by;
}

/** Steps of the colour scale (a lookup table: no per-item colour-string work). */
const LUT = 256;

export function itemColours(by: ColourBy, o: CompareOutcome): ItemColours {
  const n = o.report.n;
  const rgb = new Float32Array(n * 3);
  const use = effectiveColourBy(by, o);
  if (use === 'class' && o.labels && o.classNames) {
    const cache = o.classNames.map((_, k) => hexToRgb(classColor(k)));
    for (let i = 0; i < n; i++) rgb.set(cache[o.labels[i]], i * 3);
    return { rgb, legend: { kind: 'classes', names: o.classNames } };
  }
  const values = use === 'agreement' ? o.neighbourAgreement : o.displacement;
  let max = use === 'agreement' ? 1 : Number.MIN_VALUE;
  if (use !== 'agreement') for (const v of values) max = Math.max(max, v);
  const lut = Array.from({ length: LUT }, (_, t) => hexToRgb(scaleColor(t / (LUT - 1))));
  for (let i = 0; i < n; i++) rgb.set(lut[Math.round(Math.min(1, Math.max(0, values[i] / max)) * (LUT - 1))], i * 3);
  const title = use === 'agreement' ? `neighbour agreement |N_A ∩ N_B|/k (k = ${o.report.mutualKnn.k})` : 'displacement ||A_i - aligned B_i|| (both sides scaled to unit Frobenius norm)';
  return { rgb, legend: { kind: 'scale', title, min: 0, max } };
}
