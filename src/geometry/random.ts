/**
 * Small seeded random number generators for tests, synthetic data and random projections.
 * Deterministic across platforms: mulberry32 uses only 32-bit integer arithmetic.
 */

/** mulberry32: a 32-bit-state PRNG returning uniforms in [0, 1) with 2^-32 resolution. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded source of uniform and standard normal variates. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1), by the Box-Muller transform (both variates of each pair used). */
  normal(): number;
}

/** An Rng over mulberry32(seed); normals by Box-Muller with u1 in (0, 1] so log(u1) is finite. */
export function createRng(seed: number): Rng {
  const uniform = mulberry32(seed);
  let spare: number | null = null;
  return {
    uniform,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      const u1 = 1 - uniform();
      const u2 = uniform();
      const radius = Math.sqrt(-2 * Math.log(u1));
      spare = radius * Math.sin(2 * Math.PI * u2);
      return radius * Math.cos(2 * Math.PI * u2);
    },
  };
}

/** n standard normal variates as float32 (row-major data for an n/d x d matrix, say). */
export function normalArray(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.normal();
  return out;
}

/** n uniform variates in [0, 1) as float32. */
export function uniformArray(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.uniform();
  return out;
}
