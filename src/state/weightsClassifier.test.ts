import { describe, expect, it } from 'vitest';
import { classifierFromFiles } from '../io/classifier';
import { modelNpz } from './weightsExport';

describe("Train's model .npz as Explore's and the CLI's classifier input", () => {
  it('W (K x F) and b are the classifier picked from the file (not a layer kernel or the features)', () => {
    const f = {
      run: 1, step: 1, featureDim: 2, trainRows: 3, testRows: 0,
      features: Float32Array.of(1, 2, 3, 4, 5, 6), labels: Int32Array.of(0, 1, 2), classNames: ['a', 'b', 'c'],
      weights: [
        { name: 'layer0.kernel', shape: [4, 2], data: new Float32Array(8) },
        { name: 'layer0.bias', shape: [2], data: new Float32Array(2) },
        { name: 'W', shape: [3, 2], data: Float32Array.of(1, 0, 0, 1, -1, -1) },
        { name: 'b', shape: [3], data: Float32Array.of(0.5, 0, -0.5) },
      ],
    };
    const c = classifierFromFiles([{ name: 'model.npz', bytes: modelNpz(f) }], 2, 3);
    expect(Array.from(c.classifier.weights.data)).toEqual([1, 0, 0, 1, -1, -1]);
    expect(Array.from(c.classifier.bias!)).toEqual([0.5, 0, -0.5]);
  });
});
