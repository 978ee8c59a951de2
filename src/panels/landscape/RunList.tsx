/** One row per run of the current sweep: its projection and memory, a progress bar, then test accuracy, loss and time. */
import type { SweepRecord } from '../../state/landscapeStore';
import { formatBytes, formatSig } from '../../format';
import { TableHead } from '../TableHead';

export function RunList({ sweep }: { sweep: SweepRecord }) {
  return (
    <section className="ls-runs" aria-label="Runs" data-testid="ls-runs">
      <h3 className="ls-runs-title">
        Runs <span className="panel-sub" data-testid="ls-stage">{sweep.status === 'error' ? 'failed' : sweep.stage}</span>
      </h3>
      <table className="ls-run-table">
        <TableHead columns={['run', 'P', 'progress', 'test acc.', 'test loss', 'TwoNN feat.', 'time']} />
        <tbody>
          {sweep.rows.map((r) => {
            const live = sweep.status === 'running' || sweep.status === 'preparing';
            const state = r.result ? 'done' : r.step === 0 ? 'pending' : live ? 'running' : 'stopped';
            return (
              <tr key={r.run} data-testid="ls-run" data-d={r.d ?? 'baseline'} data-state={state}>
                <td>{r.d === null ? 'baseline' : `d = ${r.d.toLocaleString('en')}`}</td>
                <td className="ls-muted">{r.projection.kind === 'identity' ? 'P = I' : `${r.projection.kind}, ${formatBytes(r.projection.memoryBytes)}`}</td>
                <td>
                  <progress max={r.steps} value={r.step} aria-label={`progress of ${r.d === null ? 'the baseline' : `d = ${r.d}`}`} />
                  <span className="ls-muted ls-steps">{state === 'pending' ? '' : state === 'stopped' ? `stopped at ${r.step}/${r.steps}` : `${r.step}/${r.steps}${state === 'running' && r.batchLoss !== null ? ` · loss ${formatSig(r.batchLoss, 3)}` : ''}`}</span>
                </td>
                <td className="ls-num">{r.result?.evaluation.accuracy != null ? formatSig(r.result.evaluation.accuracy, 3) : ''}</td>
                <td className="ls-num">{r.result ? formatSig(r.result.evaluation.loss, 3) : ''}</td>
                <td className="ls-num">{r.featureTwoNN !== null ? formatSig(r.featureTwoNN, 3) : ''}</td>
                <td className="ls-num">{r.result ? `${r.result.seconds.toFixed(1)} s` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sweep.error ? (
        <p className="control-error" role="alert" data-testid="ls-error">
          {sweep.error.problem} {sweep.error.fix}
        </p>
      ) : null}
    </section>
  );
}
