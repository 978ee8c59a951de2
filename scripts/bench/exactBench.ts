/**
 * Two rows of `npm run bench` (issue 13): the exact kNN's PCA tree against the brute-force tile scan
 * on the same rows in the same process (a seeded 6-d curved manifold in 768-d, and Fashion-MNIST's
 * 10,000 test images, 784-d), each checked equal; and the symmetric eigensolver behind PCA
 * (symEigTop: all eigenvalues, the top 10 vectors) at D = 768 and 2,048 against numpy's eigh
 * (OpenBLAS variables unset for that command alone).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knn } from '../../src/geometry/knn';
import { mat } from '../../src/geometry/linalg/index';
import { symEigTop } from '../../src/geometry/linalg/eigTop';
import { fashionMnistFromBytes } from '../../src/datasets/fashionMnist';
import { createRng } from '../../src/geometry/random';
import { writeNpy } from '../../src/io/npy';
import { numpyEnv } from './numpy';

const fmt = (x: number) => x.toFixed(2);

/** n rows of a seeded m-d curved manifold (sines and cosines of m latent angles) in d dimensions, plus 1e-3 noise. */
export function manifold(n: number, d: number, m: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const A = Float64Array.from({ length: 2 * m * d }, () => rng.normal());
  const X = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const u = Array.from({ length: m }, () => 3 * rng.uniform());
    for (let t = 0; t < d; t++) {
      let v = 0;
      for (let a = 0; a < m; a++) v += Math.sin(u[a]) * A[a * d + t] + Math.cos(u[a]) * A[(m + a) * d + t];
      X[i * d + t] = v + 1e-3 * rng.normal();
    }
  }
  return X;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, (performance.now() - t0) / 1000];
}

/** Markdown lines: brute force vs the automatic choice (the tree where planKnn estimates it cheaper), k = 20, one thread each. */
export async function benchExactKnn(quick: boolean): Promise<string[]> {
  const n = quick ? 8_000 : 20_000;
  const sets = [{ name: `6-d curved manifold in 768-d, ${n.toLocaleString('en')} rows (seeded)`, X: manifold(n, 768, 6, 3), n, d: 768 }];
  const f = fashionMnistFromBytes(
    new Uint8Array(readFileSync('public/data/fashion-mnist-t10k-images-idx3-ubyte.gz')),
    new Uint8Array(readFileSync('public/data/fashion-mnist-t10k-labels-idx1-ubyte.gz')),
    quick ? 4_000 : 10_000,
  );
  sets.push({ name: `Fashion-MNIST test images, ${f.n.toLocaleString('en')} x 784`, X: f.vectors, n: f.n, d: f.dim });
  const lines = ['| data | brute force (tile scan) | automatic choice | which | auto / brute | equal |', '| --- | --- | --- | --- | --- | --- |'];
  for (const s of sets) {
    const [brute, tb] = await timed(() => knn(s.X, s.n, s.d, 20, { method: 'brute force' }));
    const [auto, ta] = await timed(() => knn(s.X, s.n, s.d, 20));
    const equal = brute.indices.every((v, t) => v === auto.indices[t]) && brute.distances.every((v, t) => v === auto.distances[t]);
    lines.push(`| ${s.name} | ${fmt(tb)} s | ${fmt(ta)} s | ${auto.method} | ${fmt(ta / tb)}x | ${equal ? 'bit for bit' : 'NO'} |`);
  }
  return lines;
}

/** A seeded symmetric D x D covariance-like matrix: (1/m) Y^T Y of m = D + 64 Gaussian rows with geometric column scales (condition ~1e8). */
function symmetric(D: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const m = D + 64;
  const Y = Float64Array.from({ length: m * D }, (_, t) => rng.normal() * 10 ** (-4 * ((t % D) / D)));
  const C = new Float64Array(D * D);
  for (let r = 0; r < m; r++) {
    for (let a = 0; a < D; a++) {
      const ya = Y[r * D + a] / m;
      for (let b = 0; b <= a; b++) C[a * D + b] += ya * Y[r * D + b];
    }
  }
  for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) C[b * D + a] = C[a * D + b];
  return C;
}

/** Markdown lines: symEigTop (all values, 10 vectors) vs numpy.linalg.eigh on the same matrix, with the largest eigenvalue difference. */
export function benchEigen(quick: boolean, dir: string, numpy: boolean): string[] {
  const lines = ['| D | symEigTop (all eigenvalues, top 10 vectors) | numpy eigh (all) | ours / numpy | max abs eigenvalue diff / lambda_max |', '| --- | --- | --- | --- | --- |'];
  for (const D of quick ? [768] : [768, 2048]) {
    const C = symmetric(D, 5);
    const t0 = performance.now();
    const { values } = symEigTop(mat(D, D, C), 10);
    const ours = (performance.now() - t0) / 1000;
    let theirs = NaN;
    let diff = NaN;
    if (numpy) {
      const path = join(dir, `sym-${D}.npy`);
      writeFileSync(path, writeNpy(C, [D, D]));
      const code = 'import sys,time,json,numpy as np\nC=np.load(sys.argv[1])\nb=1e9\nfor _ in range(2):\n t=time.perf_counter(); w,v=np.linalg.eigh(C); b=min(b,time.perf_counter()-t)\nprint(json.dumps({"s":b,"w":w[::-1].tolist()}))';
      const out = JSON.parse(execFileSync('python3', ['-c', code, path], { env: numpyEnv(), encoding: 'utf8', maxBuffer: 1 << 28 }));
      theirs = out.s;
      diff = 0;
      for (let i = 0; i < D; i++) diff = Math.max(diff, Math.abs(values[i] - out.w[i]));
      diff /= values[0];
    }
    lines.push(`| ${D.toLocaleString('en')} | ${fmt(ours)} s | ${numpy ? `${theirs.toFixed(3)} s` : 'n/a'} | ${numpy ? `${(ours / theirs).toFixed(1)}x` : 'n/a'} | ${numpy ? diff.toExponential(1) : 'n/a'} |`);
  }
  return lines;
}
