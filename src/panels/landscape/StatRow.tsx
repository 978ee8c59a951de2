/** One labelled number with a formula tooltip (the app's tooltip layer), data-testid and full-precision data-value. */
import { formatSig } from '../../format';

interface Props {
  id: string;
  label: string;
  value: number | null;
  /** Shown instead of the number: e.g. "≈ 412" formatting or "—" reasons. */
  text?: string;
  doc: string;
  /** Why the value is missing. */
  missing?: string;
}

export function StatRow({ id, label, value, text, doc, missing = 'not yet' }: Props) {
  const tipId = `ls-tip-${id}`;
  return (
    <div className="metric-row" tabIndex={0} aria-describedby={tipId} data-tip-placement="left">
      <span className="metric-label">{label}</span>
      <span className={value === null ? 'metric-value metric-null' : 'metric-value'} data-testid={`ls-${id}`} data-value={String(value)}>
        {value === null ? '—' : (text ?? formatSig(value))}
      </span>
      <span className="tip" role="tooltip" id={tipId}>
        {value === null ? <strong>{`Not available: ${missing}. `}</strong> : null}
        {doc}
      </span>
    </div>
  );
}
