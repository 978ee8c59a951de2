import { describe, expect, it } from 'vitest';
import { dotRows, matmulFast, matmulTNFast } from './kernel';
import { mat, matmul, matmulTN } from '../geometry/linalg';
import { createRng, normalArray } from '../geometry/random';

describe('dotRows', () => {
  it.each([[1, 1, 1], [4, 4, 7], [5, 9, 3], [13, 6, 11]])('equals the naive A B^T (na = %i, nb = %i, len = %i), symmetric too', (na, nb, len) => {
    const rng = createRng(na * 100 + nb);
    const A = Float64Array.from(normalArray(rng, na * len));
    const B = Float64Array.from(normalArray(rng, nb * len));
    const out = dotRows(A, B, len, na, nb);
    for (let p = 0; p < na; p++) {
      for (let q = 0; q < nb; q++) {
        let s = 0;
        for (let t = 0; t < len; t++) s += A[p * len + t] * B[q * len + t];
        expect(out.data[p * nb + q]).toBeCloseTo(s, 12);
      }
    }
    const sym = dotRows(A, A, len, na, na, true);
    const full = dotRows(A, A, len, na, na);
    for (let t = 0; t < na * na; t++) expect(sym.data[t]).toBeCloseTo(full.data[t], 12);
  });

  it('matmulFast and matmulTNFast equal the plain products', () => {
    const rng = createRng(3);
    const a = mat(6, 9, normalArray(rng, 54));
    const b = mat(9, 5, normalArray(rng, 45));
    const c = mat(6, 5, normalArray(rng, 30));
    matmulFast(a, b).data.forEach((v, t) => expect(v).toBeCloseTo(matmul(a, b).data[t], 12));
    matmulTNFast(a, c).data.forEach((v, t) => expect(v).toBeCloseTo(matmulTN(a, c).data[t], 12));
    matmulTNFast(a, a).data.forEach((v, t) => expect(v).toBeCloseTo(matmulTN(a, a).data[t], 12));
  });
});
