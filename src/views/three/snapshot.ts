/**
 * The 3D view as a PNG at `scale` times its CSS size: the scene rendered once more at that pixel
 * ratio (point and sprite sizes follow it) and read in the same task over the view's background,
 * then on a 2D canvas the text layer (ticks, axis names, point labels), the axes hint and the
 * legend, drawn at the same scale. The renderer is put back as it was.
 */
import * as THREE from 'three';
import type { ColorPlan } from '../colors';
import { drawAxesHint, drawLegend } from '../exportLegend';
import type { CloudHandle } from './cloudHandle';
import { drawTextItems } from './textLayer';

export interface PngOptions {
  /** Device px per CSS px of the view (1, 2 or 4). */
  scale: number;
  background: string;
  /** The colouring and the categories hidden in the legend. */
  plan: ColorPlan | null;
  hidden: readonly string[];
  /** The axes hint's names and whether the view is 2D. */
  axisNames: readonly string[];
  flat: boolean;
}

/** Sets uPixelRatio on every shader material of the scene; returns a function that puts the old values back. */
function setPixelRatioUniforms(scene: THREE.Scene, ratio: number): () => void {
  const old: [THREE.IUniform, unknown][] = [];
  scene.traverse((o) => {
    const mats = (o as THREE.Mesh).material;
    for (const m of Array.isArray(mats) ? mats : mats ? [mats] : []) {
      const u = (m as THREE.ShaderMaterial).uniforms?.uPixelRatio;
      if (u) {
        old.push([u, u.value]);
        u.value = ratio;
      }
    }
  });
  return () => old.forEach(([u, v]) => (u.value = v));
}

/** A PNG Blob of the current view, or null before the canvas exists. */
export async function viewPng(handle: CloudHandle, opts: PngOptions): Promise<Blob | null> {
  const { gl, scene, camera } = handle;
  if (!gl || !scene || !camera) return null;
  const size = gl.getSize(new THREE.Vector2());
  const s = opts.scale;
  const out = document.createElement('canvas');
  out.width = Math.round(size.x * s);
  out.height = Math.round(size.y * s);
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = opts.background;
  ctx.fillRect(0, 0, out.width, out.height);
  const ratio = gl.getPixelRatio();
  const restore = setPixelRatioUniforms(scene, s);
  gl.setPixelRatio(s);
  gl.render(scene, camera);
  ctx.drawImage(gl.domElement, 0, 0, out.width, out.height);
  restore();
  gl.setPixelRatio(ratio);
  gl.render(scene, camera);
  drawTextItems(ctx, handle.annotations, s);
  drawAxesHint(ctx, camera, opts.axisNames, opts.flat, size.y, s);
  drawLegend(ctx, opts.plan, opts.hidden, size.x, size.y, s);
  return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
}
