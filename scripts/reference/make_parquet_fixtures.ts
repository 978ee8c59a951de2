/**
 * Writes the Parquet golden files of tests/fixtures/io/formats/ and parquet.json with their expected
 * contents. No Parquet writer is installed (no pyarrow, fastparquet or hyparquet-writer), so this builds the
 * files from the format specification (apache/parquet-format): "PAR1", column chunks, a Thrift
 * compact-protocol FileMetaData footer, its length, "PAR1".
 *
 * Run from the repository root: npx tsx scripts/reference/make_parquet_fixtures.ts
 *
 * Covered: data page v1; PLAIN values; RLE/bit-packed-hybrid levels written as RLE runs; dictionary pages
 * with RLE_DICTIONARY indices for strings; required and optional scalars; 3-level LIST columns (optional
 * or required list, optional elements) with null lists and null elements; several row groups; codecs
 * UNCOMPRESSED, SNAPPY (literal-only blocks), GZIP (node:zlib) and ZSTD (raw blocks).
 * Not covered: data page v2, DELTA_* and BYTE_STREAM_SPLIT encodings, bit-packed level runs, statistics,
 * page indexes, and encoders' real compression (the decoders still see valid streams of each codec).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from '../../src/geometry/random';

type Kind = 'float' | 'double' | 'int32' | 'int64' | 'string' | 'list<float>' | 'list<double>';
type Cell = number | bigint | string | null | (number | null)[];
type Codec = 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'ZSTD';

interface ColumnSpec {
  name: string;
  kind: Kind;
  optional: boolean;
  values: Cell[];
  dictionary?: boolean;
}

const OUT = new URL('../../tests/fixtures/io/formats/', import.meta.url);
const CODEC_ID: Record<Codec, number> = { UNCOMPRESSED: 0, SNAPPY: 1, GZIP: 2, ZSTD: 6 };
const PHYSICAL: Record<Kind, number> = { float: 4, double: 5, int32: 1, int64: 2, string: 6, 'list<float>': 4, 'list<double>': 5 };
const PLAIN = 0;
const RLE = 3;
const RLE_DICTIONARY = 8;

/** Thrift compact protocol writer (only the types Parquet metadata uses). */
class Compact {
  out: number[] = [];
  private last: number[] = [0];
  varint(v: bigint | number): void {
    let x = BigInt(v);
    while (x >= 0x80n) {
      this.out.push(Number(x & 0x7fn) | 0x80);
      x >>= 7n;
    }
    this.out.push(Number(x));
  }
  private zigzag(v: bigint | number): void {
    const x = BigInt(v);
    this.varint(x >= 0n ? x << 1n : (-x << 1n) - 1n);
  }
  private field(id: number, type: number): void {
    const delta = id - this.last[this.last.length - 1];
    if (delta > 0 && delta <= 15) this.out.push((delta << 4) | type);
    else { this.out.push(type); this.zigzag(id); }
    this.last[this.last.length - 1] = id;
  }
  i32(id: number, v: number): void { this.field(id, 5); this.zigzag(v); }
  i64(id: number, v: number | bigint): void { this.field(id, 6); this.zigzag(v); }
  binary(id: number, s: string): void {
    const b = new TextEncoder().encode(s);
    this.field(id, 8);
    this.varint(b.length);
    this.out.push(...b);
  }
  struct(id: number, body: () => void): void { this.field(id, 12); this.body(body); }
  body(body: () => void): void {
    this.last.push(0);
    body();
    this.out.push(0);
    this.last.pop();
  }
  private listHeader(id: number, size: number, elemType: number): void {
    this.field(id, 9);
    if (size < 15) this.out.push((size << 4) | elemType);
    else { this.out.push(0xf0 | elemType); this.varint(size); }
  }
  structs<T>(id: number, items: T[], body: (item: T) => void): void {
    this.listHeader(id, items.length, 12);
    for (const item of items) this.body(() => body(item));
  }
  i32s(id: number, items: number[]): void {
    this.listHeader(id, items.length, 5);
    for (const v of items) this.zigzag(v);
  }
  strings(id: number, items: string[]): void {
    this.listHeader(id, items.length, 8);
    for (const s of items) {
      const b = new TextEncoder().encode(s);
      this.varint(b.length);
      this.out.push(...b);
    }
  }
  bytes(): Uint8Array { return Uint8Array.from(this.out); }
}

/** Levels as an RLE/bit-packed hybrid of RLE runs only (each run: varint count << 1, value in ceil(width/8) bytes). */
function rleRuns(levels: number[], width: number): number[] {
  const w = new Compact();
  for (let i = 0; i < levels.length;) {
    let j = i;
    while (j < levels.length && levels[j] === levels[i]) j++;
    w.varint((j - i) << 1);
    for (let b = 0; b < Math.ceil(width / 8); b++) w.out.push((levels[i] >> (8 * b)) & 0xff);
    i = j;
  }
  return w.out;
}

