/**
 * The first moments again, in SQL: class counts and per-dimension means from one GROUP BY with D
 * avg() columns (the map step a distributed engine runs, docs/scale.md), compared with the
 * accumulators'. Rows with a NULL or non-finite value are left out, as the accumulators skip them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { classMean, type Moments } from './moments';

export interface SqlCheck {
  query: string;
  classes: number;
  /** Every class count equal between SQL and the stream. */
  countsEqual: boolean;
  /** max |mean_sql - mean_stream| / max |mean_stream| over classes and dimensions. */
  maxMeanRelDiff: number;
}

/** SELECT y, count(*), avg(v[1]), ..., avg(v[D]) over the projection's finite rows, grouped by label. */
export function classMeansSql(projectionSql: string, dim: number, labelled: boolean): string {
  const avgs = Array.from({ length: dim }, (_, j) => `avg(v[${j + 1}]) AS m${j}`).join(', ');
  const y = labelled ? 'y' : 'NULL';
  return `SELECT ${y} AS y, count(*) AS n, ${avgs} FROM (${projectionSql}) WHERE isfinite(list_sum(CAST(v AS DOUBLE[]))) GROUP BY ALL`;
}

/** Runs classMeansSql on the connection and compares with m (classes matched by label). */
export async function checkAgainstSql(c: DuckDBConnection, projectionSql: string, m: Moments): Promise<SqlCheck> {
  const labelled = !(m.classes.length === 1 && m.classes[0].label === null);
  const query = classMeansSql(projectionSql, m.dim, labelled);
  const rows = (await c.runAndReadAll(query)).getRowObjects();
  let countsEqual = rows.length === m.classes.filter((k) => k.count > 0).length;
  let scale = 0;
  let diff = 0;
  for (const row of rows) {
    const label = row.y === null ? null : String(row.y);
    const cls = m.classes.find((k) => k.label === label);
    if (!cls || cls.count !== Number(row.n)) {
      countsEqual = false;
      continue;
    }
    const mean = classMean(cls);
    for (let j = 0; j < m.dim; j++) {
      scale = Math.max(scale, Math.abs(mean[j]));
      diff = Math.max(diff, Math.abs(Number(row[`m${j}`]) - mean[j]));
    }
  }
  return { query: query.length > 200 ? `${query.slice(0, 120)} ... ${query.slice(-60)}` : query, classes: rows.length, countsEqual, maxMeanRelDiff: scale > 0 ? diff / scale : diff };
}
