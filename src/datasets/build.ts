/** A Train-mode data configuration (source + split controls) and the Dataset it builds. */
import { digitsFromBytes, DIGITS_FILES } from './digits';
import { fashionMnistFromBytes, FASHION_MNIST_FILES } from './fashionMnist';
import { splitDataset, type SplitOptions } from './split';
import { generateSynthetic, type SyntheticSpec } from './synthetic';
import type { Dataset, LabelledPoints, ReadBytes } from './types';

/** The shipped real data sets; `limit` keeps the first rows of Fashion-MNIST's 10,000. */
export type RealSpec = { kind: 'fashion-mnist'; limit: number } | { kind: 'digits' };
export type SourceSpec = SyntheticSpec | RealSpec;
export type SourceKind = SourceSpec['kind'];

/** Everything that fixes a Dataset: the source and the split controls; `seed` drives both. */
export interface DataConfig extends SplitOptions {
  source: SourceSpec;
}

/** True for the sources that need shipped files (and so a ReadBytes). */
export function isRealSource(s: SourceSpec): s is RealSpec {
  return s.kind === 'fashion-mnist' || s.kind === 'digits';
}

/** The labelled points of a source: generated for synthetic kinds, parsed from shipped files (via `read`) otherwise. */
export async function loadPoints(source: SourceSpec, seed: number, read?: ReadBytes): Promise<LabelledPoints> {
  if (!isRealSource(source)) return generateSynthetic(source, seed);
  if (!read) throw new Error(`the ${source.kind} data set needs a file reader`);
  if (source.kind === 'digits') {
    const [npy, labels] = await Promise.all([read(DIGITS_FILES.vectors), read(DIGITS_FILES.labels)]);
    return digitsFromBytes(npy, labels);
  }
  const [images, labels] = await Promise.all([read(FASHION_MNIST_FILES.images), read(FASHION_MNIST_FILES.labels)]);
  return fashionMnistFromBytes(images, labels, source.limit);
}

/** loadPoints then splitDataset with the config's controls. */
export async function buildDataset(config: DataConfig, read?: ReadBytes): Promise<Dataset> {
  return splitDataset(await loadPoints(config.source, config.seed, read), config);
}
