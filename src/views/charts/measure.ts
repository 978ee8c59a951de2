/** Text extents for chart layout without a DOM (the goldens render on the server). */

/** Average advance of a glyph in em for the charts' sans-serif faces (DejaVu Sans digits are 0.636 em; Inter's 0.6). */
const EM_PER_CHAR = 0.62;

/** An upper estimate of the width in px of `text` set at `fontPx`. */
export function textWidth(text: string, fontPx: number): number {
  return text.length * fontPx * EM_PER_CHAR;
}

/** True when the spans [a, a + aw] and [b, b + bw] overlap (with `gap` px of air). */
export function spansOverlap(a: number, aw: number, b: number, bw: number, gap = 0): boolean {
  return a < b + bw + gap && b < a + aw + gap;
}
