/**
 * Landscape's model and loss settings: the shared ModelConfig editor (every option of Train mode's
 * model) with typed numbers, the loss (CE or MSE, label smoothing), Li et al.'s network in one
 * click, and what theta holds for the chosen model.
 */
import { LI_MLP, useLandscapeStore, type LandscapeForm } from '../../state/landscapeStore';
import type { ModelConfig } from '../../training/types';
import { SelectField } from '../fields/ChoiceFields';
import { Hideable } from '../fields/Hideable';
import { NumberField } from '../fields/NumberField';
import { ModelConfigFields } from '../ModelConfigFields';

const LOSSES: Record<LandscapeForm['loss'], string> = { ce: 'CE', mse: 'MSE' };

/** What theta (and so D and the subspace) holds for this model, and one sentence per decision that applies to it. */
export function thetaNote(model: ModelConfig): { holds: string; decisions: string[] } {
  const parts = ['every hidden layer’s W and b'];
  if (model.batchNorm) parts.push('batch norm’s gamma and beta');
  if (model.head.kind === 'linear') parts.push('the head’s W and b');
  if (model.head.kind === 'gcr') parts.push(`the class bases S_c (F x ${model.head.k} each)`);
  const decisions: string[] = [];
  if (model.batchNorm) {
    decisions.push(
      'Batch norm (before the activation, as Train mode): batch statistics in training steps, running averages (momentum 0.9) at evaluation. The running mean and variance are buffers outside theta, updated after each step outside the subspace, not counted in D.',
    );
  }
  if (model.head.kind === 'etf') decisions.push('The simplex ETF head is frozen (as in Train mode): not in theta, not counted in D; only the body moves in the subspace.');
  if (model.head.kind === 'gcr') {
    decisions.push(
      'GCR: a subspace step moves S_c off the Grassmannian, so subspace runs use orth(S_c), the Q factor of its thin QR (diag R > 0, by Gram-Schmidt): the logits are those of span(S_c). The baseline trains the bases as Train mode does, by Riemannian SGD with the QR retraction.',
    );
  }
  return { holds: `theta holds ${parts.join(', ')}.`, decisions };
}

export function ModelFields({ form }: { form: LandscapeForm }) {
  const { setForm, setModel } = useLandscapeStore.getState();
  const model = form.model;
  const head = model.head;
  const isLi = model.depth === LI_MLP.depth && model.width === LI_MLP.width && model.featureWidth === LI_MLP.featureWidth && !model.batchNorm && head.kind === 'linear';
  const note = thetaNote(model);
  return (
    <>
      <ModelConfigFields model={model} edit={(update) => setModel(update(useLandscapeStore.getState().form.model))} look="grid" testIdPrefix="ls" />
      <div className="ls-grid">
        <SelectField
          look="grid"
          label="loss"
          help="Cross-entropy on softmax(logits), or MSE 1/2 ||logits - target||^2; the reported test loss is the same objective"
          testId="ls-loss"
          value={form.loss}
          options={['ce', 'mse'] as const}
          format={(v) => LOSSES[v]}
          onChange={(loss) => setForm({ loss })}
        />
        <NumberField
          look="grid"
          label="label smoothing"
          value={form.labelSmoothing}
          valid={(v) => v >= 0 && v < 1}
          onCommit={(labelSmoothing) => setForm({ labelSmoothing })}
          testId="ls-smoothing"
          help="Targets (1 - eps) onehot + eps / K, eps in [0, 1)"
        />
      </div>
      <Hideable testId="ls-li-mlp">
      <div className="button-row">
        <button type="button" aria-pressed={isLi} onClick={() => setModel(LI_MLP)} data-testid="ls-li-mlp" title="Two ReLU hidden layers of 200, linear head, no batch norm: Li et al.'s fully connected MNIST network">
          2 x 200 ReLU (Li et al.)
        </button>
      </div>
      </Hideable>
      <div className="control-note" data-testid="ls-theta-note">
        {note.holds}
        {note.decisions.length > 0 ? (
          <details className="ls-details">
            <summary>How {[model.batchNorm ? 'batch norm' : '', head.kind === 'etf' ? 'the fixed ETF' : head.kind === 'gcr' ? 'the GCR head' : ''].filter(Boolean).join(' and ')} train here</summary>
            {note.decisions.map((d) => (
              <p key={d}>{d}</p>
            ))}
          </details>
        ) : null}
      </div>
    </>
  );
}
