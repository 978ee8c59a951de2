/**
 * Landscape's left panel: data, model and loss, the grid of d, the budget, the projection and its
 * plan, start and cancel. Every control can be hidden from students (hide= in the address, as in
 * Train); a group whose controls are all hidden goes with them, the model's notes (D, theta) stay.
 */
import { LANDSCAPE_PRESETS, useLandscapeStore, type LandscapeForm } from '../../state/landscapeStore';
import { BackendPicker } from '../BackendPicker';
import type { ProjectionChoice } from '../../workers/landscapeProtocol';
import { ModelFields } from './ModelFields';
import { SelectField } from '../fields/ChoiceFields';
import { isInt, NumberField } from '../fields/NumberField';
import { Segmented, type SegmentOption } from '../fields/Segmented';
import { PlanTable } from './PlanTable';
import { EditShownButton, Hideable } from '../fields/Hideable';
import { useAllHidden } from '../../teach/hideStore';
import { usePick } from '../../views/usePick';
import { OptionList } from '../fields/OptionList';

const OPTIMIZERS: Record<LandscapeForm['optimizer'], string> = { adam: 'Adam', sgd: 'SGD (momentum)' };
/** The groups that hold nothing but controls. */
const BUDGET = ['steps', 'batch', 'lr', 'lr-baseline', 'optimizer', 'momentum', 'schedule', 'seed'] as const;

const PROJECTIONS: readonly SegmentOption<ProjectionChoice>[] = [
  { value: 'auto', label: 'auto', title: 'Dense while D x d x 4 bytes fits 64 MiB, sparse beyond', testId: 'ls-projection-auto' },
  { value: 'dense', label: 'dense', title: 'Gaussian D x d with unit-norm columns: 4 D d bytes', testId: 'ls-projection-dense' },
  { value: 'sparse', label: 'sparse', title: 'ceil(sqrt(D)) seeded nonzeros ±1/sqrt(s) per column: 8 d s bytes', testId: 'ls-projection-sparse' },
];

