/** Fashion-MNIST (Zalando Research, MIT licence): the shipped 10,000-image t10k set. */
import { InputError } from '../io/errors';
import { gunzipIfNeeded, parseIdx } from './idx';
import type { LabelledPoints } from './types';

/** Class names in label order 0..9. */
export const FASHION_MNIST_CLASSES: readonly string[] = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];

/** The shipped files, relative to the app base URL (public/data/). */
export const FASHION_MNIST_FILES = {
  images: 'data/fashion-mnist-t10k-images-idx3-ubyte.gz',
  labels: 'data/fashion-mnist-t10k-labels-idx1-ubyte.gz',
} as const;

/**
 * Fashion-MNIST from the IDX image and label files (gzipped or not): x = pixel / 255 in [0, 1],
 * 784 = 28 x 28 values per row, row-major image order. `limit` keeps the first rows only.
 */
export function fashionMnistFromBytes(images: Uint8Array, labels: Uint8Array, limit = Infinity): LabelledPoints {
  const img = parseIdx(gunzipIfNeeded(images), 3, 'the Fashion-MNIST images');
  const lab = parseIdx(gunzipIfNeeded(labels), 1, 'the Fashion-MNIST labels');
  const [count, rows, cols] = img.dims;
  if (lab.dims[0] !== count) {
    throw new InputError(`the Fashion-MNIST files disagree: ${count} images but ${lab.dims[0]} labels.`, 'Use an images file and the labels file of the same set.');
  }
  const n = Math.min(count, Math.max(0, Math.floor(limit)));
  const dim = rows * cols;
  const vectors = new Float32Array(n * dim);
  for (let t = 0; t < n * dim; t++) vectors[t] = img.data[t] / 255;
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = lab.data[i];
    if (y[i] >= FASHION_MNIST_CLASSES.length) {
      throw new InputError(`Fashion-MNIST label ${y[i]} at row ${i} is outside 0..9.`, 'Use the original label file.');
    }
  }
  return { n, dim, vectors, labels: y, classNames: FASHION_MNIST_CLASSES.slice() };
}
