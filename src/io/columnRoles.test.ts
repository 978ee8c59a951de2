import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnRoles, type ColumnInfo } from './columnRoles';
import { loadEmbeddingsAsync } from './load';
import { parseDelimited } from './table';
import { expectInputError } from './testing.test-util';
import { parseNpy } from './npy';

const cols = (spec: string): ColumnInfo[] => spec.split(' ').map((c) => ({ name: c.replace(/:t$/, ''), numeric: !c.endsWith(':t') }));
const fixture = (dir: string, name: string) => new Uint8Array(readFileSync(new URL(`../../tests/fixtures/${dir}/${name}`, import.meta.url)));

describe('columnRoles: the one label-column rule of the app and the CLI', () => {
  it('takes a column named label/labels/class/y (any case, numeric or not) as the label and leaves it and id-like columns out of the vectors', () => {
    expect(columnRoles(cols('id x0 x1 label'))).toEqual({ labelColumn: 'label', vectorColumns: ['x0', 'x1'], ambiguousLabels: null });
    expect(columnRoles(cols('Class:t a b')).labelColumn).toBe('Class');
    expect(columnRoles(cols('a b Y')).vectorColumns).toEqual(['a', 'b']);
    expect(columnRoles([{ name: 'Unnamed: 0', numeric: true }, { name: '', numeric: true }, { name: 'a', numeric: true }]).vectorColumns).toEqual(['a']);
    expect(columnRoles(cols('index a b')).vectorColumns).toEqual(['a', 'b']);
  });

  it('takes the only text column as the label, and asks among several text columns', () => {
    expect(columnRoles(cols('a b species:t'))).toEqual({ labelColumn: 'species', vectorColumns: ['a', 'b'], ambiguousLabels: null });
    expect(columnRoles(cols('a b'))).toEqual({ labelColumn: '', vectorColumns: ['a', 'b'], ambiguousLabels: null });
    expect(columnRoles(cols('a species:t caption:t'))).toEqual({ labelColumn: '', vectorColumns: ['a'], ambiguousLabels: ['species', 'caption'] });
  });

  it('follows a chosen label column (none included) and chosen vector columns', () => {
    expect(columnRoles(cols('a b species:t caption:t'), { labelColumn: 'caption' })).toEqual({ labelColumn: 'caption', vectorColumns: ['a', 'b'], ambiguousLabels: null });
    expect(columnRoles(cols('a b label'), { labelColumn: '' }).vectorColumns).toEqual(['a', 'b', 'label']);
    expect(columnRoles(cols('a b label'), { vectorColumns: ['b'] }).vectorColumns).toEqual(['b']);
  });
});

describe('the CLI reads a table by that rule', () => {
  it('a CSV with id and numeric label columns gives the vectors and labels of the .npy pair (make_dataout_fixtures.py)', async () => {
    const emb = await loadEmbeddingsAsync('table-label.csv', fixture('dataout', 'table-label.csv'));
    const X = parseNpy(fixture('reference', 'synthetic-vectors.npy'));
    const y = parseNpy(fixture('reference', 'synthetic-labels.npy'));
    expect([emb.n, emb.dim]).toEqual(X.shape);
    expect(Array.from(emb.vectors)).toEqual(Array.from(X.data as Float32Array));
    expect(emb.classNames).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(Array.from(emb.labels!)).toEqual(Array.from(y.data as BigInt64Array, Number));
    expect(emb.meta?.columns).toEqual(['id', 'label']);
  });

  it('names the columns when the label is ambiguous, and refuses a table with no vector column as labels', () => {
    const two = 'a,b,species,caption\n1,2,cat,x\n3,4,dog,y\n5,6,cat,z\n';
    expectInputError(() => parseDelimited(two, 'pets.csv'), /pets\.csv has several text columns \("species", "caption"\) and none is named label, class or y.*--label-column NAME/);
    expect(parseDelimited(two, 'pets.csv', { labelColumn: 'species' }).labelColumn).toBe('species');
    expectInputError(() => parseDelimited('label\tcaption\ncat\tx\ndog\ty\n', 'meta.tsv'), /meta\.tsv holds labels or metadata \(columns "label", "caption"\), not vectors\. Now choose the vectors file/);
  });
});
