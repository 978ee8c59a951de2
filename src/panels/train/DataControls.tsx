/**
 * Data settings: the source (synthetic generators with their sliders, or the shipped real sets)
 * and the split controls (test fraction, class imbalance, label noise, data seed).
 */
import type { SourceKind } from '../../datasets/build';
import { classesOf, patchData, patchSource, SOURCE_KINDS, SOURCE_LABELS, withSource } from '../../state/trainingConfig';
import { useTrainingStore } from '../../state/trainingStore';
import { SelectField, SliderField } from '../fields/ChoiceFields';
import { FileSourceControls } from './FileSourceControls';

interface SliderSpec {
  field: string;
  label: string;
  min: number;
  max: number;
  step: number;
  help: string;
}

const N: SliderSpec = { field: 'n', label: 'points', min: 40, max: 4000, step: 20, help: 'Total number of points N (before the train/test split).' };
const DIM = (max: number): SliderSpec => ({ field: 'dim', label: 'dimension D', min: 2, max, step: 1, help: 'Ambient dimension D of the inputs.' });
const K = (max: number): SliderSpec => ({ field: 'classes', label: 'classes K', min: 2, max, step: 1, help: 'Number of classes K.' });

/** The sliders of each synthetic source, in order. */
const SOURCE_SLIDERS: Partial<Record<SourceKind, SliderSpec[]>> = {
  blobs: [N, DIM(1024), K(10),
    { field: 'separation', label: 'separation', min: 0.5, max: 12, step: 0.5, help: 'Norm of each class mean (means in random directions).' },
    { field: 'noise', label: 'noise std', min: 0.1, max: 4, step: 0.1, help: 'Isotropic Gaussian noise std around each mean.' }],
  spirals: [N, DIM(64), K(8),
    { field: 'turns', label: 'turns', min: 0.25, max: 3, step: 0.25, help: 'Revolutions of each arm from radius 0.1 to 1.' },
    { field: 'noise', label: 'noise std', min: 0, max: 0.3, step: 0.01, help: 'Gaussian noise std in the spiral plane.' }],
  shells: [N, DIM(64), K(6),
    { field: 'gap', label: 'gap', min: 0.1, max: 2, step: 0.1, help: 'Radius step between shells: class k lies at radius 1 + k gap.' },
    { field: 'noise', label: 'noise std', min: 0, max: 0.5, step: 0.01, help: 'Isotropic noise std.' }],
  subspaces: [N, DIM(128), K(10),
    { field: 'rank', label: 'rank r', min: 1, max: 16, step: 1, help: 'Each class is a zero-mean rank-r Gaussian in its own random r-dimensional subspace.' },
    { field: 'noise', label: 'noise std', min: 0, max: 0.5, step: 0.01, help: 'Isotropic noise std off the subspaces.' }],
  checkerboard: [N, DIM(16), K(4),
    { field: 'cells', label: 'cells per side', min: 2, max: 8, step: 1, help: 'The board has cells x cells squares; class (i + j) mod K.' },
    { field: 'noise', label: 'noise std', min: 0, max: 0.2, step: 0.01, help: 'Gaussian noise std in the board plane.' }],
};

const IMBALANCE = [1, 2, 5, 10, 20, 50] as const;

export function DataControls() {
  const data = useTrainingStore((s) => s.config.data);
  const edit = useTrainingStore((s) => s.edit);
  const src = data.source as unknown as Record<string, number> & { kind: SourceKind };
  const Kc = classesOf(data.source);
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
      {(SOURCE_SLIDERS[data.source.kind] ?? []).map((s) => (
        <SliderField
          key={s.field}
          label={s.label}
          help={s.help}
          testId={`train-source-${s.field}`}
          value={src[s.field]}
          min={s.min}
          max={s.field === 'rank' ? Math.min(s.max, src.dim) : s.max}
          step={s.step}
          onChange={(v) => edit((c) => patchSource(c, { [s.field]: v }))}
        />
      ))}
      {data.source.kind === 'fashion-mnist' ? (
        <SliderField
          label="images"
          help="Rows kept from the 10,000 Fashion-MNIST test images (28 x 28 = 784 pixels in [0, 1])."
          testId="train-source-limit"
          value={data.source.limit}
          min={1000}
          max={10000}
          step={500}
          onChange={(v) => edit((c) => patchSource(c, { limit: v }))}
        />
      ) : null}
      <SliderField
        label="test fraction"
        help="Fraction of each class held out for testing (stratified; the test set stays balanced and clean)."
        testId="train-test-fraction"
        value={data.testFraction}
        min={0}
        max={0.5}
        step={0.05}
        format={(v) => `${Math.round(v * 100)}%`}
        onChange={(v) => edit((c) => patchData(c, { testFraction: v }))}
      />
      <div className="train-pair">
        <SelectField
          label="imbalance"
          help="Each minority class keeps 1/ratio of its training rows (step imbalance). 1 = balanced."
          testId="train-imbalance"
          value={data.imbalanceRatio}
          options={IMBALANCE}
          format={(v) => `${v}x`}
          onChange={(v) => edit((c) => patchData(c, { imbalanceRatio: v }))}
        />
        <SelectField
          label="minorities"
          help="How many classes are minorities: the last m classes."
          testId="train-minorities"
          value={data.minorityClasses}
          options={Array.from({ length: Kc }, (_, i) => i)}
          onChange={(v) => edit((c) => patchData(c, { minorityClasses: v }))}
        />
      </div>
      <SliderField
        label="label noise"
        help="Fraction of training labels replaced by a uniformly drawn different class (test labels stay clean)."
        testId="train-label-noise"
        value={data.labelNoise}
        min={0}
        max={0.5}
        step={0.05}
        format={(v) => `${Math.round(v * 100)}%`}
        onChange={(v) => edit((c) => patchData(c, { labelNoise: v }))}
      />
      <SliderField
        label="data seed"
        help="Seeds the generator, the split, the imbalance subsampling and the label noise."
        testId="train-data-seed"
        value={data.seed}
        min={1}
        max={50}
        step={1}
        onChange={(v) => edit((c) => patchData(c, { seed: v }))}
      />
    </>
  );
}
