/**
 * The categorical palette: Okabe-Ito (colour-blind safe) with its black softened, extended to 10
 * with Paul Tol's wine and a mid grey, then 30 more colours spaced in CIELAB, so 40 classes get 40
 * distinct colours. Points get a darker rim so the yellow reads on the light background. Classes
 * beyond 40 cycle (the tooltip and the legend's search name them).
 */
import { oklchToSrgb, rgbToHex, srgbToLab } from './colorSpace';

export const BASE: readonly string[] = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#F0E442', // yellow
  '#882255', // wine (Tol)
  '#3F3F3F', // near-black
  '#9A9A9A', // grey
];

/** Colour of points when not coloured by class. */
export const UNIFORM_COLOR = '#2F5D8A';
/** The 3D view's background (--view in base.css), the "other" and the "no value" greys: the extension keeps away from them. */
export const VIEW_BACKGROUND = '#fbfbfc';
export const OTHER_COLOR = '#B8B8B8';
export const MISSING_COLOR = '#D9D9D9';

/** '#rrggbb' as sRGB components in [0, 1]. */
export function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

/** CIELAB of '#rrggbb'. */
export function hexToLab(hex: string): [number, number, number] {
  return srgbToLab(hexToRgb(hex));
}

/** The candidates of the extension: an OKLCH grid (L 0.42-0.80, C 0.05-0.18, hue every 5 degrees) inside the sRGB gamut, with their CIELAB. */
function candidates(): { hexes: string[]; labs: Float64Array } {
  const hexes: string[] = [];
  const labs: number[] = [];
  for (let l = 0; l <= 19; l++) {
    for (let c = 0; c <= 13; c++) {
      for (let h = 0; h < 72; h++) {
        const rgb = oklchToSrgb(0.42 + 0.02 * l, 0.05 + 0.01 * c, (h * 5 * Math.PI) / 180);
        if (rgb.some((v) => v < -1e-6 || v > 1 + 1e-6)) continue;
        const hex = rgbToHex(rgb);
        hexes.push(hex);
        labs.push(...hexToLab(hex));
      }
    }
  }
  return { hexes, labs: Float64Array.from(labs) };
}

/**
 * `count` colours after `base`, by farthest-point sampling in CIELAB: each next colour is the
 * candidate whose smallest CIE76 distance to the colours chosen so far (and to `avoid`) is largest.
 */
export function extendPalette(base: readonly string[], avoid: readonly string[], count: number): string[] {
  const { hexes, labs } = candidates();
  const nearest = new Float64Array(hexes.length).fill(Infinity);
  const take = (L: number, a: number, b: number) => {
    for (let i = 0; i < nearest.length; i++) {
      const d = Math.sqrt((labs[3 * i] - L) ** 2 + (labs[3 * i + 1] - a) ** 2 + (labs[3 * i + 2] - b) ** 2);
      if (d < nearest[i]) nearest[i] = d;
    }
  };
  for (const h of [...base, ...avoid]) take(...hexToLab(h));
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let best = 0;
    for (let i = 1; i < nearest.length; i++) if (nearest[i] > nearest[best]) best = i;
    out.push(hexes[best].toUpperCase());
    take(labs[3 * best], labs[3 * best + 1], labs[3 * best + 2]);
  }
  return out;
}

/** The greys the extension keeps away from (with the background). */
export const EXTENSION_AVOIDS: readonly string[] = [VIEW_BACKGROUND, OTHER_COLOR, MISSING_COLOR];

/** extendPalette(BASE, EXTENSION_AVOIDS, 30), kept as literals so the page does not search 15,000 candidates at start (palette.test.ts checks they agree). */
export const EXTENSION: readonly string[] = [
  '#512DA6', '#626A09', '#79D963', '#783818', '#F9A782', '#A492FB', '#DD4D57', '#C1C37E', '#57D4D4', '#6C4C8F',
  '#0C7D87', '#FD8FF4', '#295935', '#298509', '#C5B3EA', '#8CA507', '#AD7C2F', '#935E61', '#7E0F7A', '#A51105',
  '#1F5DC2', '#09E095', '#73613A', '#76976E', '#8BD28D', '#6B6B8B', '#A758C8', '#ECA9B2', '#8D1828', '#DEBA50',
];

/** The 40 class colours: the 10 of BASE, then the CIELAB-spaced extension. */
export const CLASS_COLORS: readonly string[] = [...BASE, ...EXTENSION];

/** Colour of class k (cycling past the palette's end). */
export function classColor(k: number): string {
  return CLASS_COLORS[((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}
