/**
 * DuckDB's own seeded sample for the ID estimates (`--id-sampler reservoir` on a DuckDB source):
 * `USING SAMPLE reservoir(n ROWS) REPEATABLE (seed)` over the finite rows, or per class with
 * ceil(n / K) rows each, run on one thread (DuckDB's REPEATABLE is deterministic only there).
 * Unlike the bottom-hash sample it depends on row order and is not mergeable across partials.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { dedupRows } from '../geometry/clean';
import { selectRows } from '../geometry/rows';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The SQL of the sample: one reservoir, or a UNION ALL of one per class. */
export function reservoirSql(projectionSql: string, size: number, seed: number, classes: string[] | null): string {
  const finite = `SELECT v FROM (${projectionSql}) WHERE isfinite(list_sum(CAST(v AS DOUBLE[])))`;
  if (!classes) return `SELECT v FROM (${finite}) USING SAMPLE reservoir(${size} ROWS) REPEATABLE (${seed})`;
  const per = Math.ceil(size / classes.length);
  return classes
    .map((c) => `SELECT v FROM (SELECT v FROM (${projectionSql}) WHERE y = ${literal(c)} AND isfinite(list_sum(CAST(v AS DOUBLE[])))) USING SAMPLE reservoir(${per} ROWS) REPEATABLE (${seed})`)
    .join(' UNION ALL ');
}

/** The sampled rows (distinct ones only, as the ID estimators take them), m x dim float32. */
export async function reservoirRows(c: DuckDBConnection, projectionSql: string, dim: number, size: number, seed: number, classes: string[] | null): Promise<{ rows: Float32Array; m: number; sql: string }> {
  const sql = reservoirSql(projectionSql, size, seed, classes);
  const threads = (await c.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0].t;
  await c.run('SET threads = 1');
  const parts: Float32Array[] = [];
  try {
    const result = await c.stream(sql);
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      const child = duckdb.array_vector_get_child(duckdb.data_chunk_get_vector(chunk.chunk, 0));
      const bytes = duckdb.vector_get_data(child, chunk.rowCount * dim * 4);
      parts.push(new Float32Array(bytes.buffer, bytes.byteOffset, chunk.rowCount * dim).slice());
    }
  } finally {
    await c.run(`SET threads = ${Number(threads)}`);
  }
  const all = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  const n = all.length / dim;
  const { keep } = dedupRows(all, n, dim);
  return { rows: keep.length === n ? all : selectRows(all, dim, keep), m: keep.length, sql };
}
