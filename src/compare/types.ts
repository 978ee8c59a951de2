/** Compare mode's options and results: the report (the CLI's --json object) and the per-item display arrays. */
import type { AlignmentCurve } from './curve';
import type { ClassComparison } from './classes';
import type { MatchingInfo, MatchOptions } from './match';
import type { DatasetSource } from '../explore/sources';
import type { FileChoices } from '../io/choices';

/** Defaults shared by the app and the CLI. */
export const COMPARE_DEFAULTS = {
  /** Mutual-kNN neighbours. */
  k: 10,
  /** Principal directions per side for SVCCA. */
  svccaK: 10,
  /** Relative-representation anchors. */
  anchors: 300,
  /** Seed of the anchors and of the curve's item sample. */
  seed: 1,
  /** Items the alignment curve runs on (a seeded sample when there are more). */
  curveRows: 2000,
  /** Class-subspace dimension for the per-class angles. */
  classK: 3,
} as const;

export interface CompareOptions extends MatchOptions {
  k?: number;
  svccaK?: number;
  anchors?: number;
  seed?: number;
  curveRows?: number;
  classK?: number;
  /** Compute the alignment-vs-k curve (default true). */
  curve?: boolean;
  /** Compute the per-class comparison when there are labels (default true). */
  classes?: boolean;
  signal?: AbortSignal;
  /** Progress in [0, 1] with a short stage name. */
  onProgress?: (fraction: number, stage: string) => void;
}

/** The CLI's `compare --json` object; the app shows exactly these values. */
export interface CompareReport {
  n: number;
  dimA: number;
  dimB: number;
  matching: MatchingInfo;
  /** Which side the labels came from (null: unlabelled). */
  labelsFrom: 'A' | 'B' | null;
  cka: { linear: number; debiased: number | null };
  mutualKnn: { k: number; value: number };
  procrustes: { disparity: number; scale: number; dim: number };
  svcca: { k: number; requestedK: number; correlations: number[]; mean: number };
  relative: { anchors: number; seed: number; similarity: number };
  retrieval: { top1: number; top5: number };
  alignmentCurve: AlignmentCurve | null;
  classes: ClassComparison | null;
}

/** Per-item arrays for the aligned view and the linked views (row i = matched item i). */
export interface CompareDisplay {
  /** The common (padded) dimension of standardA and alignedB. */
  dim: number;
  /** (A - mean)/||Ac||_F zero-padded, n x dim. */
  standardA: Float32Array;
  /** s (B - mean)/||Bc||_F R^T: B aligned onto standardA, n x dim. */
  alignedB: Float32Array;
  /** ||standardA_i - alignedB_i||; sum of squares = the Procrustes disparity. */
  displacement: Float64Array;
  /** |N_A(i) ∩ N_B(i)| / k of the mutual kNN. */
  neighbourAgreement: Float64Array;
  /** cos(rel_A(i), rel_B(i)) of the relative representations. */
  relative: Float64Array;
  /** Rank of item i's partner in the retrieval: 0 nearest, 1..4 in the top 5, 5 beyond. */
  retrievalRank: Uint8Array;
  /** Source rows of each item in the A and B inputs. */
  rowsA: Int32Array;
  rowsB: Int32Array;
}

export interface CompareResult {
  report: CompareReport;
  display: CompareDisplay;
}

/** Rows already in memory (a Train run's exported features): n x dim, row-major. */
export interface ArraysInput {
  kind: 'arrays';
  name: string;
  n: number;
  dim: number;
  vectors: Float32Array;
  labels?: Int32Array;
  classNames?: string[];
}

/** A file (or same-origin URL, or synthetic set) loaded in the worker exactly as Explore loads it. */
export interface SourceInput {
  kind: 'source';
  source: DatasetSource;
  /** B only: another array of A's file; without a vectors choice, the first 2-D array A does not use. */
  otherArray?: boolean;
  /** Rows are width x height images (row-major): average-pool each over factor x factor blocks (pool.ts). */
  pool?: ImagePool;
}

/** Average pooling of row-major images: width and height divisible by factor. */
export interface ImagePool {
  width: number;
  height: number;
  factor: number;
}

export type CompareInput = ArraysInput | SourceInput;

/** What the UI needs to know of one loaded side. */
export interface SideInfo {
  name: string;
  n: number;
  dim: number;
  /** Labels present, and the metadata columns (candidates for the id column). */
  labelled: boolean;
  metaColumns: string[];
  /** The .npz arrays / table columns on offer and the choice in effect (null for other inputs). */
  choices: FileChoices | null;
}