const bitWidth = (max: number) => (max === 0 ? 0 : Math.ceil(Math.log2(max + 1)));

function withLength(body: number[]): number[] {
  const n = body.length;
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24, ...body];
}

function plain(kind: Kind, values: (number | bigint | string)[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (kind === 'string') out.push(...withLength([...new TextEncoder().encode(v as string)]));
    else {
      const size = kind === 'float' || kind === 'list<float>' || kind === 'int32' ? 4 : 8;
      const dv = new DataView(new ArrayBuffer(size));
      if (kind === 'int32') dv.setInt32(0, Number(v), true);
      else if (kind === 'int64') dv.setBigInt64(0, BigInt(v), true);
      else if (size === 4) dv.setFloat32(0, Number(v), true);
      else dv.setFloat64(0, Number(v), true);
      out.push(...new Uint8Array(dv.buffer));
    }
  }
  return out;
}

function snappyLiteral(data: Uint8Array): Uint8Array {
  const w = new Compact();
  w.varint(data.length);
  for (let p = 0; p < data.length; p += 65536) {
    const chunk = data.subarray(p, Math.min(p + 65536, data.length));
    const m = chunk.length - 1;
    if (m < 60) w.out.push(m << 2);
    else if (m < 256) w.out.push(60 << 2, m);
    else w.out.push(61 << 2, m & 0xff, m >> 8);
    w.out.push(...chunk);
  }
  return w.bytes();
}

function zstdRaw(data: Uint8Array): Uint8Array {
  if (data.length >= 1 << 17) throw new Error('zstdRaw: one raw block holds at most 128 KiB');
  const n = data.length;
  const block = 1 | (0 << 1) | (n << 3);
  return Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0xa0, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24,
    block & 0xff, (block >> 8) & 0xff, (block >> 16) & 0xff, ...data]);
}

function compress(codec: Codec, page: Uint8Array): Uint8Array {
  if (codec === 'SNAPPY') return snappyLiteral(page);
  if (codec === 'GZIP') return new Uint8Array(gzipSync(page));
  if (codec === 'ZSTD') return zstdRaw(page);
  return page;
}

const isList = (k: Kind) => k.startsWith('list');

/** Repetition levels, definition levels (one per value slot, also for required columns) and the non-null values of some rows. */
function shred(col: ColumnSpec, rows: Cell[]): { rep: number[]; def: number[]; values: (number | bigint | string)[]; maxDef: number } {
  const rep: number[] = [];
  const def: number[] = [];
  const values: (number | bigint | string)[] = [];
  if (!isList(col.kind)) {
    for (const v of rows) {
      def.push(v === null ? 0 : 1);
      if (v !== null) values.push(v as number | bigint | string);
    }
    return { rep, def, values, maxDef: col.optional ? 1 : 0 };
  }
  const outer = col.optional ? 1 : 0;
  const maxDef = outer + 2;
  for (const v of rows) {
    if (v === null) { rep.push(0); def.push(0); continue; }
    const list = v as (number | null)[];
    if (list.length === 0) { rep.push(0); def.push(outer); continue; }
    list.forEach((x, k) => {
      rep.push(k === 0 ? 0 : 1);
      def.push(x === null ? maxDef - 1 : maxDef);
      if (x !== null) values.push(x);
    });
  }
  return { rep, def, values, maxDef };
}

function pageHeader(type: number, uncompressed: number, compressed: number, body: (w: Compact) => void): Uint8Array {
  const w = new Compact();
  w.body(() => {
    w.i32(1, type);
    w.i32(2, uncompressed);
    w.i32(3, compressed);
    body(w);
  });
  return w.bytes();
}

interface ChunkMeta { col: ColumnSpec; offset: number; dictOffset?: number; numValues: number; compressed: number; uncompressed: number; encodings: number[] }

