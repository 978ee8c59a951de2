/**
 * The one editor of a ModelConfig (Train and Landscape): depth, widths, activation, batch norm and
 * the head (linear, fixed ETF, GCR with k, gamma and the Riemannian step). Every edit goes through
 * training/modelConfig.ts (k <= F; a new GCR head from DEFAULT_GCR_HEAD). Train's 'column' look
 * offers fixed choices (sliders and menus); Landscape's 'grid' look takes typed numbers.
 */
import type { ReactNode } from 'react';
import { patchGcrHead, patchModelConfig, withHeadKind } from '../training/modelConfig';
import type { Activation, HeadKind, ModelConfig } from '../training/types';
import type { FieldLook } from './fields/Field';
import { CheckField, SegmentedField, SelectField, SliderField } from './fields/ChoiceFields';
import { isInt, NumberField } from './fields/NumberField';

/** The bounds of ModelConfig (training/types.ts): depth 1..6, width 8..1024, F 1..1024. */
const DEPTH = [1, 6] as const;
const WIDTH = [8, 1024] as const;
const FEATURE_WIDTH = [1, 1024] as const;

const WIDTHS = [8, 16, 32, 64, 128, 256, 512, 1024] as const;
const FEATURE_WIDTHS = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64, 128, 256, 512, 1024] as const;
const GAMMAS = [5, 10, 15, 25, 40, 60] as const;
const SUBSPACE_LRS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2] as const;
/** The slider's top k in the column look (the grid takes any k up to F). */
const K_SLIDER_MAX = 32;

const ACTIVATIONS: readonly { value: Activation; label: string }[] = [
  { value: 'relu', label: 'ReLU' },
  { value: 'gelu', label: 'GELU' },
  { value: 'tanh', label: 'tanh' },
];

interface Words {
  depth?: string;
  width: string;
  featureWidth: (K: number) => string | undefined;
  batchNorm: string;
  head?: string;
  heads: Record<HeadKind, { label: string; title?: string }>;
  kLabel: string;
  k: (F: number) => string;
  gamma: string;
  lrLabel: string;
  lr: string;
}

/** Each look's words: Train's speak of training the head, Landscape's of what theta holds. */
const TEXT: Record<FieldLook, Words> = {
  column: {
    depth: "Depth: hidden layers, each affine -> optional batch norm -> activation; the last one's output is the feature h.",
    width: 'Width of the hidden layers before the feature layer (unused at depth 1).',
    featureWidth: (K: number) => `Width of the penultimate (feature) layer. Below K - 1 = ${K - 1} no simplex ETF fits, so collapse cannot complete.`,
    batchNorm: 'Batch normalisation after each affine map of the MLP (batch statistics in training, running averages in eval mode).',
    head: 'Linear: learned W h + b. Fixed ETF: frozen simplex ETF rows (the features must align). GCR: per class an orthonormal F x k basis S_c, logit_c = gamma ||S_c^T h/||h|| ||, trained by Riemannian SGD.',
    heads: { linear: { label: 'Linear' }, etf: { label: 'Fixed ETF' }, gcr: { label: 'GCR' } },
    kLabel: 'subspace dim. k',
    k: () => 'Dimension k of each class subspace (at most the feature width).',
    gamma: 'Logit scale gamma.',
    lrLabel: 'subspace lr',
    lr: 'Step size of the Riemannian SGD on the bases (QR retraction keeps S^T S = I).',
  },
  grid: {
    width: 'Hidden layers before the feature layer (8 ... 1024)',
    featureWidth: () => undefined,
    batchNorm: 'Affine -> batch norm -> activation in every hidden layer, as Train mode',
    heads: {
      linear: { label: 'linear', title: 'Learned W h + b: W (K x F) and b are in theta' },
      etf: { label: 'fixed ETF', title: 'Frozen simplex ETF rows (as in Train mode, not trainable): not in theta, not counted in D' },
      gcr: { label: 'GCR', title: 'Per class an F x k basis S_c, logit_c = gamma ||S_c^T h/||h|| ||; the bases are in theta' },
    },
    kLabel: 'k (per class)',
    k: (F: number) => `Subspace dimension of each class, 1 ... F = ${F}`,
    gamma: 'Logit scale: logit_c = gamma ||S_c^T h/||h|| ||',
    lrLabel: 'Riemannian lr',
    lr: "Baseline only: step of the Riemannian SGD on the bases (following the run's schedule; momentum as Train mode). Subspace runs move the bases through theta_d.",
  },
};

interface Props {
  model: ModelConfig;
  /** Applies an update to the model being edited (the store's current one). */
  edit: (update: (m: ModelConfig) => ModelConfig) => void;
  look: FieldLook;
  /** Prefix of every data-testid ('train' gives train-depth, train-head, train-gcr-k ...). */
  testIdPrefix: string;
  /** Classes K of the data: the column look marks feature widths below K - 1. */
  classes?: number;
}

