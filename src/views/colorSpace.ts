/**
 * Colour spaces for the palette: sRGB (IEC 61966-2-1 transfer curve), CIELAB under D65 and the
 * CIE76 colour difference, and OKLCH (Ottosson's OKLab in polar form) for generating colours.
 */

/** sRGB component in [0, 1] to linear light. */
function toLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Linear light to an sRGB component (not clamped). */
function fromLinear(c: number): number {
  return c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
}

const D65 = [0.95047, 1, 1.08883] as const;
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

function labF(t: number): number {
  return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

/** CIELAB (L* in [0, 100], a*, b*) of an sRGB colour with components in [0, 1], D65 white. */
export function srgbToLab([r, g, b]: readonly [number, number, number]): [number, number, number] {
  const [lr, lg, lb] = [toLinear(r), toLinear(g), toLinear(b)];
  const x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / D65[0];
  const y = (0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb) / D65[1];
  const z = (0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / D65[2];
  const [fx, fy, fz] = [labF(x), labF(y), labF(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 colour difference: the Euclidean distance in CIELAB (about 2.3 is a just-noticeable difference). */
export function deltaE76(p: readonly number[], q: readonly number[]): number {
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/**
 * sRGB components (not clamped: outside [0, 1] means out of gamut) of OKLCH lightness L in [0, 1],
 * chroma C and hue h in radians (Ottosson 2020: a = C cos h, b = C sin h).
 */
export function oklchToSrgb(L: number, C: number, h: number): [number, number, number] {
  const a = C * Math.cos(h);
  const b = C * Math.sin(h);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    fromLinear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    fromLinear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    fromLinear(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

/** '#rrggbb' of sRGB components in [0, 1] (rounded to 8 bits). */
export function rgbToHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, '0')).join('')}`;
}
