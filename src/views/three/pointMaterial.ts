/**
 * Round, opaque, depth-tested point sprites with a darker rim, sized in CSS pixels with mild
 * depth attenuation. Colours are sRGB and written as-is (no colour-space chunk): they match the
 * legend's CSS colours exactly. A per-point alpha of 0 hides the point. With `morph`, the vertex
 * shader draws mix(aFrom, position, uMix): a view transition is one uniform per frame, no CPU pass.
 */
import * as THREE from 'three';

const vertexShader = /* glsl */ `
attribute vec4 aColor;
#ifdef MORPH
attribute vec3 aFrom;
uniform float uMix;
#endif
uniform float uSize;
uniform float uPixelRatio;
uniform float uRefDistance;
uniform float uFlat;
varying vec3 vColor;
void main() {
#ifdef MORPH
  vec3 q = mix(aFrom, position, uMix);
#else
  vec3 q = position;
#endif
  vec3 p = vec3(q.xy, q.z * (1.0 - uFlat));
  vec4 mv = modelViewMatrix * vec4(p, 1.0);
  float attenuation = clamp(uRefDistance / max(-mv.z, 1e-3), 0.6, 1.8);
  // A hidden point is sent outside the clip volume: a zero point size still rasterises one pixel on some GPUs.
  gl_Position = aColor.a > 0.0 ? projectionMatrix * mv : vec4(2.0, 2.0, 2.0, 1.0);
  gl_PointSize = aColor.a > 0.0 ? uSize * uPixelRatio * attenuation : 0.0;
  vColor = aColor.rgb;
}`;

const fragmentShader = /* glsl */ `
uniform float uRim;
uniform float uHollow;
uniform float uAlpha;
varying vec3 vColor;
void main() {
  vec2 c = gl_PointCoord * 2.0 - 1.0;
  float r2 = dot(c, c);
  if (r2 > 1.0 || r2 < uHollow) discard;
  float rim = smoothstep(0.5, 0.75, r2) * uRim;
  gl_FragColor = vec4(mix(vColor, vColor * 0.45, rim), uAlpha);
}`;

/** The uniforms that size a point or sprite on screen: its side `size` (CSS px at uRefDistance), uPixelRatio and uRefDistance. */
export function screenSizeUniforms(size: number): Record<'uSize' | 'uPixelRatio' | 'uRefDistance', THREE.IUniform<number>> {
  return { uSize: { value: size }, uPixelRatio: { value: 1 }, uRefDistance: { value: 3 } };
}

/** A new material; update uniforms uSize (px), uPixelRatio, uRefDistance (camera-target distance), uFlat (0 or 1), uRim (0..1),
 * uHollow (squared inner radius in [0, 1] cut out, for a ring; negative for a disc), uAlpha (1: opaque);
 * with `morph`, uMix (0: aFrom, 1: position). */
export function createPointMaterial(opts: { morph?: boolean } = {}): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    defines: opts.morph ? { MORPH: '' } : {},
    vertexShader,
    fragmentShader,
    uniforms: {
      ...screenSizeUniforms(6),
      uFlat: { value: 0 },
      uRim: { value: 1 },
      uHollow: { value: -1 },
      uMix: { value: 1 },
      uAlpha: { value: 1 },
    },
    transparent: false,
    depthTest: true,
    depthWrite: true,
  });
}

export interface PointUniforms {
  size?: number;
  pixelRatio?: number;
  refDistance?: number;
  flat?: boolean;
  /** Transition progress of a morph material (0: aFrom, 1: position). */
  mix?: number;
}

/** Writes the given uniforms of a material made by createPointMaterial. */
export function setPointUniforms(m: THREE.ShaderMaterial, u: PointUniforms): void {
  if (u.size !== undefined) m.uniforms.uSize.value = u.size;
  if (u.pixelRatio !== undefined) m.uniforms.uPixelRatio.value = u.pixelRatio;
  if (u.refDistance !== undefined) m.uniforms.uRefDistance.value = u.refDistance;
  if (u.flat !== undefined) m.uniforms.uFlat.value = u.flat ? 1 : 0;
  if (u.mix !== undefined) m.uniforms.uMix.value = u.mix;
}

/**
 * Density shading: the points drawn with opacity `alpha` and no rim, blended without depth writes,
 * so the opacity of a pixel grows with the number of points over it (1 - (1 - alpha)^k for k
 * points); null draws them opaque again.
 */
export function setDensityLook(m: THREE.ShaderMaterial, alpha: number | null): void {
  const on = alpha !== null;
  m.uniforms.uAlpha.value = on ? alpha : 1;
  m.uniforms.uRim.value = on ? 0 : 1;
  if (m.transparent !== on) {
    m.transparent = on;
    m.depthWrite = !on;
    m.needsUpdate = true;
  }
}

/** The opacity of each point under density shading for n points: 0.5 at 20,000, falling as n^-1/2 to 0.05. */
export function densityAlpha(n: number): number {
  return Math.min(0.6, Math.max(0.05, 0.5 * Math.sqrt(20_000 / Math.max(n, 1))));
}
