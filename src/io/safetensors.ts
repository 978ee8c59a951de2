/**
 * safetensors: an unsigned 64-bit little-endian header length N, N bytes of UTF-8 JSON
 * {name: {dtype, shape, data_offsets: [start, end]}, "__metadata__"?: {...}}, then the data; offsets count
 * from the first byte after the header, and data is little-endian, C order.
 */
import type { ParsedEmbeddings } from './assemble';
import { InputError } from './errors';
import { checkFloat32Exactness, type WideIntegers } from './exactness';
import { jsonSyntaxError } from './jsonSyntax';
import { halfToFloat } from './npyHeader';
import { quoteShort } from './text';

/** One tensor of the header; start and end are absolute byte offsets in the file. */
export interface SafetensorsTensor {
  name: string;
  dtype: string;
  shape: number[];
  start: number;
  end: number;
}

export interface SafetensorsHeader {
  tensors: SafetensorsTensor[];
  metadata?: Record<string, string>;
}

/** Bytes per element of the dtypes this reader decodes. */
export const SAFETENSORS_DTYPES: Readonly<Record<string, number>> = {
  F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U64: 8, U32: 4, U16: 2, U8: 1, BOOL: 1,
};

/** Names tried, in order, for the vectors tensor. */
export const TENSOR_VECTOR_NAMES = ['embeddings', 'embedding', 'vectors', 'weight', 'X', 'features'] as const;
/** Names tried, in order, for a labels tensor. */
export const TENSOR_LABEL_NAMES = ['labels', 'y'] as const;

const RESAVE = 'Re-save it, e.g. safetensors.numpy.save_file({"embeddings": X}, path).';
const shapeText = (shape: readonly number[]) => `[${shape.join(', ')}]`;

/** True when the bytes could start a safetensors file: a header length that fits, then '{'. */
export function hasSafetensorsLayout(bytes: Uint8Array): boolean {
  if (bytes.length < 10 || bytes[8] !== 0x7b) return false;
  const v = new DataView(bytes.buffer, bytes.byteOffset, 8);
  return v.getUint32(4, true) === 0 && v.getUint32(0, true) <= bytes.length - 8;
}

function corrupt(name: string, what: string): InputError {
  return new InputError(`${name} has a corrupt safetensors header (${what}).`, RESAVE);
}

/**
 * Parses and checks the header: every tensor's offsets inside the data, sizes matching shape x dtype when the dtype is known.
 * `fileSize`: the whole file's length when `bytes` holds only its start (a streaming reader's first read).
 */
