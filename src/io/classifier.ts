/**
 * A linear classifier for the nc3/nc4 metrics, from the CLI's --weights/--bias files or the files
 * chosen in the app: W is K x D (row k = class k, PyTorch nn.Linear's layout; D x K is transposed),
 * b has length K. Each file is a .npy (one array) or a container of named arrays (.npz, .safetensors);
 * pickClassifier chooses W and b among the arrays of every file by shape first, then by name.
 */
import type { Classifier, Mat } from '../geometry/types';
import type { NamedBytes } from './detect';
import { InputError } from './errors';
import { formatShape, hasNpyMagic } from './npyHeader';
import { parseNpy, type NpyArray } from './npy';
import { hasZipMagic, parseNpz } from './npz';
import { hasSafetensorsLayout, parseSafetensorsHeader, safetensorToFloat32 } from './safetensors';

/** One numeric array of a file: the whole .npy, an .npz entry or a safetensors tensor. */
export interface NamedArray {
  /** The array's name inside its file (a .npy: the file name without its extension). */
  name: string;
  /** The file it came from, for messages. */
  file: string;
  shape: number[];
  values: Float64Array;
}

/** A classifier with the arrays it came from (`file:array`), for the panel and the messages. */
export interface LoadedClassifier {
  classifier: Classifier;
  weightsFrom: string;
  /** Where b came from, or null: b = 0 was used. */
  biasFrom: string | null;
}

const FORMATS_FIX = 'Save W (and b) with numpy: np.save("W.npy", W), or both in one file: np.savez("head.npz", weight=W, bias=b) (safetensors works too).';

const baseName = (name: string) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replace(/\.(npy|npz|safetensors)$/i, '');

function numericValues(arr: NpyArray, where: string): Float64Array {
  if (Array.isArray(arr.data)) throw new InputError(`${where} holds text (dtype ${arr.dtype}), not numbers.`, 'Save the classifier as a float array.');
  return Float64Array.from(arr.data as ArrayLike<number | bigint>, Number);
}

/** Every numeric array of a .npy, .npz or safetensors file (text arrays of an .npz are skipped). */
export function classifierArrays(file: NamedBytes): NamedArray[] {
  const { name, bytes } = file;
  if (hasNpyMagic(bytes)) {
    const arr = parseNpy(bytes, name);
    return [{ name: baseName(name), file: name, shape: arr.shape, values: numericValues(arr, name) }];
  }
  if (hasZipMagic(bytes)) {
    return [...parseNpz(bytes, name)]
      .filter(([, a]) => !Array.isArray(a.data))
      .map(([key, a]) => ({ name: key, file: name, shape: a.shape, values: numericValues(a, `${name}:${key}`) }));
  }
  if (/\.safetensors$/i.test(name) || hasSafetensorsLayout(bytes)) {
    return parseSafetensorsHeader(bytes, name).tensors.map((t) => ({
      name: t.name,
      file: name,
      shape: t.shape,
      values: t.dtype === 'F64' ? float64Tensor(bytes, t.start, t.end) : Float64Array.from(safetensorToFloat32(bytes, t, name)),
    }));
  }
  throw new InputError(`${name} is not a .npy, .npz or .safetensors file, which the classifier needs.`, FORMATS_FIX);
}

function float64Tensor(bytes: Uint8Array, start: number, end: number): Float64Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset + start, end - start);
  return Float64Array.from({ length: (end - start) / 8 }, (_, k) => v.getFloat64(8 * k, true));
}

const WEIGHT_NAME = /(^|[._/])(weights?|w|classifier|head|fc)$/i;
const BIAS_NAME = /(^|[._/])(bias|b)$/i;
const where = (a: NamedArray) => (a.file.endsWith(`${a.name}.npy`) || baseName(a.file) === a.name ? a.file : `${a.file}:${a.name}`);
const listing = (arrays: NamedArray[]) => arrays.map((a) => `${where(a)} ${formatShape(a.shape)}`).join(', ') || 'no arrays';

/** The one candidate, else the one whose name `prefer` accepts; undefined when none; an InputError when several remain. */
function one(candidates: NamedArray[], prefer: (a: NamedArray) => boolean, what: string, fix: string): NamedArray | undefined {
  if (candidates.length <= 1) return candidates[0];
  const named = candidates.filter(prefer);
  if (named.length === 1) return named[0];
  throw new InputError(`Several arrays could be ${what}: ${listing(named.length > 1 ? named : candidates)}.`, fix);
}

