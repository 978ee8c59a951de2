import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectInputErrorAsync } from './testing.test-util';
import { loadEmbeddingsAsync } from './load';
import { writeNpy } from './npy';
import { dataOffset, fetchBytes, fileNameOf, readBlob } from './readFile';

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

describe('fetchBytes and fileNameOf: a missing file says "not found", a malformed address never throws a URIError', () => {
  /** A local server that answers like vite preview: the app's page (200, text/html) for any unknown path. */
  async function withServer(run: (base: string) => Promise<void>): Promise<void> {
    const server = createServer((req, res) => {
      if (req.url === '/data/x.npy') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.from(writeNpy(new Float32Array([1, 2, 3, 4, 5, 6]), [3, 2])));
      } else if (req.url === '/gone.npy') {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not Found');
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html><body><div id="root"></div></body></html>');
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    try {
      await run(`http://127.0.0.1:${port}`);
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  }
  const get = (url: string) => fetchBytes(url, new AbortController().signal, () => undefined);

  it('says "not found" for the HTML page a preview server sends for a missing path, and for a 404', async () => {
    await withServer(async (base) => {
      expect((await get(`${base}/data/x.npy`)).length).toBeGreaterThan(24);
      await expectInputErrorAsync(() => get(`${base}/data/missing.npy`), /missing\.npy was not found on this site: the server answered with a web page \(text\/html\) instead of the file\. Check the path/);
      await expectInputErrorAsync(() => get(`${base}/gone.npy`), /gone\.npy was not found on this site \(HTTP 404\)/);
      await expectInputErrorAsync(() => get(`${base}/%ZZ.npy`), /%ZZ\.npy was not found on this site/);
    });
  });

  it('names a file whose address is not valid percent-encoding as written', () => {
    expect(fileNameOf('http://h/data/%ZZ.npy')).toBe('%ZZ.npy');
    expect(fileNameOf('http://h/%')).toBe('%');
    expect(fileNameOf('http://h/data/my%20set.npy')).toBe('my set.npy');
  });
});
