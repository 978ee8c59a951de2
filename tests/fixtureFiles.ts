/** Reading the reference fixtures (tests/fixtures/reference, made by scripts/reference) and comparing against them. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseNpy } from '../src/io/npy';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = resolve(ROOT, 'tests/fixtures/reference');

/** A numeric .npy file's shape and values. */
export function npy(path: string): { shape: number[]; data: ArrayLike<number | bigint> } {
  const arr = parseNpy(new Uint8Array(readFileSync(path)), path);
  if (Array.isArray(arr.data)) throw new Error(`${path}: expected a numeric array`);
  return { shape: arr.shape, data: arr.data as ArrayLike<number | bigint> };
}

/** A float32 .npy file (throws for any other dtype). */
export function f32(path: string): { shape: number[]; data: Float32Array } {
  const { shape, data } = npy(path);
  if (!(data instanceof Float32Array)) throw new Error(`${path}: expected float32`);
  return { shape, data };
}

/** One integer label per line. */
export function labelLines(path: string): Int32Array {
  return Int32Array.from(readFileSync(path, 'utf8').trim().split('\n'), Number);
}

/** |actual - expected| / |expected| (absolute when expected is 0). */
export function relErr(actual: number, expected: number): number {
  return Math.abs(actual - expected) / (expected === 0 ? 1 : Math.abs(expected));
}

/** Relative closeness (null expected: null actual). */
export function expectClose(actual: number | null | undefined, expected: number | null, tol: number, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(typeof actual, what).toBe('number');
  expect(relErr(actual as number, expected), `${what}: ${actual} vs reference ${expected}`).toBeLessThanOrEqual(tol);
}

/** expectClose for every expected entry (actual may be longer). */
export function expectAllClose(actual: ArrayLike<number>, expected: number[], tol: number, what: string): void {
  expect(actual.length, `${what} length`).toBeGreaterThanOrEqual(expected.length);
  expected.forEach((e, i) => expectClose(actual[i], e, tol, `${what}[${i}]`));
}
