/**
 * Domain types shared by the geometry core, the parsers, the CLI and the workers.
 * Conventions for every metric are in ARCHITECTURE.md ("Metric conventions").
 */
import type { TileScanPool } from './parallel/pool';
import type { SampleSpec } from './sample';

/** A row-major float64 matrix: element (i, j) is data[i * cols + j]. Used by the small dense linear algebra. */
export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Optional per-row metadata: every column has one string per row. */
export interface Metadata {
  columns: string[];
  /** values[c][i] is column c of row i. */
  values: string[][];
}

/** N points in D dimensions, optionally labelled. */
export interface Embeddings {
  n: number;
  dim: number;
  /** Row-major n x dim. */
  vectors: Float32Array;
  /** Class index 0..K-1 per row, or undefined when unlabelled. */
  labels?: Int32Array;
  /** Display name of each class index (length K). */
  classNames?: string[];
  meta?: Metadata;
}

/** Linear classifier W (K x D, row k = class k) and optional bias b (K). */
export interface Classifier {
  weights: Mat;
  bias?: Float64Array;
}

export interface PcaSummary {
  /** Explained variance ratios of the centred data, descending (first 10 in reports). */
  explainedVarianceRatio: number[];
  /** Fewest components whose ratios sum to >= 0.9. */
  pcId90: number;
  /** (sum lambda)^2 / sum lambda^2 over all eigenvalues of the covariance. */
  participationRatio: number;
  /** 'exact' (D x D covariance) or 'randomized' (D > 2048). */
  method: 'exact' | 'randomized';
}

/**
 * The collapse metrics of ARCHITECTURE.md. NaN marks a value that is undefined or trivially
 * perfect for the data (CollapseResult.reasons says why); null marks a classifier metric without W.
 */
export interface CollapseMetrics {
  nc1: number;
  nc1Quotient: number;
  cdnv: number;
  /** std/mean of ||mu_k - mu_G||. */
  equinorm: number;
  /** std/mean of ||w_k|| (null without a classifier). */
  equinormClassifier: number | null;
  equiangularity: number;
  etfDistance: number;
  nc3: number | null;
  nc4: number | null;
}

/** Names of the collapse metrics. */
export type CollapseMetricKey = keyof CollapseMetrics;

/** Why a collapse metric has no value (undefined, or trivially 0 for this data), keyed by metric. */
export type CollapseReasons = Partial<Record<CollapseMetricKey, string>>;

/** A seeded uniform sample (with replacement) of the K(K-1)/2 class pairs, for the pairwise metrics at large K. */
export interface PairSample {
  size: number;
  /** Class pairs sampled from, K(K-1)/2. */
  of: number;
  seed: number;
}

/** collapseMetrics plus how NC1 is conditioned, the reasons for missing values and the pair sample. */
export interface CollapseResult {
  metrics: CollapseMetrics;
  /** s_r / s_1 of Mc over the r directions NC1 keeps (NaN when r = 0). */
  conditioning: number;
  /** r: min(K-1, D) less the singular values of Mc <= max(K, D) eps s_1. */
  nc1Rank: number;
  /** The smallest kept direction's term (v_r^T Sigma_W v_r)/s_r^2 over nc1 (NaN when nc1 is 0 or undefined). */
  nc1SmallestShare: number;
  reasons: CollapseReasons;
  /** cdnv and equiangularity ran on this sample of pairs (etfDistance stays exact), or null when on all pairs. */
  pairSample: PairSample | null;
}

