/** Loss and optimiser settings: loss, label smoothing, SGD/Adam, learning rate, momentum, weight decay, batch size, mixup, seed. */
import type { LossKind, OptimizerKind } from '../../training/types';
import { patchTrain } from '../../state/trainingConfig';
import { useTrainingStore } from '../../state/trainingStore';
import { SegmentedField, SelectField, SliderField } from '../fields/ChoiceFields';

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

export function OptimControls() {
  const t = useTrainingStore((s) => s.config.train);
  const edit = useTrainingStore((s) => s.edit);
  const set = (patch: Parameters<typeof patchTrain>[1]) => edit((c) => patchTrain(c, patch));
  return (
    <>
      <SegmentedField
        label="loss"
        help="Cross-entropy on softmax(logits), or MSE 1/2 ||logits - target||^2 (both averaged over the batch)."
        testId="train-loss"
        value={t.loss}
        options={LOSSES}
        onChange={(v) => set({ loss: v })}
      />
      <SliderField
        label="label smoothing"
        help="Targets (1 - eps) onehot + eps/K."
        testId="train-smoothing"
        value={t.labelSmoothing}
        min={0}
        max={0.3}
        step={0.01}
        onChange={(v) => set({ labelSmoothing: v })}
      />
      <SegmentedField
        label="optimiser"
        help="SGD with heavy-ball momentum, or Adam (beta1 0.9, beta2 0.999, eps 1e-8)."
        testId="train-optimizer"
        value={t.optimizer}
        options={OPTIMIZERS}
        onChange={(v) => set({ optimizer: v })}
      />
      <div className="train-pair">
        <SelectField label="learning rate" help="Step size of the optimiser." testId="train-lr" value={t.learningRate} options={LRS} onChange={(v) => set({ learningRate: v })} />
        <SelectField
          label="weight decay"
          help="Decoupled weight decay lambda: theta <- theta - lr lambda theta after every step, on all Euclidean parameters (never the GCR bases)."
          testId="train-wd"
          value={t.weightDecay}
          options={DECAYS}
          onChange={(v) => set({ weightDecay: v })}
        />
      </div>
      {t.optimizer === 'sgd' ? (
        <SliderField label="momentum" help="Heavy-ball momentum of SGD." testId="train-momentum" value={t.momentum} min={0} max={0.99} step={0.01} onChange={(v) => set({ momentum: v })} />
      ) : null}
      <div className="train-pair">
        <SelectField
          label="batch size"
          help="Fixed batch size B (clamped to the training rows); the last partial batch of an epoch is dropped."
          testId="train-batch"
          value={t.batchSize}
          options={BATCHES}
          onChange={(v) => set({ batchSize: v })}
        />
        <SelectField
          label="mixup alpha"
          help="Mixup: x = lam x_i + (1 - lam) x_j with the same mix of targets, lam ~ Beta(alpha, alpha) once per batch; 0 = off."
          testId="train-mixup"
          value={t.mixupAlpha}
          options={MIXUP}
          format={(v) => (v === 0 ? 'off' : String(v))}
          onChange={(v) => set({ mixupAlpha: v })}
        />
      </div>
      <SliderField
        label="seed"
        help="Seeds the initialisation, the batch order, mixup and the fixed sample. The same seed gives the same run on the same backend."
        testId="train-seed"
        value={t.seed}
        min={1}
        max={50}
        step={1}
        onChange={(v) => set({ seed: v })}
      />
    </>
  );
}
