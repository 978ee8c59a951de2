/**
 * Landscape mode's core (Li et al. 2018): train a model only inside theta = theta0 + P theta_d for a
 * grid of d, and read off the intrinsic dimension d_int90. Pure TypeScript over tfjs-core; the
 * worker and the UI sit on top of runSweep and planSweep.
 */
export type {
  BatchStream,
  Evaluation,
  ManifoldBlock,
  ModelState,
  OptimizerConfig,
  Projection,
  ProjectionChoice,
  ProjectionInfo,
  ProjectionKind,
  RunProgress,
  RunResult,
  SubspaceModel,
  SubspaceTask,
  SweepConfig,
  SweepResult,
} from './types';
export { runSweep, planSweep, normaliseDims, type SweepCallbacks } from './sweep';
export { SubspaceRun, type TrainOptions, type TrainSummary } from './subspaceRun';
export {
  createProjection,
  defaultSparseNonzeros,
  denseColumns,
  denseMatrix,
  identityProjection,
  planProjection,
  sparseColumns,
  DEFAULT_DENSE_BUDGET,
  MAX_PROJECTION_BYTES,
  type PlanOptions,
} from './projection';
export { createOptimizer, learningRateAt, checkOptimizerConfig, type VectorOptimizer } from './optimizer';
export { compressionRatio, defaultDims, dimensionAtScore, intrinsicDimension, logGrid, type ScorePoint } from './threshold';
export { flatMlpConfigFromModel, flatMlpLayout, headOf, type FlatLayout, type FlatMlpConfig, type HeadSlot, type LayerSlot } from './flatLayout';
export { BatchNormState, FlatMlp, flatMlpModel, type ClassBatch } from './flatMlp';
export { headLogits, orthonormalColumns } from './flatHeads';
export { OrdinaryRun } from './ordinaryRun';
export { stepLoop, type TrainableRun } from './runLoop';
export { classificationTask, type ClassificationOptions, type ClassificationTask } from './classification';
export {
  leastSquaresLoss,
  leastSquaresProblem,
  leastSquaresScore,
  leastSquaresTask,
  subspaceOptimum,
  type LeastSquaresProblem,
  type LeastSquaresSpec,
} from './leastSquares';
export { benchSubspaceSteps, type StepTiming } from './bench';
