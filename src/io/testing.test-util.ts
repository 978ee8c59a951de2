import { expect } from 'vitest';
import { isInputError } from './errors';

/** Runs fn and asserts it throws an InputError whose message matches pattern. */
export function expectInputError(fn: () => unknown, pattern: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected an InputError').toBeDefined();
  expect(isInputError(thrown), String(thrown)).toBe(true);
  expect((thrown as Error).message).toMatch(pattern);
}

/** UTF-8 bytes of a string. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Awaits fn and asserts it rejects with an InputError whose message matches pattern. */
export async function expectInputErrorAsync(fn: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  let thrown: unknown;
  try {
    await fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected an InputError').toBeDefined();
  expect(isInputError(thrown), String(thrown)).toBe(true);
  expect((thrown as Error).message).toMatch(pattern);
}

/** A safetensors file from a header (an object, or raw text) and data bytes; the header is not padded. */
export function safetensorsBytes(header: object | string, data: Uint8Array): Uint8Array {
  const h = utf8(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}
