/**
 * Writes x.npy + y.npy (from generate.py) as Parquet shards with the same rows in the same order:
 * `embedding FLOAT[D]` and `label BIGINT` columns, one file per shard, row groups of 65,536 rows.
 * Reads the .npy in chunks (the streaming reader) and appends each chunk's bytes to DuckDB directly.
 *
 *   npx tsx scripts/scale/to-parquet.ts --dir /tmp/scale --shards 20
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARRAY, BIGINT, DuckDBDataChunk, DuckDBInstance, FLOAT, type DuckDBAppender } from '@duckdb/node-api';
import duckdb from '@duckdb/node-bindings';
import { fileSource, npyLayout } from '../../src/stream/fileSource';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const DIR = arg('dir', '');
const SHARDS = Number(arg('shards', '20'));
if (!DIR) throw new Error('pass --dir DIR (holding x.npy and y.npy)');
mkdirSync(join(DIR, 'shards'), { recursive: true });

const layout = await npyLayout(join(DIR, 'x.npy'), 2);
const source = fileSource(join(DIR, 'x.npy'), layout, { kind: 'binary', path: join(DIR, 'y.npy'), layout: await npyLayout(join(DIR, 'y.npy'), 1) });
const D = layout.dim;
const perShard = Math.ceil(layout.rows / SHARDS);
const instance = await DuckDBInstance.create(':memory:', { memory_limit: '1GB', threads: '2', temp_directory: join(DIR, 'duckdb-tmp') });
const c = await instance.connect();

async function openShard(): Promise<DuckDBAppender> {
  await c.run(`CREATE OR REPLACE TABLE shard (embedding FLOAT[${D}], label BIGINT)`);
  return c.createAppender('shard');
}

let shard = 0;
let inShard = 0;
let appender = await openShard();
const t0 = performance.now();
for await (const chunk of source.chunks()) {
  const labels = BigInt64Array.from(chunk.labels!, (y) => BigInt(y));
  for (let from = 0; from < chunk.rows; ) {
    const take = Math.min(chunk.rows - from, perShard - inShard);
    const out = DuckDBDataChunk.create([ARRAY(FLOAT, D), BIGINT], take);
    out.rowCount = take;
    const child = duckdb.array_vector_get_child(duckdb.data_chunk_get_vector(out.chunk, 0));
    duckdb.copy_data_to_vector(child, 0, chunk.vectors.buffer as ArrayBuffer, chunk.vectors.byteOffset + from * D * 4, take * D * 4);
    duckdb.copy_data_to_vector(duckdb.data_chunk_get_vector(out.chunk, 1), 0, labels.buffer, from * 8, take * 8);
    appender.appendDataChunk(out);
    from += take;
    inShard += take;
    if (inShard === perShard) {
      appender.flushSync();
      appender.closeSync();
      await c.run(`COPY shard TO '${join(DIR, 'shards', `part-${String(shard).padStart(2, '0')}.parquet`)}' (FORMAT parquet, ROW_GROUP_SIZE 65536)`);
      process.stderr.write(`shard ${shard} written, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      shard++;
      inShard = 0;
      appender = await openShard();
    }
  }
}
appender.flushSync();
appender.closeSync();
if (inShard > 0) await c.run(`COPY shard TO '${join(DIR, 'shards', `part-${String(shard++).padStart(2, '0')}.parquet`)}' (FORMAT parquet, ROW_GROUP_SIZE 65536)`);
c.closeSync();
instance.closeSync();
process.stderr.write(`wrote ${shard} shards of ${perShard} rows into ${join(DIR, 'shards')} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
