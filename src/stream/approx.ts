/**
 * Intrinsic dimension over all rows through an approximate kNN index (usearch HNSW, squared L2):
 * pass 1 indexes every distinct finite row, pass 2 queries each for its k + 1 nearest (itself
 * dropped), then the core's twoNN and mle. Its recall@k is measured against exact kNN over all rows
 * for a few query rows (usearch's exactSearch over each chunk, merged across chunks). Memory: the
 * index (O(N d)) and the N x k neighbour table, so this is for sets that fit, unlike the moments.
 */
import { Index, exactSearch, MetricKind, ScalarKind, type BatchMatches, type Matches } from 'usearch';
import { mle, twoNN } from '../geometry/dimension';
import { rowIsFinite } from '../geometry/clean';
import type { KnnResult } from '../geometry/types';
import { rowHash } from './sample';
import type { RowSource } from './source';

export interface ApproxId {
  engine: string;
  /** Distinct rows indexed and queried. */
  rows: number;
  k: number;
  connectivity: number;
  twoNN: number | null;
  mle: { harmonic: number | null; mean: number | null };
  /** Mean over `queries` rows of |approximate k nearest ∩ exact k nearest| / k (self excluded). */
  recall: { k: number; queries: number; value: number };
}

export interface ApproxOptions {
  mleK: number;
  connectivity?: number;
  /** usearch threads for adding and searching (default 0: all cores; 1 builds the same graph every run). */
  threads?: number;
  signal?: AbortSignal;
  onRows?: (done: number, total: number | null, stage: string) => void;
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** usearch answers a one-row batch with a plain Matches: give it the batch shape. */
function asBatch(m: Matches | BatchMatches): BatchMatches {
  if ('counts' in m) return m;
  return { keys: m.keys, distances: m.distances, counts: BigUint64Array.of(BigInt(m.keys.length)), k: m.keys.length } as BatchMatches;
}

/** Pass 1: every first occurrence of a finite row added with key = its distinct-row number; the kept rows' flags. */
async function buildIndex(source: RowSource, index: Index, opts: ApproxOptions): Promise<Uint8Array[]> {
  const d = source.dim;
  const seen = new Set<number>();
  const kept: Uint8Array[] = [];
  let key = 0;
  let done = 0;
  for await (const c of source.chunks(opts.signal)) {
    const flags = new Uint8Array(c.rows);
    const rows: number[] = [];
    for (let r = 0; r < c.rows; r++) {
      if (!rowIsFinite(c.vectors, r, d)) continue;
      const h = rowHash(c.vectors, r, d, 1);
      if (seen.has(h)) continue;
      seen.add(h);
      flags[r] = 1;
      rows.push(r);
    }
    kept.push(flags);
    if (rows.length > 0) {
      const batch = new Float32Array(rows.length * d);
      rows.forEach((r, i) => batch.set(c.vectors.subarray(r * d, r * d + d), i * d));
      index.add(BigUint64Array.from(rows, (_, i) => BigInt(key + i)), batch, opts.threads ?? 0);
      key += rows.length;
    }
    done += c.rows;
    opts.onRows?.(done, source.rows, 'indexing');
  }
  return kept;
}

/** Per query, the running `count` nearest (squared distance, key) over all chunks seen. */
class TopK {
  readonly keys: number[][];
  readonly dist: number[][];
  constructor(queries: number, readonly count: number) {
    this.keys = Array.from({ length: queries }, () => []);
    this.dist = Array.from({ length: queries }, () => []);
  }
  add(m: BatchMatches, offset: number): void {
    this.keys.forEach((keys, q) => {
      const dist = this.dist[q];
      for (let j = 0; j < Number(m.counts[q]); j++) {
        keys.push(Number(m.keys[q * m.k + j]) + offset);
        dist.push(m.distances[q * m.k + j]);
      }
      const order = dist.map((_, i) => i).sort((a, b) => dist[a] - dist[b] || keys[a] - keys[b]).slice(0, this.count);
      this.keys[q] = order.map((i) => keys[i]);
      this.dist[q] = order.map((i) => dist[i]);
    });
  }
}

/** The approximate-kNN ID of all distinct rows of source, with recall against exact kNN on `queries` (rows of the data, q x d). */
export async function approximateId(source: RowSource, queries: Float32Array, opts: ApproxOptions): Promise<ApproxId> {
  const d = source.dim;
  const k = Math.max(opts.mleK, 2);
  const connectivity = opts.connectivity ?? 16;
  const index = new Index({ dimensions: d, metric: MetricKind.L2sq, quantization: ScalarKind.F32, connectivity, expansion_add: 128, expansion_search: 64, multi: false });
  const kept = await buildIndex(source, index, opts);
  const n = index.size();
  const nq = queries.length / d;
  const nn: KnnResult = { k, indices: new Int32Array(n * k), distances: new Float64Array(n * k) };
  const exact = new TopK(nq, k + 1);
  let key = 0;
  let done = 0;
  let chunkNo = 0;
  for await (const c of source.chunks(opts.signal)) {
    const flags = kept[chunkNo++];
    const rows = [...flags.keys()].filter((r) => flags[r] === 1);
    if (rows.length > 0) {
      const batch = new Float32Array(rows.length * d);
      rows.forEach((r, i) => batch.set(c.vectors.subarray(r * d, r * d + d), i * d));
      const found = asBatch(index.search(batch, k + 1, opts.threads ?? 0));
      rows.forEach((_, i) => {
        let w = 0;
        for (let j = 0; j < Number(found.counts[i]) && w < k; j++) {
          const other = Number(found.keys[i * found.k + j]);
          if (other === key + i) continue;
          nn.indices[(key + i) * k + w] = other;
          nn.distances[(key + i) * k + w] = Math.sqrt(found.distances[i * found.k + j]);
          w++;
        }
        for (; w < k; w++) nn.distances[(key + i) * k + w] = Infinity;
      });
      if (nq > 0) exact.add(asBatch(exactSearch(batch, queries, d, Math.min(k + 1, rows.length), MetricKind.L2sq)), key);
      key += rows.length;
    }
    done += c.rows;
    opts.onRows?.(done, source.rows, 'querying');
  }
  const approx = nq > 0 ? asBatch(index.search(queries, k + 1, opts.threads ?? 0)) : null;
  let hits = 0;
  for (let q = 0; q < nq && approx; q++) {
    const self = exact.keys[q][0];
    const truth = new Set(exact.keys[q].filter((x) => x !== self).slice(0, k));
    const got = Array.from(approx.keys.subarray(q * approx.k, q * approx.k + Number(approx.counts[q])), Number).filter((x) => x !== self).slice(0, k);
    hits += got.filter((x) => truth.has(x)).length / k;
  }
  const kEff = Math.min(opts.mleK, n - 1);
  const e = mle(nn, kEff);
  return {
    engine: 'usearch HNSW (f32, squared L2)',
    rows: n,
    k,
    connectivity,
    twoNN: finiteOrNull(twoNN(nn)),
    mle: { harmonic: finiteOrNull(e.harmonic), mean: finiteOrNull(e.mean) },
    recall: { k, queries: nq, value: nq > 0 ? hits / nq : Number.NaN },
  };
}
