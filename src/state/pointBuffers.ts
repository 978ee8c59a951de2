/**
 * The registry of large buffers, kept out of reactive state: stores hold only version numbers,
 * and views read the arrays here when a version changes.
 */
import type { Metadata } from '../geometry/types';
import type { ViewResult } from '../workers/analysisProtocol';

/** The plotted points of the current dataset. */
export interface PointBuffers {
  /** Original row of each point. */
  rowIndex: Int32Array;
  /** Class index per point, or null when unlabelled. */
  labels: Int32Array | null;
  /** Metadata of the plotted points (values[c][i] for point i), or null. */
  meta: Metadata | null;
}

let points: PointBuffers | null = null;
let view: ViewResult | null = null;
let localId: Float32Array | null = null;
let preservation: Float32Array | null = null;

/** Replaces the point buffers (a new dataset); the caller bumps the store's version. */
export function setPointBuffers(b: PointBuffers | null): void {
  points = b;
  localId = null;
  preservation = null;
}

/** The buffers of the latest dataset, or null before the first one. */
export function getPointBuffers(): PointBuffers | null {
  return points;
}

/** Replaces the current view's coordinates and overlays. */
export function setViewBuffers(v: ViewResult | null): void {
  view = v;
}

/** The view on screen (coordinates, means, ETF), or null. */
export function getViewBuffers(): ViewResult | null {
  return view;
}

/** Sets the per-point local intrinsic dimension (NaN where undefined). */
export function setLocalIdBuffer(values: Float32Array | null): void {
  localId = values;
}

export function getLocalIdBuffer(): Float32Array | null {
  return localId;
}

/** Sets the per-point neighbourhood preservation of the view on screen (NaN where not measured). */
export function setPreservationBuffer(values: Float32Array | null): void {
  preservation = values;
}

export function getPreservationBuffer(): Float32Array | null {
  return preservation;
}
