/**
 * Reading the bytes of a File or a same-origin URL inside the worker: one pre-sized buffer filled
 * from the stream (no second copy), progress in bytes, cancellation between chunks, and a clear
 * message when the file is larger than a browser tab can hold.
 */
import { InputError } from './errors';
import { decodeUriSafe } from './text';
import { formatBytes } from '../format';

/** Largest file the app tries to read into one buffer (bytes). Larger files are refused up front. */
export const MAX_TAB_BYTES = 4 * 1024 ** 3;

/** The InputError for a file the tab cannot hold. */
export function tooLargeError(name: string, bytes: number): InputError {
  return new InputError(
    `${name} is ${formatBytes(bytes)}, larger than this browser tab can hold (about ${formatBytes(MAX_TAB_BYTES)} at most).`,
    `Analyse it with the command line instead (node bin/subspace-lab.mjs analyze ${name} --labels ...), or load a sample of its rows.`,
  );
}

/** size bytes starting `pad` bytes into a fresh buffer (so data at a known offset can be aligned). */
function allocate(name: string, size: number, pad = 0): Uint8Array {
  if (size > MAX_TAB_BYTES) throw tooLargeError(name, size);
  try {
    return new Uint8Array(new ArrayBuffer(size + pad), pad, size);
  } catch (e) {
    if (e instanceof RangeError) throw tooLargeError(name, size);
    throw e;
  }
}

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Copies a byte stream into `out` (sized in advance when known); grows it when the size was unknown. */
async function drain(
  stream: ReadableStream<Uint8Array>,
  name: string,
  known: number | null,
  signal: AbortSignal,
  onBytes: (done: number, total: number) => void,
  pad = 0,
): Promise<Uint8Array> {
  let out = allocate(name, known ?? 1 << 20, pad);
  let done = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      if (signal.aborted) throw abortError();
      const { done: end, value } = await reader.read();
      if (end) break;
      if (done + value.length > out.length) {
        const bigger = allocate(name, Math.max(out.length * 2, done + value.length));
        bigger.set(out.subarray(0, done));
        out = bigger;
      }
      out.set(value, done);
      done += value.length;
      onBytes(done, known ?? done);
    }
  } finally {
    if (signal.aborted) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  return done === out.length ? out : out.subarray(0, done);
}

/**
 * Where the array data of a .npy or .safetensors file starts (from its first bytes), or null for
 * other formats: .npy after its header, safetensors after the 8-byte length and the JSON header.
 */
export function dataOffset(head: Uint8Array): number | null {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length >= 12 && head[0] === 0x93 && String.fromCharCode(...head.subarray(1, 6)) === 'NUMPY') {
    return head[6] === 1 ? 10 + v.getUint16(8, true) : 12 + v.getUint32(8, true);
  }
  if (head.length >= 9 && head[8] === 0x7b && v.getUint32(4, true) === 0) return 8 + v.getUint32(0, true);
  return null;
}

/**
 * The bytes of a File (or Blob), read as a stream into one buffer of file.size bytes. For .npy
 * and .safetensors the buffer starts a few bytes early so the array data lands on an 8-byte
 * boundary: the parsers then view little-endian float32 data in place (no second copy).
 */
export async function readBlob(file: Blob, name: string, signal: AbortSignal, onBytes: (done: number, total: number) => void): Promise<Uint8Array> {
  if (file.size > MAX_TAB_BYTES) throw tooLargeError(name, file.size);
  onBytes(0, file.size);
  const start = file.size >= 16 ? dataOffset(new Uint8Array(await file.slice(0, 16).arrayBuffer())) : null;
  const pad = start === null ? 0 : (8 - (start % 8)) % 8;
  return drain(file.stream(), name, file.size, signal, onBytes, pad);
}

/** The last path segment of a URL, used as the file name in messages and for the format ('%ZZ' stays as written). */
export function fileNameOf(url: string): string {
  const path = new URL(url, 'http://localhost/').pathname;
  return decodeUriSafe(path.slice(path.lastIndexOf('/') + 1)) || url;
}

/** True when the server answered with a web page for a path that names no web page (a dev or preview server's fallback for a missing file). */
function isHtmlFallback(res: Response, name: string): boolean {
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  return type.startsWith('text/html') && !/\.html?$/i.test(name);
}

const NOT_FOUND_FIX = 'Check the path (it is relative to the app, e.g. ?data=data/digits.npy) and that the file is served from this site (e.g. under public/data/).';

/** The bytes at a URL (the caller has checked it is same-origin), streamed with progress. */
export async function fetchBytes(url: string, signal: AbortSignal, onBytes: (done: number, total: number) => void): Promise<Uint8Array> {
  const name = fileNameOf(url);
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new InputError(`Could not fetch ${name} (${(e as Error).message}).`, 'Check the address and the connection, then reload the page.');
  }
  if (res.status === 404 || res.status === 410) throw new InputError(`${name} was not found on this site (HTTP ${res.status}).`, NOT_FOUND_FIX);
  if (!res.ok) {
    throw new InputError(`Could not fetch ${name}: HTTP ${res.status} ${res.statusText}.`, 'Check that the file is served from this site (e.g. under public/data/) and reload.');
  }
  if (isHtmlFallback(res, name)) {
    await res.body?.cancel().catch(() => undefined);
    throw new InputError(`${name} was not found on this site: the server answered with a web page (text/html) instead of the file.`, NOT_FOUND_FIX);
  }
  const length = Number(res.headers.get('content-length'));
  const known = Number.isFinite(length) && length > 0 && !res.headers.get('content-encoding') ? length : null;
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  return drain(res.body, name, known, signal, onBytes);
}
