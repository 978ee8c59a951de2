/** Train-mode data: synthetic generators, shipped real data sets, the train/test split. */
export type { Dataset, LabelledPoints, ReadBytes } from './types';
export { buildDataset, loadPoints, isRealSource, type DataConfig, type RealSpec, type SourceKind, type SourceSpec, type UserPoints } from './build';
export { FILE_ROW_LIMIT, rowsKept, type FileSourceSpec } from './userData';
export {
  generateSynthetic,
  type BlobsSpec,
  type CheckerboardSpec,
  type ShellsSpec,
  type SpiralsSpec,
  type SubspacesSpec,
  type SyntheticKind,
  type SyntheticSpec,
} from './synthetic';
export { splitDataset, type SplitOptions } from './split';
export { fashionMnistFromBytes, FASHION_MNIST_CLASSES, FASHION_MNIST_FILES } from './fashionMnist';
export { digitsFromBytes, DIGITS_FILES } from './digits';
export { parseIdx, gunzipIfNeeded, type IdxArray } from './idx';
