/** The scalar fields of a Snapshot in a fixed order: columns of the metrics timeline and the CSV export. */
import type { SnapshotMetrics } from './types';

/** Every SnapshotMetrics field, timeline order. */
export const SNAPSHOT_METRIC_KEYS = [
  'step', 'epoch', 'trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy',
  'nc1', 'nc1Quotient', 'cdnv', 'equinorm', 'equinormClassifier', 'equiangularity', 'etfDistance', 'nc3', 'nc4',
  'twoNN', 'mle', 'effectiveRank', 'codingRateR', 'codingRateRc', 'codingRateDeltaR', 'codingRateEps2',
] as const satisfies readonly (keyof SnapshotMetrics)[];

/** Compile-time check that the list names every field of SnapshotMetrics. */
type Unlisted = Exclude<keyof SnapshotMetrics, (typeof SNAPSHOT_METRIC_KEYS)[number]>;
export const METRIC_KEYS_COMPLETE: [Unlisted] extends [never] ? true : never = true;

/** The scalar metrics of a snapshot (drops the buffers), keyed as SNAPSHOT_METRIC_KEYS. */
export function snapshotMetrics(s: SnapshotMetrics): SnapshotMetrics {
  const out = {} as Record<string, number | null>;
  for (const k of SNAPSHOT_METRIC_KEYS) out[k] = s[k];
  return out as unknown as SnapshotMetrics;
}
