/**
 * Labelled images as a Train source: PNG/JPEG files in class sub-folders (a zip, or a dropped
 * folder), each decoded and resized to IMAGE_SIDE x IMAGE_SIDE grey pixels in [0, 1]. The decoding
 * itself is the platform's (createImageBitmap in the worker); this module lists the images, names
 * their classes and turns decoded RGBA pixels into rows.
 */
import { InputError } from '../io/errors';
import { encodeLabels } from '../io/labels';
import { listZip, readZipEntry } from '../io/zip';
import type { LabelledPoints } from './types';

/** Side of the square every image is resized to (28 x 28 = 784 grey values, as Fashion-MNIST). */
export const IMAGE_SIDE = 28;
/** Most images read from one source. */
export const MAX_IMAGES = 20000;

const IMAGE_FILE = /\.(png|jpe?g)$/i;

/** An image file and the path it had in its folder or zip ("cats/001.png"). */
export interface ImageEntry {
  path: string;
  bytes: Uint8Array;
}

/** Decodes image bytes to IMAGE_SIDE x IMAGE_SIDE RGBA pixels (4 bytes per pixel, row-major); rejects when the bytes are not an image. */
export type DecodeImage = (bytes: Uint8Array, path: string) => Promise<Uint8ClampedArray>;

/** True for a path a listing of images skips: hidden files and folders, macOS resource forks. */
function skipped(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

/** True for a path naming a PNG or JPEG image (case-insensitive). */
export function isImagePath(path: string): boolean {
  return IMAGE_FILE.test(path) && !skipped(path);
}

/** The image entries of a zip archive (other entries are ignored), inflated. */
export function zipImages(bytes: Uint8Array, name: string): ImageEntry[] {
  return listZip(bytes, name)
    .filter((e) => isImagePath(e.name))
    .map((e) => ({ path: e.name, bytes: readZipEntry(bytes, e, name) }));
}

/** The class of an image: the name of the folder holding it, or null when it lies at the top. */
export function classOfPath(path: string): string | null {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length >= 2 ? parts[parts.length - 2] : null;
}

/**
 * Checks the listing: at least one image, every image inside a class folder, two classes or more,
 * at most MAX_IMAGES images. Returns the entries sorted by path (a stable row order).
 */
export function checkImageListing(entries: readonly ImageEntry[], name: string): ImageEntry[] {
  const fix = 'Put the images in one folder per class (cats/001.png, dogs/001.png, ...), then zip that folder or drop it.';
  if (entries.length === 0) throw new InputError(`${name} holds no PNG or JPEG images.`, fix);
  const loose = entries.find((e) => classOfPath(e.path) === null);
  if (loose) throw new InputError(`${loose.path} in ${name} is not inside a class folder, so it has no label.`, fix);
  const classes = new Set(entries.map((e) => classOfPath(e.path)));
  if (classes.size < 2) throw new InputError(`${name} has images of one class only (${[...classes][0]}); a classifier needs two or more class folders.`, fix);
  if (entries.length > MAX_IMAGES) {
    throw new InputError(`${name} holds ${entries.length.toLocaleString('en-US')} images; Train reads at most ${MAX_IMAGES.toLocaleString('en-US')}.`, 'Choose a smaller sample of each class folder.');
  }
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Grey level in [0, 1] of an RGBA pixel: (0.299 R + 0.587 G + 0.114 B) / 255, composited on white by its alpha. */
export function greyOf(rgba: ArrayLike<number>, p: number): number {
  const a = rgba[p + 3] / 255;
  const y = (0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]) / 255;
  return a * y + (1 - a);
}

/**
 * The images as labelled rows: each decoded (by `decode`) to IMAGE_SIDE^2 grey values, classes
 * named by their folders (encodeLabels' order). `onImage` reports the count done.
 */
export async function imagePoints(entries: readonly ImageEntry[], name: string, decode: DecodeImage, onImage?: (done: number, total: number) => void): Promise<LabelledPoints> {
  const sorted = checkImageListing(entries, name);
  const dim = IMAGE_SIDE * IMAGE_SIDE;
  const vectors = new Float32Array(sorted.length * dim);
  for (let i = 0; i < sorted.length; i++) {
    let rgba: Uint8ClampedArray;
    try {
      rgba = await decode(sorted[i].bytes, sorted[i].path);
    } catch (e) {
      throw new InputError(`${sorted[i].path} in ${name} could not be decoded as an image (${(e as Error).message}).`, 'Remove that file or re-save it as PNG or JPEG.');
    }
    if (rgba.length !== dim * 4) throw new Error(`decode gave ${rgba.length} bytes for ${sorted[i].path}, not ${dim * 4}`);
    for (let t = 0; t < dim; t++) vectors[i * dim + t] = greyOf(rgba, t * 4);
    onImage?.(i + 1, sorted.length);
  }
  const { labels, classNames } = encodeLabels(sorted.map((e) => classOfPath(e.path)!));
  return { n: sorted.length, dim, vectors, labels, classNames };
}