export function SetupPanel() {
  const { form, plan, planError } = usePick(useLandscapeStore, 'form', 'plan', 'planError');
  const status = useLandscapeStore((s) => s.current?.status);
  const { setForm, applyPreset, resetDims, start, cancel } = useLandscapeStore.getState();
  const running = status === 'running' || status === 'preparing';
  const preset = LANDSCAPE_PRESETS.find((p) => p.id === form.presetId);
  const noData = useAllHidden('landscape', ['preset']);
  const noDims = useAllHidden('landscape', ['dims']);
  const noBudget = useAllHidden('landscape', BUDGET);
  const noProjection = useAllHidden('landscape', ['projection']);
  const noBackend = useAllHidden('landscape', ['backend']);
  /** Why the sweep cannot start (shown even with the projection hidden). */
  const errorNote = planError ? (
    <p className="control-error" role="alert" data-testid="ls-plan-error">
      {planError}
    </p>
  ) : null;
  return (
    <aside className="panel controls ls-setup" aria-label="Landscape setup">
      <div className="train-controls-head">
        <h2 className="panel-title">
          Landscape <span className="panel-sub">intrinsic dimension of the objective</span>
        </h2>
        <EditShownButton mode="landscape" testId="ls-edit-shown" />
      </div>
      {noData ? null : (
      <fieldset className="control" disabled={running}>
        <legend>Data</legend>
        <Hideable testId="ls-preset">
        <select value={form.presetId} onChange={(e) => applyPreset(e.target.value)} data-testid="ls-preset" aria-label="Data set and model preset">
          <OptionList items={LANDSCAPE_PRESETS} value={(p) => p.id} label={(p) => p.label} />
        </select>
        {preset ? <p className="control-note">{preset.description}</p> : null}
        </Hideable>
      </fieldset>
      )}
      <fieldset className="control" disabled={running}>
        <legend>Model and loss (any of Train mode's)</legend>
        <ModelFields form={form} />
        {plan ? (
          <p className="control-note" data-testid="ls-widths">
            {plan.widths.join('-')}: D = <strong data-testid="ls-num-params">{plan.numParams.toLocaleString('en')}</strong> parameters in theta
          </p>
        ) : null}
      </fieldset>
      {noDims ? null : (
      <fieldset className="control" disabled={running}>
        <legend>Subspace dimensions d</legend>
        <Hideable testId="ls-dims">
        <input
          className="ls-dims"
          type="text"
          value={form.dimsText}
          onChange={(e) => setForm({ dimsText: e.target.value, dimsEdited: true })}
          data-testid="ls-dims"
          aria-label="Subspace dimensions d, comma separated"
          placeholder="10, 30, 100, 300, 1000"
        />
        <div className="button-row">
          <button type="button" onClick={resetDims} disabled={!form.dimsEdited} data-testid="ls-dims-default" title="10 log-spaced values from 10 to min(5000, D)">
            Log-spaced default
          </button>
        </div>
        </Hideable>
      </fieldset>
      )}
      {noBudget ? null : (
      <fieldset className="control" disabled={running}>
        <legend>Budget (every run, the baseline too)</legend>
        <div className="ls-grid">
          <NumberField look="grid" label="steps" value={form.steps} valid={isInt(1, 1e6)} step={1} onCommit={(steps) => setForm({ steps })} testId="ls-steps" />
          <NumberField look="grid" label="batch" value={form.batchSize} valid={isInt(1, 4096)} step={1} onCommit={(batchSize) => setForm({ batchSize })} testId="ls-batch" />
          <NumberField look="grid" label="lr subspace" value={form.learningRate} onCommit={(learningRate) => setForm({ learningRate })} testId="ls-lr" help="Step size of theta_d" />
          <NumberField look="grid" label="lr baseline" value={form.baselineLearningRate} onCommit={(baselineLearningRate) => setForm({ baselineLearningRate })} testId="ls-lr-baseline" help="Step size of theta in ordinary training" />
          <SelectField look="grid" label="optimiser" testId="ls-optimizer" value={form.optimizer} options={['adam', 'sgd'] as const} format={(v) => OPTIMIZERS[v]} onChange={(optimizer) => setForm({ optimizer })} />
          {form.optimizer === 'sgd' ? (
            <NumberField look="grid" label="momentum" value={form.momentum} valid={(v) => v >= 0 && v < 1} onCommit={(momentum) => setForm({ momentum })} testId="ls-momentum" help="Heavy-ball momentum in [0, 1), of theta_d and of the baseline (and of a GCR baseline's Riemannian step)" />
          ) : null}
          <SelectField look="grid" label="schedule" help="cosine: lr_t = lr (1 + cos(pi t / T)) / 2 over each run's T steps" testId="ls-schedule" value={form.schedule} options={['cosine', 'constant'] as const} onChange={(schedule) => setForm({ schedule })} />
          <NumberField look="grid" label="seed" value={form.seed} valid={isInt(0, 2 ** 31)} step={1} onCommit={(seed) => setForm({ seed })} testId="ls-seed" help="Seeds theta0, the batches, P, the data split and the ID sample" />
        </div>
      </fieldset>
      )}
      {noProjection ? errorNote : (
      <fieldset className="control" disabled={running}>
        <legend>Projection P</legend>
        <Hideable testId="ls-projection">
        <Segmented value={form.projection} options={PROJECTIONS} onChange={(projection) => setForm({ projection })} ariaLabel="Projection" />
        {plan && !planError ? <PlanTable plan={plan} /> : null}
        </Hideable>
        {errorNote}
      </fieldset>
      )}
      {noBackend ? null : (
      <fieldset className="control" disabled={running}>
        <legend>Backend</legend>
        <Hideable testId="ls-backend">
        <BackendPicker value={form.backend} onChange={(backend) => setForm({ backend })} testId="ls-backend" ariaLabel="tfjs backend" autoLabel="auto (fastest by probe)" names="plain" />
        </Hideable>
      </fieldset>
      )}
      <Hideable testId="ls-run">
      <div className="ls-actions">
        <button type="button" className="primary-button" onClick={start} disabled={running || !plan || planError !== null} data-testid="ls-start">
          Run sweep
        </button>
        <button type="button" onClick={cancel} disabled={!running} data-testid="ls-cancel">
          Cancel
        </button>
      </div>
      </Hideable>
    </aside>
  );
}
