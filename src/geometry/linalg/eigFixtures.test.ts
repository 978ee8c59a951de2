/**
 * symEigTop against numpy.linalg.eigh at the dimensions of wide embeddings (D = 768 and 1,024),
 * including a condition number of 1e14 and 824 exact zero eigenvalues: the fixtures of
 * scripts/reference/make_eig_fixtures.py, whose matrices are rebuilt here from the same closed form.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES, npy } from '../../../tests/fixtureFiles';
import { mat } from './mat';
import { symEigTop } from './eigTop';

interface EigFixture {
  reflectors: number;
  top: number;
  cases: Record<string, { D: number; values: number[] }>;
}

const fx = JSON.parse(readFileSync(resolve(FIXTURES, 'eig.json'), 'utf8')) as EigFixture;

function spectrum(name: string, D: number): Float64Array {
  return Float64Array.from({ length: D }, (_, i) => (name === 'graded' ? 1 / (1 + i) : name === 'illcond' ? 10 ** ((-14 * i) / (D - 1)) : i < 200 ? 1 / (1 + i) : 0));
}

/** A = H_0 ... H_5 diag(lambda) H_5 ... H_0 as the script builds it (its docstring gives the closed form). */
function matrix(lambda: Float64Array): Float64Array {
  const D = lambda.length;
  const A = new Float64Array(D * D);
  for (let i = 0; i < D; i++) A[i * D + i] = lambda[i];
  const Av = new Float64Array(D);
  for (let k = fx.reflectors - 1; k >= 0; k--) {
    const v = Float64Array.from({ length: D }, (_, t) => Math.sin(0.37 * (t + 1) * (k + 1) + 0.11 * k) + 0.5 * Math.cos(1.7 * t + k));
    const norm = Math.hypot(...v);
    for (let t = 0; t < D; t++) v[t] /= norm;
    let vAv = 0;
    for (let i = 0; i < D; i++) {
      let s = 0;
      for (let j = 0; j < D; j++) s += A[i * D + j] * v[j];
      Av[i] = s;
      vAv += v[i] * s;
    }
    for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) A[i * D + j] += -2 * v[i] * Av[j] - 2 * Av[i] * v[j] + 4 * vAv * v[i] * v[j];
  }
  for (let i = 0; i < D; i++) for (let j = 0; j < i; j++) A[i * D + j] = A[j * D + i] = (A[i * D + j] + A[j * D + i]) / 2;
  return A;
}

describe('symEigTop against numpy eigh (tests/fixtures/reference/eig.json)', () => {
  it.each(Object.keys(fx.cases))('%s: every eigenvalue within 1e-10 lambda_max, the top 10 vectors within 1e-10 (|cos|)', (name) => {
    const { D, values } = fx.cases[name];
    const A = matrix(spectrum(name, D));
    const got = symEigTop(mat(D, D, A), fx.top);
    const scale = values[0];
    let worst = 0;
    for (let i = 0; i < D; i++) worst = Math.max(worst, Math.abs(got.values[i] - values[i]));
    expect(worst).toBeLessThanOrEqual(1e-10 * scale);
    const want = npy(resolve(FIXTURES, `eig-${name}-vectors.npy`)).data as Float64Array;
    for (let j = 0; j < fx.top; j++) {
      let dot = 0;
      for (let i = 0; i < D; i++) dot += got.vectors.data[i * fx.top + j] * want[j * D + i];
      expect(Math.abs(dot)).toBeGreaterThanOrEqual(1 - 1e-10);
    }
  });
});
