/** Sentences about how far the collapse metrics can be trusted, shown by the CLI and the app alike. */
import type { AnalysisReport, PairSample } from './types';

/** The warning when nc1Dominated: NC1 mostly measures its smallest kept direction; null otherwise. */
export function nc1DominatedNote(nc: AnalysisReport['neuralCollapse']): string | null {
  if (!nc.nc1Dominated || nc.conditioning == null || nc.nc1SmallestShare == null) return null;
  return `NC1 is dominated by a direction of tiny between-class spread: the smallest of the ${nc.nc1Rank} kept directions (s/s_1 = ${nc.conditioning.toExponential(1)}) carries ${Math.round(100 * nc.nc1SmallestShare)}% of it.`;
}

/** What the pairwise metrics ran on when the class pairs were sampled; null when on all pairs. */
export function pairSampleNote(sample: PairSample | null | undefined): string | null {
  if (!sample) return null;
  const f = (v: number) => v.toLocaleString('en-US');
  return `cdnv and equiangularity on a seeded sample of ${f(sample.size)} of ${f(sample.of)} class pairs (seed ${sample.seed})`;
}

/** The sentence when the classifier came without a bias (nc4 then ranks W x alone); null otherwise. */
export function biasNote(biasAssumedZero: boolean | null | undefined): string | null {
  return biasAssumedZero ? 'b = 0 was used for nc4: the classifier came without a bias.' : null;
}
