/**
 * Three axes that show every class mean apart. With K > 4 classes the centred means span up to
 * K - 1 > 3 dimensions, and the sample's top-3 PCs can leave a mean almost orthogonal to all three
 * (drawn at the origin, on top of the others' arrows): no camera can then show it apart. Here the
 * axes are moved, by ascent on a soft minimum of the squared distances between the projected
 * marks (the K centred means and the origin), each in units of the display radius, until the
 * closest two are as far apart as the search finds; the PCs are kept unless this is clearly better.
 */
import { mat } from '../geometry/linalg';
import type { Mat } from '../geometry/types';
import { orthonormalize } from './orthonormal';

/** The closest two marks' distance, in display units (1 = the drawn cloud's radius), below which the PCs are not kept. */
export const MEANS_APART = 0.25;
/** The search only replaces the PCs when it at least this much farther apart. */
const BETTER = 1.5;
/** Ascent rounds from the PCs, and from the previous snapshot's axes. */
const ROUNDS = 120;
const WARM_ROUNDS = 15;
const STEP = 0.3;

/** Differences between the marks: every pair of centred means, and every mean against the origin (P x F). */
function markDifferences(Mc: Float64Array, K: number, F: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let a = 0; a < K; a++) {
    out.push(Mc.subarray(a * F, (a + 1) * F));
    for (let b = a + 1; b < K; b++) out.push(Float64Array.from({ length: F }, (_, t) => Mc[a * F + t] - Mc[b * F + t]));
  }
  return out;
}

/** Squared lengths of the differences projected on Q (F x 3). */
function projected(diffs: Float64Array[], Q: Mat): { sq: Float64Array; proj: Float64Array[] } {
  const r = Q.cols;
  const sq = new Float64Array(diffs.length);
  const proj = diffs.map((v, i) => {
    const y = new Float64Array(r);
    for (let t = 0; t < v.length; t++) for (let c = 0; c < r; c++) y[c] += v[t] * Q.data[t * r + c];
    sq[i] = y.reduce((s, x) => s + x * x, 0);
    return y;
  });
  return { sq, proj };
}

/**
 * Axes (F x 3) that keep the marks apart, from `start` (the PCs) or `warm` (the previous snapshot's axes):
 * projected ascent Q <- orth(Q + eta G / ||G||) on the soft minimum of the marks' squared projected
 * distances. The best axes met are scored in units of radius(Q); the start is returned when it is
 * already clear (MEANS_APART) or the search is not BETTER times farther apart (`sticky`: not farther apart).
 */
export function meansApartAxes(Mc: Float64Array, K: number, F: number, start: Mat, radius: (Q: Mat) => number, warm: Mat | null = null, sticky = false): { Q: Mat; apart: number; moved: boolean; searched?: Mat } {
  const diffs = markDifferences(Mc, K, F);
  const sepOf = (Q: Mat) => {
    const R = radius(Q);
    return R > 0 ? Math.sqrt(Math.min(...projected(diffs, Q).sq)) / R : 0;
  };
  const first = sepOf(start);
  if (start.cols < 3 || F <= 3 || first >= MEANS_APART || !Number.isFinite(first)) return { Q: start, apart: first, moved: false };
  // The ascent maximises the raw smallest distance (cheap); the display radius is applied to the best axes met.
  const rawMin = (A: Mat) => Math.sqrt(Math.min(...projected(diffs, A).sq));
  const Q = mat(F, 3, (warm ?? start).data);
  let found = { Q: mat(F, 3, Q.data), raw: rawMin(Q) };
  const scale = Math.max(...diffs.map((v) => v.reduce((s, x) => s + x * x, 0)));
  if (!(scale > 0)) return { Q: start, apart: first, moved: false };
  for (let round = 0; round < (warm ? WARM_ROUNDS : ROUNDS); round++) {
    const { sq, proj } = projected(diffs, Q);
    const min = Math.min(...sq);
    // Soft-min weights: the closest pairs pull hardest (temperature: a tenth of the mean squared distance).
    const tau = Math.max(1e-12, (0.1 * sq.reduce((s, x) => s + x, 0)) / sq.length);
    const w = Array.from(sq, (s) => Math.exp(-(s - min) / tau));
    const wSum = w.reduce((s, x) => s + x, 0);
    // G = sum_p w_p v_p (Q^T v_p)^T: the gradient of the weighted sum of squared projected lengths.
    const G = mat(F, 3);
    for (let p = 0; p < diffs.length; p++) {
      if (w[p] < 1e-6 * wSum) continue;
      const k = w[p] / wSum;
      const v = diffs[p];
      for (let t = 0; t < F; t++) for (let c = 0; c < 3; c++) G.data[t * 3 + c] += k * v[t] * proj[p][c];
    }
    const norm = Math.hypot(...G.data);
    if (!(norm > 0)) break;
    for (let i = 0; i < Q.data.length; i++) Q.data[i] += (STEP * G.data[i]) / norm;
    orthonormalize(Q);
    const raw = rawMin(Q);
    if (raw > found.raw) found = { Q: mat(F, 3, Q.data), raw };
  }
  let best = { Q: found.Q, apart: sepOf(found.Q) };
  const fromWarm = warm ? sepOf(warm) : 0;
  if (warm && fromWarm > best.apart) best = { Q: mat(F, 3, warm.data), apart: fromWarm };
  // `searched`: the best axes the search met, a warm start for the next snapshot even when not taken.
  // Sticky (the previous snapshot was drawn on such axes): any gain keeps them, so the view does not flip back and forth.
  return best.apart > (sticky ? 1 : BETTER) * first + 1e-12 ? { Q: best.Q, apart: best.apart, moved: true, searched: best.Q } : { Q: start, apart: first, moved: false, searched: best.Q };
}
