/**
 * Writes the Arrow IPC golden files of tests/fixtures/io/new/ from source.npy and source_labels.npy
 * (written by make_new_format_fixtures.py), with flechette, since pyarrow is not installable here:
 *  - vectors.arrow: the file format, a fixed_size_list<float32>[8] column "embedding", a utf8 "label"
 *    column (class names) and an int32 "id" column;
 *  - columns.arrows: the stream format, one float64 column per dimension (d0..d7) and a
 *    dictionary<utf8> "class" column;
 *  - lists.feather: the file format (Feather v2), a list<float32> column "vector" and no labels.
 * Each file is read back with flechette and its values checked against the .npy before it is kept.
 *
 * Run from the repository root: npx tsx scripts/reference/make_arrow_fixtures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { columnFromValues, dictionary, fixedSizeList, float32, float64, int32, list, tableFromColumns, tableFromIPC, tableToIPC, utf8 } from '@uwdata/flechette';
import { parseNpy } from '../../src/io/npy';

const DIR = new URL('../../tests/fixtures/io/new/', import.meta.url);
const CLASS_NAMES = ['ant', 'bee', 'cat'];

const read = (name: string) => parseNpy(new Uint8Array(readFileSync(new URL(name, DIR))), name);
const X = read('source.npy');
const y = read('source_labels.npy');
const [n, d] = X.shape;
const data = X.data as Float32Array;
const rows = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * d, (i + 1) * d)));
const labels = Array.from(y.data as BigInt64Array, (v) => CLASS_NAMES[Number(v)]);

function check(file: string, bytes: Uint8Array, vector: (t: ReturnType<typeof tableFromIPC>) => number[][], label?: string): void {
  const t = tableFromIPC(bytes);
  const got = vector(t);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) if (got[i][j] !== rows[i][j]) throw new Error(`${file} row ${i} col ${j}: ${got[i][j]} != ${rows[i][j]}`);
  if (label && Array.from(t.getChild(label)!).join() !== labels.join()) throw new Error(`${file}: labels differ`);
  writeFileSync(new URL(file, DIR), bytes);
}

const a = tableFromColumns({
  embedding: columnFromValues(rows, fixedSizeList(float32(), d)),
  label: columnFromValues(labels, utf8()),
  id: columnFromValues(Array.from({ length: n }, (_, i) => i), int32()),
});
check('vectors.arrow', tableToIPC(a, { format: 'file' })!, (t) => Array.from(t.getChild('embedding')!, (r) => Array.from(r as ArrayLike<number>)), 'label');

const cols: Record<string, ReturnType<typeof columnFromValues>> = {};
for (let j = 0; j < d; j++) cols[`d${j}`] = columnFromValues(rows.map((r) => r[j]), float64());
cols.class = columnFromValues(labels, dictionary(utf8()));
check('columns.arrows', tableToIPC(tableFromColumns(cols), { format: 'stream' })!, (t) => rows.map((_, i) => Array.from({ length: d }, (_, j) => t.getChild(`d${j}`)!.at(i) as number)), 'class');

const l = tableFromColumns({ vector: columnFromValues(rows, list(float32())) });
check('lists.feather', tableToIPC(l, { format: 'file' })!, (t) => Array.from(t.getChild('vector')!, (r) => Array.from(r as ArrayLike<number>)));

console.log(`wrote ${new URL('.', DIR).pathname}{vectors.arrow,columns.arrows,lists.feather}`);
