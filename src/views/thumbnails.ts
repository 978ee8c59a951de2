/**
 * Images of the points, when the data set carries them: either the vectors are the pixels (the
 * digits: 8 x 8 grey levels, row r of the file is image r), or an Embedding-Projector sprite sheet
 * (one image holding every thumbnail in row-major tiles of tileWidth x tileHeight; tile r belongs to
 * row r of the file). The source of the data on screen is kept here (a registry: large buffers stay
 * out of reactive state; viewStore.thumbnailsVersion says when it changed).
 */

/** An image (ImageBitmap, canvas, or <img>) with its pixel size. */
export type SpriteImage = CanvasImageSource & { width: number; height: number };

export type ThumbnailSource =
  | {
      kind: 'pixels';
      width: number;
      height: number;
      /** Images held (file rows); image r is data[r * width * height ...], row-major, one grey level per pixel. */
      count: number;
      data: Float32Array;
      /** Grey levels mapped to white (min) ... ink (max). */
      min: number;
      max: number;
    }
  | { kind: 'sprite'; image: SpriteImage; tileWidth: number; tileHeight: number; columns: number; count: number };

let current: ThumbnailSource | null = null;

/** A Projector sprite sheet (projector_config.json's `sprite`: the loaded imagePath and singleImageDim [width, height]). */
export interface SpriteSheet {
  image: SpriteImage;
  singleImageDim: readonly [number, number];
}

let offered: { name: string; sheet: SpriteSheet } | null = null;

/**
 * Offers the sprite sheet of the dataset a loader is about to analyse, by the source's name
 * (DatasetSource.name); when that dataset is on screen its tiles become the thumbnails (tile r is
 * row r). Call it before (or while) the analysis runs; null withdraws it.
 */
export function offerSpriteSheet(name: string, sheet: SpriteSheet | null): void {
  offered = sheet ? { name, sheet } : null;
}

/** The sprite sheet offered for a dataset name, or null. */
export function offeredSpriteSheet(name: string): SpriteSheet | null {
  return offered && offered.name === name ? offered.sheet : null;
}

/** Sets (or clears) the thumbnails of the data on screen; the caller bumps viewStore.thumbnailsVersion. */
export function setThumbnails(source: ThumbnailSource | null): void {
  current = source;
}

export function getThumbnails(): ThumbnailSource | null {
  return current;
}

/** Vectors read as grey images of width x height (count rows), inked from the smallest to the largest value. */
export function pixelThumbnails(data: Float32Array, count: number, width: number, height: number): ThumbnailSource {
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { kind: 'pixels', width, height, count, data, min, max: max > min ? max : min + 1 };
}

/** A Projector sprite sheet: tiles of tileWidth x tileHeight in row-major order (tile r is row r). */
export function spriteThumbnails(image: SpriteImage, tileWidth: number, tileHeight: number): ThumbnailSource {
  const columns = Math.max(1, Math.floor(image.width / tileWidth));
  const rows = Math.max(1, Math.floor(image.height / tileHeight));
  return { kind: 'sprite', image, tileWidth, tileHeight, columns, count: columns * rows };
}

/** The pixel size of one thumbnail. */
export function tileSize(src: ThumbnailSource): { w: number; h: number } {
  return src.kind === 'pixels' ? { w: src.width, h: src.height } : { w: src.tileWidth, h: src.tileHeight };
}

/** Writes image `row` of a pixel source as RGBA into `out` at (x0, y0) of an image `stride` px wide (white ground, dark ink). */
export function writePixels(src: Extract<ThumbnailSource, { kind: 'pixels' }>, row: number, out: Uint8ClampedArray, stride: number, x0: number, y0: number): void {
  const { width, height, data, min, max } = src;
  const base = row * width * height;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = Math.min(1, Math.max(0, (data[base + y * width + x] - min) / (max - min)));
      const grey = Math.round(255 - t * 228);
      const o = 4 * ((y0 + y) * stride + x0 + x);
      out[o] = out[o + 1] = grey;
      out[o + 2] = Math.min(255, grey + 6);
      out[o + 3] = 255;
    }
  }
}

/** Draws thumbnail `row` into ctx at (x, y), `size` px on its longer side (nearest-neighbour for pixel images); false when there is none. */
export function drawThumbnail(ctx: CanvasRenderingContext2D, src: ThumbnailSource, row: number, x: number, y: number, size: number): boolean {
  if (row < 0 || row >= src.count) return false;
  const { w, h } = tileSize(src);
  const k = size / Math.max(w, h);
  ctx.imageSmoothingEnabled = src.kind === 'sprite';
  if (src.kind === 'sprite') {
    ctx.drawImage(src.image, (row % src.columns) * w, Math.floor(row / src.columns) * h, w, h, x, y, w * k, h * k);
    return true;
  }
  const tile = new ImageData(w, h);
  writePixels(src, row, tile.data, w, 0, 0);
  const c = document.createElement('canvas');
  [c.width, c.height] = [w, h];
  c.getContext('2d')?.putImageData(tile, 0, 0);
  ctx.drawImage(c, x, y, w * k, h * k);
  return true;
}
