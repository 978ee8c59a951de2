/**
 * .npy arrays (format versions 1-3) in and out. Pure: bytes in, typed arrays out.
 * Little-endian data at an aligned offset is viewed without a copy; Fortran order is transposed to C order.
 */
import { InputError } from './errors';
import { checkFloat32Exactness } from './exactness';
import { formatShape, halfToFloat, parseNpyHeader, type NpyDtype } from './npyHeader';

export type NpyNumeric =
  | Float32Array | Float64Array | Int8Array | Int16Array | Int32Array
  | Uint8Array | Uint16Array | Uint32Array | BigInt64Array | BigUint64Array;

/** A parsed array in C (row-major) order. f2 is widened to Float32Array, b1 reads as Uint8Array of 0/1. */
export interface NpyArray {
  shape: number[];
  /** The descr as written in the file, e.g. '<f4'. */
  dtype: string;
  data: NpyNumeric | string[];
}

type NumericCtor = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): NpyNumeric; new (length: number): NpyNumeric };

const CTORS: Record<string, NumericCtor> = {
  f4: Float32Array, f8: Float64Array,
  i1: Int8Array, i2: Int16Array, i4: Int32Array, i8: BigInt64Array,
  u1: Uint8Array, u2: Uint16Array, u4: Uint32Array, u8: BigUint64Array,
  b1: Uint8Array,
};

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reads `count` elements at `offset`, converting byte order when the file's differs from the host's. */
function readNumeric(bytes: Uint8Array, offset: number, count: number, dt: NpyDtype): NpyNumeric {
  const size = dt.itemSize;
  if (dt.kind === 'f' && size === 2) {
    const v = new DataView(bytes.buffer, bytes.byteOffset + offset, count * 2);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = halfToFloat(v.getUint16(2 * i, !dt.bigEndian));
    return out;
  }
  const Ctor = CTORS[`${dt.kind}${size}`];
  const fileLittle = !dt.bigEndian || size === 1;
  if (fileLittle === HOST_LITTLE) {
    const abs = bytes.byteOffset + offset;
    if (abs % size === 0) return new Ctor(bytes.buffer, abs, count);
    return new Ctor(bytes.slice(offset, offset + count * size).buffer, 0, count);
  }
  const out = new Ctor(count);
  const src = bytes.subarray(offset, offset + count * size);
  const dst = new Uint8Array(out.buffer);
  for (let i = 0; i < count; i++) {
    for (let b = 0; b < size; b++) dst[i * size + b] = src[i * size + size - 1 - b];
  }
  return out;
}

function readStrings(bytes: Uint8Array, offset: number, count: number, dt: NpyDtype): string[] {
  const out: string[] = new Array(count);
  const size = dt.itemSize;
  const v = new DataView(bytes.buffer, bytes.byteOffset + offset, count * size);
  for (let i = 0; i < count; i++) {
    let s = '';
    if (dt.kind === 'U') {
      for (let c = 0; c < size / 4; c++) {
        const cp = v.getUint32(i * size + 4 * c, !dt.bigEndian);
        if (cp === 0) break;
        s += String.fromCodePoint(cp);
      }
    } else {
      for (let c = 0; c < size; c++) {
        const b = v.getUint8(i * size + c);
        if (b === 0) break;
        s += String.fromCharCode(b);
      }
    }
    out[i] = s;
  }
  return out;
}

/** Reorders an array stored in Fortran (column-major) order into C (row-major) order. */
function fortranToC<T extends NpyNumeric | string[]>(src: T, shape: readonly number[]): T {
  const nd = shape.length;
  const count = src.length;
  const out = (Array.isArray(src) ? new Array<string>(count) : new (src.constructor as NumericCtor)(count)) as T;
  if (nd === 2) {
    const [r, c] = shape;
    for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) out[i * c + j] = src[j * r + i];
    return out;
  }
  const fStride = new Array<number>(nd);
  for (let a = 0, s = 1; a < nd; a++) { fStride[a] = s; s *= shape[a]; }
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < count; k++) {
    let f = 0;
    for (let a = 0; a < nd; a++) f += idx[a] * fStride[a];
    out[k] = src[f];
    for (let a = nd - 1; a >= 0; a--) {
      if (++idx[a] < shape[a]) break;
      idx[a] = 0;
    }
  }
  return out;
}

