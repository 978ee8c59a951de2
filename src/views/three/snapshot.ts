/** The 3D view as a PNG: render the scene once more and read the canvas in the same task, over the view's background. */
import type { CloudHandle } from './cloudHandle';

/** A PNG Blob of the current view at the canvas's resolution, or null before the canvas exists. */
export async function viewPng(handle: CloudHandle, background: string): Promise<Blob | null> {
  const { gl, scene, camera } = handle;
  if (!gl || !scene || !camera) return null;
  gl.render(scene, camera);
  const src = gl.domElement;
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(src, 0, 0);
  return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
}
