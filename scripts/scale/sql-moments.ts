/**
 * How far plain SQL goes for the map step's second moments (docs/scale.md), measured with DuckDB on
 * seeded synthetic rows (x = offset + N(0, 1), FLOAT[D]) for several D:
 *   first moments:  SELECT count(*), avg(v[1]), ..., avg(v[D])                      (D columns)
 *   sums of squares: SELECT sum(v[i] * v[j]) for all i <= j                          (D (D + 1) / 2 columns)
 *   outer product:   rows x pairs cross join with UNNEST-built (i, j), GROUP BY i, j  (N D^2 / 2 intermediate rows)
 * Each query's wall time, and the relative error of the covariance it implies (raw sums minus the
 * mean outer product) against the streaming accumulators' float64 centred moments of the same rows.
 *
 *   npx tsx scripts/scale/sql-moments.ts [--rows 100000] [--dims 16,64,128,256] [--offset 1000] [--outer-rows 5000]
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { openDuckdbSource } from '../../src/stream/duckdbSource';
import { accumulate } from '../../src/stream/pipeline';
import { covarianceOf } from '../../src/stream/statistics';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('rows', '100000'));
const DIMS = arg('dims', '16,64,128,256').split(',').map(Number);
const OFFSET = Number(arg('offset', '1000'));
const OUTER_ROWS = Number(arg('outer-rows', '5000'));
const dir = mkdtempSync(join(tmpdir(), 'sql-moments-'));

async function time<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t) / 1000 };
}

async function one(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  return (await c.runAndReadAll(sql)).getRowObjects()[0];
}

function relError(raw: Float64Array, ref: Float64Array): number {
  let err = 0;
  let scale = 0;
  for (let t = 0; t < ref.length; t++) {
    err = Math.max(err, Math.abs(raw[t] - ref[t]));
    scale = Math.max(scale, Math.abs(ref[t]));
  }
  return err / scale;
}

const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '2GB', temp_directory: join(dir, 'duckdb-tmp') });
const c = await instance.connect();
await c.run('SELECT setseed(0.25)');
const lines = ['| D | first moments (D avg columns) | second moments, D(D+1)/2 SUM columns | its covariance error | UNNEST outer product (rows) | its time |', '| --- | --- | --- | --- | --- | --- |'];
for (const D of DIMS) {
  const file = join(dir, `x${D}.parquet`);
  await c.run(`COPY (SELECT list_transform(range(${D}), j -> (${OFFSET} + sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))::FLOAT)::FLOAT[${D}] AS v FROM range(${ROWS})) TO '${file}' (FORMAT parquet)`);
  const src = `read_parquet('${file}')`;
  const first = await time(() => one(c, `SELECT count(*) AS n, ${Array.from({ length: D }, (_, j) => `avg(v[${j + 1}]) AS m${j}`).join(', ')} FROM ${src}`));
  const pairs: [number, number][] = [];
  for (let i = 0; i < D; i++) for (let j = i; j < D; j++) pairs.push([i, j]);
  let second: { value: Record<string, unknown>; seconds: number } | null = null;
  let failure = '';
  try {
    second = await time(() => one(c, `SELECT ${pairs.map(([i, j]) => `sum(v[${i + 1}]::DOUBLE * v[${j + 1}]) AS s${i}_${j}`).join(', ')} FROM ${src}`));
  } catch (e) {
    failure = e instanceof Error ? e.message.split('\n')[0].slice(0, 80) : String(e);
  }
  let err = Number.NaN;
  if (second) {
    const source = await openDuckdbSource(file);
    const { moments } = await accumulate(source, { idSample: 3, seed: 1, stratified: false });
    await source.close();
    const { covariance, mean } = covarianceOf(moments);
    const raw = new Float64Array(D * D);
    const n = Number(first.value.n);
    for (const [i, j] of pairs) {
      const v = Number(second.value[`s${i}_${j}`]) / n - mean[i] * mean[j];
      raw[i * D + j] = v;
      raw[j * D + i] = v;
    }
    err = relError(raw, covariance.data);
  }
  const outer = await time(() => one(c, `SELECT count(*) AS cells FROM (SELECT p.i, p.j, sum(v[p.i]::DOUBLE * v[p.j]) AS s FROM (SELECT v FROM ${src} LIMIT ${OUTER_ROWS}) t, (SELECT unnest(range(1, ${D + 1})) AS i) a, LATERAL (SELECT a.i AS i, unnest(range(a.i, ${D + 1})) AS j) p GROUP BY p.i, p.j)`));
  const perRow = ROWS / OUTER_ROWS;
  lines.push(`| ${D} | ${first.seconds.toFixed(2)} s | ${second ? `${second.seconds.toFixed(2)} s` : `failed: ${failure}`} | ${second ? err.toExponential(1) : '-'} | ${OUTER_ROWS} rows: ${outer.value.cells} cells | ${outer.seconds.toFixed(2)} s (x${perRow} for ${ROWS} rows) |`);
  process.stderr.write(`${lines[lines.length - 1]}\n`);
}
c.closeSync();
instance.closeSync();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${ROWS} rows, x = ${OFFSET} + N(0, 1) in FLOAT, DuckDB 2 threads:\n${lines.join('\n')}\n`);
