/**
 * The IDX files of (Fashion-)MNIST as a vectors file in Explore: an image file (magic 0x00000803,
 * count x rows x cols unsigned bytes) or a matrix (0x00000802, count x dim) is read as one row per
 * image, pixel / 255 in [0, 1], row-major (as Train reads them: datasets/fashionMnist.ts); a labels
 * file (0x00000801) with it gives the classes, in the order of their label values, named by
 * `classNames[value]` when given (the shipped Fashion-MNIST example) or by the value.
 */
import type { Embeddings } from '../geometry/types';
import { gunzipIfNeeded as gunzipAny, type NamedBytes } from '../io/assemble';
import { InputError } from '../io/errors';
import { parseIdx, type IdxArray } from '../datasets/idx';

/** The number of dimensions of an IDX file of unsigned bytes (magic 00 00 08 r), or 0 for other bytes. */
export function idxRank(bytes: Uint8Array): number {
  return bytes.length >= 8 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0x08 && bytes[3] >= 1 && bytes[3] <= 3 ? bytes[3] : 0;
}

/** The images of an IDX file of rank 2 or 3: rows (images), values per row, pixel bytes; null for other bytes. */
export function idxImages(bytes: Uint8Array, name: string): { rows: number; width: number; height: number; data: IdxArray['data'] } | null {
  const rank = idxRank(bytes);
  if (rank < 2) return null;
  const { dims, data } = parseIdx(bytes, rank, name);
  return { rows: dims[0], width: rank === 3 ? dims[2] : dims[1], height: rank === 3 ? dims[1] : 1, data };
}

/** Embeddings from an IDX images file and an optional IDX labels file, or null when `vectors` is not IDX. */
export function idxEmbeddings(vectors: NamedBytes, labels: NamedBytes | undefined, classNames?: readonly string[]): Embeddings | null {
  const file = gunzipAny(vectors);
  const img = idxImages(file.bytes, file.name);
  if (!img) {
    if (idxRank(file.bytes) === 1) {
      throw new InputError(`${vectors.name} is an IDX labels file (one value per row), not vectors.`, 'Choose the IDX images file (…-images-idx3-ubyte) as the vectors and this one as its labels.');
    }
    return null;
  }
  const n = img.rows;
  const dim = img.width * img.height;
  const out = new Float32Array(n * dim);
  for (let t = 0; t < n * dim; t++) out[t] = img.data[t] / 255;
  const emb: Embeddings = { n, dim, vectors: out };
  if (!labels) return emb;
  const lab = gunzipAny(labels);
  if (idxRank(lab.bytes) !== 1) {
    throw new InputError(`${labels.name} is not an IDX labels file, and ${vectors.name} is IDX: its labels must be IDX too.`, 'Give the matching …-labels-idx1-ubyte file as the labels.');
  }
  const values = parseIdx(lab.bytes, 1, lab.name);
  if (values.dims[0] !== n) {
    throw new InputError(`${vectors.name} holds ${n} images but ${labels.name} holds ${values.dims[0]} labels.`, 'Use the images file and the labels file of the same set (train with train, t10k with t10k).');
  }
  const present = [...new Set(values.data)].sort((a, b) => a - b);
  const index = new Map(present.map((v, i) => [v, i]));
  emb.labels = Int32Array.from(values.data, (v) => index.get(v)!);
  emb.classNames = present.map((v) => classNames?.[v] ?? String(v));
  return emb;
}
