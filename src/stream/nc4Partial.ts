/**
 * nc4 across shards: the second map step. nc4 compares each row's nearest class mean with the
 * classifier's decision, so it needs the final (merged) class means: each shard counts its
 * disagreements against the merged partial's means (`analyze SHARD --weights W --means-from
 * ALL.json --partial Q.json`), and `merge` sums the counts. Both digests (of the means' statistics
 * and of the classifier) are checked at the merge, so counts made against other means or another
 * classifier are refused instead of being summed.
 */
import { InputError } from '../io/errors';
import type { Classifier } from '../geometry/types';
import type { Moments } from './moments';

export const NC4_PARTIAL_FORMAT = 'subspace-lab/nc4-partial';
export const NC4_PARTIAL_VERSION = 1;

export interface Nc4PartialJson {
  format: typeof NC4_PARTIAL_FORMAT;
  version: number;
  /** Finite rows of the shard compared. */
  rows: number;
  /** Rows whose nearest merged class mean differs from the classifier's argmax. */
  disagreements: number;
  /** Digest of the merged class counts and sums the means came from. */
  means: string;
  /** Digest of W and b. */
  classifier: string;
  source: Record<string, unknown>;
}

/** FNV-1a (32-bit) over the float64 bytes of the values, as 8 hex digits. */
function digest(values: Iterable<number>): string {
  const f = new Float64Array(1);
  const bytes = new Uint8Array(f.buffer);
  let h = 0x811c9dc5;
  for (const v of values) {
    f[0] = v;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The digest of the class statistics that define the means (labels, counts, sums, in partial order). */
export function meansDigest(m: Moments): string {
  const labels = m.classes.map((c) => c.label ?? '\u0000').join('\u0001');
  const labelCodes = Array.from(labels, (ch) => ch.charCodeAt(0));
  return digest(
    (function* () {
      yield* labelCodes;
      for (const c of m.classes) {
        yield c.count;
        yield* c.sum;
      }
    })(),
  );
}

export function classifierDigest(c: Classifier): string {
  return digest(
    (function* () {
      yield c.weights.rows;
      yield c.weights.cols;
      yield* c.weights.data;
      if (c.bias) yield* c.bias;
    })(),
  );
}

export function isNc4Partial(json: unknown): json is Nc4PartialJson {
  return (json as { format?: unknown } | null)?.format === NC4_PARTIAL_FORMAT;
}

/** Checks nc4 partials against the merged statistics and classifier; returns the summed disagreements. */
export function sumNc4Partials(parts: { path: string; json: Nc4PartialJson }[], merged: Moments, classifier: Classifier | undefined): number {
  if (!classifier) throw new InputError('nc4 partials were given without the classifier.', 'Pass the same --weights (and --bias) the nc4 partials were made with.');
  const means = meansDigest(merged);
  const cls = classifierDigest(classifier);
  let rows = 0;
  let disagreements = 0;
  for (const { path, json } of parts) {
    if (json.version !== NC4_PARTIAL_VERSION) throw new InputError(`${path} is nc4 partial version ${json.version}; this subspace-lab reads version ${NC4_PARTIAL_VERSION}.`, 'Write it again with this version of subspace-lab.');
    if (json.means !== means) throw new InputError(`${path} counted nc4 against other class means than these partials give.`, 'Merge the nc4 partials together with the merged partial they were counted against: merge ALL.json Q*.json --weights W.npy.');
    if (json.classifier !== cls) throw new InputError(`${path} counted nc4 with another classifier than --weights/--bias.`, 'Pass the --weights and --bias the nc4 partials were made with.');
    rows += json.rows;
    disagreements += json.disagreements;
  }
  const n = merged.classes.reduce((s, c) => s + c.count, 0);
  if (rows !== n) throw new InputError(`the nc4 partials cover ${rows} rows, the statistics ${n}.`, 'Give one nc4 partial per shard, each shard once.');
  return disagreements;
}
