import { describe, expect, it } from 'vitest';
import { densityPeaks, labelledPeaks } from './densityPeaks';
import { clusterKeywords } from './clusterKeywords';
import { createRng } from './random';

/** Three Gaussian blobs in 2-D (sizes 600, 400, 250) plus 100 uniform background points, with a caption per point. */
function blobs() {
  const rng = createRng(7);
  const centres = [[-4, 0], [3, 3], [2, -4]];
  const words = ['apple orchard', 'river boat', 'moon crater'];
  const sizes = [600, 400, 250];
  const xy: number[] = [];
  const texts: string[] = [];
  const truth: number[] = [];
  sizes.forEach((s, k) => {
    for (let i = 0; i < s; i++) {
      xy.push(centres[k][0] + 0.6 * rng.normal(), centres[k][1] + 0.6 * rng.normal());
      texts.push(`a photo of the ${words[k]} number ${i}`);
      truth.push(k);
    }
  });
  for (let i = 0; i < 100; i++) {
    xy.push(-8 + 16 * rng.uniform(), -8 + 16 * rng.uniform());
    texts.push(`a photo of noise ${i}`);
    truth.push(-1);
  }
  return { xy: Float32Array.from(xy), texts, truth, centres };
}

describe('density peaks', () => {
  it('finds one peak per blob, highest first, near its centre, and gathers its points', () => {
    const { xy, truth, centres } = blobs();
    const { peaks, assignment } = densityPeaks(xy, 2, () => true);
    expect(peaks).toHaveLength(3);
    peaks.forEach((p, j) => {
      expect(Math.hypot(p.x - centres[j][0], p.y - centres[j][1])).toBeLessThan(0.6);
      expect(p.height).toBeLessThanOrEqual(1);
    });
    expect(peaks[0].height).toBe(1);
    // All but the sparse fringe of each blob is gathered by its own blob's peak.
    for (let k = 0; k < 3; k++) {
      const own = truth.map((t, i) => (t === k ? i : -1)).filter((i) => i >= 0);
      const right = own.filter((i) => assignment[i] === k).length;
      expect(right / own.length).toBeGreaterThan(0.9);
      expect(own.filter((i) => assignment[i] >= 0 && assignment[i] !== k)).toHaveLength(0);
    }
  });

  it('hidden points are left out: a blob hidden is no peak', () => {
    const { xy, truth } = blobs();
    const { peaks, assignment } = densityPeaks(xy, 2, (i) => truth[i] !== 0);
    expect(peaks).toHaveLength(2);
    truth.forEach((t, i) => t === 0 && expect(assignment[i]).toBe(-1));
  });

  it('labels each peak with its distinctive terms, not the words every caption shares', () => {
    const { xy, texts } = blobs();
    const labels = labelledPeaks(xy, 2, () => true, texts);
    expect(labels.map((l) => l.text)).toEqual(['apple · orchard', 'boat · river', 'crater · moon']);
  });

  it('keywords: c-TF-IDF weights terms frequent in a cluster and rare elsewhere', () => {
    const texts = ['red fox', 'red fox den', 'red owl', 'blue owl', 'blue owl nest', 'blue fox'];
    const k = clusterKeywords(texts, [0, 0, 0, 1, 1, 1], 2, 1);
    expect(k).toEqual([['red'], ['blue']]);
  });
});
