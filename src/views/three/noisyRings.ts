/** The ring layer of Train's 3D view that marks sample rows whose label was flipped by label noise. */
import * as THREE from 'three';

/** The ring colour (#1b2330, the view's ink) as linear RGB with alpha 1. */
const RING: readonly number[] = [0.106, 0.137, 0.188, 1];

/**
 * A geometry sharing the points' position attribute (so it moves with them for free), with aColor
 * = RING where noisy[i] = 1 and alpha 0 elsewhere (the point shader skips alpha-0 vertices); null
 * without noisy rows.
 */
export function noisyRings(position: THREE.BufferAttribute, noisy: Uint8Array | null): THREE.BufferGeometry | null {
  if (!noisy) return null;
  if (noisy.length !== position.count) throw new RangeError(`noisyRings: ${noisy.length} flags for ${position.count} points`);
  const colors = new Float32Array(4 * noisy.length);
  for (let i = 0; i < noisy.length; i++) if (noisy[i]) colors.set(RING, 4 * i);
  return new THREE.BufferGeometry().setAttribute('position', position).setAttribute('aColor', new THREE.BufferAttribute(colors, 4));
}
