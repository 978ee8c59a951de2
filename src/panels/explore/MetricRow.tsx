/**
 * One metric: label, rounded value, and a tooltip with its formula and meaning (high, low, caveats, reference). The value element carries
 * data-testid `metric-<id>` and data-value = String(full-precision value) ("null" when absent);
 * a value still being computed shows `pending` (e.g. "computing… 42%"), data-pending and no data-value.
 * A value the report leaves null with a reason (`reasons.<key>`) shows that reason under the row.
 */
import type { AnalysisReport } from '../../geometry/types';
import { formatSig } from '../../format';
import { valueAt, type MetricDoc } from './metricDocs';
import { METRIC_MEANINGS } from './metricMeanings';
import { MeaningLines } from './MeaningLines';

interface Props {
  doc: MetricDoc;
  report: AnalysisReport | null;
  /** Shown before the first report: '…' while one is being computed. */
  placeholder: string;
  /** The value is still being computed: this text stands in for it. */
  pending?: string | null;
  /** A sentence added to the tooltip (e.g. the sample the value ran on). */
  note?: string | null;
}

/** The report's own reason for a missing value: `reasons.<key>` beside it (e.g. neuralCollapse.reasons.nc1). */
function reportReason(report: AnalysisReport, path: string): string | null {
  const cut = path.lastIndexOf('.') + 1;
  const v = valueAt(report, `${path.slice(0, cut)}reasons.${path.slice(cut)}`);
  return typeof v === 'string' ? v : null;
}

export function MetricRow({ doc, report, placeholder, pending, note }: Props) {
  const raw = report ? valueAt(report, doc.path) : undefined;
  const value = typeof raw === 'number' ? raw : null;
  const own = report && value === null && !pending ? reportReason(report, doc.path) : null;
  const reason = report && value === null && !pending ? (own ?? doc.nullReason?.(report) ?? 'not computed') : null;
  const tipId = `tip-${doc.id}`;
  let text = placeholder;
  if (report) text = pending ? pending : value === null ? '—' : doc.kind === 'count' ? String(value) : formatSig(value);
  const cls = pending ? 'metric-value metric-pending' : value === null && report ? 'metric-value metric-null' : 'metric-value';
  return (
    <>
      <div className="metric-row" tabIndex={0} aria-describedby={tipId} data-tip-placement="left">
        <span className="metric-label">{doc.label}</span>
        <span
          className={cls}
          data-testid={`metric-${doc.id}`}
          data-path={doc.path}
          data-value={report && !pending ? String(value) : undefined}
          data-pending={pending ? 'true' : undefined}
        >
          {text}
        </span>
        <span className="tip" role="tooltip" id={tipId} data-testid={`metric-doc-${doc.id}`}>
          {reason ? <strong className="tip-reason">Not available: {reason}. </strong> : null}
          {pending ? <strong className="tip-reason">Still being computed: the first view came first. </strong> : null}
          {doc.doc}
          {note ? <em className="tip-note"> {note}.</em> : null}
          {METRIC_MEANINGS[doc.id] ? <MeaningLines meaning={METRIC_MEANINGS[doc.id]} /> : null}
        </span>
      </div>
      {own ? <p className="metric-note" data-testid={`metric-reason-${doc.id}`}>{own}</p> : null}
    </>
  );
}
