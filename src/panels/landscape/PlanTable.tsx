/** Which projection each run of the planned sweep uses and how much memory P takes (from planSweep, before anything runs). */
import { formatBytes } from '../../format';
import type { SweepPlan } from '../../workers/landscapeProtocol';
import { TableHead } from '../TableHead';

const KIND_TEXT = {
  identity: 'ordinary training, P = I',
  dense: 'dense Gaussian P, unit-norm columns',
  sparse: 'sparse P, seeded ±1/√s entries',
} as const;

export function PlanTable({ plan }: { plan: SweepPlan }) {
  const subspace = plan.plans.slice(1);
  const largest = Math.max(0, ...subspace.map((p) => p.memoryBytes));
  const kinds = [...new Set(subspace.map((p) => p.kind))];
  return (
    <div className="ls-plan" data-testid="ls-plan">
      <p className="control-note">
        {kinds.map((k) => KIND_TEXT[k]).join('; then ')}. Largest P: <strong data-testid="ls-plan-largest">{formatBytes(largest)}</strong> (limit 268 MB = 256 MiB).
      </p>
      <table className="ls-plan-table">
        <TableHead columns={['run', 'P', 'nonzeros / column', 'memory']} />
        <tbody>
          {plan.plans.map((p, i) => (
            <tr key={i} data-testid="ls-plan-row" data-kind={p.kind} data-bytes={p.memoryBytes}>
              <td>{i === 0 ? 'baseline' : `d = ${p.d.toLocaleString('en')}`}</td>
              <td>{p.kind}</td>
              <td>{p.kind === 'identity' ? '—' : p.nonzerosPerColumn.toLocaleString('en')}</td>
              <td>{p.kind === 'identity' ? '—' : formatBytes(p.memoryBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
