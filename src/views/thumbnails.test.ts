import { describe, expect, it } from 'vitest';
import { offerSpriteSheet, offeredSpriteSheet, spriteThumbnails, tileSize, type SpriteImage } from './thumbnails';

describe('sprite sheets', () => {
  const image = { width: 280, height: 84 } as unknown as SpriteImage;
  it('an offered sheet belongs to its dataset name only, and can be withdrawn', () => {
    offerSpriteSheet('words.tsv', { image, singleImageDim: [28, 28] });
    expect(offeredSpriteSheet('words.tsv')?.singleImageDim).toEqual([28, 28]);
    expect(offeredSpriteSheet('other.tsv')).toBeNull();
    offerSpriteSheet('words.tsv', null);
    expect(offeredSpriteSheet('words.tsv')).toBeNull();
  });
  it('tiles in row-major order: a 280 x 84 sheet of 28 x 28 holds 10 x 3 images', () => {
    const src = spriteThumbnails(image, 28, 28);
    expect(src.kind === 'sprite' && [src.columns, src.count]).toEqual([10, 30]);
    expect(tileSize(src)).toEqual({ w: 28, h: 28 });
  });
});
