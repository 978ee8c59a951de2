/** The readable streaming report: the in-memory table, then what the stream measured about itself. */
import type { StreamReport } from '../stream/report';
import type { ApproxId } from '../stream/approx';
import type { SqlCheck } from '../stream/sqlCheck';
import { formatNumber } from '../format';
import { formatReport } from './format';

/** formatReport's table plus a `stream` section: rows read, the ID sample, SQL cross-check, approximate kNN. */
export function formatStreamReport(r: StreamReport, source: { file: string; backend: string; hasClassifier: boolean }): string {
  const s = r.stream;
  const lines = [formatReport(r, source), '', 'stream'];
  const id = s.idSample;
  lines.push(`  rows read            ${formatNumber(s.rowsRead)}`);
  if (id.method === 'duckdb-reservoir') lines.push(`  ID sample            DuckDB seeded reservoir of ${formatNumber(id.size)} rows${id.stratified ? ' per class share' : ''} (seed ${id.seed}, one thread)`);
  else lines.push(`  ID sample            ${id.stratified ? 'stratified ' : ''}bottom-hash sample of ${formatNumber(id.size)} distinct rows (seed ${id.seed}); ${formatNumber(id.distinctRows)} distinct rows ${id.exact ? 'counted exactly' : 'estimated (the sample could not hold them all)'}`);
  if (Array.isArray(s.partials)) lines.push(`  merged partials      ${s.partials.length}`);
  const sql = s.sqlCheck as SqlCheck | undefined;
  if (sql) lines.push(`  SQL cross-check      ${sql.classes} classes, counts ${sql.countsEqual ? 'equal' : 'DIFFER'}, class means within ${sql.maxMeanRelDiff.toExponential(1)} (relative)`);
  const a = s.approximate as (ApproxId & { differenceFromSample: { twoNN: number | null; mleHarmonic: number | null } }) | undefined;
  if (a) {
    lines.push(`  approximate kNN      ${a.engine} over ${formatNumber(a.rows)} rows: twoNN ${formatNumber(a.twoNN)}, MLE harmonic ${formatNumber(a.mle.harmonic)}`);
    lines.push(`                       recall@${a.recall.k} ${formatNumber(a.recall.value)} on ${a.recall.queries} rows; minus the sample's: twoNN ${formatNumber(a.differenceFromSample.twoNN)}, MLE ${formatNumber(a.differenceFromSample.mleHarmonic)}`);
  }
  return lines.join('\n');
}
