/**
 * The streaming analysis: one pass over a RowSource's chunks into the moments and the row sample,
 * a second pass only for nc4 (it needs the final class means), then the report.
 */
import type { Classifier } from '../geometry/types';
import { prepareClasses } from '../geometry/analyzeInput';
import { rowIsFinite } from '../geometry/clean';
import { addChunk, classMean, classSlot, createMoments, createWorkspace, type Moments } from './moments';
import { createSample, offerRow, type RowSample } from './sample';
import { streamReport, type StreamReport } from './report';
import { orderClasses } from './statistics';
import { CHUNK_ROWS, type RowSource } from './source';

export interface StreamOptions {
  /** Distinct rows in the ID sample (TwoNN and MLE run on them). */
  idSample: number;
  seed: number;
  /** One sample per class of ceil(idSample / K) rows. */
  stratified: boolean;
  mleK: number;
  classifier?: Classifier;
  signal?: AbortSignal;
  /** Rows read so far, and the total when known. */
  onRows?: (done: number, total: number | null) => void;
}

/** The statistics of one pass: mergeable moments and row sample. */
export interface Accumulated {
  moments: Moments;
  sample: RowSample;
}

/** One pass over source: every chunk into the moments, every finite row offered to the sample. */
export async function accumulate(source: RowSource, opts: Omit<StreamOptions, 'mleK' | 'classifier'>): Promise<Accumulated> {
  const d = source.dim;
  const classes = opts.stratified ? await source.distinctLabels() : null;
  const moments = createMoments(d);
  const sample = createSample(opts.idSample, opts.seed, opts.stratified && classes !== null, classes?.length ?? 1);
  const ws = createWorkspace(d, CHUNK_ROWS + 64);
  const index = new Map<string | null, number>();
  let done = 0;
  for await (const chunk of source.chunks(opts.signal)) {
    const slots = chunk.labels ? Int32Array.from(chunk.labels, (y) => classSlot(moments, y, index)) : null;
    const finite = addChunk(moments, chunk.vectors, chunk.rows, slots, ws);
    for (const r of finite) offerRow(sample, chunk.vectors, r, d, chunk.labels ? chunk.labels[r] : null);
    done += chunk.rows;
    opts.onRows?.(done, source.rows);
  }
  return { moments, sample };
}

/**
 * Second pass for nc4: rows whose nearest class mean (Euclidean, first on ties) differs from
 * argmax_k(w_k . x + b_k) (first on ties), over the non-empty classes in report order.
 */
export async function countDisagreements(source: RowSource, moments: Moments, classifier: Classifier, signal?: AbortSignal): Promise<{ disagreements: number; rows: number }> {
  const m = orderClasses(moments);
  const d = m.dim;
  const present = m.classes.filter((c) => c.count > 0);
  const prepared = prepareClasses(Int32Array.from(m.classes.flatMap((c, k) => (c.count > 0 ? [k] : []))), m.classes.map((c) => c.label ?? ''), d, classifier);
  const W = prepared!.classifier!.weights.data;
  const bias = prepared!.classifier!.bias;
  const K = present.length;
  const means = present.map(classMean);
  let disagreements = 0;
  let rows = 0;
  for await (const chunk of source.chunks(signal)) {
    const X = chunk.vectors;
    for (let r = 0; r < chunk.rows; r++) {
      if (!rowIsFinite(X, r, d)) continue;
      rows++;
      const o = r * d;
      let nearest = 0;
      let best = Infinity;
      let arg = 0;
      let top = -Infinity;
      for (let k = 0; k < K; k++) {
        const mu = means[k];
        let dist = 0;
        let logit = bias ? bias[k] : 0;
        for (let j = 0; j < d; j++) {
          const x = X[o + j];
          dist += (x - mu[j]) ** 2;
          logit += W[k * d + j] * x;
        }
        if (dist < best) {
          best = dist;
          nearest = k;
        }
        if (logit > top) {
          top = logit;
          arg = k;
        }
      }
      if (nearest !== arg) disagreements++;
    }
  }
  return { disagreements, rows };
}

/**
 * The whole streaming analysis of one source. `extras` (SQL cross-check, approximate kNN) runs after
 * the report with the accumulated statistics; its fields join the report's stream block.
 */
export async function analyzeStream(
  source: RowSource,
  opts: StreamOptions,
  extras?: (acc: Accumulated, report: StreamReport) => Promise<Record<string, unknown>>,
): Promise<StreamReport> {
  const acc = await accumulate(source, opts);
  const disagreements = opts.classifier ? (await countDisagreements(source, acc.moments, opts.classifier, opts.signal)).disagreements : null;
  const report = await streamReport(acc.moments, acc.sample, { mleK: opts.mleK, classifier: opts.classifier, disagreements, signal: opts.signal });
  const more = extras ? await extras(acc, report) : {};
  return { ...report, stream: { ...report.stream, passes: opts.classifier ? 2 : 1, source: source.describe(), ...more } };
}
