/**
 * Seeded synthetic classification data with the Train-mode sliders. Every generator returns
 * balanced classes in interleaved order (row i has class i mod K) and is a pure function of its
 * options: the same options give the same bytes.
 */
import { createRng, type Rng } from '../geometry/random';
import { gaussianBlobs } from './blobs';
import { deriveSeed, embedInto, planarFrame, randomOrthonormal } from './basis';
import type { LabelledPoints } from './types';

interface Common {
  /** Total number of points. */
  n: number;
  /** Ambient dimension D. */
  dim: number;
  /** Number of classes K. */
  classes: number;
}

/** Gaussian blobs (see blobs.ts): class means of norm `separation`, isotropic noise std `noise`. */
export interface BlobsSpec extends Common { kind: 'blobs'; separation: number; noise: number }
/** K interleaved spiral arms in a random plane of R^D; radius 0.1..1, `turns` revolutions, planar noise std. */
export interface SpiralsSpec extends Common { kind: 'spirals'; turns: number; noise: number }
/** Concentric spheres in R^D: class k at radius 1 + k * gap, isotropic noise std `noise`. */
export interface ShellsSpec extends Common { kind: 'shells'; gap: number; noise: number }
/** Mixture of zero-mean rank-r Gaussians: class k = U_k z (U_k random D x r orthonormal) + noise. */
export interface SubspacesSpec extends Common { kind: 'subspaces'; rank: number; noise: number }
/** XOR-style checkerboard on [-1, 1]^2 with `cells` x `cells` squares, class (i + j) mod K, in a random plane of R^D. */
export interface CheckerboardSpec extends Common { kind: 'checkerboard'; cells: number; noise: number }

export type SyntheticSpec = BlobsSpec | SpiralsSpec | ShellsSpec | SubspacesSpec | CheckerboardSpec;
export type SyntheticKind = SyntheticSpec['kind'];

/** Generates the labelled points of a synthetic spec; the seed fixes every random draw. */
export function generateSynthetic(spec: SyntheticSpec, seed: number): LabelledPoints {
  if (!(spec.n >= spec.classes && spec.classes >= 2 && spec.dim >= 1)) {
    throw new RangeError(`synthetic data need n >= classes >= 2 and dim >= 1 (n = ${spec.n}, K = ${spec.classes}, D = ${spec.dim})`);
  }
  switch (spec.kind) {
    case 'blobs': {
      const { n, dim, classes, separation, noise } = spec;
      return gaussianBlobs({ n, dim, classes, separation, noise, seed }) as LabelledPoints;
    }
    case 'spirals':
      return spirals(spec, seed);
    case 'shells':
      return shells(spec, seed);
    case 'subspaces':
      return subspaces(spec, seed);
    case 'checkerboard':
      return checkerboard(spec, seed);
  }
}

function names(K: number): string[] {
  return Array.from({ length: K }, (_, k) => `class ${k}`);
}

function fill(spec: Common, point: (k: number, out: Float32Array, o: number) => void): LabelledPoints {
  const { n, dim, classes } = spec;
  const vectors = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % classes;
    point(labels[i], vectors, i * dim);
  }
  return { n, dim, vectors, labels, classNames: names(classes) };
}

/** Arm k: angle 2 pi k/K + 2 pi turns t at radius t, t ~ U(0.1, 1), plus N(0, noise^2 I_2) in the plane. */
function spirals(spec: SpiralsSpec, seed: number): LabelledPoints {
  const rng = createRng(seed);
  const frame = planarFrame(createRng(deriveSeed(seed, 1)), spec.dim, 2);
  const p = new Float64Array(2);
  return fill(spec, (k, out, o) => {
    const t = 0.1 + 0.9 * rng.uniform();
    const angle = (2 * Math.PI * k) / spec.classes + 2 * Math.PI * spec.turns * t;
    p[0] = t * Math.cos(angle) + spec.noise * rng.normal();
    p[1] = t * Math.sin(angle) + spec.noise * rng.normal();
    embedInto(out, o, frame, p);
  });
}

/** x = (1 + k gap) g/||g|| + noise N(0, I_D), g ~ N(0, I_D). */
function shells(spec: ShellsSpec, seed: number): LabelledPoints {
  const rng = createRng(seed);
  const g = new Float64Array(spec.dim);
  return fill(spec, (k, out, o) => {
    const r = 1 + k * spec.gap;
    const norm = gaussianDirection(rng, g);
    for (let t = 0; t < spec.dim; t++) out[o + t] = (r * g[t]) / norm + spec.noise * rng.normal();
  });
}

function gaussianDirection(rng: Rng, g: Float64Array): number {
  let s = 0;
  do {
    s = 0;
    for (let t = 0; t < g.length; t++) {
      g[t] = rng.normal();
      s += g[t] * g[t];
    }
  } while (s === 0);
  return Math.sqrt(s);
}

/** x = U_k z + noise N(0, I_D), z ~ N(0, I_r), U_k a seeded random D x r orthonormal basis per class. */
function subspaces(spec: SubspacesSpec, seed: number): LabelledPoints {
  if (!(spec.rank >= 1 && spec.rank <= spec.dim)) throw new RangeError(`subspace rank must be in [1, dim] (rank = ${spec.rank})`);
  const basisRng = createRng(deriveSeed(seed, 1));
  const bases = Array.from({ length: spec.classes }, () => randomOrthonormal(basisRng, spec.dim, spec.rank));
  const rng = createRng(seed);
  const z = new Float64Array(spec.rank);
  return fill(spec, (k, out, o) => {
    for (let j = 0; j < spec.rank; j++) z[j] = rng.normal();
    embedInto(out, o, bases[k], z);
    for (let t = 0; t < spec.dim; t++) out[o + t] += spec.noise * rng.normal();
  });
}

/**
 * Uniform points of [-1, 1]^2 whose cell (i, j) of a cells x cells grid has (i + j) mod K equal to
 * the wanted class (rejection sampling), jittered by N(0, noise^2 I_2) after labelling.
 */
function checkerboard(spec: CheckerboardSpec, seed: number): LabelledPoints {
  const cells = Math.floor(spec.cells);
  // Cell sums i + j take the values 0..2 cells - 2, so every class occurs iff 2 cells - 1 >= K.
  if (!(2 * cells - 1 >= spec.classes)) throw new RangeError(`a ${cells} x ${cells} board cannot hold ${spec.classes} classes`);
  const rng = createRng(seed);
  const frame = planarFrame(createRng(deriveSeed(seed, 1)), spec.dim, 2);
  const p = new Float64Array(2);
  return fill(spec, (k, out, o) => {
    for (;;) {
      const u = rng.uniform();
      const v = rng.uniform();
      if ((Math.floor(u * cells) + Math.floor(v * cells)) % spec.classes !== k) continue;
      p[0] = 2 * u - 1 + spec.noise * rng.normal();
      p[1] = 2 * v - 1 + spec.noise * rng.normal();
      break;
    }
    embedInto(out, o, frame, p);
  });
}
