/**
 * One metric: label, rounded value, and a tooltip with its formula. The value element carries
 * data-testid `metric-<id>` and data-value = String(full-precision value) ("null" when absent).
 */
import type { AnalysisReport } from '../geometry/types';
import { formatSig } from '../views/format';
import { valueAt, type MetricDoc } from './metricDocs';

interface Props {
  doc: MetricDoc;
  report: AnalysisReport | null;
  /** Shown before the first report: '…' while one is being computed. */
  placeholder: string;
}

export function MetricRow({ doc, report, placeholder }: Props) {
  const raw = report ? valueAt(report, doc.path) : undefined;
  const value = typeof raw === 'number' ? raw : null;
  const reason = report && value === null ? (doc.nullReason?.(report) ?? 'not computed') : null;
  const tipId = `tip-${doc.id}`;
  let text = placeholder;
  if (report) text = value === null ? '—' : doc.kind === 'count' ? String(value) : formatSig(value);
  return (
    <div className="metric-row" tabIndex={0} aria-describedby={tipId} data-tip-placement="left">
      <span className="metric-label">{doc.label}</span>
      <span
        className={value === null && report ? 'metric-value metric-null' : 'metric-value'}
        data-testid={`metric-${doc.id}`}
        data-path={doc.path}
        data-value={report ? String(value) : undefined}
      >
        {text}
      </span>
      <span className="tip" role="tooltip" id={tipId} data-testid={`metric-doc-${doc.id}`}>
        {reason ? <strong className="tip-reason">Not available: {reason}. </strong> : null}
        {doc.doc}
      </span>
    </div>
  );
}
