/** Validation of analyze()'s inputs, with user-facing InputErrors (problem + fix). */
import type { Classifier, Embeddings } from './types';
import { InputError } from '../io/errors';
import { mat } from './linalg';

/** Labels renumbered onto the classes that have rows, and the classifier restricted to them. */
export interface PreparedClasses {
  /** Classes with at least one row (K used by every collapse metric). */
  K: number;
  labels: Int32Array;
  classifier?: Classifier;
}

/** Throws InputError unless vectors holds n x dim values and labels (if any) has n entries. */
export function checkShape(emb: Embeddings): void {
  const { n, dim, vectors, labels } = emb;
  if (!(Number.isInteger(n) && Number.isInteger(dim) && n >= 0 && dim >= 1) || vectors.length !== n * dim) {
    throw new InputError(
      `The embeddings claim ${n} rows of ${dim} values but hold ${vectors.length} numbers.`,
      'Check that every row has the same number of columns.',
    );
  }
  if (labels && labels.length !== n) {
    throw new InputError(
      `There are ${labels.length} labels for ${n} rows.`,
      'Give exactly one label per row, in the same order as the rows.',
    );
  }
}

/**
 * Declared K = max(classNames.length, max label + 1); classes without rows are dropped (labels
 * renumbered in order, classifier rows selected to match). InputError for negative labels, fewer
 * than 2 non-empty classes, a classifier without labels or of the wrong shape.
 */
export function prepareClasses(labels: Int32Array | undefined, classNames: string[] | undefined, d: number, classifier?: Classifier): PreparedClasses | null {
  if (!labels) {
    if (classifier) throw new InputError('A classifier was given without labels.', 'Provide labels too, or leave out the classifier weights.');
    return null;
  }
  let max = -1;
  for (let i = 0; i < labels.length; i++) {
    if (!(labels[i] >= 0)) throw new InputError(`Row ${i} has the label ${labels[i]}.`, 'Labels must be class indices 0, 1, 2, ...');
    if (labels[i] > max) max = labels[i];
  }
  const declared = Math.max(classNames?.length ?? 0, max + 1);
  const counts = new Int32Array(declared);
  for (const y of labels) counts[y]++;
  const present: number[] = [];
  counts.forEach((c, k) => {
    if (c > 0) present.push(k);
  });
  if (present.length < 2) {
    throw new InputError(
      'Every labelled row belongs to the same class, so neural-collapse metrics are undefined.',
      'Provide labels with at least two classes, or analyse the embeddings without labels.',
    );
  }
  if (classifier) checkClassifierShape(classifier, declared, d);
  if (present.length === declared) return { K: declared, labels, classifier };
  const newIndex = new Int32Array(declared).fill(-1);
  present.forEach((k, i) => (newIndex[k] = i));
  const K = present.length;
  const renumbered = Int32Array.from(labels, (y) => newIndex[y]);
  if (!classifier) return { K, labels: renumbered };
  const W = mat(K, d);
  present.forEach((k, i) => W.data.set(classifier.weights.data.subarray(k * d, k * d + d), i * d));
  const bias = classifier.bias ? Float64Array.from(present, (k) => classifier.bias![k]) : undefined;
  return { K, labels: renumbered, classifier: { weights: W, bias } };
}

function checkClassifierShape({ weights: W, bias }: Classifier, K: number, d: number): void {
  if (W.rows !== K || W.cols !== d) {
    throw new InputError(
      `The classifier weights are ${W.rows} x ${W.cols}, but the data has ${K} classes and ${d} dimensions.`,
      `Provide weights of shape ${K} x ${d} (one row per class), transposing them if needed.`,
    );
  }
  if (bias && bias.length !== K) {
    throw new InputError(`The classifier bias has ${bias.length} entries for ${K} classes.`, `Provide one bias per class (${K} values).`);
  }
}
