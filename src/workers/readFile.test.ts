import { describe, expect, it } from 'vitest';
import { loadEmbeddingsAsync } from '../io/load';
import { writeNpy } from '../io/npy';
import { dataOffset, readBlob } from './readFile';

/** A safetensors file holding one F32 tensor `x` of shape [rows, cols]; `pad` spaces lengthen the header. */
function safetensors(values: Float32Array, rows: number, cols: number, pad: number): Uint8Array {
  const json = JSON.stringify({ x: { dtype: 'F32', shape: [rows, cols], data_offsets: [0, values.byteLength] } }) + ' '.repeat(pad);
  const header = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + header.length + values.byteLength);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 8);
  out.set(new Uint8Array(values.buffer), 8 + header.length);
  return out;
}

const read = (bytes: Uint8Array, name: string) => readBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]), name, new AbortController().signal, () => undefined);

describe('readBlob: one buffer, array data aligned for an in-place float32 view', () => {
  const values = Float32Array.from({ length: 6 * 4 }, (_, t) => Math.sin(t) * 10);

  it('finds where .npy and safetensors data start, and nothing for other formats', () => {
    const npy = writeNpy(values, [6, 4]);
    expect(dataOffset(npy.subarray(0, 16))).toBe(npy.length - values.byteLength);
    const st = safetensors(values, 6, 4, 1);
    expect(dataOffset(st.subarray(0, 16))).toBe(st.length - values.byteLength);
    expect(dataOffset(new TextEncoder().encode('1,2,3\n4,5,6\n7,8,9\n'))).toBeNull();
  });

  it('views little-endian float32 safetensors data in the read buffer, whatever the header length', async () => {
    for (let pad = 0; pad < 4; pad++) {
      const file = safetensors(values, 6, 4, pad);
      const bytes = await read(file, 'x.safetensors');
      expect(bytes).toEqual(file);
      const emb = await loadEmbeddingsAsync('x.safetensors', bytes);
      expect(emb.vectors).toEqual(values);
      expect(emb.vectors.buffer).toBe(bytes.buffer);
    }
  });

  it('views .npy float32 data in the read buffer', async () => {
    const bytes = await read(writeNpy(values, [6, 4]), 'x.npy');
    const emb = await loadEmbeddingsAsync('x.npy', bytes);
    expect(emb.vectors).toEqual(values);
    expect(emb.vectors.buffer).toBe(bytes.buffer);
  });
});