/** Writes one column chunk (an optional dictionary page, then one data page v1) at `offset`; returns its bytes and metadata. */
function columnChunk(col: ColumnSpec, rows: Cell[], codec: Codec, offset: number): { bytes: number[]; meta: ChunkMeta } {
  const { rep, def, values, maxDef } = shred(col, rows);
  const out: number[] = [];
  let uncompressedTotal = 0;
  const emit = (header: Uint8Array, page: Uint8Array, raw: number) => {
    out.push(...header, ...page);
    uncompressedTotal += header.length + raw;
  };
  let dictOffset: number | undefined;
  let encoded: number[];
  let encoding = PLAIN;
  if (col.dictionary) {
    const dict = [...new Set(values)];
    const raw = Uint8Array.from(plain(col.kind, dict));
    const page = compress(codec, raw);
    dictOffset = offset;
    emit(pageHeader(2, raw.length, page.length, (w) => w.struct(7, () => { w.i32(1, dict.length); w.i32(2, PLAIN); })), page, raw.length);
    const width = Math.max(1, bitWidth(dict.length - 1));
    encoded = [width, ...rleRuns(values.map((v) => dict.indexOf(v)), width)];
    encoding = RLE_DICTIONARY;
  } else {
    encoded = plain(col.kind, values);
  }
  const levels = [
    ...(isList(col.kind) ? withLength(rleRuns(rep, 1)) : []),
    ...(maxDef > 0 ? withLength(rleRuns(def, bitWidth(maxDef))) : []),
  ];
  const raw = Uint8Array.from([...levels, ...encoded]);
  const page = compress(codec, raw);
  const dataOffset = offset + out.length;
  emit(pageHeader(0, raw.length, page.length, (w) => w.struct(5, () => {
    w.i32(1, def.length);
    w.i32(2, encoding);
    w.i32(3, RLE);
    w.i32(4, RLE);
  })), page, raw.length);
  const encodings = col.dictionary ? [PLAIN, RLE, RLE_DICTIONARY] : [PLAIN, RLE];
  return { bytes: out, meta: { col, offset: dataOffset, dictOffset, numValues: def.length, compressed: out.length, uncompressed: uncompressedTotal, encodings } };
}

function writeSchema(w: Compact, columns: ColumnSpec[]): void {
  type El = { type?: number; rep?: number; name: string; children?: number; converted?: number; logical?: number };
  const els: El[] = [{ name: 'schema', children: columns.length }];
  for (const c of columns) {
    const rep = c.optional ? 1 : 0;
    if (isList(c.kind)) {
      els.push({ rep, name: c.name, children: 1, converted: 3, logical: 3 });
      els.push({ rep: 2, name: 'list', children: 1 });
      els.push({ type: PHYSICAL[c.kind], rep: 1, name: 'element' });
    } else {
      els.push({ type: PHYSICAL[c.kind], rep, name: c.name, ...(c.kind === 'string' ? { converted: 0, logical: 1 } : {}) });
    }
  }
  w.structs(2, els, (e) => {
    if (e.type !== undefined) w.i32(1, e.type);
    if (e.rep !== undefined) w.i32(3, e.rep);
    w.binary(4, e.name);
    if (e.children !== undefined) w.i32(5, e.children);
    if (e.converted !== undefined) w.i32(6, e.converted);
    if (e.logical !== undefined) w.struct(10, () => w.struct(e.logical!, () => undefined));
  });
}

/** A complete Parquet file with the given row-group sizes. */
function parquetFile(columns: ColumnSpec[], rowGroups: number[], codec: Codec): Uint8Array {
  const body: number[] = [0x50, 0x41, 0x52, 0x31];
  const groups: { chunks: ChunkMeta[]; rows: number; bytes: number }[] = [];
  let start = 0;
  for (const rows of rowGroups) {
    const chunks = columns.map((col) => {
      const { bytes, meta } = columnChunk(col, col.values.slice(start, start + rows), codec, body.length);
      body.push(...bytes);
      return meta;
    });
    groups.push({ chunks, rows, bytes: chunks.reduce((a, c) => a + c.uncompressed, 0) });
    start += rows;
  }
  const w = new Compact();
  w.body(() => {
    w.i32(1, 1);
    writeSchema(w, columns);
    w.i64(3, start);
    w.structs(4, groups, (g) => {
      w.structs(1, g.chunks, (c) => {
        w.i64(2, c.dictOffset ?? c.offset);
        w.struct(3, () => {
          w.i32(1, PHYSICAL[c.col.kind]);
          w.i32s(2, c.encodings);
          w.strings(3, isList(c.col.kind) ? [c.col.name, 'list', 'element'] : [c.col.name]);
          w.i32(4, CODEC_ID[codec]);
          w.i64(5, c.numValues);
          w.i64(6, c.uncompressed);
          w.i64(7, c.compressed);
          w.i64(9, c.offset);
          if (c.dictOffset !== undefined) w.i64(11, c.dictOffset);
        });
      });
      w.i64(2, g.bytes);
      w.i64(3, g.rows);
    });
    w.binary(6, 'subspace-lab scripts/reference/make_parquet_fixtures.ts');
  });
  const footer = w.bytes();
  return Uint8Array.from([...body, ...footer, footer.length & 0xff, (footer.length >> 8) & 0xff, (footer.length >> 16) & 0xff, footer.length >>> 24, 0x50, 0x41, 0x52, 0x31]);
}

