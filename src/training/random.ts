/** Seeded randomness of a training run, all in JS so a seed means the same draws on every backend. */
import { createRng, type Rng } from '../geometry/random';
import { deriveSeed } from '../datasets/basis';
import { shuffle } from '../datasets/split';

/** Independent streams of one run: initialisation, batch order, mixup, feature sample, head construction. */
export const STREAM = { init: 1, batches: 2, mixup: 3, sample: 4, head: 5, probe: 6 } as const;

/** The Rng of stream `stream` of run seed `seed`. */
export function streamRng(seed: number, stream: number): Rng {
  return createRng(deriveSeed(seed, 100 + stream));
}

/** Gamma(shape, 1) by Marsaglia-Tsang (2000); shape < 1 via Gamma(shape + 1) U^(1/shape). */
export function sampleGamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0 (got ${shape})`);
  if (shape < 1) return sampleGamma(rng, shape + 1) * Math.pow(1 - rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Beta(a, b) = X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a);
  const y = sampleGamma(rng, b);
  return x + y > 0 ? x / (x + y) : 0.5;
}

/**
 * Batches of fixed size B over n rows: each epoch a fresh seeded permutation cut into
 * floor(n / B) batches; the remainder of the permutation is dropped.
 */
export class BatchSampler {
  readonly batchesPerEpoch: number;
  private readonly order: Int32Array;
  private readonly rng: Rng;
  private next: number;

  constructor(readonly n: number, readonly batchSize: number, seed: number) {
    if (!(batchSize >= 1 && batchSize <= n)) throw new RangeError(`batch size must be in [1, ${n}] (got ${batchSize})`);
    this.batchesPerEpoch = Math.floor(n / batchSize);
    this.order = Int32Array.from({ length: n }, (_, i) => i);
    this.rng = streamRng(seed, STREAM.batches);
    this.next = this.batchesPerEpoch;
  }

  /** The row indices of the next batch (a view valid until the next call). */
  nextBatch(): Int32Array {
    if (this.next === this.batchesPerEpoch) {
      shuffle(this.order, this.rng);
      this.next = 0;
    }
    const start = this.next++ * this.batchSize;
    return this.order.subarray(start, start + this.batchSize);
  }
}

/** m distinct indices of 0..n-1 (all of them, in order, when m >= n), sorted ascending. */
export function fixedSample(n: number, m: number, rng: Rng): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (m >= n) return all;
  shuffle(all, rng);
  return all.slice(0, m).sort();
}
