/**
 * Thumbnails drawn in place of points: each point a square sprite showing its tile of a texture
 * atlas (tiles in row-major order), framed in its colour so the class still reads. Sized in CSS
 * px with the point material's depth attenuation; a hidden point (alpha 0) or one without a tile
 * (aTile < 0) is sent outside the clip volume.
 */
import * as THREE from 'three';
import { tileSize, writePixels, type ThumbnailSource } from '../thumbnails';
import { screenSizeUniforms } from './pointMaterial';

const vertexShader = /* glsl */ `
attribute vec4 aColor;
attribute float aTile;
uniform float uSize;
uniform float uPixelRatio;
uniform float uRefDistance;
uniform vec2 uGrid;
uniform vec2 uTile;
varying vec3 vColor;
varying vec2 vOrigin;
void main() {
  vec4 mv = modelViewMatrix * vec4(position, 1.0);
  float attenuation = clamp(uRefDistance / max(-mv.z, 1e-3), 0.6, 1.8);
  bool shown = aColor.a > 0.0 && aTile >= 0.0;
  gl_Position = shown ? projectionMatrix * mv : vec4(2.0, 2.0, 2.0, 1.0);
  gl_PointSize = shown ? uSize * uPixelRatio * attenuation : 0.0;
  vColor = aColor.rgb;
  vOrigin = vec2(mod(aTile, uGrid.x), floor(aTile / uGrid.x)) * uTile;
}`;

const fragmentShader = /* glsl */ `
uniform sampler2D uAtlas;
uniform vec2 uTile;
varying vec3 vColor;
varying vec2 vOrigin;
const float FRAME = 0.08;
void main() {
  vec2 p = gl_PointCoord;
  if (p.x < FRAME || p.x > 1.0 - FRAME || p.y < FRAME || p.y > 1.0 - FRAME) {
    gl_FragColor = vec4(vColor, 1.0);
    return;
  }
  vec2 q = (p - FRAME) / (1.0 - 2.0 * FRAME);
  gl_FragColor = vec4(texture2D(uAtlas, vOrigin + q * uTile).rgb, 1.0);
}`;

/** Largest atlas side built from pixel images (px). */
const MAX_ATLAS = 4096;

/** The atlas of a source: the sprite sheet itself, or the pixel images laid out in a square grid; null when too large. */
export function atlasOf(src: ThumbnailSource): { texture: THREE.Texture; columns: number; rows: number; tileUv: [number, number] } | null {
  const { w, h } = tileSize(src);
  if (src.kind === 'sprite') {
    const texture = new THREE.Texture(src.image);
    texture.flipY = false;
    texture.needsUpdate = true;
    return { texture, columns: src.columns, rows: Math.ceil(src.count / src.columns), tileUv: [w / src.image.width, h / src.image.height] };
  }
  const columns = Math.ceil(Math.sqrt(src.count));
  const rows = Math.ceil(src.count / columns);
  if (columns * w > MAX_ATLAS || rows * h > MAX_ATLAS) return null;
  const data = new Uint8Array(columns * w * rows * h * 4);
  const view = new Uint8ClampedArray(data.buffer);
  for (let r = 0; r < src.count; r++) writePixels(src, r, view, columns * w, (r % columns) * w, Math.floor(r / columns) * h);
  const texture = new THREE.DataTexture(data, columns * w, rows * h, THREE.RGBAFormat);
  texture.magFilter = THREE.NearestFilter;
  texture.minFilter = THREE.NearestFilter;
  texture.needsUpdate = true;
  return { texture, columns, rows, tileUv: [1 / columns, 1 / rows] };
}

/** A sprite material over an atlas; uSize, uPixelRatio and uRefDistance are set like the point material's. */
export function createSpriteMaterial(atlas: NonNullable<ReturnType<typeof atlasOf>>): THREE.ShaderMaterial {
  return new THREE.ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      ...screenSizeUniforms(36),
      uGrid: { value: new THREE.Vector2(atlas.columns, atlas.rows) },
      uTile: { value: new THREE.Vector2(...atlas.tileUv) },
      uAtlas: { value: atlas.texture },
    },
    depthTest: true,
    depthWrite: true,
  });
}

/** The sprite side (CSS px at refDistance), the device pixel ratio and the camera-target distance. */
export function setSpriteUniforms(m: THREE.ShaderMaterial, size: number, pixelRatio: number, refDistance: number): void {
  m.uniforms.uSize.value = size;
  m.uniforms.uPixelRatio.value = pixelRatio;
  m.uniforms.uRefDistance.value = refDistance;
}
