/** Which of the files a user chose or dropped holds the vectors, and which the labels or metadata. */

const VECTOR_EXTENSIONS = ['.npy', '.npz', '.parquet', '.safetensors', '.json', '.jsonl', '.ndjson', '.h5', '.hdf5', '.pt', '.pth', '.arrow', '.arrows', '.feather', '.ipc', '.bytes'];
const TEXT_EXTENSIONS = ['.tsv', '.csv', '.txt', '.tab'];

function extension(name: string): string {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  const dot = lower.lastIndexOf('.');
  return dot >= 0 ? lower.slice(dot) : '';
}

/** Names that say "labels" or "metadata" (Embedding Projector's metadata.tsv, labels.txt, y.npy...). */
const METADATA_NAME = /(meta|label|class|target|^y\.)/i;

/**
 * Splits one or two files into the vectors file and an optional metadata file. With two: a file
 * named like metadata/labels is the metadata; else a binary embeddings format beats text; else the
 * larger file holds the vectors. More than two files is an error message.
 */
export function pairFiles<F extends { name: string; size: number }>(files: readonly F[]): { vectors: F; metadata?: F } | { error: string } {
  if (files.length === 0) return { error: 'No file was given.' };
  if (files.length === 1) return { vectors: files[0] };
  if (files.length > 2) {
    return { error: `${files.length} files were given; choose one embeddings file and at most one labels or metadata file.` };
  }
  const [a, b] = files;
  const metaA = METADATA_NAME.test(a.name);
  const metaB = METADATA_NAME.test(b.name);
  if (metaA !== metaB) return metaA ? { vectors: b, metadata: a } : { vectors: a, metadata: b };
  const binA = VECTOR_EXTENSIONS.includes(extension(a.name));
  const binB = VECTOR_EXTENSIONS.includes(extension(b.name));
  if (binA !== binB) return binA ? { vectors: a, metadata: b } : { vectors: b, metadata: a };
  return a.size >= b.size ? { vectors: a, metadata: b } : { vectors: b, metadata: a };
}

/**
 * A drop with an Embedding Projector config: a .json named like projector_config, or any .json dropped
 * with a .bytes tensor, is the file to read; every other dropped file is a companion it may name (its
 * tensor, metadata and sprite). Null when the drop has no such config.
 */
export function projectorDrop<F extends { name: string }>(files: readonly F[]): { config: F; companions: F[] } | null {
  const json = files.filter((f) => extension(f.name) === '.json');
  const config = json.find((f) => /projector/i.test(f.name)) ?? (files.some((f) => extension(f.name) === '.bytes') && json.length === 1 ? json[0] : undefined);
  if (!config || files.length < 2) return null;
  return { config, companions: files.filter((f) => f !== config) };
}

/** The file input's accept list. */
export const ACCEPT = [...VECTOR_EXTENSIONS, ...TEXT_EXTENSIONS, '.gz', '.png', '.jpg'].join(',');
