/**
 * The categorical palette: Okabe-Ito (colour-blind safe) with its black softened, extended to 10
 * with Paul Tol's wine and a mid grey. Points get a darker rim so the yellow reads on the light
 * background. Classes beyond 10 cycle.
 */
export const CLASS_COLORS: readonly string[] = [
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

/** Colour of class k (cycling past the palette's end). */
export function classColor(k: number): string {
  return CLASS_COLORS[((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length];
}

/** '#rrggbb' as linear-free sRGB components in [0, 1]. */
export function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}
