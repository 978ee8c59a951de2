import { describe, expect, it } from 'vitest';
import { deltaE76, oklchToSrgb, rgbToHex, srgbToLab } from './colorSpace';
import { BASE, CLASS_COLORS, classColor, extendPalette, EXTENSION, EXTENSION_AVOIDS, hexToLab, MISSING_COLOR, OTHER_COLOR, VIEW_BACKGROUND } from './palette';

/**
 * The smallest CIE76 difference allowed between two class colours. 2.3 is a just-noticeable
 * difference between large patches; marks a few pixels wide need several times more (Szafir 2017,
 * "Modeling Color Difference for Visualization Design", and Stone et al. 2014 on size-dependent
 * discriminability). 20 (about 9 patch JNDs) keeps two 5-7 px points of different classes apart.
 */
const MIN_DELTA_E = 20;

function minPairwise(hexes: readonly string[]): number {
  const labs = hexes.map(hexToLab);
  let min = Infinity;
  for (let i = 0; i < labs.length; i++) for (let j = i + 1; j < labs.length; j++) min = Math.min(min, deltaE76(labs[i], labs[j]));
  return min;
}

describe('colour spaces', () => {
  it('CIELAB: white is (100, 0, 0), black 0, and a grey of linear luminance Y has L* = 116 Y^(1/3) - 16', () => {
    const white = srgbToLab([1, 1, 1]);
    expect(white[0]).toBeCloseTo(100, 4);
    expect(Math.abs(white[1]) + Math.abs(white[2])).toBeLessThan(1e-4);
    expect(srgbToLab([0, 0, 0])).toEqual([0, 0, 0]);
    // sRGB 0.5 decodes to ((0.5 + 0.055) / 1.055)^2.4 = 0.2140 of linear light.
    const grey = srgbToLab([0.5, 0.5, 0.5]);
    expect(grey[0]).toBeCloseTo(116 * Math.cbrt(0.21404114048223255) - 16, 4);
    expect(Math.abs(grey[1]) + Math.abs(grey[2])).toBeLessThan(1e-4);
    // A dark grey below (6/29)^3 of linear light is on the straight segment: L* = (24389/27) Y.
    const dark = srgbToLab([0.02, 0.02, 0.02]);
    expect(dark[0]).toBeCloseTo((24389 / 27) * (0.02 / 12.92), 4);
  });

  it('OKLCH greys: chroma 0 gives equal channels of linear light L^3, so L* = 116 L - 16', () => {
    for (const L of [0.3, 0.55, 0.9]) {
      const rgb = oklchToSrgb(L, 0, 1.2);
      expect(Math.abs(rgb[0] - rgb[1]) + Math.abs(rgb[1] - rgb[2])).toBeLessThan(1e-4);
      expect(srgbToLab(rgb)[0]).toBeCloseTo(116 * L - 16, 4);
    }
    expect(rgbToHex(oklchToSrgb(1, 0, 0))).toBe('#ffffff');
    expect(oklchToSrgb(0.6, 0.4, 0).some((c) => c < 0 || c > 1)).toBe(true);
  });

  it('deltaE76 is the Euclidean distance in CIELAB', () => {
    expect(deltaE76([50, 3, 4], [50, 0, 0])).toBe(5);
  });
});

describe('the class palette', () => {
  it('keeps Okabe-Ito first, then 30 more: 40 distinct colours, at least MIN_DELTA_E apart', () => {
    expect(CLASS_COLORS.slice(0, 4)).toEqual(['#0072B2', '#E69F00', '#009E73', '#D55E00']);
    expect(CLASS_COLORS).toHaveLength(40);
    expect(new Set(CLASS_COLORS.map((c) => c.toLowerCase())).size).toBe(40);
    expect(minPairwise(CLASS_COLORS)).toBeGreaterThan(MIN_DELTA_E);
  });

  it('keeps every class colour away from the background and the extension from the "other" and "no value" greys', () => {
    for (const c of CLASS_COLORS) expect(deltaE76(hexToLab(c), hexToLab(VIEW_BACKGROUND)), c).toBeGreaterThan(MIN_DELTA_E);
    for (const c of CLASS_COLORS.slice(10)) {
      for (const grey of [OTHER_COLOR, MISSING_COLOR]) expect(deltaE76(hexToLab(c), hexToLab(grey)), `${c} vs ${grey}`).toBeGreaterThan(MIN_DELTA_E);
    }
  });

  it('gives classes k and k + 10 different colours up to 40 classes, then cycles', () => {
    for (let k = 0; k < 30; k++) expect(classColor(k)).not.toBe(classColor(k + 10));
    expect(classColor(40)).toBe(classColor(0));
    expect(classColor(-1)).toBe(classColor(39));
  });

  it('holds the extension that farthest-point sampling gives', () => {
    expect(extendPalette(BASE, EXTENSION_AVOIDS, EXTENSION.length)).toEqual(EXTENSION);
  });

  it('extends by farthest points: each new colour is no closer to the earlier ones than the next', () => {
    const ext = extendPalette(['#0072B2'], [], 6);
    const gaps = ext.map((c, k) => Math.min(...['#0072B2', ...ext.slice(0, k)].map((p) => deltaE76(hexToLab(c), hexToLab(p)))));
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]).toBeLessThanOrEqual(gaps[k - 1] + 1e-9);
    expect(extendPalette(['#0072B2'], [], 6)).toEqual(ext);
  });
});
