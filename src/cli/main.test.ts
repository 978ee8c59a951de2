import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLabelLines, encodeLabels } from '../io/labels';
import { npyToMatrix, parseNpy, writeNpy } from '../io/npy';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/subspace-lab.mjs');
const DIGITS = join(ROOT, 'public/data/digits.npy');
const DIGIT_LABELS = join(ROOT, 'public/data/digits-labels.txt');
const tmp = mkdtempSync(join(tmpdir(), 'subspace-lab-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the real executable; resolves with its exit status and output. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const REQUIRED = [
  'n', 'dim', 'classes', 'pca.pcId90', 'pca.participationRatio', 'intrinsicDimension.twoNN',
  'intrinsicDimension.mle.k', 'intrinsicDimension.mle.harmonic', 'intrinsicDimension.mle.mean',
  'neuralCollapse.nc1', 'neuralCollapse.nc1Quotient', 'neuralCollapse.cdnv', 'neuralCollapse.equinorm',
  'neuralCollapse.equiangularity', 'neuralCollapse.etfDistance', 'neuralCollapse.nc3', 'neuralCollapse.nc4',
  'skipped.nonFinite', 'skipped.duplicates',
];

const at = (o: unknown, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], o);

/**
 * A classifier that is the nearest-class-mean rule in linear form: W = centred class means (so nc3 = 0),
 * b_k = -||mu_k||^2 / 2 (so argmax(W x + b) = nearest mean, nc4 = 0). W is written D x K to exercise the transpose.
 */
function nearestMeanClassifier(): { w: string; b: string } {
  const m = npyToMatrix(parseNpy(new Uint8Array(readFileSync(DIGITS))), 'digits');
  const { labels, classNames } = encodeLabels(parseLabelLines(readFileSync(DIGIT_LABELS, 'utf8'), 'labels'));
  const K = classNames.length;
  const d = m.cols;
  const means = new Float64Array(K * d);
  const counts = new Float64Array(K);
  for (let i = 0; i < m.rows; i++) {
    counts[labels[i]]++;
    for (let j = 0; j < d; j++) means[labels[i] * d + j] += m.data[i * d + j];
  }
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) means[k * d + j] /= counts[k];
  const wT = new Float64Array(d * K);
  const bias = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < d; j++) {
      let g = 0;
      for (let l = 0; l < K; l++) g += means[l * d + j] / K;
      wT[j * K + k] = means[k * d + j] - g;
      bias[k] -= means[k * d + j] ** 2 / 2;
    }
  }
  const w = join(tmp, 'W.npy');
  const b = join(tmp, 'b.npy');
  writeFileSync(w, writeNpy(wT, [d, K]));
  writeFileSync(b, writeNpy(bias, [K]));
  return { w, b };
}

describe('subspace-lab as a process', () => {
  it('analyze digits --json prints one JSON object with every required key as a number', async () => {
    const { w, b } = nearestMeanClassifier();
    const r = await cli(['analyze', DIGITS, '--labels', DIGIT_LABELS, '--weights', w, '--bias', b, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of REQUIRED) expect(typeof at(report, key), key).toBe('number');
    const evr = at(report, 'pca.explainedVarianceRatio') as number[];
    expect(evr).toHaveLength(10);
    for (const v of evr) expect(typeof v).toBe('number');
    expect([at(report, 'n'), at(report, 'dim'), at(report, 'classes'), at(report, 'intrinsicDimension.mle.k')]).toEqual([1797, 64, 10, 20]);
    expect(at(report, 'neuralCollapse.nc3') as number).toBeLessThan(1e-5);
    expect(at(report, 'neuralCollapse.nc4') as number).toBeLessThan(2 / 1797);
  });

  it('bad input exits 2 with one line on stderr and nothing on stdout', async () => {
    const bad = join(tmp, 'cut.npy');
    writeFileSync(bad, readFileSync(DIGITS).subarray(0, 1000));
    const r = await cli(['analyze', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`subspace-lab: ${bad} is truncated: shape (1797, 64) of <f4 needs 460032 data bytes but only 872 follow the header. Re-save or re-download the file; it was cut short.\n`);
    const opt = await cli(['analyze', DIGITS, '--weight', 'W.npy']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toBe('subspace-lab: unknown option --weight. Did you mean --weights? Run subspace-lab --help for the options.\n');
  });
});
