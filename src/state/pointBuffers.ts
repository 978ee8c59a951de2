/**
 * The registry of large point buffers, kept out of reactive state: stores hold only a version
 * number, and views read the arrays here when the version changes.
 */

/** The plotted points of the current analysis. */
export interface PointBuffers {
  /** Row-major n x 3 PCA coordinates. */
  coords: Float32Array;
  /** Original row of each point. */
  rowIndex: Int32Array;
  /** Class index per point, or null when unlabelled. */
  labels: Int32Array | null;
}

let current: PointBuffers | null = null;

/** Replaces the buffers; the caller bumps the store's version. */
export function setPointBuffers(b: PointBuffers | null): void {
  current = b;
}

/** The buffers of the latest result, or null before the first one. */
export function getPointBuffers(): PointBuffers | null {
  return current;
}