/**
 * W and b among `arrays`: W is the 2-D array shaped (K, D) or (D, K) (K = `classes`; any K when
 * null), preferring a name like weight/W when several fit; b is the flat array of K values,
 * preferring the name that pairs with W's (fc.weight -> fc.bias), then bias/b. No fitting W, or
 * several with no name to tell them apart, is an InputError; no b is allowed (b = 0).
 */
export function pickClassifier(arrays: NamedArray[], dim: number, classes: number | null): { w: NamedArray; b?: NamedArray; transpose: boolean } {
  const fits = (a: NamedArray, r: number, c: number) => a.shape.length === 2 && a.shape[c] === dim && (classes === null || a.shape[r] === classes);
  const matrices = arrays.filter((a) => fits(a, 0, 1) || fits(a, 1, 0));
  const expected = `(${classes ?? 'K'}, ${dim})`;
  if (matrices.length === 0) {
    const only = arrays.length === 1 ? arrays[0] : null;
    throw new InputError(
      only ? `${where(only)} has shape ${formatShape(only.shape)} but the embeddings have ${dim} dimensions${classes === null ? '' : ` and ${classes} classes`}.` : `No array fits the classifier W: the embeddings have ${dim} dimensions${classes === null ? '' : ` and ${classes} classes`}, and the files hold ${listing(arrays)}.`,
      `Pass W with shape ${expected} (one row per class), or its transpose.`,
    );
  }
  const w = one(matrices, (a) => WEIGHT_NAME.test(a.name), 'the classifier W', 'Keep only the final layer\'s weight and bias in the file, or name them weight and bias.')!;
  const transpose = !fits(w, 0, 1);
  const K = transpose ? w.shape[1] : w.shape[0];
  const flat = arrays.filter((a) => a !== w && a.values.length === K && (a.shape.length === 1 || (a.shape.length === 2 && (a.shape[0] === 1 || a.shape[1] === 1))));
  const paired = w.name.replace(/weights?$/i, 'bias');
  const b = one(flat, (a) => (paired !== w.name && a.name === paired) || BIAS_NAME.test(a.name), 'the bias b', 'Name the bias "bias" (or "b"), or pass it as its own file.');
  return { w, b, transpose };
}

/** W as a K x D float64 matrix (transposed from D x K when `transpose`). */
function weightMatrix(w: NamedArray, dim: number, transpose: boolean): Mat {
  const K = transpose ? w.shape[1] : w.shape[0];
  const data = new Float64Array(K * dim);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < dim; j++) data[k * dim + j] = transpose ? w.values[j * K + k] : w.values[k * dim + j];
  }
  return { rows: K, cols: dim, data };
}

/**
 * The classifier in `files` (one container with W and b, or W and b in separate files, in any order):
 * every array of every file is a candidate (pickClassifier). `classes` is K from the labels.
 */
export function classifierFromFiles(files: readonly NamedBytes[], dim: number, classes: number | null): LoadedClassifier {
  const arrays = files.flatMap(classifierArrays);
  const { w, b, transpose } = pickClassifier(arrays, dim, classes);
  const weights = weightMatrix(w, dim, transpose);
  const classifier: Classifier = b ? { weights, bias: Float64Array.from(b.values) } : { weights };
  return { classifier, weightsFrom: where(w), biasFrom: b ? where(b) : null };
}

/**
 * The CLI's --weights and --bias: W (and b, when --bias is absent and the weights file holds one)
 * from the weights file; b from the bias file, which must hold a flat array of K values.
 */
export function loadClassifier(weights: NamedBytes, bias: NamedBytes | undefined, dim: number, classes: number | null): Classifier {
  const arrays = classifierArrays(weights);
  const picked = pickClassifier(arrays, dim, classes);
  const W = weightMatrix(picked.w, dim, picked.transpose);
  if (!bias) return picked.b ? { weights: W, bias: Float64Array.from(picked.b.values) } : { weights: W };
  const K = W.rows;
  const candidates = classifierArrays(bias).filter((a) => a.shape.length === 1 || (a.shape.length === 2 && (a.shape[0] === 1 || a.shape[1] === 1)));
  const b = one(candidates.filter((a) => a.values.length === K), (a) => BIAS_NAME.test(a.name), 'the bias b', 'Pass a file holding only the bias.');
  if (!b) {
    const shapes = classifierArrays(bias).map((a) => formatShape(a.shape)).join(', ');
    throw new InputError(`${bias.name} has shape ${shapes} but ${where(picked.w)} has ${K} rows (classes).`, `Pass a bias vector of length ${K}.`);
  }
  return { weights: W, bias: Float64Array.from(b.values) };
}