/** Parses a .npy file (v1/v2/v3); `name` appears in error messages. Throws InputError on any defect. */
export function parseNpy(bytes: Uint8Array, name = 'the .npy file'): NpyArray {
  const h = parseNpyHeader(bytes, name);
  const count = h.shape.reduce((a, b) => a * b, 1);
  const need = count * h.dtype.itemSize;
  const have = bytes.length - h.dataOffset;
  if (have < need) {
    throw new InputError(
      `${name} is truncated: shape ${formatShape(h.shape)} of ${h.dtype.descr} needs ${need} data bytes but only ${have} follow the header.`,
      'Re-save or re-download the file; it was cut short.',
    );
  }
  if (have > need) {
    throw new InputError(
      `${name} has ${have - need} bytes after the data that its header declares (shape ${formatShape(h.shape)} of ${h.dtype.descr}); the header or the file is damaged.`,
      'Re-save the array with numpy.save.',
    );
  }
  const textual = h.dtype.kind === 'U' || h.dtype.kind === 'S';
  let data: NpyNumeric | string[] = textual
    ? readStrings(bytes, h.dataOffset, count, h.dtype)
    : readNumeric(bytes, h.dataOffset, count, h.dtype);
  if (h.fortranOrder && h.shape.length > 1) data = fortranToC(data, h.shape);
  return { shape: h.shape, dtype: h.dtype.descr, data };
}

/** Converts any numeric array to float32 (a no-op for Float32Array; int64 via Number). */
export function toFloat32(data: NpyNumeric): Float32Array {
  if (data instanceof Float32Array) return data;
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Number(data[i]);
  return out;
}

/** A 2-D numeric array as a row-major float32 matrix; other ranks or text dtypes are InputErrors. */
export function npyToMatrix(arr: NpyArray, name: string): { rows: number; cols: number; data: Float32Array } {
  if (Array.isArray(arr.data)) {
    throw new InputError(`${name} holds text (dtype ${arr.dtype}), not numbers.`, 'Save the vectors as a float array, e.g. X.astype(np.float32).');
  }
  if (arr.shape.length !== 2) {
    throw new InputError(
      `${name} has shape ${formatShape(arr.shape)}; embeddings need a 2-D array (points x dimensions).`,
      arr.shape.length > 2 ? 'Reshape it first, e.g. np.save(path, X.reshape(len(X), -1)).' : 'Save a 2-D array, e.g. X.reshape(-1, 1) for one dimension.',
    );
  }
  checkFloat32Exactness(arr.data, arr.shape[0], arr.shape[1], name);
  return { rows: arr.shape[0], cols: arr.shape[1], data: toFloat32(arr.data) };
}

export type WritableNpyData = Float32Array | Float64Array | Int32Array | BigInt64Array;

const WRITE_DESCR = new Map<string, string>([
  ['Float32Array', '<f4'], ['Float64Array', '<f8'], ['Int32Array', '<i4'], ['BigInt64Array', '<i8'],
]);

/**
 * Serialises a C-order array as .npy (version 1 unless the header needs more, or opts.version).
 * With opts.fortranOrder the same logical array is written column-major with fortran_order True.
 */
export function writeNpy(
  data: WritableNpyData,
  shape: readonly number[],
  opts: { fortranOrder?: boolean; version?: 1 | 2 | 3 } = {},
): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new RangeError(`writeNpy: shape ${formatShape(shape)} needs ${count} elements, got ${data.length}`);
  const descr = WRITE_DESCR.get(data.constructor.name);
  if (!descr) throw new TypeError(`writeNpy: unsupported array type ${data.constructor.name}`);
  const fortran = opts.fortranOrder === true && shape.length > 1;
  const head = npyHeaderBytes(descr, shape, fortran, opts.version);
  const out = new Uint8Array(head.length + data.byteLength);
  out.set(head);
  const body = fortran ? cToFortran(data, shape) : data;
  const raw = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const size = body.BYTES_PER_ELEMENT;
  const offset = head.length;
  if (HOST_LITTLE) out.set(raw, offset);
  else for (let i = 0; i < raw.length; i++) out[offset + i] = raw[i - (i % size) + size - 1 - (i % size)];
  return out;
}

/**
 * The .npy magic, version and header dict padded so the data starts at a multiple of 64 (version 1
 * unless the header needs more); a streaming writer appends the data after it.
 */
export function npyHeaderBytes(descr: string, shape: readonly number[], fortran = false, requested?: 1 | 2 | 3): Uint8Array {
  const dict = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${formatShape(shape)}, }`;
  let version = requested ?? (dict.length + 11 > 65535 ? 2 : 1);
  if (version === 1 && dict.length + 11 > 65535) version = 2;
  const prefix = version === 1 ? 10 : 12;
  const headerLength = Math.ceil((prefix + dict.length + 1) / 64) * 64 - prefix;
  const headerBytes = new TextEncoder().encode(dict.padEnd(headerLength - 1, ' ') + '\n');
  const out = new Uint8Array(prefix + headerBytes.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, headerBytes.length, true);
  else view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, prefix);
  return out;
}

/** C order -> Fortran order (the inverse permutation of fortranToC). */
function cToFortran<T extends WritableNpyData>(src: T, shape: readonly number[]): T {
  const reversed = [...shape].reverse();
  // Reading C-order data as a Fortran array of the reversed shape and converting to C gives the transpose.
  return fortranToC(src, reversed) as T;
}
