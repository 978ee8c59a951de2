/** One measure of the Compare report: its name, its value (full precision in data-value) and, on hover or focus, its formula and convention. */
import type { MeasureDoc } from '../../compare/docs';
import { formatSig } from '../../format';

interface Props {
  label: string;
  /** Dot path of the value in the report (the CLI's --json key). */
  path: string;
  value: number | null | readonly number[];
  doc?: MeasureDoc;
  /** Tooltip text when there is no COMPARE_DOCS entry. */
  tip?: string;
}

const show = (v: Props['value']) => (v === null ? 'n/a' : typeof v === 'number' ? formatSig(v) : v.map((x) => formatSig(x, 3)).join(' '));

export function MeasureRow({ label, path, value, doc, tip }: Props) {
  const id = `cmp-tip-${path.replace(/\W/g, '-')}`;
  const data = value === null ? 'null' : typeof value === 'number' ? String(value) : JSON.stringify(value);
  return (
    <div className={Array.isArray(value) ? 'metric-row cmp-wide' : 'metric-row'} tabIndex={0} aria-describedby={id} data-tip-placement="left">
      <span className="metric-label">{label}</span>
      <span className={value === null ? 'metric-value metric-null' : Array.isArray(value) ? 'metric-value cmp-list' : 'metric-value'} data-testid={`compare-metric-${path}`} data-path={path} data-value={data}>
        {show(value)}
      </span>
      <span className="tip" role="tooltip" id={id} data-testid={`compare-doc-${path}`}>
        {doc ? (
          <>
            <strong>{doc.name}</strong>: {doc.formula}. {doc.convention} <em className="tip-note">{doc.reference}.</em>
          </>
        ) : (
          tip
        )}
      </span>
    </div>
  );
}
