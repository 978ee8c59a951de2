/**
 * Image decoding in the worker: createImageBitmap resizes the PNG/JPEG to IMAGE_SIDE x IMAGE_SIDE
 * (stretched, high quality) and an OffscreenCanvas gives its RGBA pixels (greyOf composites them on white).
 */
import { IMAGE_SIDE, type DecodeImage } from '../datasets/images';

/** The worker's decoder, or undefined where createImageBitmap or OffscreenCanvas is missing. */
export function workerImageDecoder(): DecodeImage | undefined {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return undefined;
  const canvas = new OffscreenCanvas(IMAGE_SIDE, IMAGE_SIDE);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  return async (bytes, path) => {
    const type = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg';
    const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type }), { resizeWidth: IMAGE_SIDE, resizeHeight: IMAGE_SIDE, resizeQuality: 'high' });
    ctx.clearRect(0, 0, IMAGE_SIDE, IMAGE_SIDE);
    ctx.drawImage(bitmap, 0, 0);
    bitmap.close();
    return ctx.getImageData(0, 0, IMAGE_SIDE, IMAGE_SIDE).data;
  };
}
