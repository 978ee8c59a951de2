/**
 * Data settings: the source (synthetic generators with their sliders, or the shipped real sets)
 * and the split controls (test fraction, class imbalance, label noise, data seed).
 */
import type { DataConfig, SourceKind } from '../../datasets/build';
import { classesOf, patchData, patchSource, SOURCE_KINDS, SOURCE_LABELS, withSource } from '../../state/trainingConfig';
import { useTrainingStore } from '../../state/trainingStore';
import { SelectField } from '../fields/ChoiceFields';
import { FieldRows, seedSlider, type FieldRow } from '../fields/FieldRows';
import { FileSourceControls } from './FileSourceControls';

type SourceValues = Record<string, number>;

/** A slider over a field of the source (data-testid `train-source-${field}`). */
function slider(field: string, label: string, min: number, max: number | ((s: SourceValues) => number), step: number, help: string): FieldRow<SourceValues> {
  return { kind: 'slider', key: field, label, testId: `train-source-${field}`, min, max, step, help };
}

const N = slider('n', 'points', 40, 4000, 20, 'Total number of points N (before the train/test split).');
const DIM = (max: number) => slider('dim', 'dimension D', 2, max, 1, 'Ambient dimension D of the inputs.');
const K = (max: number) => slider('classes', 'classes K', 2, max, 1, 'Number of classes K.');

/** The sliders of each source that has some, in order. */
const SOURCE_SLIDERS: Partial<Record<SourceKind, FieldRow<SourceValues>[]>> = {
  blobs: [N, DIM(1024), K(10),
    slider('separation', 'separation', 0.5, 12, 0.5, 'Norm of each class mean (means in random directions).'),
    slider('noise', 'noise std', 0.1, 4, 0.1, 'Isotropic Gaussian noise std around each mean.')],
  spirals: [N, DIM(64), K(8),
    slider('turns', 'turns', 0.25, 3, 0.25, 'Revolutions of each arm from radius 0.1 to 1.'),
    slider('noise', 'noise std', 0, 0.3, 0.01, 'Gaussian noise std in the spiral plane.')],
  shells: [N, DIM(64), K(6),
    slider('gap', 'gap', 0.1, 2, 0.1, 'Radius step between shells: class k lies at radius 1 + k gap.'),
    slider('noise', 'noise std', 0, 0.5, 0.01, 'Isotropic noise std.')],
  subspaces: [N, DIM(128), K(10),
    slider('rank', 'rank r', 1, (s) => Math.min(16, s.dim), 1, 'Each class is a zero-mean rank-r Gaussian in its own random r-dimensional subspace.'),
    slider('noise', 'noise std', 0, 0.5, 0.01, 'Isotropic noise std off the subspaces.')],
  checkerboard: [N, DIM(16), K(4),
    slider('cells', 'cells per side', 2, 8, 1, 'The board has cells x cells squares; class (i + j) mod K.'),
    slider('noise', 'noise std', 0, 0.2, 0.01, 'Gaussian noise std in the board plane.')],
  'fashion-mnist': [slider('limit', 'images', 1000, 10000, 500, 'Rows kept from the 10,000 Fashion-MNIST test images (28 x 28 = 784 pixels in [0, 1]).')],
};

const IMBALANCE = [1, 2, 5, 10, 20, 50] as const;
const percent = (v: number) => `${Math.round(v * 100)}%`;

/** The split controls, over the data config. */
const SPLIT_ROWS: FieldRow<DataConfig>[] = [
  { kind: 'slider', key: 'testFraction', label: 'test fraction', testId: 'train-test-fraction', min: 0, max: 0.5, step: 0.05, format: percent,
    help: 'Fraction of each class held out for testing (stratified; the test set stays balanced and clean).' },
  { pair: [
    { kind: 'select', key: 'imbalanceRatio', label: 'imbalance', testId: 'train-imbalance', options: IMBALANCE, format: (v) => `${v}x`,
      help: 'Each minority class keeps 1/ratio of its training rows (step imbalance). 1 = balanced.' },
    { kind: 'select', key: 'minorityClasses', label: 'minorities', testId: 'train-minorities',
      options: (d) => Array.from({ length: classesOf(d.source) }, (_, i) => i),
      help: 'How many classes are minorities: the last m classes.' },
  ] },
  { kind: 'slider', key: 'labelNoise', label: 'label noise', testId: 'train-label-noise', min: 0, max: 0.5, step: 0.05, format: percent,
    help: 'Fraction of training labels replaced by a uniformly drawn different class (test labels stay clean).' },
  seedSlider('seed', 'data seed', 'train-data-seed', 'Seeds the generator, the split, the imbalance subsampling and the label noise.'),
];

export function DataControls() {
  const data = useTrainingStore((s) => s.config.data);
  const edit = useTrainingStore((s) => s.edit);
  return (
    <>
      <SelectField
        label="source"
        help="Synthetic data are generated from the data seed; the real sets ship with the app; your file stays on this machine."
        testId="train-source"
        value={data.source.kind}
        options={SOURCE_KINDS}
        format={(k) => SOURCE_LABELS[k]}
        onChange={(k) => edit((c) => withSource(c, k))}
      />
      <FileSourceControls />
      <FieldRows
        rows={SOURCE_SLIDERS[data.source.kind] ?? []}
        values={data.source as unknown as SourceValues}
        onChange={(patch) => edit((c) => patchSource(c, patch))}
      />
      <FieldRows rows={SPLIT_ROWS} values={data} onChange={(patch) => edit((c) => patchData(c, patch))} />
    </>
  );
}
