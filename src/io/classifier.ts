/**
 * A linear classifier (--weights W.npy, --bias b.npy) for the nc3/nc4 metrics: W is K x D
 * (row k = class k, PyTorch nn.Linear's layout); D x K is accepted and transposed when unambiguous.
 */
import type { Classifier, Mat } from '../geometry/types';
import type { NamedBytes } from './detect';
import { InputError } from './errors';
import { formatShape, hasNpyMagic } from './npyHeader';
import { parseNpy, type NpyArray } from './npy';

function readNumericNpy(file: NamedBytes, role: string): NpyArray & { data: Exclude<NpyArray['data'], string[]> } {
  if (!hasNpyMagic(file.bytes)) {
    throw new InputError(`${file.name} is not a .npy file, which ${role} needs.`, 'Save it with numpy.save, e.g. np.save(path, W.astype(np.float32)).');
  }
  const arr = parseNpy(file.bytes, file.name);
  if (Array.isArray(arr.data)) {
    throw new InputError(`${file.name} holds text (dtype ${arr.dtype}), not numbers.`, 'Save it as a float array.');
  }
  return arr as NpyArray & { data: Exclude<NpyArray['data'], string[]> };
}

/**
 * W as K x D float64: shape (K, D) is taken as is, (D, K) is transposed. `classes` is K from the labels
 * (null when unlabelled, then any (r, D) is K x D). A square D x D W is read as K x D.
 */
export function loadClassifier(weights: NamedBytes, bias: NamedBytes | undefined, dim: number, classes: number | null): Classifier {
  const w = readNumericNpy(weights, '--weights');
  const expected = classes === null ? `(K, ${dim})` : `(${classes}, ${dim})`;
  const mismatch = () => new InputError(
    `${weights.name} has shape ${formatShape(w.shape)} but the embeddings have ${dim} dimensions${classes === null ? '' : ` and ${classes} classes`}.`,
    `Pass W with shape ${expected} (one row per class), or its transpose.`,
  );
  if (w.shape.length !== 2) throw mismatch();
  const [r, c] = w.shape;
  const fitsKD = c === dim && (classes === null || r === classes);
  const fitsDK = r === dim && (classes === null || c === classes);
  if (!fitsKD && !fitsDK) throw mismatch();
  const transpose = !fitsKD;
  const K = transpose ? c : r;
  const data = new Float64Array(K * dim);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < dim; j++) data[k * dim + j] = Number(transpose ? w.data[j * c + k] : w.data[k * dim + j]);
  }
  const mat: Mat = { rows: K, cols: dim, data };
  if (!bias) return { weights: mat };

  const b = readNumericNpy(bias, '--bias');
  const flat = b.shape.length === 1 || (b.shape.length === 2 && (b.shape[0] === 1 || b.shape[1] === 1));
  if (!flat || b.data.length !== K) {
    throw new InputError(
      `${bias.name} has shape ${formatShape(b.shape)} but ${weights.name} has ${K} rows (classes).`,
      `Pass a bias vector of length ${K}.`,
    );
  }
  const bv = new Float64Array(K);
  for (let k = 0; k < K; k++) bv[k] = Number(b.data[k]);
  return { weights: mat, bias: bv };
}
