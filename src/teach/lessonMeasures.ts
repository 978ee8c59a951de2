/**
 * The lesson measures' shapes, and the ones the main thread derives (from a snapshot's metrics, its
 * layer-ID profile and GCR angles). Kept apart from measures.ts, whose worker-side computations
 * import the training code (and through it tfjs): the page's own bundle never loads tfjs.
 */
import type { LayerId, SubspaceAngles } from '../training/types';

/** Computed in the worker from the snapshot: null where the run has no such thing. */
export interface SnapshotMeasures {
  /** Mean cosine between the classifier rows of the minority classes (the last `minority` classes); null with fewer than 2 or no affine head. */
  minorityCosine: number | null;
  /** The same over the majority classes (null with fewer than 2). */
  majorityCosine: number | null;
  /** Fraction of mixup probe features whose position t along mu_B -> mu_A lies in [0, 1]; null without a probe. */
  probeBetween: number | null;
  /** Pearson correlation of each probe feature's position t with its lambda (weight of class A); null without a probe. */
  probeLambdaCorrelation: number | null;
  /** Intra-class variability of the unit-normalised features of the fixed sample: mean over rows of ||u_i - mean of u over i's class||^2, u = h/||h|| (what a GCR head's logits see). */
  unitWithinVariance: number | null;
}

/** Computed on the main thread from the latest layer-ID profile and GCR angles at or before a snapshot. */
export interface ProfileMeasures {
  /** TwoNN of the input layer (the data's intrinsic dimension). */
  inputId: number | null;
  /** TwoNN of the feature (last hidden) layer. */
  featureId: number | null;
  /** Mean over class pairs of the mean principal angle between GCR subspaces, degrees. */
  meanAngleDeg: number | null;
  /** Smallest principal angle over all class pairs, degrees. */
  minAngleDeg: number | null;
}

/** From the snapshot's own metrics. */
export interface DerivedMeasures {
  /** MLE over TwoNN of the features of the fixed sample (how far the two estimators disagree). */
  mleOverTwoNN: number | null;
}

export type LessonMeasures = SnapshotMeasures & ProfileMeasures & DerivedMeasures;

/** The derived measures of one snapshot's metrics. */
export function derivedMeasures(m: { twoNN: number | null; mle: number | null }): DerivedMeasures {
  return { mleOverTwoNN: m.twoNN !== null && m.mle !== null && m.twoNN > 0 ? m.mle / m.twoNN : null };
}

export const NO_SNAPSHOT_MEASURES: SnapshotMeasures = { minorityCosine: null, majorityCosine: null, probeBetween: null, probeLambdaCorrelation: null, unitWithinVariance: null };

const DEG = 180 / Math.PI;

/** The profile measures of a layer-ID profile and GCR angles (either may be missing). */
export function profileMeasures(layers: readonly LayerId[] | null, angles: SubspaceAngles | null): ProfileMeasures {
  const id = (name: string) => layers?.find((l) => l.name === name)?.twoNN ?? null;
  let meanAngleDeg: number | null = null;
  let minAngleDeg: number | null = null;
  if (angles && angles.pairs.length) {
    let sum = 0;
    let min = Infinity;
    for (const p of angles.pairs) {
      let s = 0;
      for (const a of p.angles) {
        s += a;
        min = Math.min(min, a);
      }
      sum += s / p.angles.length;
    }
    meanAngleDeg = (sum / angles.pairs.length) * DEG;
    minAngleDeg = min * DEG;
  }
  return { inputId: id('input'), featureId: id('features'), meanAngleDeg, minAngleDeg };
}
