import { describe, expect, it } from 'vitest';
import { parseNpz } from '../io/npz';
import { parseSafetensors, parseSafetensorsHeader } from '../io/safetensors';
import { loadEmbeddingsAsync } from '../io/load';
import type { AllRowFeatures } from './trainingExport';
import { modelNpz, modelSafetensors } from './weightsExport';

const f: AllRowFeatures = {
  run: 1,
  step: 200,
  featureDim: 2,
  trainRows: 3,
  testRows: 1,
  features: Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8),
  labels: Int32Array.of(0, 1, 1, 0),
  classNames: ['cat', 'dog'],
  weights: [
    { name: 'layer0.kernel', shape: [3, 2], data: Float32Array.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6) },
    { name: 'layer0.bias', shape: [2], data: Float32Array.of(-1, 1) },
    { name: 'W', shape: [2, 2], data: Float32Array.of(1, 0, 0, 1) },
    { name: 'b', shape: [2], data: Float32Array.of(0.5, -0.5) },
  ],
};

describe("Train's model export", () => {
  it('.npz holds the features, labels and every weight by name; Explore reads features and labels from it', async () => {
    const bytes = modelNpz(f);
    const arrays = parseNpz(bytes, 'model.npz');
    expect(arrays.get('layer0.kernel')!.shape).toEqual([3, 2]);
    expect(Array.from(arrays.get('W')!.data as Float32Array)).toEqual([1, 0, 0, 1]);
    expect(Array.from(arrays.get('b')!.data as Float32Array)).toEqual([0.5, -0.5]);
    expect(arrays.get('class_names')!.data).toEqual(['cat', 'dog']);
    const emb = await loadEmbeddingsAsync('model.npz', bytes);
    expect([emb.n, emb.dim]).toEqual([4, 2]);
    expect(Array.from(emb.vectors)).toEqual(Array.from(f.features));
    expect(Array.from(emb.labels!)).toEqual([0, 1, 1, 0]);
  });

  it('.safetensors holds the same tensors (F32, I32) with the class names in its metadata', () => {
    const bytes = modelSafetensors(f);
    const h = parseSafetensorsHeader(bytes, 'model.safetensors');
    const byName = new Map(h.tensors.map((t) => [t.name, t]));
    expect(byName.get('W')).toMatchObject({ dtype: 'F32', shape: [2, 2] });
    expect(byName.get('labels')).toMatchObject({ dtype: 'I32', shape: [4] });
    expect(byName.get('layer0.bias')).toMatchObject({ dtype: 'F32', shape: [2] });
    const parsed = parseSafetensors(bytes, 'model.safetensors');
    expect([parsed.n, parsed.dim]).toEqual([4, 2]);
    expect(Array.from(parsed.vectors)).toEqual(Array.from(f.features));
  });
});
