/** UCI optical digits (CC BY 4.0), shipped as public/data/digits.npy + digits-labels.txt. */
import { encodeLabels, parseLabelLines } from '../io/labels';
import { npyToMatrix, parseNpy } from '../io/npy';
import { InputError } from '../io/errors';
import type { LabelledPoints } from './types';

/** The shipped files, relative to the app base URL (public/data/). */
export const DIGITS_FILES = { vectors: 'data/digits.npy', labels: 'data/digits-labels.txt' } as const;

/** Digits from the .npy (N x 64 pixel counts 0..16) and the labels text: x = count / 16 in [0, 1]; classes '0'..'9'. */
export function digitsFromBytes(npy: Uint8Array, labelsText: Uint8Array): LabelledPoints {
  const m = npyToMatrix(parseNpy(npy, 'digits.npy'), 'digits.npy');
  const values = parseLabelLines(new TextDecoder().decode(labelsText), 'digits-labels.txt');
  if (values.length !== m.rows) {
    throw new InputError(`digits-labels.txt has ${values.length} labels for ${m.rows} rows.`, 'Rebuild both files with scripts/data/build_digits.py.');
  }
  const { labels, classNames } = encodeLabels(values);
  const vectors = new Float32Array(m.data.length);
  for (let t = 0; t < vectors.length; t++) vectors[t] = m.data[t] / 16;
  return { n: m.rows, dim: m.cols, vectors, labels, classNames };
}
