/**
 * Small seeded fixtures for the e2e journeys, written by the test setup into e2e-artifacts/fixtures
 * (gitignored): the same 150 x 6 labelled points in every format the app reads, plus bad inputs.
 * Vectors are float32 values so every text format round-trips them exactly.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { writeNpy } from '../src/io/npy';
import { writeSafetensors } from '../src/io/safetensorsWrite';
import { createRng } from '../src/geometry/random';

/** Per run when E2E_PORT is set, so journeys running side by side do not rewrite each other's files. */
export const FIXTURES = `e2e-artifacts/fixtures${process.env.E2E_PORT ? `-${process.env.E2E_PORT}` : ''}`;
export const N = 150;
export const D = 6;
export const CLASSES = ['alpha', 'beta', 'gamma'];
/** A label that must render as text. */
export const HTML_LABEL = '<img src=x onerror=alert(1)>';

/** Seeded blobs: class i % 3, means far apart, float32 values. */
export function points(): { X: Float32Array; labels: string[] } {
  const rng = createRng(11);
  const X = new Float32Array(N * D);
  const labels: string[] = [];
  for (let i = 0; i < N; i++) {
    const k = i % 3;
    labels.push(CLASSES[k]);
    for (let j = 0; j < D; j++) X[i * D + j] = (j === k ? 6 : 0) + (j === k + 3 ? 3 : 0) + rng.normal();
  }
  return { X, labels };
}

const row = (X: Float32Array, i: number, d = D) => Array.from(X.subarray(i * d, i * d + d));


/** Writes every fixture; returns the directory. */
export function writeFixtures(): string {
  mkdirSync(FIXTURES, { recursive: true });
  const w = (name: string, data: string | Uint8Array) => writeFileSync(join(FIXTURES, name), data);
  const { X, labels } = points();
  const codes = Int32Array.from(labels, (l) => CLASSES.indexOf(l));
  const npy = writeNpy(X, [N, D]);
  w('points.npy', npy);
  w('points-labels.txt', `${labels.join('\n')}\n`);
  w('points-f64-fortran.npy', writeNpy(Float64Array.from(X), [N, D], { fortranOrder: true }));
  w('points.npz', zipSync({ 'embeddings.npy': npy, 'labels.npy': writeNpy(codes, [N]) }));
  w('ambiguous.npz', zipSync({ 'first.npy': npy, 'second.npy': writeNpy(X.slice(0, N * 3), [N, 3]), 'y.npy': writeNpy(codes, [N]) }));
  w('vectors.tsv', `${Array.from({ length: N }, (_, i) => row(X, i).join('\t')).join('\n')}\n`);
  w('metadata.tsv', `label\tindex\tnote\n${labels.map((l, i) => `${l}\t${i}\tpoint ${i}`).join('\n')}\n`);
  const header = [...Array.from({ length: D }, (_, j) => `x${j}`), 'label'].join(',');
  w('points.csv', `${header}\n${labels.map((l, i) => `${row(X, i).join(',')},${l}`).join('\n')}\n`);
  const speciesHeader = header.replace(/,label$/, ',species,colour');
  w('two-text.csv', `${speciesHeader}\n${labels.map((l, i) => `${row(X, i).join(',')},${l},${i % 2 ? 'red' : 'blue'}`).join('\n')}\n`);
  w('points.json', JSON.stringify(labels.map((l, i) => ({ embedding: row(X, i), label: l, id: i }))));
  w('points.jsonl', `${labels.map((l, i) => JSON.stringify({ embedding: row(X, i), label: l })).join('\n')}\n`);
  w('points.safetensors', writeSafetensors([{ name: 'embeddings', shape: [N, D], data: X }, { name: 'labels', shape: [N], data: codes }]));

  // Bad inputs.
  w('notes.xyz', 'this is not an embeddings file\n');
  w('truncated.npy', npy.subarray(0, npy.length - 40));
  const csvRows = Array.from({ length: 12 }, (_, i) => row(X, i).join(','));
  csvRows[3] = row(X, 3).slice(0, 4).join(',');
  w('ragged.csv', `${csvRows.join('\n')}\n`);
  const textRows = Array.from({ length: 12 }, (_, i) => row(X, i).join(','));
  textRows[4] = [...row(X, 4).slice(0, 2), 'abc', ...row(X, 4).slice(3)].join(',');
  w('text-cell.csv', `${textRows.join('\n')}\n`);
  w('short-metadata.tsv', `label\tnote\n${labels.slice(0, N - 2).map((l) => `${l}\tx`).join('\n')}\n`);
  w('constant.npy', writeNpy(new Float32Array(20 * 3).fill(1.5), [20, 3]));
  w('one-class.txt', `${Array.from({ length: N }, () => 'only').join('\n')}\n`);
  const withNaN = X.slice();
  withNaN[5 * D + 2] = NaN;
  withNaN[17 * D] = Infinity;
  withNaN[90 * D + 5] = -Infinity;
  w('with-nan.npy', writeNpy(withNaN, [N, D]));
  w('html-labels.txt', `${labels.map((l, i) => (i % 3 === 0 ? HTML_LABEL : l)).join('\n')}\n`);
  return FIXTURES;
}
