/**
 * .npz archives (numpy.savez / savez_compressed): a zip of .npy entries, stored or deflated.
 * Only the entries needed are decompressed.
 */
import { InputError } from './errors';
import { formatShape } from './npyHeader';
import { parseNpy, type NpyArray } from './npy';
import { DEFAULT_BUDGET_BYTES } from './inflate';
import { listZip, readZipEntry, type ZipEntry } from './zip';

/** Names tried, in order, for the vectors array. */
export const VECTOR_KEYS = ['embeddings', 'vectors', 'X', 'features'] as const;
/** Names tried, in order, for a labels array. */
export const LABEL_KEYS = ['labels', 'y'] as const;

/** Bytes 0..3 of a zip archive ('PK\x03\x04', or 'PK\x05\x06' when empty). */
export function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function npyEntries(bytes: Uint8Array, name: string): ZipEntry[] {
  return listZip(bytes, name).filter((e) => e.name.endsWith('.npy'));
}

const keyOf = (entry: string) => entry.replace(/\.npy$/, '');

/** Names of the arrays in an .npz (entry names without '.npy'); nothing is inflated. */
export function listNpz(bytes: Uint8Array, name: string): string[] {
  return npyEntries(bytes, name).map((e) => keyOf(e.name));
}

/**
 * Parses the arrays whose keys pass `want` (all when omitted). Each entry is inflated with a cap of
 * `budget` bytes (its .npy header's declared size is checked first), the budget shared by all entries.
 */
export function parseNpz(bytes: Uint8Array, name: string, want: (key: string) => boolean = () => true, budget = DEFAULT_BUDGET_BYTES): Map<string, NpyArray> {
  const out = new Map<string, NpyArray>();
  let left = budget;
  for (const entry of npyEntries(bytes, name)) {
    if (!want(keyOf(entry.name))) continue;
    const data = readZipEntry(bytes, entry, name, { budget: left });
    left -= data.length;
    out.set(keyOf(entry.name), parseNpy(data, `${name}:${entry.name}`));
  }
  return out;
}

const isFloat2d = (a: NpyArray) => a.shape.length === 2 && /^[<>|=]?f\d$/.test(a.dtype);

/**
 * The vectors array of an .npz: the first of VECTOR_KEYS present, else the only 2-D float array;
 * plus a labels array (LABEL_KEYS) when `withLabels`.
 */
export function pickNpzArrays(bytes: Uint8Array, name: string, withLabels: boolean, budget = DEFAULT_BUDGET_BYTES): {
  vectorsKey: string; vectors: NpyArray; labelsKey?: string; labels?: NpyArray;
} {
  const keys = listNpz(bytes, name);
  if (keys.length === 0) {
    throw new InputError(`${name} contains no .npy arrays.`, 'Save the vectors with np.savez(path, embeddings=X, labels=y).');
  }
  const labelsKey = withLabels ? LABEL_KEYS.find((k) => keys.includes(k)) : undefined;
  const preferred = VECTOR_KEYS.find((k) => keys.includes(k));
  const arrays = parseNpz(bytes, name, (k) => preferred === undefined || k === preferred || k === labelsKey, budget);
  let vectorsKey: string | undefined = preferred;
  if (vectorsKey === undefined) {
    const candidates = [...arrays].filter(([k, a]) => k !== labelsKey && isFloat2d(a)).map(([k]) => k);
    if (candidates.length !== 1) {
      const listing = [...arrays].map(([k, a]) => `${k} ${a.dtype} ${formatShape(a.shape)}`).join(', ');
      throw new InputError(
        candidates.length === 0
          ? `${name} has no 2-D float array to use as embeddings (it holds ${listing}).`
          : `${name} has several 2-D float arrays (${candidates.join(', ')}), so the embeddings are ambiguous.`,
        'Name the vectors array "embeddings": np.savez(path, embeddings=X, labels=y).',
      );
    }
    vectorsKey = candidates[0];
  }
  return {
    vectorsKey,
    vectors: arrays.get(vectorsKey)!,
    labelsKey,
    labels: labelsKey === undefined ? undefined : arrays.get(labelsKey),
  };
}
