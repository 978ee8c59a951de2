/**
 * The pairwise collapse metrics (cdnv, equiangularity, ETF distance) in O(K D) memory: pairs are
 * visited one at a time, never held as K x K matrices; above a work limit a seeded sample of pairs.
 */
import type { ClassStats, PairSample } from './types';
import { mulberry32 } from './random';
import type { Steps } from './steps';

/** All pairs are visited while K(K-1)/2 * D stays below this (a few seconds of plain JS). */
export const PAIR_WORK_LIMIT = 2e9;
/** Pairs drawn above the limit, and their seed. */
export const PAIR_SAMPLE_SIZE = 1_000_000;
export const PAIR_SAMPLE_SEED = 1;

export interface PairMetrics {
  cdnv: number;
  equiangularity: number;
  etfDistance: number;
  sample: PairSample | null;
  /** Two distinct classes with the same mean were found (their cdnv term is infinite). */
  coincident: boolean;
  /** A class whose centred mean is zero (its cosines are undefined), or -1. */
  zeroMean: number;
}

export interface PairOptions {
  workLimit?: number;
  sampleSize?: number;
}

/**
 * cdnv = mean_{i<j} (V_i + V_j) / (2 ||mu_i - mu_j||^2); equiangularity = mean_{i != j}
 * |cos(mc_i, mc_j) + 1/(K-1)|; etfDistance = ||G/||G||_F - (I - 11^T/K)/sqrt(K-1)||_F with
 * ||G||_F^2 = sum s^4 (s: all singular values of Mc). Exact over all pairs when they fit the work
 * limit; else cdnv and equiangularity are means over a seeded uniform sample of pairs and
 * etfDistance^2 = 2 - 2 (Tr G - ||1^T Mc||^2/K) / (sqrt(K-1) ||G||_F), exact without any pair.
 */
export function* pairSteps(stats: ClassStats, singularValues: Float64Array, opts: PairOptions = {}): Steps<PairMetrics> {
  const { classes: K, dim: d } = stats;
  const mc = stats.centredMeans.data;
  const norms = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += mc[k * d + t] ** 2;
    norms[k] = Math.sqrt(s);
  }
  let g4 = 0;
  for (const s of singularValues) g4 += s ** 4;
  const gF = Math.sqrt(g4);
  const total = (K * (K - 1)) / 2;
  const sums = new PairSums(stats, norms);
  let sample: PairSample | null = null;
  let etfDistance: number;
  if (total * d <= (opts.workLimit ?? PAIR_WORK_LIMIT)) {
    const diag = (1 - 1 / K) / Math.sqrt(K - 1);
    const off = -1 / (K * Math.sqrt(K - 1));
    let etf2 = 0;
    for (let k = 0; k < K; k++) etf2 += ((norms[k] * norms[k]) / gF - diag) ** 2;
    let done = 0;
    let sinceYield = 0;
    for (let i = 0; i < K; i++) {
      for (let j = i + 1; j < K; j++) {
        const dot = sums.visit(i, j);
        etf2 += 2 * (dot / gF - off) ** 2;
      }
      done += K - 1 - i;
      sinceYield += (K - 1 - i) * d;
      if (sinceYield > 2e6) {
        sinceYield = 0;
        yield done / total;
      }
    }
    etfDistance = Math.sqrt(etf2);
  } else {
    const size = opts.sampleSize ?? PAIR_SAMPLE_SIZE;
    const uniform = mulberry32(PAIR_SAMPLE_SEED);
    const chunk = Math.max(1, Math.floor(2e6 / d));
    for (let t = 0; t < size; t++) {
      const i = Math.floor(uniform() * K);
      let j = Math.floor(uniform() * (K - 1));
      if (j >= i) j++;
      sums.visit(i, j);
      if ((t + 1) % chunk === 0) yield (t + 1) / size;
    }
    sample = { size, of: total, seed: PAIR_SAMPLE_SEED };
    etfDistance = etfFromTraces(mc, K, d, norms, gF);
  }
  const visited = sample ? sample.size : total;
  return {
    cdnv: sums.cdnv / visited,
    equiangularity: sums.equiangularity / visited,
    etfDistance,
    sample,
    coincident: sums.coincident,
    zeroMean: norms.findIndex((v) => v === 0),
  };
}

/** Running sums of the cdnv and equiangularity terms over the pairs visited. */
class PairSums {
  cdnv = 0;
  equiangularity = 0;
  coincident = false;
  private readonly stats: ClassStats;
  private readonly norms: Float64Array;
  private readonly target: number;

  constructor(stats: ClassStats, norms: Float64Array) {
    this.stats = stats;
    this.norms = norms;
    this.target = 1 / (stats.classes - 1);
  }

  /** Adds pair (i, j)'s terms; returns mc_i . mc_j. */
  visit(i: number, j: number): number {
    const d = this.stats.dim;
    const m = this.stats.means.data;
    const mc = this.stats.centredMeans.data;
    let dot = 0;
    let dist2 = 0;
    const a = i * d;
    const b = j * d;
    for (let t = 0; t < d; t++) {
      dot += mc[a + t] * mc[b + t];
      const diff = m[a + t] - m[b + t];
      dist2 += diff * diff;
    }
    if (dist2 === 0) this.coincident = true;
    const V = this.stats.classVariance;
    this.cdnv += (V[i] + V[j]) / (2 * dist2);
    this.equiangularity += Math.abs(dot / (this.norms[i] * this.norms[j]) + this.target);
    return dot;
  }
}

/** ETF distance without pairs: <G, I - 11^T/K> = Tr G - ||sum_k mc_k||^2 / K, both unit-norm Grams. */
function etfFromTraces(mc: Float64Array, K: number, d: number, norms: Float64Array, gF: number): number {
  let trace = 0;
  for (const v of norms) trace += v * v;
  const colSum = new Float64Array(d);
  for (let k = 0; k < K; k++) for (let t = 0; t < d; t++) colSum[t] += mc[k * d + t];
  let sum2 = 0;
  for (const v of colSum) sum2 += v * v;
  const inner = (trace - sum2 / K) / (Math.sqrt(K - 1) * gF);
  return Math.sqrt(Math.max(0, 2 - 2 * inner));
}
