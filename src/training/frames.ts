/**
 * Stable 3D frames of a training run's features, so that motion in the view means the features
 * changed, not that the projection flipped. Both frames are centred at the global mean mu_G (the
 * unweighted mean of the class means) and use principal axes of the sample's second moment about
 * mu_G. 'fixed': the axes of the run's first snapshot, kept. 'procrustes': each snapshot's own axes,
 * rotated by the 3 x 3 orthogonal Procrustes map R = U V^T (svd of Y^T Y_prev) that best matches
 * the previous frame's coordinates Y_prev of the same sample rows.
 */
import { alignedEtf } from '../geometry/etf';
import { mat, procrustesRotation } from '../geometry/linalg';
import type { Mat } from '../geometry/types';
import { meansApartAxes } from './meansAxes';
import { orthonormalize } from './orthonormal';

export { orthonormalize };
import type { FeatureFrame, FrameAxes, FrameMode } from './types';

/** The parts of a Snapshot a frame reads. */
export interface FrameInput {
  classes: number;
  featureDim: number;
  /** sample x F. */
  features: Float32Array;
  /** K x F. */
  means: Float32Array;
  globalMean: Float32Array;
  /** K x F classifier rows, or null. */
  classifierWeights: Float32Array | null;
  /** Extra rows drawn on the same axes and scale but not fitted (the mixup probe's features, n x F). */
  extra?: Float32Array | null;
}

/** Subspace-iteration rounds from a cold start and from the previous axes. */
const COLD_ROUNDS = 60;
const WARM_ROUNDS = 10;
/** Snapshots without a search after one that kept the PCs (K > 4). */
const SEARCH_REST = 3;
/** Quantile of the sample's display radii that is fitted to the unit ball (outliers may poke out). */
const FIT_QUANTILE = 0.98;

/** C = X - 1 mu^T as float64 (m x d). */
function centred(X: Float32Array, m: number, d: number, mu: Float32Array): Float64Array {
  const C = new Float64Array(m * d);
  for (let i = 0; i < m; i++) for (let t = 0; t < d; t++) C[i * d + t] = X[i * d + t] - mu[t];
  return C;
}

/** Y = C Q (m x r) for C m x d, Q d x r. */
function project(C: Float64Array, m: number, d: number, Q: Mat): Float64Array {
  const r = Q.cols;
  const Y = new Float64Array(m * r);
  for (let i = 0; i < m; i++) {
    for (let t = 0; t < d; t++) {
      const x = C[i * d + t];
      if (x === 0) continue;
      for (let c = 0; c < r; c++) Y[i * r + c] += x * Q.data[t * r + c];
    }
  }
  return Y;
}

/** The first r standard basis vectors of R^d as columns (d x r). */
function standardAxes(d: number, r: number): Mat {
  const Q = mat(d, r);
  for (let c = 0; c < r; c++) Q.data[c * r + c] = 1;
  return Q;
}

/**
 * The top-r principal axes (d x r, orthonormal columns) of C^T C by subspace iteration
 * Q <- orth(C^T C Q), from `start` (warm) or from the first r standard basis vectors (cold).
 */
export function topAxes(C: Float64Array, m: number, d: number, r: number, start: Mat | null): Mat {
  const Q = start ? mat(d, r, start.data) : standardAxes(d, r);
  const rounds = start ? WARM_ROUNDS : COLD_ROUNDS;
  for (let k = 0; k < rounds; k++) {
    const Y = project(C, m, d, Q);
    Q.data.fill(0);
    for (let i = 0; i < m; i++) {
      for (let t = 0; t < d; t++) {
        const x = C[i * d + t];
        if (x === 0) continue;
        for (let c = 0; c < r; c++) Q.data[t * r + c] += x * Y[i * r + c];
      }
    }
    orthonormalize(Q);
  }
  return Q;
}

/** Q R for Q d x r, R r x r. */
function rotate(Q: Mat, R: Mat): Mat {
  const { rows: d, cols: r } = Q;
  const out = mat(d, r);
  for (let t = 0; t < d; t++) for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) out.data[t * r + b] += Q.data[t * r + a] * R.data[a * r + b];
  return out;
}

/** Rows of A (n x d, float64) projected on Q and padded to 3 columns, times `s`. */
function rows3(A: Float64Array, n: number, d: number, Q: Mat, s: number): Float32Array {
  const Y = project(A, n, d, Q);
  const r = Q.cols;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let c = 0; c < r; c++) out[i * 3 + c] = Y[i * r + c] * s;
  return out;
}

function rowNorms(A: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += A[i * d + t] ** 2;
    out[i] = Math.sqrt(s);
  }
  return out;
}

