/** Data types of Train mode: labelled point sets and the train/test splits the trainer consumes. */
import type { Embeddings } from '../geometry/types';

/** N labelled points (labels 0..K-1, every class named): what a generator or loader produces. */
export type LabelledPoints = Embeddings & { labels: Int32Array; classNames: string[] };

/** A train/test split: rows are row-major float32 (n x dim), labels 0..classes-1. */
export interface Dataset {
  xTrain: Float32Array;
  yTrain: Int32Array;
  xTest: Float32Array;
  yTest: Int32Array;
  dim: number;
  classes: number;
  classNames: string[];
  /** Training rows whose label the label-noise setting flipped (ascending); absent or empty without noise. */
  noisyTrain?: Int32Array;
  /** The per-feature mean and std the rows were standardised with (a user's file), absent otherwise. */
  standardisation?: { mean: Float32Array; std: Float32Array };
}

/** Reads a shipped file by its path relative to the app base (fetch in the browser, fs in Node). */
export type ReadBytes = (path: string) => Promise<Uint8Array>;
