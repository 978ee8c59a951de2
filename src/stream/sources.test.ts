import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeNpy } from '../io/npy';
import { isInputError } from '../io/errors';
import { fileSource, npyLayout, safetensorsLayout } from './fileSource';
import { openDuckdbSource } from './duckdbSource';
import { accumulate } from './pipeline';
import { checkAgainstSql } from './sqlCheck';
import { reservoirRows } from './reservoir';
import { blobs, memorySource } from './testData.test-util';
import type { RowSource } from './source';

const dir = mkdtempSync(join(tmpdir(), 'stream-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const emb = blobs(301, 6, 3, 2, 10);
const labels = BigInt64Array.from(emb.labels!, (y) => BigInt(y));
writeFileSync(join(dir, 'x.npy'), writeNpy(emb.vectors, [301, 6]));
writeFileSync(join(dir, 'x64.npy'), writeNpy(Float64Array.from(emb.vectors), [301, 6]));
writeFileSync(join(dir, 'xf.npy'), writeNpy(emb.vectors, [301, 6], { fortranOrder: true }));
writeFileSync(join(dir, 'y.npy'), writeNpy(labels, [301]));

async function rowsOf(source: RowSource): Promise<{ values: number[]; labels: string[]; chunks: number }> {
  const values: number[] = [];
  const out: string[] = [];
  let chunks = 0;
  for await (const c of source.chunks()) {
    values.push(...c.vectors.subarray(0, c.rows * source.dim));
    out.push(...(c.labels ?? []));
    chunks++;
  }
  return { values, labels: out, chunks };
}

async function inputError(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(isInputError(e), String(e)).toBe(true);
  return (e as Error).message;
}

describe('file sources', () => {
  it('read a .npy in chunks with streamed .npy labels, f8 converted like the in-memory parser', async () => {
    const yLayout = await npyLayout(join(dir, 'y.npy'), 1);
    for (const name of ['x.npy', 'x64.npy']) {
      const src = fileSource(join(dir, name), await npyLayout(join(dir, name), 2), { kind: 'binary', path: join(dir, 'y.npy'), layout: yLayout }, 50);
      const got = await rowsOf(src);
      expect(got.chunks).toBe(7);
      expect(got.values).toEqual(Array.from(emb.vectors));
      expect(got.labels).toEqual(Array.from(emb.labels!, String));
      expect((await src.distinctLabels())!.sort()).toEqual(['0', '1', '2']);
    }
  });

  it('refuse Fortran order and a row-count mismatch with a fix', async () => {
    expect(await inputError(npyLayout(join(dir, 'xf.npy'), 2))).toMatch(/Fortran/);
    const layout = await npyLayout(join(dir, 'x.npy'), 2);
    expect(() => fileSource(join(dir, 'x.npy'), layout, { kind: 'values', values: ['a'] })).toThrow(/1 entries but/);
  });

  it('read a safetensors file: the embeddings tensor in chunks and its labels tensor', async () => {
    const header = JSON.stringify({
      labels: { dtype: 'I64', shape: [301], data_offsets: [0, 301 * 8] },
      embeddings: { dtype: 'F32', shape: [301, 6], data_offsets: [301 * 8, 301 * 8 + 301 * 24] },
    });
    const head = Buffer.alloc(8);
    head.writeUInt32LE(header.length, 0);
    const file = Buffer.concat([head, Buffer.from(header), Buffer.from(labels.buffer), Buffer.from(emb.vectors.buffer)]);
    writeFileSync(join(dir, 'x.safetensors'), file);
    const st = await safetensorsLayout(join(dir, 'x.safetensors'));
    const got = await rowsOf(fileSource(join(dir, 'x.safetensors'), st.vectors, { kind: 'binary', path: join(dir, 'x.safetensors'), layout: st.labels! }, 64));
    expect(got.values).toEqual(Array.from(emb.vectors));
    expect(got.labels).toEqual(Array.from(emb.labels!, String));
  });
});

describe('DuckDB sources', () => {
  it('stream a glob of Parquet shards with the label column, equal to the rows, and agree with SQL', async () => {
    const inst = await DuckDBInstance.create(':memory:');
    const c = await inst.connect();
    await c.run('CREATE TABLE t (i INTEGER, embedding FLOAT[], label VARCHAR)');
    const values = Array.from({ length: 301 }, (_, i) => `(${i}, [${Array.from(emb.vectors.subarray(i * 6, i * 6 + 6)).join(', ')}]::FLOAT[], 'c${emb.labels![i]}')`);
    await c.run(`INSERT INTO t VALUES ${values.join(', ')}`);
    await c.run(`COPY (SELECT embedding, label FROM t WHERE i < 150 ORDER BY i) TO '${join(dir, 'a-0.parquet')}' (FORMAT parquet)`);
    await c.run(`COPY (SELECT embedding, label FROM t WHERE i >= 150 ORDER BY i) TO '${join(dir, 'a-1.parquet')}' (FORMAT parquet)`);
    await c.run(`COPY (SELECT embedding[1] AS a, embedding[2] AS b, embedding[3] AS c, embedding[4] AS d, embedding[5] AS e, embedding[6] AS f, label FROM t ORDER BY i) TO '${join(dir, 'a.csv')}' (HEADER)`);
    c.closeSync();
    inst.closeSync();
    const viaMemory = await accumulate(memorySource(emb), { idSample: 50, seed: 1, stratified: false });
    const counts = (m: typeof viaMemory.moments) => m.classes.map((k) => [k.label!.replace('c', ''), k.count]).sort();
    for (const pattern of [join(dir, 'a-*.parquet'), join(dir, 'a.csv')]) {
      const src = await openDuckdbSource(pattern);
      try {
        expect(src.rows).toBe(301);
        // DuckDB scans shards in parallel without keeping their order (moments do not depend on it): compare the rows as a set.
        const got = await rowsOf(src);
        const d = emb.dim;
        const keyed = (values: number[], labels: string[]) => labels.map((l, i) => `${l}:${values.slice(i * d, i * d + d).join(',')}`).sort();
        expect(got.values).toHaveLength(emb.vectors.length);
        expect(keyed(got.values, got.labels)).toEqual(keyed(Array.from(emb.vectors), Array.from(emb.labels!, (y) => `c${y}`)));
        const { moments } = await accumulate(src, { idSample: 50, seed: 1, stratified: false });
        const check = await checkAgainstSql(src.connection, src.projectionSql, moments);
        expect(check).toMatchObject({ classes: 3, countsEqual: true });
        expect(check.maxMeanRelDiff).toBeLessThan(1e-12);
        expect(counts(moments)).toEqual(counts(viaMemory.moments));
      } finally {
        await src.close();
      }
    }
  });

  it("draws DuckDB's seeded reservoir sample repeatably, per class when stratified", async () => {
    const src = await openDuckdbSource(join(dir, 'a-*.parquet'));
    try {
      const a = await reservoirRows(src.connection, src.projectionSql, 6, 40, 7, null);
      const b = await reservoirRows(src.connection, src.projectionSql, 6, 40, 7, null);
      expect(a.m).toBe(40);
      expect(Array.from(a.rows)).toEqual(Array.from(b.rows));
      const strat = await reservoirRows(src.connection, src.projectionSql, 6, 30, 7, ['c0', 'c1', 'c2']);
      expect(strat.m).toBe(30);
      expect(strat.sql.match(/reservoir\(10 ROWS\)/g)).toHaveLength(3);
    } finally {
      await src.close();
    }
  });

  it('name an empty glob and a missing column in one line with the fix', async () => {
    expect(await inputError(openDuckdbSource(join(dir, 'none-*.parquet')))).toMatch(/no file matches/);
    expect(await inputError(openDuckdbSource(join(dir, 'a-*.parquet'), { labelColumn: 'kind' }))).toMatch(/no column named "kind"/);
  });
});
