/**
 * The warning row of the collapse metrics when NC1 is dominated by a direction of tiny
 * between-class spread (neuralCollapse.nc1Dominated: the smallest kept direction carries more than
 * half of NC1); nothing otherwise.
 */
import type { AnalysisReport } from '../../geometry/types';

/** The report's own sentence for nc1Dominated (collapseReport lists it first among the notes), or null. */
export function dominatedNote(nc: AnalysisReport['neuralCollapse']): string | null {
  return nc.nc1Dominated ? (nc.notes?.[0] ?? null) : null;
}

export function Nc1DominatedWarning({ nc }: { nc: AnalysisReport['neuralCollapse'] }) {
  const text = dominatedNote(nc);
  if (!text) return null;
  return (
    <p className="metric-warning" role="status" data-testid="nc1-dominated-warning">
      <strong>Warning:</strong> {text} Read NC1 with its conditioning row; the NC1 quotient (a trace ratio) does not weight directions by 1/s².
    </p>
  );
}
