/**
 * Alignment as a function of subspace dimension (after "Escaping Plato's Cave"): both sides projected
 * onto their own top-k principal axes (scores of the centred rows, float64), then mutual kNN (exact
 * Euclidean on the scores; cosine would collapse k = 1 to two points) and Procrustes retrieval (retrieval.ts) at each k
 * of a sampled grid, on a seeded sample of the items when there are many.
 */
import type { Mat } from '../geometry/types';
import { neighbourOverlap } from '../geometry/similarity';
import { sampleRows } from '../geometry/sample';
import { checkpoint } from '../geometry/abort';
import type { ComparePair } from './pair';
import { pcScores } from './svcca';
import { procrustesRetrieval } from './retrieval';
import { selfKnn } from './crossKnn';

export interface AlignmentCurve {
  /** The seeded item sample the curve ran on, or null when it used every item. */
  rows: { size: number; of: number; seed: number } | null;
  /** Neighbours per item of the mutual kNN. */
  knnK: number;
  k: number[];
  mutualKnn: number[];
  top1: number[];
  top5: number[];
  /** Procrustes disparity of the projected (sampled) pair. */
  disparity: number[];
}

/**
 * The k grid: 1..10, then steps of x1.5 (rounded), and kmax itself; kmax = min(rank A, rank B)
 * (past the numerical rank the scores add only zero-variance directions).
 */
export function curveGrid(kmax: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k <= Math.min(10, kmax); k++) ks.push(k);
  for (let k = 15; k < kmax; k = Math.round(k * 1.5)) ks.push(k);
  if (kmax > 10) ks.push(kmax);
  return ks;
}

/** Columns 0..k-1 of an m x K float64 matrix. */
function leading(S: Mat, k: number): Float64Array {
  const out = new Float64Array(S.rows * k);
  for (let i = 0; i < S.rows; i++) for (let j = 0; j < k; j++) out[i * k + j] = S.data[i * S.cols + j];
  return out;
}

export interface CurveOptions {
  /** Mutual-kNN neighbours (default 10). */
  k?: number;
  /** Items the curve runs on: a seeded sample of this many when there are more (default 2000; Infinity = all). */
  rows?: number;
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

/** The alignment-vs-k curve of a prepared pair. */
export async function alignmentCurve(p: ComparePair, opts: CurveOptions = {}): Promise<AlignmentCurve> {
  const knnK = opts.k ?? 10;
  const seed = opts.seed ?? 1;
  const cap = opts.rows ?? 2000;
  const rows = sampleRows(p.n, cap, seed);
  const m = rows.length;
  const kmax = Math.min(p.rankA, p.rankB);
  const grid = curveGrid(kmax);
  const SA = pcScores(p.A, rows, p.dA, p.meanA, p.eigA.vectors, kmax);
  const SB = pcScores(p.B, rows, p.dB, p.meanB, p.eigB.vectors, kmax);
  const out: AlignmentCurve = { rows: m < p.n ? { size: m, of: p.n, seed } : null, knnK, k: grid, mutualKnn: [], top1: [], top5: [], disparity: [] };
  const work = grid.reduce((s, k) => s + k, 0);
  let done = 0;
  for (const k of grid) {
    await checkpoint(opts.signal);
    const Ak = leading(SA, k);
    const Bk = leading(SB, k);
    const na = await selfKnn(Ak, m, k, knnK, opts.signal);
    const nb = await selfKnn(Bk, m, k, knnK, opts.signal);
    out.mutualKnn.push(neighbourOverlap(na, nb, m).reduce((s, v) => s + v, 0) / m);
    const r = await procrustesRetrieval(Ak, Bk, m, k, k, opts.signal);
    out.top1.push(r.top1);
    out.top5.push(r.top5);
    out.disparity.push(r.disparity);
    done += k;
    opts.onProgress?.(done / work);
  }
  return out;
}
