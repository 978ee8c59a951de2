/**
 * Landscape's model and loss settings: every option of Train mode's model (depth, widths,
 * activation, batch norm, linear / fixed ETF / GCR head with k, gamma and the Riemannian step) and
 * its loss (CE or MSE, label smoothing), with what theta holds for the chosen model.
 */
import { LI_MLP, useLandscapeStore, type LandscapeForm } from '../../state/landscapeStore';
import type { HeadConfig, HeadKind, ModelConfig } from '../../training/types';
import { NumberField } from './NumberField';

const isInt = (lo: number, hi: number) => (v: number) => Number.isInteger(v) && v >= lo && v <= hi;

const HEADS: { id: HeadKind; label: string; title: string }[] = [
  { id: 'linear', label: 'linear', title: 'Learned W h + b: W (K x F) and b are in theta' },
  { id: 'etf', label: 'fixed ETF', title: 'Frozen simplex ETF rows (as in Train mode, not trainable): not in theta, not counted in D' },
  { id: 'gcr', label: 'GCR', title: 'Per class an F x k basis S_c, logit_c = gamma ||S_c^T h/||h|| ||; the bases are in theta' },
];

/** The head of `kind` for feature width F (GCR: k = min(8, F), gamma 25, Riemannian step 0.05, Train mode's defaults). */
function headOfKind(kind: HeadKind, F: number, prev: HeadConfig): HeadConfig {
  if (kind === 'gcr') return prev.kind === 'gcr' ? prev : { kind: 'gcr', k: Math.min(8, F), gamma: 25, subspaceLearningRate: 0.05 };
  return { kind };
}

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
  const setFeatureWidth = (featureWidth: number) => setModel(head.kind === 'gcr' && head.k > featureWidth ? { featureWidth, head: { ...head, k: featureWidth } } : { featureWidth });
  return (
    <>
      <div className="ls-grid">
        <NumberField label="hidden layers" value={model.depth} valid={isInt(1, 6)} step={1} onCommit={(depth) => setModel({ depth })} testId="ls-depth" />
        <NumberField label="width" value={model.width} valid={isInt(8, 1024)} step={1} onCommit={(width) => setModel({ width })} testId="ls-width" title="Hidden layers before the feature layer (8 ... 1024)" />
        <NumberField label="feature width F" value={model.featureWidth} valid={isInt(1, 1024)} step={1} onCommit={setFeatureWidth} testId="ls-feature-width" />
        <label className="ls-field">
          <span>activation</span>
          <select value={model.activation} onChange={(e) => setModel({ activation: e.target.value as ModelConfig['activation'] })} data-testid="ls-activation">
            <option value="relu">ReLU</option>
            <option value="gelu">GELU</option>
            <option value="tanh">tanh</option>
          </select>
        </label>
      </div>
      <label className="check ls-check" title="Affine -> batch norm -> activation in every hidden layer, as Train mode">
        <input type="checkbox" checked={model.batchNorm} onChange={(e) => setModel({ batchNorm: e.target.checked })} data-testid="ls-batchnorm" />
        batch norm
      </label>
      <div className="ls-field">
        <span>head</span>
        <div className="segmented" role="group" aria-label="Classifier head">
          {HEADS.map((h) => (
            <button key={h.id} type="button" aria-pressed={head.kind === h.id} title={h.title} onClick={() => setModel({ head: headOfKind(h.id, model.featureWidth, head) })} data-testid={`ls-head-${h.id}`}>
              {h.label}
            </button>
          ))}
        </div>
      </div>
      {head.kind === 'gcr' ? (
        <div className="ls-grid ls-gcr" data-testid="ls-gcr">
          <NumberField label="k (per class)" value={head.k} valid={isInt(1, model.featureWidth)} step={1} onCommit={(k) => setModel({ head: { ...head, k } })} testId="ls-gcr-k" title={`Subspace dimension of each class, 1 ... F = ${model.featureWidth}`} />
          <NumberField label="gamma" value={head.gamma} onCommit={(gamma) => setModel({ head: { ...head, gamma } })} testId="ls-gcr-gamma" title="Logit scale: logit_c = gamma ||S_c^T h/||h|| ||" />
          <NumberField
            label="Riemannian lr"
            value={head.subspaceLearningRate}
            onCommit={(subspaceLearningRate) => setModel({ head: { ...head, subspaceLearningRate } })}
            testId="ls-gcr-lr"
            title="Baseline only: step of the Riemannian SGD on the bases (following the run's schedule; momentum as Train mode). Subspace runs move the bases through theta_d."
          />
        </div>
      ) : null}
      <div className="ls-grid">
        <label className="ls-field" title="Cross-entropy on softmax(logits), or MSE 1/2 ||logits - target||^2; the reported test loss is the same objective">
          <span>loss</span>
          <select value={form.loss} onChange={(e) => setForm({ loss: e.target.value as LandscapeForm['loss'] })} data-testid="ls-loss">
            <option value="ce">CE</option>
            <option value="mse">MSE</option>
          </select>
        </label>
        <NumberField
          label="label smoothing"
          value={form.labelSmoothing}
          valid={(v) => v >= 0 && v < 1}
          onCommit={(labelSmoothing) => setForm({ labelSmoothing })}
          testId="ls-smoothing"
          title="Targets (1 - eps) onehot + eps / K, eps in [0, 1)"
        />
      </div>
      <div className="button-row">
        <button type="button" aria-pressed={isLi} onClick={() => setModel(LI_MLP)} data-testid="ls-li-mlp" title="Two ReLU hidden layers of 200, linear head, no batch norm: Li et al.'s fully connected MNIST network">
          2 x 200 ReLU (Li et al.)
        </button>
      </div>
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