/** The CLI's `--json` object; the app shows exactly these values. */
export interface AnalysisReport {
  n: number;
  dim: number;
  classes: number | null;
  pca: PcaSummary;
  intrinsicDimension: {
    twoNN: number | null;
    mle: { k: number; harmonic: number | null; mean: number | null };
    /** The seeded uniform sample of unique rows TwoNN and MLE ran on, or null when they ran on all unique rows. */
    sample: IdSample | null;
    /** The exact kNN search TwoNN and MLE ran on (knnChoice.ts); absent when they did not run. */
    neighbourSearch?: 'brute force' | 'pca tree';
  };
  neuralCollapse: {
    nc1: number | null;
    nc1Quotient: number | null;
    cdnv: number | null;
    equinorm: number | null;
    equinormClassifier: number | null;
    equiangularity: number | null;
    etfDistance: number | null;
    nc3: number | null;
    nc4: number | null;
    /** s_r / s_1, the smallest over the largest singular value of Mc among the r directions nc1 keeps. */
    conditioning?: number | null;
    /** r, the right singular vectors of Mc that nc1 sums over (min(K-1, D) unless Mc is rank-deficient). */
    nc1Rank?: number | null;
    /** Part of nc1 carried by the smallest kept direction, (v_r^T Sigma_W v_r / s_r^2) / nc1. */
    nc1SmallestShare?: number | null;
    /** nc1SmallestShare > 0.5, r >= 2 and conditioning < 0.01: nc1 mostly measures a direction of tiny between-class spread. */
    nc1Dominated?: boolean | null;
    /** cdnv and equiangularity ran on this seeded sample of class pairs (many classes), or null: all pairs. */
    pairSample?: PairSample | null;
    /** True when W was given without b, so nc4 used b = 0; false with b; null without a classifier. */
    biasAssumedZero?: boolean | null;
    /** For each metric above that is null although labels (and W, for the classifier metrics) were given: why. */
    reasons?: CollapseReasons;
    /** Sentences shown under the collapse metrics (CLI and app): the nc1Dominated warning, the pair sample. */
    notes?: string[];
  };
  skipped: { nonFinite: number; duplicates: number };
  /** MCR^2 coding rates of the unit-normalised rows (CLI; the app's Dimension tab). */
  codingRate?: { R: number; Rc: number | null; deltaR: number | null; eps2: number };
  /** How far the top-3 PCA picture can be trusted (k = 10; sklearn's trustworthiness convention). */
  projection?: {
    pca3: { k: number; axes: number; trustworthiness: number; continuity: number; meanPreservation: number; sample: IdSample | null } | null;
  };
  /** Labels made by clustering (--cluster), with their agreement with the true labels when there were any. */
  clusters?: { method: string; k: number; seed: number; objective: number | null; ari: number | null; nmi: number | null };
}

/** A seeded sample of the unique rows (drawSample(of, {size, strategy, seed}, ...) indexes the unique rows in input order). */
export interface IdSample {
  size: number;
  /** Unique rows sampled from. */
  of: number;
  seed: number;
  /** uniform over the unique rows, or stratified per class (largest-remainder quotas); absent: uniform. */
  strategy?: 'uniform' | 'stratified';
}

export interface AnalyzeOptions {
  /** k for the Levina-Bickel MLE (default 20). */
  k?: number;
  classifier?: Classifier;
  /** Progress in [0, 1] with a short stage name. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Checked between blocks; throw-free cancellation: analyze rejects with an AbortError. */
  signal?: AbortSignal;
  /** Run TwoNN and MLE on a seeded sample of this many unique rows when there are more (default: all); a spec also names the strategy and seed. */
  idSample?: number | SampleSpec;
  /** Threads for the kNN tile scan (geometry/parallel/pool.ts); absent: this thread only. */
  pool?: TileScanPool;
  /** Also the coding rate and the PCA-3 picture's faithfulness (the CLI's default). */
  extras?: boolean;
}

/** k nearest neighbours of every row, self excluded (see geometry/knn.ts). */
export interface KnnResult {
  k: number;
  /** n*k neighbour row indices; row i's neighbours are indices[i*k .. i*k+k), nearest first. */
  indices: Int32Array;
  /** n*k distances, ascending per row: Euclidean, or 1 - cos for the cosine metric. */
  distances: Float64Array;
  /** The exact search that ran (knnChoice.ts); absent for results made elsewhere. */
  method?: 'brute force' | 'pca tree';
}

/** Per-class statistics of labelled rows X (N x D) in K classes, in float64. */
export interface ClassStats {
  n: number;
  dim: number;
  classes: number;
  /** n_k, the number of rows of each class. */
  counts: Int32Array;
  /** K x D class means mu_k. */
  means: Mat;
  /** mu_G, the unweighted mean of the class means. */
  globalMean: Float64Array;
  /** K x D centred means Mc, row k = mu_k - mu_G. */
  centredMeans: Mat;
  /** V_k = (1/n_k) sum_{y_i = k} ||x_i - mu_k||^2. */
  classVariance: Float64Array;
  /** Tr Sigma_W = (1/N) sum_i ||x_i - mu_{y_i}||^2. */
  traceSigmaW: number;
  /** Tr Sigma_B = ||Mc||_F^2 / K. */
  traceSigmaB: number;
}

/** Principal components of the centred rows (see geometry/pca.ts). */
export interface PcaResult {
  /** Column means of X (D). */
  mean: Float64Array;
  /** Covariance eigenvalues (1/N normalisation), descending: all D for 'exact', the computed ones for 'randomized'. */
  eigenvalues: Float64Array;
  /** eigenvalues / total variance (total = exact trace of the covariance). */
  explainedVarianceRatio: Float64Array;
  /** q x D, row i = unit principal axis i. */
  components: Mat;
  /** Fewest components whose ratios sum to >= 0.9 (NaN when the randomized components never reach it). */
  pcId90: number;
  /** (sum lambda)^2 / sum lambda^2 over all eigenvalues (exact trace and Frobenius norm). */
  participationRatio: number;
  method: 'exact' | 'randomized';
}
