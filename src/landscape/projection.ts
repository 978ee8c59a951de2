/**
 * Random projections P (D x d, unit-norm columns) from the subspace to parameter space. Column j
 * depends only on (seed, j), so P for a smaller d is the first columns of P for a larger one and
 * the subspaces of a sweep are nested.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../geometry/random';
import { deriveSeed } from '../datasets/basis';
import type { Projection, ProjectionChoice, ProjectionInfo, ProjectionKind } from './types';

/** Hard cap on the bytes any projection may hold: 256 MiB. */
export const MAX_PROJECTION_BYTES = 256 * 2 ** 20;
/** Largest dense P that 'auto' picks: 64 MiB (beyond it the dense matrix-vector products dominate a step). */
export const DEFAULT_DENSE_BUDGET = 64 * 2 ** 20;

/** Default nonzeros per sparse column: ceil(sqrt(D)) (Li, Hastie & Church's "very sparse" density 1/sqrt(D)), at most D. */
export function defaultSparseNonzeros(D: number): number {
  return Math.min(D, Math.ceil(Math.sqrt(D)));
}

/** The seed of column j of every projection drawn with `seed`. */
function columnSeed(seed: number, j: number): number {
  return deriveSeed(seed, 0x1000 + j);
}

function checkShape(D: number, d: number): void {
  if (!(Number.isInteger(D) && D >= 1)) throw new RangeError(`the number of parameters D must be a positive integer (got ${D})`);
  if (!(Number.isInteger(d) && d >= 1 && d <= D)) throw new RangeError(`the subspace dimension d must be an integer in [1, ${D}] (got ${d})`);
}

/** Calls visit(j, column) for j = 0..d-1 with column j = g / ||g||, g ~ N(0, I_D) from the column's seed (float64). */
function forEachDenseColumn(D: number, d: number, seed: number, visit: (j: number, column: Float64Array) => void): void {
  checkShape(D, d);
  const g = new Float64Array(D);
  for (let j = 0; j < d; j++) {
    const rng = createRng(columnSeed(seed, j));
    let ss = 0;
    for (let i = 0; i < D; i++) {
      g[i] = rng.normal();
      ss += g[i] * g[i];
    }
    const inv = 1 / Math.sqrt(ss);
    for (let i = 0; i < D; i++) g[i] *= inv;
    visit(j, g);
  }
}

/** Dense Gaussian unit-norm columns as P^T, row-major d x D (row j = column j of P). */
export function denseColumns(D: number, d: number, seed: number): Float32Array {
  const out = new Float32Array(d * D);
  forEachDenseColumn(D, d, seed, (j, col) => out.set(col, j * D));
  return out;
}

/** The same dense P as denseColumns, laid out row-major D x d (the layout the backend multiplies fastest). */
export function denseMatrix(D: number, d: number, seed: number): Float32Array {
  const out = new Float32Array(D * d);
  forEachDenseColumn(D, d, seed, (j, col) => {
    for (let i = 0; i < D; i++) out[i * d + j] = col[i];
  });
  return out;
}

/**
 * Sparse columns: column j has s distinct rows (Floyd's sampling from the column's seed), each
 * +-1/sqrt(s) with a fair seeded sign, so ||column|| = 1 exactly. rows[j s + t], values[j s + t].
 */
export function sparseColumns(D: number, d: number, s: number, seed: number): { rows: Int32Array; values: Float32Array } {
  checkShape(D, d);
  if (!(Number.isInteger(s) && s >= 1 && s <= D)) throw new RangeError(`nonzeros per column must be an integer in [1, ${D}] (got ${s})`);
  const rows = new Int32Array(d * s);
  const values = new Float32Array(d * s);
  const scale = 1 / Math.sqrt(s);
  const chosen = new Set<number>();
  for (let j = 0; j < d; j++) {
    const rng = createRng(columnSeed(seed, j));
    chosen.clear();
    for (let t = D - s; t < D; t++) {
      const r = Math.floor(rng.uniform() * (t + 1));
      chosen.add(chosen.has(r) ? t : r);
    }
    let t = j * s;
    for (const r of chosen) {
      rows[t] = r;
      values[t++] = rng.uniform() < 0.5 ? -scale : scale;
    }
  }
  return { rows, values };
}

/** Options of planProjection (the sweep passes its own). */
export interface PlanOptions {
  denseBudgetBytes?: number;
  sparseNonzeros?: number;
}

