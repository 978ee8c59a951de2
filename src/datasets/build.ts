/** A Train-mode data configuration (source + split controls) and the Dataset it builds. */
import { digitsFromBytes, DIGITS_FILES } from './digits';
import { fashionMnistFromBytes, FASHION_MNIST_FILES } from './fashionMnist';
import { splitDataset, type SplitOptions } from './split';
import { generateSynthetic, type SyntheticSpec } from './synthetic';
import type { Dataset, LabelledPoints, ReadBytes } from './types';
import { checkTrainable, rowsKept, sampleRows, standardiseDataset, type FileSourceSpec } from './userData';

/** The shipped real data sets; `limit` keeps the first rows of Fashion-MNIST's 10,000. */
export type RealSpec = { kind: 'fashion-mnist'; limit: number } | { kind: 'digits' };
export type SourceSpec = SyntheticSpec | RealSpec | FileSourceSpec;
export type SourceKind = SourceSpec['kind'];

/** Everything that fixes a Dataset: the source and the split controls; `seed` drives both. */
export interface DataConfig extends SplitOptions {
  source: SourceSpec;
}

/** True for the sources that need shipped files (and so a ReadBytes). */
export function isRealSource(s: SourceSpec): s is RealSpec {
  return s.kind === 'fashion-mnist' || s.kind === 'digits';
}

/** Every labelled row of a user's file (the training worker reads and keeps them). */
export type UserPoints = (spec: FileSourceSpec) => Promise<LabelledPoints>;

/**
 * The labelled points of a source: generated for synthetic kinds, parsed from shipped files (via
 * `read`), or a user's file's rows (via `user`), sampled down to rowsKept(limit, dim) with `seed`.
 */
export async function loadPoints(source: SourceSpec, seed: number, read?: ReadBytes, user?: UserPoints): Promise<LabelledPoints> {
  if (source.kind === 'file') {
    if (!user) throw new Error(`the file ${source.name} needs a reader of the user's files`);
    const all = await user(source);
    const kept = sampleRows(all, rowsKept(source.limit, all.dim), seed);
    checkTrainable(kept, source.name);
    return kept;
  }
  if (!isRealSource(source)) return generateSynthetic(source, seed);
  if (!read) throw new Error(`the ${source.kind} data set needs a file reader`);
  if (source.kind === 'digits') {
    const [npy, labels] = await Promise.all([read(DIGITS_FILES.vectors), read(DIGITS_FILES.labels)]);
    return digitsFromBytes(npy, labels);
  }
  const [images, labels] = await Promise.all([read(FASHION_MNIST_FILES.images), read(FASHION_MNIST_FILES.labels)]);
  return fashionMnistFromBytes(images, labels, source.limit);
}

/** loadPoints then splitDataset with the config's controls; a user's file is then standardised on its training rows. */
export async function buildDataset(config: DataConfig, read?: ReadBytes, user?: UserPoints): Promise<Dataset> {
  const ds = splitDataset(await loadPoints(config.source, config.seed, read, user), config);
  return config.source.kind === 'file' ? standardiseDataset(ds) : ds;
}
