import { expect } from 'vitest';
import { isInputError } from './errors.ts';

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
