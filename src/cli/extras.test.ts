/**
 * The CLI's further measures against the numpy/sklearn fixtures: coding rate (tests/fixtures/reference/digits.json),
 * the PCA-3 picture's trustworthiness and continuity (tests/fixtures/explore/faithfulness.json, computed on
 * numpy's PCA view), and --cluster with ARI/NMI against the true labels.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { runInMemory } from './cli.test-util';
import { parseNpy } from '../io/npy';
import { kmeans } from '../geometry/kmeans';
import { adjustedRandIndex, normalizedMutualInfo } from '../geometry/clusterScores';

const root = new URL('../../', import.meta.url);
const files = {
  'digits.npy': new Uint8Array(readFileSync(new URL('public/data/digits.npy', root))),
  'labels.txt': new Uint8Array(readFileSync(new URL('public/data/digits-labels.txt', root))),
};
const ref = JSON.parse(readFileSync(new URL('tests/fixtures/reference/digits.json', root), 'utf8'));
const faith = JSON.parse(readFileSync(new URL('tests/fixtures/explore/faithfulness.json', root), 'utf8')).digits.k10;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('analyze: coding rate, PCA picture, clusters', () => {
  it('prints the coding rate and the PCA-3 faithfulness equal to the references', async () => {
    const { code, stdout } = await runInMemory(['analyze', 'digits.npy', '--labels', 'labels.txt', '--json'], files);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(rel(r.codingRate.R, ref.codingRate.R)).toBeLessThan(1e-6);
    expect(rel(r.codingRate.Rc, ref.codingRate.Rc)).toBeLessThan(1e-6);
    expect(rel(r.codingRate.deltaR, ref.codingRate.deltaR)).toBeLessThan(1e-6);
    expect(r.codingRate.eps2).toBe(0.5);
    expect(r.projection.pca3.k).toBe(10);
    expect(rel(r.projection.pca3.trustworthiness, faith.trustworthiness)).toBeLessThan(1e-6);
    expect(rel(r.projection.pca3.continuity, faith.continuity)).toBeLessThan(1e-6);
    expect(r.projection.pca3.sample).toBeNull();
  });

  it('--no-extras leaves them out; --cluster kmeans:10 labels by clusters with ARI/NMI against the labels', async () => {
    const plain = JSON.parse((await runInMemory(['analyze', 'digits.npy', '--no-extras', '--json'], files)).stdout);
    expect(plain.codingRate).toBeUndefined();
    expect(plain.projection).toBeUndefined();
    const { code, stdout } = await runInMemory(['analyze', 'digits.npy', '--labels', 'labels.txt', '--cluster', 'kmeans:10', '--seed', '3', '--no-extras', '--json'], files);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    const arr = parseNpy(files['digits.npy']);
    const X = Float32Array.from(arr.data as ArrayLike<number>);
    const km = await kmeans(X, arr.shape[0], arr.shape[1], 10, { seed: 3 });
    const truth = Int32Array.from(readFileSync(new URL('public/data/digits-labels.txt', root), 'utf8').trim().split('\n'), Number);
    expect(r.classes).toBe(10);
    expect(r.clusters).toMatchObject({ method: 'kmeans', k: 10, seed: 3 });
    expect(r.clusters.ari).toBeCloseTo(adjustedRandIndex(truth, km.labels), 12);
    expect(r.clusters.nmi).toBeCloseTo(normalizedMutualInfo(truth, km.labels), 12);
    expect(r.clusters.ari).toBeGreaterThan(0.5);
  });

  it('a bad --cluster spec exits 2 with the fix', async () => {
    const { code, stderr } = await runInMemory(['analyze', 'digits.npy', '--cluster', 'kmeans:x'], files);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--cluster kmeans:x.*Write e\.g\. --cluster kmeans:10/);
  });
});
