/** The headline numbers of a sweep: D, baseline accuracy, d_int90 (interpolated) and D / d_int90. */
import type { SweepRecord } from '../../state/landscapeStore';
import { StatRow } from './StatRow';

export function SummaryCard({ sweep }: { sweep: SweepRecord }) {
  const base = sweep.rows.find((r) => r.d === null)?.result?.evaluation.accuracy ?? null;
  const done = sweep.rows.filter((r) => r.d !== null && r.result).length;
  const total = sweep.rows.length - 1;
  const missing = base === null ? 'the baseline has not finished' : done === 0 ? 'no subspace run has finished' : 'no d on the grid reached 90% of the baseline; add larger d';
  return (
    <section className="metric-section" data-testid="ls-summary">
      <h3>Objective-landscape dimension</h3>
      <div className="metric-grid">
        <StatRow id="D" label="parameters D" value={sweep.plan.numParams} text={sweep.plan.numParams.toLocaleString('en')} doc={`D = sum over layers of (fan-in + 1) x fan-out for the MLP ${sweep.plan.widths.join('-')}.`} />
        <StatRow id="baseline" label="baseline test accuracy" value={base} doc="Test accuracy of ordinary training of all D parameters with the same step budget and batches (the reference of the 90% threshold)." missing="the baseline has not finished" />
        <StatRow
          id="dint90"
          label="d_int90"
          value={sweep.dInt90}
          text={sweep.dInt90 !== null ? `≈ ${Math.round(sweep.dInt90).toLocaleString('en')}` : undefined}
          doc="Smallest d whose test accuracy reaches 90% of the baseline's, interpolated linearly in log d between the first grid point that reaches it and the one before (Li et al. 2018). The first grid point itself when it already reaches it."
          missing={missing}
        />
        <StatRow id="compression" label="compression D / d_int90" value={sweep.compression} text={sweep.compression !== null ? `${sweep.compression.toFixed(1)}x` : undefined} doc="D / d_int90: how many times fewer directions of parameter space suffice for 90% of the baseline." missing={missing} />
        <StatRow id="runs-done" label="subspace runs done" value={done} text={`${done} of ${total}`} doc="Completed subspace runs; a cancelled sweep keeps them and its d_int90 uses only them." />
      </div>
      {sweep.backend ? (
        <p className="control-credit" data-testid="ls-backend-used" title={sweep.backend.reason}>
          Backend: {sweep.backend.backend}
          {sweep.trainRows !== null ? ` · ${sweep.trainRows.toLocaleString('en')} training / ${(sweep.testRows ?? 0).toLocaleString('en')} test rows` : ''}
        </p>
      ) : null}
    </section>
  );
}
