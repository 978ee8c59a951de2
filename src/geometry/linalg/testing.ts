import type { Mat } from '../types';
import { mat } from './mat';

/** Deterministic uniform(-1, 1) filler for test matrices (an LCG: enough for tests, not for science). */
export function filled(rows: number, cols: number, seed: number): Mat {
  let s = seed >>> 0;
  const m = mat(rows, cols);
  for (let i = 0; i < m.data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    m.data[i] = (s / 2 ** 32) * 2 - 1;
  }
  return m;
}