export function parseSafetensorsHeader(bytes: Uint8Array, name: string, fileSize = bytes.length): SafetensorsHeader {
  if (bytes.length < 8) throw new InputError(`${name} is too short (${bytes.length} bytes) to be a safetensors file.`, RESAVE);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (headerLength > Math.min(bytes.length, fileSize) - 8) {
    throw new InputError(
      `${name} declares a ${headerLength}-byte safetensors header but only ${Math.min(bytes.length, fileSize) - 8} bytes follow the length field.`,
      `The file is truncated or not safetensors. ${RESAVE}`,
    );
  }
  const text = new TextDecoder('utf-8').decode(bytes.subarray(8, 8 + headerLength));
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch {
    throw jsonSyntaxError(text, `${name} header`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw corrupt(name, 'it is not a JSON object');
  const dataStart = 8 + headerLength;
  const dataBytes = fileSize - dataStart;
  const tensors: SafetensorsTensor[] = [];
  let metadata: Record<string, string> | undefined;
  for (const [key, raw] of Object.entries(header as Record<string, unknown>)) {
    if (key === '__metadata__') {
      metadata = raw as Record<string, string>;
      continue;
    }
    const t = raw as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const shape = t?.shape;
    const offsets = t?.data_offsets;
    const isCount = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;
    if (typeof t?.dtype !== 'string' || !Array.isArray(shape) || !shape.every(isCount) ||
      !Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount) || offsets[0] > offsets[1]) {
      throw corrupt(name, `tensor ${JSON.stringify(key)} lacks a valid dtype, shape or data_offsets`);
    }
    const [s, e] = offsets as [number, number];
    if (e > dataBytes) {
      throw new InputError(
        `${name} is truncated: tensor ${JSON.stringify(key)} ends ${e} bytes into the data but only ${dataBytes} data bytes follow the header.`,
        'Re-save or re-download the file; it was cut short.',
      );
    }
    const size = SAFETENSORS_DTYPES[t.dtype];
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (size !== undefined && e - s !== count * size) {
      throw corrupt(name, `tensor ${JSON.stringify(key)} of ${t.dtype} ${shapeText(shape as number[])} needs ${count * size} bytes but its offsets span ${e - s}`);
    }
    tensors.push({ name: key, dtype: t.dtype, shape: shape as number[], start: dataStart + s, end: dataStart + e });
  }
  checkNoOverlap(tensors, name, dataStart);
  return { tensors, metadata };
}

/** Two tensors sharing bytes would read each other's data: refuse the header (offsets as written, from the data start). */
function checkNoOverlap(tensors: readonly SafetensorsTensor[], name: string, dataStart: number): void {
  const byStart = tensors.filter((t) => t.end > t.start).sort((a, b) => a.start - b.start);
  for (let i = 1; i < byStart.length; i++) {
    const [a, b] = [byStart[i - 1], byStart[i]];
    if (b.start < a.end) {
      const span = (t: SafetensorsTensor) => `[${t.start - dataStart}, ${t.end - dataStart}]`;
      throw corrupt(name, `tensors ${quoteShort(a.name)} ${span(a)} and ${quoteShort(b.name)} ${span(b)} overlap in the data`);
    }
  }
}

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Integer dtypes with values float32 may not hold exactly, and their typed arrays. */
const WIDE_INTEGERS: Record<string, ViewCtor<WideIntegers>> = { I32: Int32Array, U32: Uint32Array, I64: BigInt64Array, U64: BigUint64Array };

/** Element k of a little-endian tensor as a number (int64 via Number, so exact below 2^53). */
function elementReader(v: DataView, dtype: string): (k: number) => number {
  switch (dtype) {
    case 'F64': return (k) => v.getFloat64(8 * k, true);
    case 'F32': return (k) => v.getFloat32(4 * k, true);
    case 'F16': return (k) => halfToFloat(v.getUint16(2 * k, true));
    case 'I64': return (k) => Number(v.getBigInt64(8 * k, true));
    case 'U64': return (k) => Number(v.getBigUint64(8 * k, true));
    case 'I32': return (k) => v.getInt32(4 * k, true);
    case 'U32': return (k) => v.getUint32(4 * k, true);
    case 'I16': return (k) => v.getInt16(2 * k, true);
    case 'U16': return (k) => v.getUint16(2 * k, true);
    case 'I8': return (k) => v.getInt8(k);
    default: return (k) => v.getUint8(k);
  }
}

function unknownDtype(t: SafetensorsTensor, name: string): InputError {
  return new InputError(
    `${name} tensor ${JSON.stringify(t.name)} has dtype ${t.dtype}, which subspace-lab cannot read.`,
    'Convert it before saving, e.g. t.float() in PyTorch (F32, F16, BF16, F64 and integer dtypes are read).',
  );
}

type ViewCtor<T> = { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number };

/** A typed view of a tensor's bytes (a copy when its offset is not aligned); little-endian hosts only. */
function typedView<T>(bytes: Uint8Array, t: SafetensorsTensor, Ctor: ViewCtor<T>): T {
  const count = (t.end - t.start) / Ctor.BYTES_PER_ELEMENT;
  const abs = bytes.byteOffset + t.start;
  if (abs % Ctor.BYTES_PER_ELEMENT === 0) return new Ctor(bytes.buffer, abs, count);
  return new Ctor(bytes.slice(t.start, t.end).buffer, 0, count);
}

/**
 * A tensor's elements as float32: F32 is viewed without a copy when aligned, BF16 is widened by a 16-bit
 * shift (exact), F16, F64 and integers are converted; an unknown dtype is an InputError.
 */
export function safetensorToFloat32(bytes: Uint8Array, t: SafetensorsTensor, name: string): Float32Array {
  const size = SAFETENSORS_DTYPES[t.dtype];
  if (size === undefined) throw unknownDtype(t, name);
  const count = (t.end - t.start) / size;
  if (HOST_LITTLE) {
    if (t.dtype === 'F32') return typedView(bytes, t, Float32Array);
    if (t.dtype === 'F64') return Float32Array.from(typedView(bytes, t, Float64Array));
    if (t.dtype === 'BF16' || t.dtype === 'F16') {
      const half = typedView(bytes, t, Uint16Array);
      const out = new Float32Array(count);
      if (t.dtype === 'F16') {
        for (let k = 0; k < count; k++) out[k] = halfToFloat(half[k]);
      } else {
        const bits = new Int32Array(out.buffer);
        for (let k = 0; k < count; k++) bits[k] = half[k] << 16;
      }
      return out;
    }
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset + t.start, t.end - t.start);
  const out = new Float32Array(count);
  if (t.dtype === 'BF16') {
    const bits = new Int32Array(out.buffer);
    for (let k = 0; k < count; k++) bits[k] = v.getUint16(2 * k, true) << 16;
    return out;
  }
  const read = elementReader(v, t.dtype);
  for (let k = 0; k < count; k++) out[k] = read(k);
  return out;
}

/** A 1-D (or n x 1) integer tensor as label text; float tensors must hold integers. */
export function safetensorLabels(bytes: Uint8Array, t: SafetensorsTensor, name: string): string[] {
  const size = SAFETENSORS_DTYPES[t.dtype];
  if (size === undefined) throw unknownDtype(t, name);
  if (!(t.shape.length === 1 || (t.shape.length === 2 && t.shape[1] === 1))) {
    throw new InputError(`${name} tensor ${JSON.stringify(t.name)} has shape ${shapeText(t.shape)}; labels need one value per point.`, 'Save the labels as a 1-D integer tensor.');
  }
  const count = (t.end - t.start) / size;
  const v = new DataView(bytes.buffer, bytes.byteOffset + t.start, t.end - t.start);
  const out = new Array<string>(count);
  if (t.dtype === 'I64' || t.dtype === 'U64') {
    for (let k = 0; k < count; k++) out[k] = String(t.dtype === 'I64' ? v.getBigInt64(8 * k, true) : v.getBigUint64(8 * k, true));
    return out;
  }
  const floats = t.dtype === 'F32' || t.dtype === 'F64' || t.dtype === 'F16' || t.dtype === 'BF16';
  const values = floats ? safetensorToFloat32(bytes, t, name) : null;
  const read = elementReader(v, t.dtype);
  for (let k = 0; k < count; k++) {
    const x = values ? values[k] : read(k);
    if (!Number.isInteger(x)) {
      throw new InputError(`${name} tensor ${JSON.stringify(t.name)} element ${k} is ${x}, not an integer class label.`, 'Save integer labels, e.g. torch.tensor(y, dtype=torch.int64).');
    }
    out[k] = String(x);
  }
  return out;
}

/** The vectors tensor: the one named `vectors`, else the first 2-D one in TENSOR_VECTOR_NAMES, else the only 2-D one. */
export function pickVectorTensor(tensors: SafetensorsTensor[], name: string, vectors?: string): SafetensorsTensor {
  const listing = (ts: SafetensorsTensor[]) => {
    const shown = ts.slice(0, 8).map((t) => `${t.name} ${t.dtype} ${shapeText(t.shape)}`).join(', ');
    return ts.length > 8 ? `${shown} and ${ts.length - 8} more` : shown || 'no tensors';
  };
  let chosen: SafetensorsTensor | undefined;
  if (vectors !== undefined) {
    chosen = tensors.find((t) => t.name === vectors);
    if (!chosen) throw new InputError(`${name} has no tensor named ${JSON.stringify(vectors)} (it holds ${listing(tensors)}).`, 'Pass one of those names with --vectors.');
    if (chosen.shape.length !== 2) {
      throw new InputError(`${name} tensor ${JSON.stringify(chosen.name)} has shape ${shapeText(chosen.shape)}; embeddings need a 2-D tensor (points x dimensions).`, 'Reshape it before saving, e.g. t.reshape(len(t), -1).');
    }
  } else {
    const matrices = tensors.filter((t) => t.shape.length === 2);
    chosen = TENSOR_VECTOR_NAMES.map((k) => matrices.find((t) => t.name === k)).find((t) => t !== undefined) ??
      (matrices.length === 1 ? matrices[0] : undefined);
    if (!chosen) {
      throw new InputError(
        matrices.length === 0
          ? `${name} has no 2-D tensor to use as embeddings (it holds ${listing(tensors)}).`
          : `${name} holds several 2-D tensors (${listing(matrices)}), so the embeddings are ambiguous.`,
        'Choose one with --vectors NAME, or save the vectors under the name "embeddings".',
      );
    }
  }
  return chosen;
}

/**
 * Embeddings from a safetensors file: the tensor named opts.vectors, else the first 2-D tensor named in
 * TENSOR_VECTOR_NAMES, else the only 2-D tensor (several: an InputError listing them); labels from a
 * tensor named in TENSOR_LABEL_NAMES.
 */
export function parseSafetensors(bytes: Uint8Array, name: string, opts: { vectors?: string } = {}): ParsedEmbeddings {
  const { tensors } = parseSafetensorsHeader(bytes, name);
  const chosen = pickVectorTensor(tensors, name, opts.vectors);
  const [n, dim] = chosen.shape;
  const wide = WIDE_INTEGERS[chosen.dtype];
  if (wide && HOST_LITTLE) checkFloat32Exactness(typedView(bytes, chosen, wide), n, dim, `${name} tensor ${quoteShort(chosen.name)}`);
  const parsed: ParsedEmbeddings = { n, dim, vectors: safetensorToFloat32(bytes, chosen, `${name}`) };
  const labelTensor = TENSOR_LABEL_NAMES.map((k) => tensors.find((t) => t.name === k)).find((t) => t !== undefined);
  if (labelTensor && labelTensor !== chosen) {
    parsed.labels = { values: safetensorLabels(bytes, labelTensor, name), source: `${name}:${labelTensor.name}` };
  }
  return parsed;
}
