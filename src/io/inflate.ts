/**
 * Capped decompression for .gz and zip entries: the output is streamed through fflate's Inflate in
 * chunks, never grows past a byte budget, and stops at the size an inner .npy header declares. A
 * 1 MB file that claims (or inflates) to gigabytes is refused before the memory is taken.
 */
import { Gunzip, Inflate } from 'fflate';
import { InputError } from './errors';
import { hasNpyMagic } from './npyHeader';
import { byteCount } from './text';

/** Default most bytes any one decompressed file or array may take (what a browser tab can hold). */
export const DEFAULT_BUDGET_BYTES = 4 * 1024 ** 3;

/** Compressed bytes pushed per step: one step inflates to at most ~1032x this (deflate's ratio limit). */
const STEP = 16 * 1024;

/** The InputError for decompressed data larger than the budget. */
export function overBudgetError(name: string, bytes: number, budget: number, declared: boolean): InputError {
  return new InputError(
    `${name} ${declared ? 'declares' : 'decompresses to more than'} ${byteCount(bytes)}, more than the ${byteCount(budget)} this reader may use.`,
    'Load a smaller sample of its rows, or analyse it with the command line on a machine with more memory.',
  );
}

/**
 * The total size a .npy's header declares (header + shape x item size), or null when `head` is not a
 * complete .npy header yet (or not a .npy at all: then `notNpy` is true).
 */
function npyDeclaredSize(head: Uint8Array): { size: number | null; notNpy: boolean } {
  if (head.length < 6) return { size: null, notNpy: false };
  if (!hasNpyMagic(head)) return { size: null, notNpy: true };
  if (head.length < 12) return { size: null, notNpy: false };
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const start = head[6] === 1 ? 10 : 12;
  const end = start + (head[6] === 1 ? v.getUint16(8, true) : v.getUint32(8, true));
  if (head.length < end) return { size: null, notNpy: false };
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(head[i]);
  const descr = /['"]descr['"]\s*:\s*['"][<>|=]?([a-zA-Z])(\d+)['"]/.exec(text);
  const shape = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text);
  if (!descr || !shape) return { size: null, notNpy: true };
  const item = descr[1] === 'U' ? 4 * Number(descr[2]) : Number(descr[2]);
  let count = 1;
  for (const part of shape[1].split(',')) if (part.trim() !== '') count *= Number.parseInt(part, 10);
  return { size: Number.isFinite(count) ? end + count * item : Infinity, notNpy: false };
}

/** The ISIZE trailer of a gzip member: the uncompressed length mod 2^32. */
function gzipSizeField(b: Uint8Array): number {
  return b.length < 4 ? -1 : new DataView(b.buffer, b.byteOffset + b.length - 4, 4).getUint32(0, true);
}

/** Joins chunks (the first `limit` bytes of them). */
function concat(chunks: Uint8Array[], limit: number): Uint8Array {
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(Math.min(total, limit));
  let at = 0;
  for (const c of chunks) {
    if (at >= out.length) break;
    const part = c.subarray(0, out.length - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Inflates `input` (raw deflate, or gzip when `gzip`) into at most `budget` bytes. When the output is a
 * .npy, its header is read first: a declared size over the budget is refused at once, and inflation
 * stops at that size. `headOnly`: stop as soon as `headOnly` bytes are out (for reading headers).
 */
export function inflateCapped(input: Uint8Array, name: string, opts: { gzip?: boolean; budget?: number; headOnly?: number } = {}): Uint8Array {
  const budget = opts.budget ?? DEFAULT_BUDGET_BYTES;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let limit = opts.headOnly ?? budget;
  let sized = opts.headOnly !== undefined;
  let ended = false;
  const onData = (chunk: Uint8Array, final: boolean) => {
    ended ||= final;
    chunks.push(chunk);
    total += chunk.length;
  };
  const stream = opts.gzip ? new Gunzip(onData) : new Inflate(onData);
  try {
    for (let at = 0; ; at += STEP) {
      const end = Math.min(at + STEP, input.length);
      stream.push(input.subarray(at, end), end >= input.length);
      if (!sized && total >= 12) {
        const { size, notNpy } = npyDeclaredSize(concat(chunks, Math.min(total, 1 << 20)));
        if (size !== null && size > budget) throw overBudgetError(name, size, budget, true);
        if (size !== null) limit = size;
        sized = size !== null || notNpy || total >= 1 << 20;
      }
      if (limit < budget) {
        if (total >= limit) break;
      } else if (total > budget) {
        throw overBudgetError(name, total, budget, false);
      }
      if (end >= input.length) {
        if (!ended) throw new Error('unexpected end of data');
        if (opts.gzip && (input.length < 18 || total % 2 ** 32 !== gzipSizeField(input))) throw new Error('its length field does not match the data; it is truncated');
        break;
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    if (opts.gzip) throw new InputError(`${name} is a damaged gzip file (${why}).`, 'Re-download or re-compress it.');
    throw new InputError(`${name} is damaged: its compressed data cannot be inflated (${why}).`, 'Re-download or re-save the file; it may be truncated.');
  }
  return concat(chunks, limit);
}