function infoOf(kind: ProjectionKind, D: number, d: number, s: number): ProjectionInfo {
  const memoryBytes = kind === 'dense' ? 4 * D * d : kind === 'sparse' ? 8 * d * s : 0;
  const nonzerosPerColumn = kind === 'dense' ? D : kind === 'sparse' ? s : 1;
  return { kind, D, d, nonzerosPerColumn, memoryBytes };
}

/**
 * Which projection runs for (D, d) and its memory, without building it: 'auto' is dense while
 * 4 D d <= denseBudgetBytes, else sparse. Throws a RangeError when the choice exceeds MAX_PROJECTION_BYTES.
 */
export function planProjection(D: number, d: number, choice: ProjectionChoice, opts: PlanOptions = {}): ProjectionInfo {
  checkShape(D, d);
  const s = opts.sparseNonzeros ?? defaultSparseNonzeros(D);
  if (!(Number.isInteger(s) && s >= 1 && s <= D)) throw new RangeError(`nonzeros per column must be an integer in [1, ${D}] (got ${s})`);
  const budget = Math.min(opts.denseBudgetBytes ?? DEFAULT_DENSE_BUDGET, MAX_PROJECTION_BYTES);
  const kind: ProjectionKind = choice === 'auto' ? (4 * D * d <= budget ? 'dense' : 'sparse') : choice;
  const info = infoOf(kind, D, d, s);
  if (info.memoryBytes > MAX_PROJECTION_BYTES) {
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    throw new RangeError(`a ${kind} projection for D = ${D}, d = ${d} needs ${mib(info.memoryBytes)}, over the ${mib(MAX_PROJECTION_BYTES)} limit; use the sparse projection or a smaller d`);
  }
  return info;
}

/** The baseline's P = I: theta_d is theta - theta0 itself. */
export function identityProjection(D: number): Projection {
  return { info: infoOf('identity', D, D, 1), apply: (x) => x, dispose: () => {} };
}

/**
 * Dense P (D x d) on the backend: forward P x, custom gradient (dy^T P)^T = P^T dy, the two
 * products that are fast with this layout on wasm (autodiff's transposed product is ~20x slower).
 */
function denseProjection(info: ProjectionInfo, seed: number): Projection {
  const { D, d } = info;
  const P = tf.tensor2d(denseMatrix(D, d, seed), [D, d]);
  const op = tf.customGrad((x: tf.Tensor | tf.GradSaveFunc) => ({
    value: tf.reshape(tf.matMul(P, tf.reshape(x as tf.Tensor, [d, 1])), [D]) as tf.Tensor1D,
    gradFunc: (dy: tf.Tensor) => tf.reshape(tf.matMul(tf.reshape(dy, [1, D]), P), [d]),
  }));
  return {
    info,
    apply: (x) => op(x) as tf.Tensor1D,
    dispose: () => P.dispose(),
  };
}

/**
 * Sparse P: forward scatters the d s products x_j v_jt into rows r_jt (scatterND sums duplicates);
 * the custom gradient is (P^T dy)_j = sum_t v_jt dy[r_jt], a gatherND (no segment-sum kernel needed,
 * which wasm lacks; gatherND is ~4x faster than gather on wasm at millions of indices).
 */
function sparseProjection(info: ProjectionInfo, seed: number): Projection {
  const { D, d, nonzerosPerColumn: s } = info;
  const host = sparseColumns(D, d, s, seed);
  const rowIndex = tf.tensor2d(host.rows, [d * s, 1], 'int32');
  const values = tf.tensor2d(host.values, [d, s]);
  const op = tf.customGrad((x: tf.Tensor | tf.GradSaveFunc) => {
    const contributions = tf.reshape(tf.mul(tf.reshape(x as tf.Tensor, [d, 1]), values), [d * s]);
    return {
      value: tf.scatterND(rowIndex, contributions, [D]) as tf.Tensor1D,
      gradFunc: (dy: tf.Tensor) => tf.sum(tf.mul(tf.reshape(tf.gatherND(dy, rowIndex), [d, s]), values), 1),
    };
  });
  return {
    info,
    apply: (x) => op(x) as tf.Tensor1D,
    dispose: () => tf.dispose([rowIndex, values]),
  };
}

/** Builds the projection `info` describes (from planProjection or identityProjection's info) with column seed `seed`. */
export function createProjection(info: ProjectionInfo, seed: number): Projection {
  if (info.kind === 'identity') return identityProjection(info.D);
  if (info.memoryBytes > MAX_PROJECTION_BYTES) throw new RangeError(`projection of ${info.memoryBytes} bytes exceeds MAX_PROJECTION_BYTES`);
  return info.kind === 'dense' ? denseProjection(info, seed) : sparseProjection(info, seed);
}
