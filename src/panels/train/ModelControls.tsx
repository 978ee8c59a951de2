/** Model settings: MLP depth and widths, activation, batch norm, and the head (linear, fixed ETF, GCR with k and gamma). */
import type { Activation, HeadKind } from '../../training/types';
import { classesOf, patchHead, patchModel, withHead } from '../../state/trainingConfig';
import { useTrainingStore } from '../../state/trainingStore';
import { CheckField, SegmentedField, SelectField, SliderField } from './fields';

const WIDTHS = [8, 16, 32, 64, 128, 256, 512, 1024] as const;
const FEATURE_WIDTHS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64, 128, 256, 512, 1024] as const;
const GAMMAS = [5, 10, 15, 25, 40, 60] as const;
const SUBSPACE_LRS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2] as const;

const ACTIVATIONS: { value: Activation; label: string }[] = [
  { value: 'relu', label: 'ReLU' },
  { value: 'gelu', label: 'GELU' },
  { value: 'tanh', label: 'tanh' },
];

const HEADS: { value: HeadKind; label: string }[] = [
  { value: 'linear', label: 'Linear' },
  { value: 'etf', label: 'Fixed ETF' },
  { value: 'gcr', label: 'GCR' },
];

export function ModelControls() {
  const model = useTrainingStore((s) => s.config.model);
  const K = useTrainingStore((s) => classesOf(s.config.data.source));
  const edit = useTrainingStore((s) => s.edit);
  const head = model.head;
  return (
    <>
      <SliderField
        label="hidden layers"
        help="Depth: hidden layers, each affine -> optional batch norm -> activation; the last one's output is the feature h."
        testId="train-depth"
        value={model.depth}
        min={1}
        max={6}
        step={1}
        onChange={(v) => edit((c) => patchModel(c, { depth: v }))}
      />
      <div className="train-pair">
        <SelectField
          label="width"
          help="Width of the hidden layers before the feature layer (unused at depth 1)."
          testId="train-width"
          value={model.width}
          options={WIDTHS}
          disabled={model.depth === 1}
          onChange={(v) => edit((c) => patchModel(c, { width: v }))}
        />
        <SelectField
          label="feature width F"
          help={`Width of the penultimate (feature) layer. Below K - 1 = ${K - 1} no simplex ETF fits, so collapse cannot complete.`}
          testId="train-feature-width"
          value={model.featureWidth}
          options={FEATURE_WIDTHS}
          format={(v) => (v < K - 1 ? `${v} (< K-1)` : String(v))}
          onChange={(v) => edit((c) => patchModel(c, { featureWidth: v }))}
        />
      </div>
      <SegmentedField
        label="activation"
        testId="train-activation"
        value={model.activation}
        options={ACTIVATIONS}
        onChange={(v) => edit((c) => patchModel(c, { activation: v }))}
      />
      <CheckField
        label="batch norm"
        help="Batch normalisation after each affine map of the MLP (batch statistics in training, running averages in eval mode)."
        testId="train-batchnorm"
        checked={model.batchNorm}
        onChange={(v) => edit((c) => patchModel(c, { batchNorm: v }))}
      />
      <SegmentedField
        label="head"
        help="Linear: learned W h + b. Fixed ETF: frozen simplex ETF rows (the features must align). GCR: per class an orthonormal F x k basis S_c, logit_c = gamma ||S_c^T h/||h|| ||, trained by Riemannian SGD."
        testId="train-head"
        value={head.kind}
        options={HEADS}
        onChange={(v) => edit((c) => withHead(c, v))}
      />
      {head.kind === 'gcr' ? (
        <>
          <SliderField
            label="subspace dim. k"
            help="Dimension k of each class subspace (at most the feature width)."
            testId="train-gcr-k"
            value={head.k}
            min={1}
            max={Math.max(1, Math.min(32, model.featureWidth))}
            step={1}
            onChange={(v) => edit((c) => patchHead(c, { k: v }))}
          />
          <div className="train-pair">
            <SelectField label="gamma" help="Logit scale gamma." testId="train-gcr-gamma" value={head.gamma} options={GAMMAS} onChange={(v) => edit((c) => patchHead(c, { gamma: v }))} />
            <SelectField
              label="subspace lr"
              help="Step size of the Riemannian SGD on the bases (QR retraction keeps S^T S = I)."
              testId="train-gcr-lr"
              value={head.subspaceLearningRate}
              options={SUBSPACE_LRS}
              onChange={(v) => edit((c) => patchHead(c, { subspaceLearningRate: v }))}
            />
          </div>
        </>
      ) : null}
    </>
  );
}