const random = mulberry32(20240613);
const draw = (n: number, f32: boolean) => Array.from({ length: n }, () => {
  const v = Math.round((random() * 8 - 4) * 1e6) / 1e6;
  return f32 ? Math.fround(v) : v;
});
const rowsOf = (n: number, d: number, f32: boolean) => Array.from({ length: n }, () => draw(d, f32));
const expected = (rows: (number | null)[][]) => rows.flat().map((v) => (v === null ? 'nan' : Math.fround(v)));

const manifest: Record<string, unknown> = {};
function save(name: string, columns: ColumnSpec[], rowGroups: number[], codec: Codec, expect?: Record<string, unknown>): void {
  writeFileSync(new URL(name, OUT), parquetFile(columns, rowGroups, codec));
  if (expect) manifest[name] = { codec, rowGroups, ...expect };
}

mkdirSync(OUT, { recursive: true });

const listRows: (number | null)[][] = rowsOf(7, 4, true);
listRows[5][2] = null;
const labels7 = ['cat', 'dog', 'cat', 'emu', 'dog', 'cat', 'emu'];
const weights: (number | null)[] = draw(7, false);
weights[3] = null;
save('list_snappy.parquet', [
  { name: 'id', kind: 'int64', optional: false, values: labels7.map((_, i) => BigInt(1000 + i)) },
  { name: 'embedding', kind: 'list<float>', optional: true, values: listRows },
  { name: 'label', kind: 'string', optional: true, values: labels7, dictionary: true },
  { name: 'weight', kind: 'double', optional: true, values: weights },
], [4, 3], 'SNAPPY', {
  shape: [7, 4], values: expected(listRows), labels: labels7,
  meta: { columns: ['id', 'label', 'weight'], values: [labels7.map((_, i) => String(1000 + i)), labels7, weights.map((w) => (w === null ? '' : String(w)))] },
});

const f0 = draw(6, true);
const f1 = draw(6, false);
const f2 = [3, -1, 4, 1, -5, 9];
const cls = [2, 0, 1, 2, 0, 1];
const names = ['a', 'b', 'c', 'd', 'e', 'f'];
save('numeric_gzip.parquet', [
  { name: 'f0', kind: 'float', optional: false, values: f0 },
  { name: 'f1', kind: 'double', optional: true, values: f1 },
  { name: 'class', kind: 'int32', optional: false, values: cls },
  { name: 'f2', kind: 'int32', optional: false, values: f2 },
  { name: 'name', kind: 'string', optional: false, values: names },
  { name: '__index_level_0__', kind: 'int64', optional: false, values: names.map((_, i) => BigInt(10 * i)) },
], [6], 'GZIP', {
  shape: [6, 3], values: expected(f0.map((_, i) => [f0[i], f1[i], f2[i]])), labels: cls.map(String),
  meta: { columns: ['class', 'name', '__index_level_0__'], values: [cls.map(String), names, names.map((_, i) => String(10 * i))] },
});

const dbl = rowsOf(5, 3, false);
const aux = rowsOf(5, 2, false);
save('lists_zstd.parquet', [
  { name: 'aux', kind: 'list<double>', optional: false, values: aux },
  { name: 'embedding', kind: 'list<double>', optional: false, values: dbl },
], [2, 2, 1], 'ZSTD', { shape: [5, 3], values: expected(dbl), aux: expected(aux) });

const plainRows = rowsOf(4, 2, true);
const plainClass = ['x', 'y', 'x', 'y'];
save('plain.parquet', [
  { name: 'emb', kind: 'list<float>', optional: true, values: plainRows },
  { name: 'class', kind: 'string', optional: false, values: plainClass },
], [4], 'UNCOMPRESSED', { shape: [4, 2], values: expected(plainRows), labels: plainClass, meta: { columns: ['class'], values: [plainClass] } });

const ragged: (number | null)[][] = rowsOf(4, 3, true);
ragged[2] = ragged[2].slice(0, 2);
save('ragged.parquet', [{ name: 'embedding', kind: 'list<float>', optional: true, values: ragged }], [4], 'UNCOMPRESSED');
save('nullvec.parquet', [{ name: 'embedding', kind: 'list<float>', optional: true, values: [...rowsOf(2, 3, true), null, ...rowsOf(1, 3, true)] }], [2, 2], 'SNAPPY');
save('strings.parquet', [{ name: 'word', kind: 'string', optional: false, values: ['a', 'b', 'c'] }], [3], 'UNCOMPRESSED');

writeFileSync(new URL('parquet.json', OUT), `${JSON.stringify(manifest, null, 1)}\n`);
