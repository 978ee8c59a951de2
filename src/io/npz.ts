/**
 * .npz archives (numpy.savez / savez_compressed): a zip of .npy entries, stored or deflated.
 * Only the entries needed are decompressed.
 */
import { unzipSync } from 'fflate';
import { InputError } from './errors.ts';
import { formatShape } from './npyHeader.ts';
import { parseNpy, type NpyArray } from './npy.ts';

/** Names tried, in order, for the vectors array. */
export const VECTOR_KEYS = ['embeddings', 'vectors', 'X', 'features'] as const;
/** Names tried, in order, for a labels array. */
export const LABEL_KEYS = ['labels', 'y'] as const;

/** Bytes 0..3 of a zip archive ('PK\x03\x04', or 'PK\x05\x06' when empty). */
export function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function unzip(bytes: Uint8Array, name: string, keep: (entry: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (f) => keep(f.name) });
  } catch (e) {
    throw new InputError(
      `${name} is not a readable .npz (zip) archive (${e instanceof Error ? e.message : String(e)}).`,
      'Re-save it with numpy.savez; the file may be truncated.',
    );
  }
}

const keyOf = (entry: string) => entry.replace(/\.npy$/, '');

/** Names of the arrays in an .npz (entry names without '.npy'). */
export function listNpz(bytes: Uint8Array, name: string): string[] {
  const names: string[] = [];
  unzip(bytes, name, (entry) => {
    if (entry.endsWith('.npy')) names.push(keyOf(entry));
    return false;
  });
  return names;
}

/** Parses the arrays whose keys pass `want` (all when omitted). */
export function parseNpz(bytes: Uint8Array, name: string, want: (key: string) => boolean = () => true): Map<string, NpyArray> {
  const files = unzip(bytes, name, (entry) => entry.endsWith('.npy') && want(keyOf(entry)));
  const out = new Map<string, NpyArray>();
  for (const [entry, data] of Object.entries(files)) out.set(keyOf(entry), parseNpy(data, `${name}:${entry}`));
  return out;
}

const isFloat2d = (a: NpyArray) => a.shape.length === 2 && /^[<>|=]?f\d$/.test(a.dtype);

/**
 * The vectors array of an .npz: the first of VECTOR_KEYS present, else the only 2-D float array;
 * plus a labels array (LABEL_KEYS) when `withLabels`.
 */
export function pickNpzArrays(bytes: Uint8Array, name: string, withLabels: boolean): {
  vectorsKey: string; vectors: NpyArray; labelsKey?: string; labels?: NpyArray;
} {
  const keys = listNpz(bytes, name);
  if (keys.length === 0) {
    throw new InputError(`${name} contains no .npy arrays.`, 'Save the vectors with np.savez(path, embeddings=X, labels=y).');
  }
  const labelsKey = withLabels ? LABEL_KEYS.find((k) => keys.includes(k)) : undefined;
  const preferred = VECTOR_KEYS.find((k) => keys.includes(k));
  const arrays = parseNpz(bytes, name, (k) => preferred === undefined || k === preferred || k === labelsKey);
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
