/** Why an overlay of the 3D view is missing, in words that hold for the frame shown (null: it is drawn). */
import type { FeatureFrame } from '../../workers/trainingProtocol';

/** The simplex: "no simplex fits (F < K − 1)" only when the feature width is below K − 1; degenerate means say so instead. */
export function simplexMissing(frame: FeatureFrame | null, classes: number, featureDim: number): string | null {
  if (!frame || frame.simplex) return null;
  if (featureDim < classes - 1) return `no simplex fits (F = ${featureDim} < K − 1 = ${classes - 1})`;
  return 'no simplex: the class means are all at the centre or not finite';
}

/** The classifier rows: missing only for heads without an affine classifier (GCR). */
export function classifierMissing(frame: FeatureFrame | null): string | null {
  return frame && !frame.classifier ? 'no classifier rows (GCR head)' : null;
}