/** The q-quantile (nearest rank) of the values. */
function quantile(values: Float64Array, q: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Draws one snapshot on the axes Q (F x r): sample, centred means and the nearest simplex ETF as
 * they are; classifier rows times max_k ||mu_k - mu_G|| / max_k ||w_k|| (full-dimensional norms,
 * so a row leaving the 3 axes looks shorter). Everything is then scaled by 1/R, R = the larger of
 * the FIT_QUANTILE quantile of the sample's display radii and the largest mean or vertex radius.
 */
export function drawFrame(input: FrameInput, Q: Mat, mode: FrameMode, axes: FrameAxes = 'pcs'): FeatureFrame {
  const { classes: K, featureDim: F, features, means, globalMean, classifierWeights } = input;
  const m = features.length / F;
  const C = centred(features, m, F, globalMean);
  const Mc = centred(means, K, F, globalMean);
  const Y = project(C, m, F, Q);
  let total = 0;
  let kept = 0;
  for (let i = 0; i < C.length; i++) total += C[i] * C[i];
  for (let i = 0; i < Y.length; i++) kept += Y[i] * Y[i];
  const etf = K >= 2 && F >= K - 1 ? alignedEtf(mat(K, F, Mc)) : null;
  const simplexRaw = etf && etf.scale > 0 && Number.isFinite(etf.scale) ? etf.vertices.data : null;
  const pointRadii = rowNorms(Y, m, Q.cols);
  const meanRadii = rowNorms(project(Mc, K, F, Q), K, Q.cols);
  const vertexRadii = simplexRaw ? rowNorms(project(simplexRaw, K, F, Q), K, Q.cols) : new Float64Array(0);
  const R = Math.max(quantile(pointRadii, FIT_QUANTILE), ...meanRadii, ...vertexRadii);
  const s = R > 0 && Number.isFinite(R) ? 1 / R : 1;
  let classifier: Float32Array | null = null;
  if (classifierWeights) {
    const W = Float64Array.from(classifierWeights);
    const wMax = Math.max(...rowNorms(W, K, F));
    const muMax = Math.max(...rowNorms(Mc, K, F));
    classifier = rows3(W, K, F, Q, wMax > 0 ? (s * muMax) / wMax : 0);
  }
  return {
    mode,
    axes,
    points: rows3(C, m, F, Q, s),
    means: rows3(Mc, K, F, Q, s),
    classifier,
    simplex: simplexRaw ? rows3(simplexRaw, K, F, Q, s) : null,
    captured: total > 0 ? Math.min(1, kept / total) : 0,
    scale: s,
    probe: input.extra ? rows3(centred(input.extra, input.extra.length / F, F, globalMean), input.extra.length / F, F, Q, s) : null,
  };
}

/** The two stable frames of one run: feed it the run's snapshots in order. */
export class FrameTracker {
  private fixed: { Q: Mat; axes: FrameAxes } | null = null;
  private previous: { Q: Mat; Y: Float64Array; axes: FrameAxes } | null = null;
  /** The previous snapshot's PCs (the warm start of the next). */
  private pcs: Mat | null = null;
  /** The best axes the last means-apart search met (its warm start), and the snapshots left before the next search. */
  private searched: Mat | null = null;
  private rest = 0;

  /** Both frames of the next snapshot (the first snapshot fixes the 'fixed' axes). */
  next(input: FrameInput): Record<FrameMode, FeatureFrame> {
    const F = input.featureDim;
    const m = input.features.length / F;
    const r = Math.min(3, F);
    const C = centred(input.features, m, F, input.globalMean);
    const finite = C.every(Number.isFinite);
    if (!finite) {
      const Q = this.previous?.Q ?? this.fixed?.Q ?? standardAxes(F, r);
      const axes = this.previous?.axes ?? 'pcs';
      return { fixed: drawFrame(input, this.fixed?.Q ?? Q, 'fixed', this.fixed?.axes ?? axes), procrustes: drawFrame(input, Q, 'procrustes', axes) };
    }
    let Q = topAxes(C, m, F, r, this.pcs);
    this.pcs = Q;
    // More than 4 classes: the PCs can leave a mean at the origin; then axes that keep the means apart (meansAxes.ts).
    let axes: FrameAxes = 'pcs';
    if (input.classes > 4) {
      const Mc = centred(input.means, input.classes, F, input.globalMean);
      const radius = (A: Mat) => Math.max(quantile(rowNorms(project(C, m, F, A), m, A.cols), FIT_QUANTILE), ...rowNorms(project(Mc, input.classes, F, A), input.classes, A.cols));
      if (this.rest > 0) this.rest--;
      else {
        const sticky = this.previous?.axes === 'means';
        const found = meansApartAxes(Mc, input.classes, F, Q, radius, this.searched, sticky);
        this.searched = found.searched ?? null;
        if (found.moved) [Q, axes] = [found.Q, 'means'];
        // The PCs were clear, or the search found nothing clearly better: look again only every SEARCH_REST + 1 snapshots.
        else this.rest = SEARCH_REST;
      }
    }
    let Y = project(C, m, F, Q);
    if (this.previous && this.previous.Y.length === Y.length) {
      const R = procrustesRotation(crossTN(Y, this.previous.Y, m, r));
      Q = rotate(Q, R);
      Y = project(C, m, F, Q);
    }
    this.previous = { Q, Y, axes };
    this.fixed ??= { Q, axes };
    return { fixed: drawFrame(input, this.fixed.Q, 'fixed', this.fixed.axes), procrustes: drawFrame(input, Q, 'procrustes', axes) };
  }
}

/** A^T B (r x r) for A, B m x r row-major. */
function crossTN(A: Float64Array, B: Float64Array, m: number, r: number): Mat {
  const out = mat(r, r);
  for (let i = 0; i < m; i++) for (let a = 0; a < r; a++) for (let b = 0; b < r; b++) out.data[a * r + b] += A[i * r + a] * B[i * r + b];
  return out;
}
