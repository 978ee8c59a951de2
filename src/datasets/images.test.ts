import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { classOfPath, greyOf, IMAGE_SIDE, imagePoints, zipImages, type DecodeImage } from './images';

const px = IMAGE_SIDE * IMAGE_SIDE;
/** A fake decoder: every pixel the RGB given by the image's first byte (the platform decoder is exercised by the e2e). */
const decode: DecodeImage = async (bytes) => {
  if (bytes[0] === 0) throw new Error('not an image');
  const out = new Uint8ClampedArray(px * 4);
  for (let p = 0; p < px; p++) out.set([bytes[0], bytes[0], bytes[0], 255], p * 4);
  return out;
};

describe('images in class folders', () => {
  it('reads a zip: classes from the folders, skipping hidden files and other entries, rows sorted by path', async () => {
    const zip = zipSync({
      'shapes/square/b.png': Uint8Array.of(255),
      'shapes/square/a.png': Uint8Array.of(51),
      'shapes/circle/1.JPG': Uint8Array.of(102),
      'shapes/circle/readme.txt': Uint8Array.of(1),
      '__MACOSX/shapes/circle/._1.JPG': Uint8Array.of(0),
    });
    const entries = zipImages(zip, 'shapes.zip');
    expect(entries.map((e) => e.path).sort()).toEqual(['shapes/circle/1.JPG', 'shapes/square/a.png', 'shapes/square/b.png']);
    const p = await imagePoints(entries, 'shapes.zip', decode);
    expect(p.n).toBe(3);
    expect(p.dim).toBe(px);
    expect(p.classNames).toEqual(['circle', 'square']);
    expect(Array.from(p.labels)).toEqual([0, 1, 1]);
    expect(p.vectors[0]).toBeCloseTo(102 / 255, 6);
    expect(p.vectors[px]).toBeCloseTo(51 / 255, 6);
    expect(p.vectors[2 * px + px - 1]).toBeCloseTo(1, 6);
  });

  it('converts RGBA to grey by 0.299 R + 0.587 G + 0.114 B, transparent pixels as white', () => {
    expect(greyOf([255, 0, 0, 255], 0)).toBeCloseTo(0.299, 6);
    expect(greyOf([0, 0, 255, 255], 0)).toBeCloseTo(0.114, 6);
    expect(greyOf([0, 0, 0, 0], 0)).toBe(1);
    expect(classOfPath('a/b/c.png')).toBe('b');
    expect(classOfPath('c.png')).toBeNull();
  });

  it('says what is wrong: no class folder, one class, an undecodable image', async () => {
    await expect(imagePoints([{ path: 'x.png', bytes: Uint8Array.of(9) }], 'drop', decode)).rejects.toThrow(/x.png in drop is not inside a class folder/);
    await expect(imagePoints([{ path: 'cats/x.png', bytes: Uint8Array.of(9) }], 'drop', decode)).rejects.toThrow(/one class only \(cats\)/);
    await expect(
      imagePoints([{ path: 'cats/x.png', bytes: Uint8Array.of(0) }, { path: 'dogs/y.png', bytes: Uint8Array.of(9) }], 'drop', decode),
    ).rejects.toThrow(/cats\/x.png in drop could not be decoded/);
    await expect(imagePoints([], 'empty.zip', decode)).rejects.toThrow(/holds no PNG or JPEG/);
  });
});
