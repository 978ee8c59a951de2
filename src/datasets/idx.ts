/** The IDX format of (Fashion-)MNIST: a big-endian header, then raw unsigned bytes. */
import { gunzipSync } from 'fflate';
import { InputError } from '../io/errors';

/** An IDX array of unsigned bytes: dims from the header (e.g. [count, rows, cols]), data row-major. */
export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** Gunzips bytes that start with the gzip magic 1f 8b; returns other bytes unchanged (a server may have decoded them). */
export function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/**
 * Parses IDX bytes: magic = 0x00 0x00, type 0x08 (unsigned byte), number of dims r; then r
 * big-endian uint32 sizes; then prod(sizes) bytes. `expectDims` (1 for labels, magic 0x801;
 * 3 for images, magic 0x803) is checked. Throws InputError on any defect.
 */
export function parseIdx(bytes: Uint8Array, expectDims: number, name = 'the IDX file'): IdxArray {
  const fix = 'Rebuild it with scripts/data/build_fashion_mnist.py or re-download the original file.';
  if (bytes.length < 4) throw new InputError(`${name} is too short to be an IDX file (${bytes.length} bytes).`, fix);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  const expected = 0x800 + expectDims;
  if (magic !== expected) {
    throw new InputError(`${name} has IDX magic 0x${magic.toString(16).padStart(8, '0')}, expected 0x${expected.toString(16).padStart(8, '0')}.`, fix);
  }
  const headerBytes = 4 + 4 * expectDims;
  if (bytes.length < headerBytes) throw new InputError(`${name} ends inside its IDX header.`, fix);
  const dims = Array.from({ length: expectDims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const count = dims.reduce((a, b) => a * b, 1);
  if (bytes.length - headerBytes !== count) {
    throw new InputError(`${name} has ${bytes.length - headerBytes} data bytes; its header (${dims.join(' x ')}) needs ${count}.`, fix);
  }
  return { dims, data: bytes.subarray(headerBytes) };
}
