/** Compare mode's core: two (or more) representations of the same items, matched and measured. */
export { compareRepresentations, compareMatched } from './compare';
export { matchRows, type MatchOptions, type MatchedPair, type MatchingInfo } from './match';
export { ckaMatrix, type CkaMatrix, type Representation } from './ckaMatrix';
export { alignmentCurve, curveGrid, type AlignmentCurve } from './curve';
export type { ClassComparison } from './classes';
export { COMPARE_DEFAULTS, type CompareDisplay, type CompareOptions, type CompareReport, type CompareResult } from './types';
export { COMPARE_DOCS, type MeasureDoc, type MeasureKey, type Invariance } from './docs';
export { projectAligned, type AlignedProjection } from './display';
