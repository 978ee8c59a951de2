/** Loss and optimiser settings: loss, label smoothing, SGD/Adam, learning rate, momentum, weight decay, batch size, mixup, seed. */
import type { LossKind, OptimizerKind, TrainConfig } from '../../training/types';
import { patchTrain } from '../../state/trainingConfig';
import { useTrainingStore } from '../../state/trainingStore';
import { FieldRows, seedSlider, type FieldRow } from '../fields/FieldRows';

const LRS = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1] as const;
const DECAYS = [0, 0.0001, 0.0005, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1] as const;
const BATCHES = [8, 16, 32, 64, 128, 256, 512] as const;
const MIXUP = [0, 0.1, 0.2, 0.4, 1, 2] as const;

const LOSSES: { value: LossKind; label: string }[] = [
  { value: 'ce', label: 'Cross-entropy' },
  { value: 'mse', label: 'MSE' },
];
const OPTIMIZERS: { value: OptimizerKind; label: string }[] = [
  { value: 'sgd', label: 'SGD + momentum' },
  { value: 'adam', label: 'Adam' },
];

const ROWS: FieldRow<TrainConfig>[] = [
  { kind: 'segmented', key: 'loss', label: 'loss', testId: 'train-loss', options: LOSSES,
    help: 'Cross-entropy on softmax(logits), or MSE 1/2 ||logits - target||^2 (both averaged over the batch).' },
  { kind: 'slider', key: 'labelSmoothing', label: 'label smoothing', testId: 'train-smoothing', min: 0, max: 0.3, step: 0.01,
    help: 'Targets (1 - eps) onehot + eps/K.' },
  { kind: 'segmented', key: 'optimizer', label: 'optimiser', testId: 'train-optimizer', options: OPTIMIZERS,
    help: 'SGD with heavy-ball momentum, or Adam (beta1 0.9, beta2 0.999, eps 1e-8).' },
  { pair: [
    { kind: 'select', key: 'learningRate', label: 'learning rate', testId: 'train-lr', options: LRS, help: 'Step size of the optimiser.' },
    { kind: 'select', key: 'weightDecay', label: 'weight decay', testId: 'train-wd', options: DECAYS,
      help: 'Decoupled weight decay lambda: theta <- theta - lr lambda theta after every step, on all Euclidean parameters (never the GCR bases).' },
  ] },
  { kind: 'slider', key: 'momentum', label: 'momentum', testId: 'train-momentum', min: 0, max: 0.99, step: 0.01,
    help: 'Heavy-ball momentum of SGD.', when: (t) => t.optimizer === 'sgd' },
  { pair: [
    { kind: 'select', key: 'batchSize', label: 'batch size', testId: 'train-batch', options: BATCHES,
      help: 'Fixed batch size B (clamped to the training rows); the last partial batch of an epoch is dropped.' },
    { kind: 'select', key: 'mixupAlpha', label: 'mixup alpha', testId: 'train-mixup', options: MIXUP, format: (v) => (v === 0 ? 'off' : String(v)),
      help: 'Mixup: x = lam x_i + (1 - lam) x_j with the same mix of targets, lam ~ Beta(alpha, alpha) once per batch; 0 = off.' },
  ] },
  seedSlider('seed', 'seed', 'train-seed', 'Seeds the initialisation, the batch order, mixup and the fixed sample. The same seed gives the same run on the same backend.'),
];

export function OptimControls() {
  const t = useTrainingStore((s) => s.config.train);
  const edit = useTrainingStore((s) => s.edit);
  return <FieldRows rows={ROWS} values={t} onChange={(patch) => edit((c) => patchTrain(c, patch))} />;
}
