/**
 * The collapse summary card: the four headline numbers of neural collapse in large type, each with
 * what "collapsed" means for it, so a class can read the state of the geometry at a glance; a value
 * the report leaves null shows the report's reason instead, and the report's notes follow the card
 * (all but the nc1Dominated warning, which the metrics list shows as its own row).
 */
import { useAnalysisStore } from '../../state/appStore';
import { formatSig } from '../../format';
import { dominatedNote } from './Nc1DominatedWarning';

interface Headline {
  key: 'nc1' | 'etfDistance' | 'equinorm' | 'equiangularity';
  label: string;
  ideal: string;
}

const HEADLINES: Headline[] = [
  { key: 'nc1', label: 'NC1 within/between', ideal: '→ 0: classes shrink to their means' },
  { key: 'etfDistance', label: 'NC2 ETF distance', ideal: '→ 0: means form a regular simplex' },
  { key: 'equinorm', label: 'NC2 equinorm', ideal: '→ 0: means equally far from the centre' },
  { key: 'equiangularity', label: 'NC2 equiangularity', ideal: '→ 0: all angles equal (cos = −1/(K−1))' },
];

export function CollapseCard() {
  const report = useAnalysisStore((s) => s.report);
  const K = report?.classes ?? null;
  if (!report) return null;
  if (K === null) {
    return (
      <div className="collapse-card collapse-card-empty" data-testid="collapse-card">
        Neural collapse needs class labels: load a labels or metadata file with the vectors.
      </div>
    );
  }
  return (
    <div className="collapse-card" data-testid="collapse-card">
      <div className="collapse-card-title">
        Collapse at a glance <span className="panel-sub">K = {K} classes</span>
      </div>
      <div className="collapse-grid">
        {HEADLINES.map((h) => {
          const v = report.neuralCollapse[h.key];
          const reason = v === null ? report.neuralCollapse.reasons?.[h.key] : undefined;
          return (
            <div key={h.key} className="collapse-cell" title={reason ?? h.ideal}>
              <span className="collapse-value" data-testid={`card-${h.key}`}>
                {v === null ? '—' : formatSig(v, 3)}
              </span>
              <span className="collapse-label">{h.label}</span>
              {reason ? (
                <span className="collapse-ideal" data-testid={`card-reason-${h.key}`}>{reason}</span>
              ) : (
                <span className="collapse-ideal">{h.ideal}</span>
              )}
            </div>
          );
        })}
      </div>
      {(report.neuralCollapse.notes ?? []).filter((note) => note !== dominatedNote(report.neuralCollapse)).map((note) => (
        <p key={note} className="metric-note" data-testid="collapse-note">{note}</p>
      ))}
    </div>
  );
}
