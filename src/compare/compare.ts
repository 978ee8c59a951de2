/**
 * compareRepresentations(): every Compare measure for two representations of the same items, the
 * report the CLI prints and the app shows, plus the per-item arrays of the aligned view.
 * Cost: O(n (dA + dB)^2 + d^3) float64 for the Grams, eigendecompositions and Procrustes; exact kNN
 * (tfjs) for the mutual kNN and retrieval, O(n^2 d); the curve on at most curveRows items.
 */
import type { Embeddings } from '../geometry/types';
import { knn } from '../geometry/knn';
import { debiasedCkaFromTerms, linearCkaFromTerms, neighbourOverlap } from '../geometry/similarity';
import { prepareClasses } from '../geometry/analyzeInput';
import { InputError } from '../io/errors';
import { matchRows, type MatchedPair } from './match';
import { ckaTerms, preparePair } from './pair';
import { alignedPair, displacement, procrustesFit } from './procrustes';
import { svcca } from './svcca';
import { relativeSimilarity } from './relative';
import { alignedRetrieval } from './retrieval';
import { alignmentCurve } from './curve';
import { compareClasses, type ClassInput } from './classes';
import { COMPARE_DEFAULTS, type CompareOptions, type CompareResult } from './types';

/** Labels of the matched items renumbered onto their non-empty classes, or null (InputError for a single class). */
function classInput(m: MatchedPair): ClassInput | null {
  const prepared = prepareClasses(m.labels, m.classNames, m.dA);
  if (!prepared || !m.labels) return null;
  const present = [...new Set(m.labels)].sort((x, y) => x - y);
  return { labels: prepared.labels, K: prepared.K, names: present.map((k) => m.classNames?.[k] ?? String(k)) };
}

/** InputError when every matched row of a side is the same point (CKA, Procrustes and SVCCA divide by its spread). */
function checkVariance(rowSq: Float64Array, matching: MatchedPair['matching'], side: string): void {
  if (rowSq.some((v) => v > 0)) return;
  const how = matching.by === 'id' ? 'matched by id' : 'matched';
  throw new InputError(`Every ${how} row of ${side} is the same point, so the similarity measures are undefined.`, `Check that ${side} holds the representation (not a constant array).`);
}

/** Matches the rows (match.ts) and compares them. */
export async function compareRepresentations(a: Embeddings, b: Embeddings, opts: CompareOptions = {}): Promise<CompareResult> {
  return compareMatched(matchRows(a, b, opts), opts);
}

/** Every measure of matched rows. */
export async function compareMatched(m: MatchedPair, opts: CompareOptions = {}): Promise<CompareResult> {
  const D = COMPARE_DEFAULTS;
  const o = {
    k: opts.k ?? D.k, svccaK: opts.svccaK ?? D.svccaK, anchors: opts.anchors ?? D.anchors,
    seed: opts.seed ?? D.seed, curveRows: opts.curveRows ?? D.curveRows, classK: opts.classK ?? D.classK,
  };
  const { signal } = opts;
  const progress = (from: number, to: number, stage: string) => (f: number) => opts.onProgress?.(from + (to - from) * f, stage);
  const cls = opts.classes === false ? null : classInput(m);
  opts.onProgress?.(0, 'Grams');
  const p = await preparePair(m.A, m.B, m.n, m.dA, m.dB, signal);
  checkVariance(p.rowSqA, m.matching, 'A');
  checkVariance(p.rowSqB, m.matching, 'B');
  const terms = ckaTerms(p);
  const fit = procrustesFit(p);
  const aligned = alignedPair(p, fit);
  const views = { standardA: Float32Array.from(aligned.standardA), alignedB: Float32Array.from(aligned.alignedB) };
  const sv = svcca(p, o.svccaK);
  opts.onProgress?.(0.2, 'relative representations');
  const rel = relativeSimilarity(m.A, m.B, m.n, m.dA, m.dB, o.anchors, o.seed);
  const nnA = await knn(m.A, m.n, m.dA, o.k, { metric: 'cosine', signal, onProgress: progress(0.25, 0.4, 'neighbours of A') });
  const nnB = await knn(m.B, m.n, m.dB, o.k, { metric: 'cosine', signal, onProgress: progress(0.4, 0.55, 'neighbours of B') });
  const agreement = neighbourOverlap(nnA, nnB, m.n);
  opts.onProgress?.(0.55, 'retrieval');
  const retrieval = await alignedRetrieval(aligned, fit, m.n, signal);
  const curve = opts.curve === false ? null : await alignmentCurve(p, { k: o.k, rows: o.curveRows, seed: o.seed, signal, onProgress: progress(0.7, 0.95, 'alignment curve') });
  const classes = cls ? compareClasses({ ...views, dim: fit.dim }, m, cls, o.classK) : null;
  opts.onProgress?.(1, 'done');
  return {
    report: {
      n: m.n, dimA: m.dA, dimB: m.dB,
      matching: m.matching,
      labelsFrom: cls ? m.labelsFrom : null,
      cka: { linear: linearCkaFromTerms(terms), debiased: debiasedCkaFromTerms(terms) },
      mutualKnn: { k: nnA.k, value: agreement.reduce((s, v) => s + v, 0) / m.n },
      procrustes: { disparity: fit.disparity, scale: fit.scale, dim: fit.dim },
      svcca: sv,
      relative: { anchors: rel.anchors, seed: rel.seed, similarity: rel.similarity },
      retrieval: { top1: retrieval.top1, top5: retrieval.top5 },
      alignmentCurve: curve,
      classes,
    },
    display: {
      dim: fit.dim,
      ...views,
      displacement: displacement(aligned.standardA, aligned.alignedB, m.n, fit.dim),
      neighbourAgreement: agreement,
      relative: rel.perItem,
      retrievalRank: retrieval.rank,
      rowsA: m.rowsA,
      rowsB: m.rowsB,
    },
  };
}
