/**
 * The .npy header: magic, version, and the Python dict literal
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }` padded to a 64-byte boundary.
 */
import { InputError } from './errors';

/** Bytes 0..5 of every .npy file: `\x93NUMPY`. */
export const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] as const;

/** A decoded dtype descriptor such as '<f4': kind letter, item size in bytes, byte order. */
export interface NpyDtype {
  /** The descr string as written in the file. */
  descr: string;
  /** 'f' float, 'i' signed int, 'u' unsigned int, 'b' bool, 'U' UTF-32 text, 'S' byte text. */
  kind: 'f' | 'i' | 'u' | 'b' | 'U' | 'S';
  /** Bytes per element. */
  itemSize: number;
  bigEndian: boolean;
}

export interface NpyHeader {
  version: [number, number];
  dtype: NpyDtype;
  fortranOrder: boolean;
  shape: number[];
  /** Byte offset of the data (a multiple of 64 for files numpy wrote). */
  dataOffset: number;
}

/** True when the bytes start with the .npy magic. */
export function hasNpyMagic(bytes: Uint8Array): boolean {
  if (bytes.length < NPY_MAGIC.length) return false;
  return NPY_MAGIC.every((b, i) => bytes[i] === b);
}

const NUMERIC_SIZES: Record<string, readonly number[]> = {
  f: [2, 4, 8],
  i: [1, 2, 4, 8],
  u: [1, 2, 4, 8],
  b: [1],
};

/** Decodes a numpy descr ('<f4', '>f8', '|u1', '<U7', ...); anything else is an InputError. */
export function parseDescr(descr: string, name: string): NpyDtype {
  const m = /^([<>|=]?)([a-zA-Z])(\d*)$/.exec(descr);
  const fix = 'Save it with a numeric dtype, e.g. np.save(path, X.astype(np.float32)).';
  if (!m) throw new InputError(`${name} has an unsupported dtype ${JSON.stringify(descr)}.`, fix);
  const [, order, kind, sizeText] = m;
  const size = Number(sizeText);
  const bigEndian = order === '>';
  if (kind === 'U' && size > 0) return { descr, kind, itemSize: 4 * size, bigEndian };
  if ((kind === 'S' || kind === 'a') && size > 0) return { descr, kind: 'S', itemSize: size, bigEndian };
  const sizes = NUMERIC_SIZES[kind];
  if (!sizes || !sizes.includes(size)) {
    const what = kind === 'O' ? 'Python objects (a pickled array)' : kind === 'c' ? 'complex numbers' : `dtype ${descr}`;
    throw new InputError(`${name} holds ${what}, which subspace-lab cannot read.`, fix);
  }
  return { descr, kind: kind as NpyDtype['kind'], itemSize: size, bigEndian };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function corrupt(name: string, what: string): InputError {
  return new InputError(
    `${name} has a corrupt .npy header (${what}).`,
    'Re-save the array with numpy.save; the file may have been truncated or edited.',
  );
}

/** Parses the magic, version and header dict; throws InputError naming the defect. */
export function parseNpyHeader(bytes: Uint8Array, name: string): NpyHeader {
  if (!hasNpyMagic(bytes)) {
    throw new InputError(`${name} is not a .npy file (it does not start with \\x93NUMPY).`, 'Save the array with numpy.save.');
  }
  if (bytes.length < 10) throw corrupt(name, `only ${bytes.length} bytes`);
  const major = bytes[6];
  const minor = bytes[7];
  if (major < 1 || major > 3) {
    throw new InputError(`${name} uses .npy format version ${major}.${minor}, which is unknown.`, 'Re-save it with numpy.save (versions 1 to 3 are read).');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start: number;
  let length: number;
  if (major === 1) {
    start = 10;
    length = view.getUint16(8, true);
  } else {
    if (bytes.length < 12) throw corrupt(name, `only ${bytes.length} bytes`);
    start = 12;
    length = view.getUint32(8, true);
  }
  if (start + length > bytes.length) {
    throw corrupt(name, `the header claims ${length} bytes but the file ends after ${bytes.length - start}`);
  }
  const raw = bytes.subarray(start, start + length);
  const text = (major === 3 ? new TextDecoder('utf-8').decode(raw) : latin1(raw)).trim();
  if (!text.startsWith('{') || !text.endsWith('}')) throw corrupt(name, 'the header is not a dict literal');

  if (/['"]descr['"]\s*:\s*\[/.test(text)) {
    throw new InputError(`${name} holds a structured (record) array.`, 'Save a plain numeric array, e.g. np.save(path, X.astype(np.float32)).');
  }
  const descr = /['"]descr['"]\s*:\s*(['"])(.*?)\1/.exec(text);
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text);
  const shapeMatch = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text);
  if (!descr) throw corrupt(name, "no 'descr'");
  if (!fortran) throw corrupt(name, "no 'fortran_order'");
  if (!shapeMatch) throw corrupt(name, "no 'shape'");
  const shape: number[] = [];
  for (const part of shapeMatch[1].split(',')) {
    const t = part.trim();
    if (t === '') continue;
    if (!/^\d+L?$/.test(t)) throw corrupt(name, `shape entry ${JSON.stringify(t)}`);
    shape.push(Number.parseInt(t, 10));
  }
  return {
    version: [major, minor],
    dtype: parseDescr(descr[2], name),
    fortranOrder: fortran[1] === 'True',
    shape,
    dataOffset: start + length,
  };
}

/** Formats a shape the way numpy prints it: (3, 4), (5,), (). */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** IEEE 754 binary16 bits -> number (subnormals, infinities and NaN included). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? Number.NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}
