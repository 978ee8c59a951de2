import { describe, expect, it } from 'vitest';
import { loadClassifier } from './classifier';
import { writeNpy } from './npy';
import { expectInputError, utf8 } from './testing.test-util';

const W = Float32Array.from({ length: 6 }, (_, i) => i + 1); // 2 x 3: [[1, 2, 3], [4, 5, 6]]
const file = (name: string, bytes: Uint8Array) => ({ name, bytes });

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

  it('names shape mismatches and non-npy files', () => {
    expectInputError(() => loadClassifier(file('W.npy', writeNpy(W, [2, 3])), undefined, 4, 2),
      /W\.npy has shape \(2, 3\) but the embeddings have 4 dimensions and 2 classes\. Pass W with shape \(2, 4\)/);
    expectInputError(() => loadClassifier(file('W.npy', writeNpy(W, [6])), undefined, 3, 2), /W\.npy has shape \(6,\)/);
    expectInputError(() => loadClassifier(file('W.npy', writeNpy(W, [2, 3])), file('b.npy', writeNpy(new Float32Array(3), [3])), 3, 2),
      /b\.npy has shape \(3,\) but W\.npy has 2 rows \(classes\)\. Pass a bias vector of length 2/);
    expectInputError(() => loadClassifier(file('W.csv', utf8('1,2,3\n')), undefined, 3, 1), /W\.csv is not a \.npy file, which --weights needs/);
  });
});