export function ModelConfigFields({ model, edit, look, testIdPrefix: id, classes }: Props) {
  const text = TEXT[look];
  const head = model.head;
  const F = model.featureWidth;
  const patch = (p: Parameters<typeof patchModelConfig>[1]) => edit((m) => patchModelConfig(m, p));
  const gcr = (p: Parameters<typeof patchGcrHead>[1]) => edit((m) => patchGcrHead(m, p));
  const grid = look === 'grid';
  /** A typed number: an integer in `range`, or without one any positive number. */
  const number = (label: string, value: number, testId: string, help: string | undefined, onCommit: (v: number) => void, range?: readonly [number, number]) => (
    <NumberField look="grid" label={label} help={help} value={value} valid={range ? isInt(range[0], range[1]) : undefined} step={range ? 1 : 'any'} onCommit={onCommit} testId={testId} />
  );

  const depth = grid ? (
    number('hidden layers', model.depth, `${id}-depth`, text.depth, (depth) => patch({ depth }), DEPTH)
  ) : (
    <SliderField label="hidden layers" help={text.depth} testId={`${id}-depth`} value={model.depth} min={DEPTH[0]} max={DEPTH[1]} step={1} onChange={(depth) => patch({ depth })} />
  );
  const width = grid ? (
    number('width', model.width, `${id}-width`, text.width, (width) => patch({ width }), WIDTH)
  ) : (
    <SelectField label="width" help={text.width} testId={`${id}-width`} value={model.width} options={WIDTHS} disabled={model.depth === 1} onChange={(width) => patch({ width })} />
  );
  const K = classes ?? 0;
  const featureWidth = grid ? (
    number('feature width F', F, `${id}-feature-width`, text.featureWidth(K), (featureWidth) => patch({ featureWidth }), FEATURE_WIDTH)
  ) : (
    <SelectField label="feature width F" help={text.featureWidth(K)} testId={`${id}-feature-width`} value={F} options={FEATURE_WIDTHS} format={(v) => (v < K - 1 ? `${v} (< K-1)` : String(v))} onChange={(featureWidth) => patch({ featureWidth })} />
  );
  const activation = grid ? (
    <SelectField look="grid" label="activation" testId={`${id}-activation`} value={model.activation} options={ACTIVATIONS.map((a) => a.value)} format={(v) => ACTIVATIONS.find((a) => a.value === v)?.label ?? v} onChange={(activation) => patch({ activation })} />
  ) : (
    <SegmentedField label="activation" testId={`${id}-activation`} value={model.activation} options={ACTIVATIONS} onChange={(activation) => patch({ activation })} />
  );
  const batchNorm = <CheckField look={look} label="batch norm" help={text.batchNorm} testId={`${id}-batchnorm`} checked={model.batchNorm} onChange={(batchNorm) => patch({ batchNorm })} />;
  const heads = (Object.keys(text.heads) as HeadKind[]).map((k) => ({ value: k, ...text.heads[k] }));
  const headField = <SegmentedField look={look} label="head" ariaLabel={grid ? 'Classifier head' : undefined} help={text.head} testId={`${id}-head`} value={head.kind} options={heads} onChange={(kind) => edit((m) => withHeadKind(m, kind))} />;

  let gcrFields: ReactNode = null;
  if (head.kind === 'gcr' && grid) {
    gcrFields = (
      <div className="ls-grid ls-gcr" data-testid={`${id}-gcr`}>
        {number(text.kLabel, head.k, `${id}-gcr-k`, text.k(F), (k) => gcr({ k }), [1, F])}
        {number('gamma', head.gamma, `${id}-gcr-gamma`, text.gamma, (gamma) => gcr({ gamma }))}
        {number(text.lrLabel, head.subspaceLearningRate, `${id}-gcr-lr`, text.lr, (subspaceLearningRate) => gcr({ subspaceLearningRate }))}
      </div>
    );
  } else if (head.kind === 'gcr') {
    gcrFields = (
      <>
        <SliderField label={text.kLabel} help={text.k(F)} testId={`${id}-gcr-k`} value={head.k} min={1} max={Math.max(1, Math.min(K_SLIDER_MAX, F))} step={1} onChange={(k) => gcr({ k })} />
        <div className="train-pair">
          <SelectField label="gamma" help={text.gamma} testId={`${id}-gcr-gamma`} value={head.gamma} options={GAMMAS} onChange={(gamma) => gcr({ gamma })} />
          <SelectField label={text.lrLabel} help={text.lr} testId={`${id}-gcr-lr`} value={head.subspaceLearningRate} options={SUBSPACE_LRS} onChange={(subspaceLearningRate) => gcr({ subspaceLearningRate })} />
        </div>
      </>
    );
  }

  return grid ? (
    <>
      <div className="ls-grid">
        {depth}
        {width}
        {featureWidth}
        {activation}
      </div>
      {batchNorm}
      {headField}
      {gcrFields}
    </>
  ) : (
    <>
      {depth}
      <div className="train-pair">
        {width}
        {featureWidth}
      </div>
      {activation}
      {batchNorm}
      {headField}
      {gcrFields}
    </>
  );
}
