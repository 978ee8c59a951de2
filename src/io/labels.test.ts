import { describe, expect, it } from 'vitest';
import { goldenBytes } from '../../tests/fixtures/io/golden';
import { encodeLabels, labelCountError, parseLabelLines, parseMetadata, pickLabelColumn, readLabels } from './labels';
import { writeNpy } from './npy';
import { expectInputError, utf8 } from './testing.test-util';

describe('encodeLabels', () => {
  it('sorts integer labels numerically, others lexicographically', () => {
    const a = encodeLabels(['10', '2', '2', '-1', '10']);
    expect(a.classNames).toEqual(['-1', '2', '10']);
    expect(Array.from(a.labels)).toEqual([2, 1, 1, 0, 2]);
    const b = encodeLabels(['dog', 'cat', 'Zebra', '10', 'cat']);
    expect(b.classNames).toEqual(['10', 'Zebra', 'cat', 'dog']);
    expect(Array.from(b.labels)).toEqual([3, 2, 1, 0, 2]);
  });

  it('treats integer spellings of one value as one class', () => {
    const c = encodeLabels(['01', '1', '+1', '3']);
    expect(c.classNames).toEqual(['1', '3']);
    expect(Array.from(c.labels)).toEqual([0, 0, 0, 1]);
  });
});

describe('label files', () => {
  it('reads one label per line, ignoring trailing blank lines, rejecting inner ones', () => {
    expect(parseLabelLines('a\r\nb \n c\n\n', 'l.txt')).toEqual(['a', 'b', 'c']);
    expectInputError(() => parseLabelLines('a\n\nb\n', 'l.txt'), /l\.txt line 2 is empty/);
  });

  it('follows the Projector header rule for metadata tables', () => {
    const one = parseMetadata('cat\ndog\n', 'm.tsv', '\t');
    expect(one.hasHeader).toBe(false);
    expect(one.meta).toEqual({ columns: ['label'], values: [['cat', 'dog']] });
    const two = parseMetadata('name\tclass\na\tcat\nb\tdog\n', 'm.tsv', '\t');
    expect(two.hasHeader).toBe(true);
    expect(pickLabelColumn(two.meta, 'm.tsv')).toEqual({ values: ['cat', 'dog'], column: 'class' });
    expect(pickLabelColumn(two.meta, 'm.tsv', 'name').values).toEqual(['a', 'b']);
    const first = parseMetadata('id,kind\n1,x\n2,y\n', 'm.csv', ',');
    expect(pickLabelColumn(first.meta, 'm.csv').column).toBe('id');
    expectInputError(() => pickLabelColumn(two.meta, 'm.tsv', 'colour'), /m\.tsv has no column named "colour" \(columns: "name", "class"\)/);
    expectInputError(() => parseMetadata('a\tb\nc\n', 'r.tsv', '\t'), /r\.tsv line 2 has 1 columns but the first line has 2/);
  });

  it('readLabels dispatches on magic bytes and extension', () => {
    expect(readLabels('y.npy', goldenBytes('labels_i8.npy')).values).toEqual(['2', '0', '1', '2', '10']);
    expect(readLabels('y.npy', goldenBytes('labels_str.npy')).values).toEqual(['cat', 'dog', 'émeu', 'cat', 'dog']);
    expect(readLabels('y.txt', utf8('3\n1\n')).values).toEqual(['3', '1']);
    const csv = readLabels('m.csv', utf8('x,label\n"a, b",7\nc,8\n'));
    expect(csv.values).toEqual(['7', '8']);
    expect(csv.headerConsumed).toBe(true);
    expect(csv.meta?.values[0]).toEqual(['a, b', 'c']);
    const named = readLabels('m.tsv', utf8('label\ncat\ndog\n'), 'label');
    expect(named.values).toEqual(['cat', 'dog']);
  });

  it('readLabels rejects unusable files', () => {
    expectInputError(() => readLabels('y.npy', writeNpy(new Float32Array([0.5, 1]), [2])), /y\.npy element 0 is 0\.5, not an integer/);
    expectInputError(() => readLabels('y.npy', writeNpy(new Int32Array(4), [2, 2])), /shape \(2, 2\); labels need a 1-D array/);
    expectInputError(() => readLabels('y.txt', utf8('a\nb\n'), 'label'), /--label-column needs a TSV\/CSV metadata file/);
    expectInputError(() => readLabels('y.tsv', utf8('cat\ndog\n'), 'label'), /single column and no header row/);
    expectInputError(() => readLabels('y.bin', new Uint8Array([1, 0, 2, 3])), /y\.bin is a binary file/);
  });
});

describe('labelCountError', () => {
  it('says which side is longer and whether a header row explains it', () => {
    const header = labelCountError('l.txt', { values: ['label', '1', '2', '1'], headerConsumed: false }, 'e.npy', 3);
    expect(header.message).toMatch(/l\.txt has 4 labels but e\.npy has 3 rows \(the labels are longer by 1\); its first line "label" looks like a header row.*Delete that first line/);
    const consumed = labelCountError('m.tsv', { values: ['a', 'b'], headerConsumed: true }, 'e.npy', 3);
    expect(consumed.message).toMatch(/the embeddings are longer by 1\); its first row was read as a header because it has several columns\. Add a header row/);
    const plain = labelCountError('l.txt', { values: ['1', '2'], headerConsumed: false }, 'e.npy', 7);
    expect(plain.message).toBe('l.txt has 2 labels but e.npy has 7 rows (the embeddings are longer by 5). Give exactly one label per embeddings row, in the same order.');
  });
});
