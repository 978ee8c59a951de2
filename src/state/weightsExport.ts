/**
 * Train's model export: the trained weights of every layer and the head together with the
 * penultimate features of every row, in one .npz or one .safetensors. Names say what they are:
 * layer{l}.kernel (fan_in x fan_out) and layer{l}.bias (plus layer{l}.bn.* with batch norm), the
 * head's `W` (K x F) and `b` (K) (or head.bases, K x F x k, for a GCR head), input.mean and
 * input.std for a user's file, and `features` (N x F) with `labels`, `split` and `row`. Explore and
 * the CLI open either file as it is: `features` as the vectors, `labels` as the classes, W and b
 * as the classifier for NC3/NC4.
 */
import { zipSync } from 'fflate';
import { writeNpy } from '../io/npy';
import { writeSafetensors, type TensorToWrite } from '../io/safetensorsWrite';
import { allFeaturesEntries, type AllRowFeatures } from './trainingExport';

/** The model's arrays as tensors to write, the features and labels first. */
function modelTensors(f: AllRowFeatures): TensorToWrite[] {
  const n = f.trainRows + f.testRows;
  return [
    { name: 'features', shape: [n, f.featureDim], data: f.features },
    { name: 'labels', shape: [n], data: f.labels },
    { name: 'split', shape: [n], data: new Int32Array(n).fill(1, f.trainRows) },
    { name: 'row', shape: [n], data: Int32Array.from({ length: n }, (_, i) => (i < f.trainRows ? i : i - f.trainRows)) },
    ...f.weights.map((w) => ({ name: w.name, shape: w.shape, data: w.data })),
  ];
}

/** An uncompressed .npz: the features export's arrays (allFeaturesNpz) plus every weight array, each `${name}.npy`. */
export function modelNpz(f: AllRowFeatures): Uint8Array {
  const entries = allFeaturesEntries(f);
  for (const w of f.weights) entries[`${w.name}.npy`] = writeNpy(w.data, w.shape);
  return zipSync(entries, { level: 0 });
}

/** A .safetensors of the same arrays (F32 and I32); the class names and the step go in __metadata__. */
export function modelSafetensors(f: AllRowFeatures): Uint8Array {
  return writeSafetensors(modelTensors(f), { step: String(f.step), class_names: JSON.stringify(f.classNames), format: 'subspace-lab-train-model' });
}
