/**
 * The aligned view's coordinates: standardised A and Procrustes-aligned B projected onto the same
 * axes, the top principal axes of standardised A (its mean removed from both), so segments from
 * A_i to B_i show each item's displacement in one 2D/3D frame.
 */
import { pca, projectPca } from '../geometry/pca';
import type { CompareDisplay } from './types';

export interface AlignedProjection {
  /** Axes used (min(components, dim)). */
  components: number;
  /** n x components coordinates of standardised A and of aligned B on A's principal axes. */
  a: Float32Array;
  b: Float32Array;
  /** Share of standardised A's variance on those axes. */
  explained: number;
}

/** Both sides of the display on the top `components` principal axes of standardised A. */
export async function projectAligned(display: CompareDisplay, n: number, components = 3, signal?: AbortSignal): Promise<AlignedProjection> {
  const q = Math.min(components, display.dim);
  const p = await pca(display.standardA, n, display.dim, { components: q, signal });
  return {
    components: q,
    a: projectPca(display.standardA, n, display.dim, p, q),
    b: projectPca(display.alignedB, n, display.dim, p, q),
    explained: Array.from(p.explainedVarianceRatio).slice(0, q).reduce((s, v) => s + v, 0),
  };
}
