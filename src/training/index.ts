/** Train mode's core: the steppable trainer, its Snapshots, presets and settings (see types.ts). */
export type {
  Activation,
  EtfHeadConfig,
  GcrHeadConfig,
  HeadConfig,
  HeadKind,
  LayerId,
  LinearHeadConfig,
  LossKind,
  RowFeatures,
  ModelConfig,
  OptimizerKind,
  RunConfig,
  Snapshot,
  SnapshotMetrics,
  SplitFeatures,
  SubspaceAngles,
  SubspacePair,
  TrainConfig,
} from './types';
export { createTrainer, checkTrainConfig, type FeaturesOptions, type StepOptions, type Trainer } from './trainer';
export { checkModelConfig } from './network';
export { DEFAULT_DATA, DEFAULT_GCR_HEAD, DEFAULT_MODEL, DEFAULT_PRESET, DEFAULT_TRAIN, PRESETS, findPreset, type Preset } from './presets';
export { SNAPSHOT_METRIC_KEYS, snapshotMetrics } from './metricKeys';
export { networkWeights, type NamedArray } from './weights';
