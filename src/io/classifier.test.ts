import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { classifierFromFiles, loadClassifier } from './classifier';
import { writeNpy } from './npy';
import { expectInputError, utf8 } from './testing.test-util';

const W = Float32Array.from({ length: 6 }, (_, i) => i + 1); // 2 x 3: [[1, 2, 3], [4, 5, 6]]
const file = (name: string, bytes: Uint8Array) => ({ name, bytes });
const npz = (name: string, arrays: Record<string, Uint8Array>) =>
  file(name, zipSync(Object.fromEntries(Object.entries(arrays).map(([k, v]) => [`${k}.npy`, v]))));
const fixture = (name: string) => file(name, new Uint8Array(readFileSync(new URL(`../../tests/fixtures/dataout/${name}`, import.meta.url))));

describe('loadClassifier', () => {
  it('takes K x D as is and transposes D x K', () => {
    const kd = loadClassifier(file('W.npy', writeNpy(W, [2, 3])), undefined, 3, 2);
    expect(kd.weights).toEqual({ rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6]) });
    const dk = loadClassifier(file('W.npy', writeNpy(W, [3, 2])), undefined, 3, 2);
    expect(Array.from(dk.weights.data)).toEqual([1, 3, 5, 2, 4, 6]);
    const unlabelled = loadClassifier(file('W.npy', writeNpy(W, [3, 2])), undefined, 3, null);
    expect([unlabelled.weights.rows, unlabelled.weights.cols]).toEqual([2, 3]);
  });

  it('reads a bias of length K', () => {
    const c = loadClassifier(file('W.npy', writeNpy(W, [2, 3])), file('b.npy', writeNpy(new Float64Array([0.5, -1]), [2])), 3, 2);
    expect(Array.from(c.bias!)).toEqual([0.5, -1]);
  });

  it('takes W and b from one .npz or safetensors file (numpy and hand-written fixtures)', () => {
    const head = loadClassifier(fixture('head.npz'), undefined, 24, 6);
    const dk = loadClassifier(fixture('head-dk.safetensors'), undefined, 24, 6);
    expect([head.weights.rows, head.weights.cols]).toEqual([6, 24]);
    expect(Array.from(dk.weights.data)).toEqual(Array.from(head.weights.data));
    expect(Array.from(dk.bias!)).toEqual(Array.from(head.bias!));
    expect(loadClassifier(fixture('weight-only.npz'), undefined, 24, 6).bias).toBeUndefined();
  });

  it('names shape mismatches and unreadable files', () => {
    expectInputError(() => loadClassifier(file('W.npy', writeNpy(W, [2, 3])), undefined, 4, 2),
      /W\.npy has shape \(2, 3\) but the embeddings have 4 dimensions and 2 classes\. Pass W with shape \(2, 4\)/);
    expectInputError(() => loadClassifier(file('W.npy', writeNpy(W, [6])), undefined, 3, 2), /W\.npy has shape \(6,\)/);
    expectInputError(() => loadClassifier(file('W.npy', writeNpy(W, [2, 3])), file('b.npy', writeNpy(new Float32Array(3), [3])), 3, 2),
      /b\.npy has shape \(3,\) but W\.npy has 2 rows \(classes\)\. Pass a bias vector of length 2/);
    expectInputError(() => loadClassifier(file('W.csv', utf8('1,2,3\n')), undefined, 3, 1), /W\.csv is not a \.npy, \.npz or \.safetensors file, which the classifier needs/);
  });
});

describe('classifierFromFiles', () => {
  const b = writeNpy(new Float64Array([0.5, -1]), [2]);
  it('pairs W and b by shape in any order and says where each came from', () => {
    const c = classifierFromFiles([file('b.npy', b), file('W.npy', writeNpy(W, [3, 2]))], 3, 2);
    expect(c.weightsFrom).toBe('W.npy');
    expect(c.biasFrom).toBe('b.npy');
    expect(Array.from(c.classifier.weights.data)).toEqual([1, 3, 5, 2, 4, 6]);
    const alone = classifierFromFiles([file('W.npy', writeNpy(W, [2, 3]))], 3, 2);
    expect(alone.biasFrom).toBeNull();
    expect(alone.classifier.bias).toBeUndefined();
  });

  it('prefers the names of a layer (fc.weight pairs with fc.bias) among arrays of fitting shape', () => {
    const layers = npz('model.npz', {
      'fc.weight': writeNpy(W, [2, 3]), 'fc.bias': b, 'proj.weight': writeNpy(W, [3, 2]), 'proj.b0': writeNpy(new Float64Array(2), [2]),
    });
    expectInputError(() => classifierFromFiles([layers], 3, 2), /Several arrays could be the classifier W: model\.npz:fc\.weight \(2, 3\), model\.npz:proj\.weight \(3, 2\)/);
    const head = npz('head.npz', { 'fc.weight': writeNpy(W, [2, 3]), 'fc.bias': b, other: writeNpy(new Float64Array(2), [2]) });
    const c = classifierFromFiles([head], 3, 2);
    expect([c.weightsFrom, c.biasFrom]).toEqual(['head.npz:fc.weight', 'head.npz:fc.bias']);
  });

  it('lists what the files hold when no array fits', () => {
    expectInputError(() => classifierFromFiles([file('W.npy', writeNpy(W, [2, 3])), file('b.npy', b)], 5, 2),
      /No array fits the classifier W: the embeddings have 5 dimensions and 2 classes, and the files hold W\.npy \(2, 3\), b\.npy \(2,\)\. Pass W with shape \(2, 5\)/);
  });
});
