/**
 * A safetensors writer: u64 little-endian header length, the UTF-8 JSON header
 * {name: {dtype, shape, data_offsets}} (plus `__metadata__` strings), padded with spaces so the
 * data starts on an 8-byte boundary, then every tensor's little-endian bytes in order.
 */

/** One tensor to write: F32 or I32. */
export interface TensorToWrite {
  name: string;
  shape: number[];
  data: Float32Array | Int32Array;
}

/** The bytes of a safetensors file holding `tensors` in order, with optional string metadata. */
export function writeSafetensors(tensors: readonly TensorToWrite[], metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata) header.__metadata__ = metadata;
  let offset = 0;
  for (const t of tensors) {
    const size = t.data.byteLength;
    header[t.name] = { dtype: t.data instanceof Float32Array ? 'F32' : 'I32', shape: t.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  let json = JSON.stringify(header);
  const raw = new TextEncoder().encode(json);
  json += ' '.repeat((8 - ((8 + raw.length) % 8)) % 8);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let p = 8 + head.length;
  for (const t of tensors) {
    out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), p);
    p += t.data.byteLength;
  }
  return out;
}
