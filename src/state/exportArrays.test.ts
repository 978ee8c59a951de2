import { tableFromIPC } from '@uwdata/flechette';
import { describe, expect, it } from 'vitest';
import { loadEmbeddingsAsync } from '../io/load';
import { parseNpz } from '../io/npz';
import { parseFiles } from '../explore/sources';
import { blankPcaView } from '../explore/testDataset';
import type { ViewResult } from '../workers/analysisProtocol';
import { pointTable, selectionNpz, tableArrow, tableNpz, textNpy, valuesNpz } from './exportArrays';
import { parseNpy } from '../io/npy';

const n = 6;
const view: ViewResult = { ...blankPcaView(n), coords: Float32Array.from({ length: n * 3 }, (_, t) => Math.sin(t) * 3) };
const buffers = {
  rowIndex: Int32Array.from([0, 2, 3, 4, 6, 7]),
  labels: Int32Array.from([0, 1, 0, 1, 2, 2]),
  meta: { columns: ['label', 'caption, long'], values: [['a', 'b', 'a', 'b', 'c', 'c'], ['x', 'ÿ€', 'z', '', 'w', 'v']] },
};
const classNames = ['a', 'b', 'c'];
const localId = { name: 'local_id_mle_k20', values: Float32Array.from([1.5, NaN, 2, 3, 4.25, 5]) };

describe('array exports open again with the same numbers', () => {
  it('the coordinates .npz: Explore and the CLI read its coordinates as the vectors and its class names as the labels', async () => {
    const t = pointTable(view, buffers, classNames, 3, [localId]);
    const bytes = tableNpz(t);
    const cli = await loadEmbeddingsAsync('view.npz', bytes);
    expect([cli.n, cli.dim]).toEqual([n, 3]);
    expect(Array.from(cli.vectors)).toEqual(Array.from(view.coords));
    expect(cli.classNames).toEqual(classNames);
    expect(Array.from(cli.labels!)).toEqual(Array.from(buffers.labels));
    const app = await parseFiles({ name: 'view.npz', bytes }, undefined, undefined);
    if (!('emb' in app)) throw new Error('asked for a choice');
    expect(Array.from(app.emb.vectors)).toEqual(Array.from(cli.vectors));
    expect(Array.from(app.emb.labels!)).toEqual(Array.from(cli.labels!));
    const arrays = parseNpz(bytes, 'view.npz');
    expect(Array.from(arrays.get('row')!.data as Int32Array)).toEqual(Array.from(buffers.rowIndex));
    expect(arrays.get('axes')!.data).toEqual(['PC1', 'PC2', 'PC3']);
    expect(arrays.get('meta_caption_long')!.data).toEqual(buffers.meta.values[1]);
    expect(Array.from(arrays.get('local_id_mle_k20')!.data as Float32Array)).toEqual(Array.from(localId.values));
  });

  it('in 2D keeps the two drawn axes; the selection keeps only its points, rows, labels and metadata', () => {
    const selection = Uint8Array.from([0, 1, 0, 0, 1, 0]);
    const t = pointTable(view, buffers, classNames, 2, [], selection);
    expect(t.axes).toEqual(['PC1', 'PC2']);
    const arrays = parseNpz(tableNpz(t), 'selection.npz');
    expect(arrays.get('embeddings')!.shape).toEqual([2, 2]);
    expect(Array.from(arrays.get('embeddings')!.data as Float32Array)).toEqual([view.coords[3], view.coords[4], view.coords[12], view.coords[13]]);
    expect(Array.from(arrays.get('point')!.data as Int32Array)).toEqual([1, 4]);
    expect(Array.from(arrays.get('row')!.data as Int32Array)).toEqual([2, 6]);
    expect(arrays.get('labels')!.data).toEqual(['b', 'c']);
    expect(arrays.get('meta_label')!.data).toEqual(['b', 'c']);
  });

  it('the selection .npz holds the original vectors as embeddings, so it opens again as that data; the view coordinates ride along', async () => {
    const selection = Uint8Array.from([0, 1, 0, 1, 1, 0]);
    const t = pointTable(view, buffers, classNames, 2, [localId], selection);
    const d = 4;
    const vectors = Float32Array.from([1, 2, 3, 4, -5, 6.5, 7, 8, 0.25, -1, 9, 2]);
    const bytes = selectionNpz(t, vectors, d);
    const cli = await loadEmbeddingsAsync('selection.npz', bytes);
    expect([cli.n, cli.dim]).toEqual([3, d]);
    expect(Array.from(cli.vectors)).toEqual(Array.from(vectors));
    expect(cli.classNames).toEqual(['b', 'c']);
    expect(Array.from(cli.labels!)).toEqual([0, 0, 1]);
    const app = await parseFiles({ name: 'selection.npz', bytes }, undefined, undefined);
    if (!('emb' in app)) throw new Error('asked for a choice');
    expect(Array.from(app.emb.vectors)).toEqual(Array.from(vectors));
    const arrays = parseNpz(bytes, 'selection.npz');
    expect(Array.from(arrays.get('row')!.data as Int32Array)).toEqual([2, 4, 6]);
    expect(arrays.get('view')!.shape).toEqual([3, 2]);
    expect(Array.from(arrays.get('view')!.data as Float32Array)).toEqual([3, 4, 9, 10, 12, 13].map((t) => view.coords[t]));
    expect(arrays.get('view_axes')!.data).toEqual(['PC1', 'PC2']);
    expect(arrays.get('meta_caption_long')!.data).toEqual(['ÿ€', '', 'w']);
    expect(Array.from(arrays.get('local_id_mle_k20')!.data as Float32Array)).toEqual([NaN, 3, 4.25]);
  });

  it('the per-point values .npz keeps NaN where a value was not computed, and a UMAP sample leaves unsampled points out', () => {
    const sampled = { ...view, sample: Int32Array.from([0, 2, 5]) };
    const t = pointTable(sampled, buffers, classNames, 3, [localId, { name: 'neighbour_preservation', values: Float32Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]) }]);
    const arrays = parseNpz(valuesNpz(t), 'values.npz');
    expect(Array.from(arrays.get('point')!.data as Int32Array)).toEqual([0, 2, 5]);
    expect(Array.from(arrays.get('local_id_mle_k20')!.data as Float32Array)).toEqual([1.5, 2, 5]);
    expect(Array.from(arrays.get('neighbour_preservation')!.data as Float32Array)).toEqual([0.1, 0.3, 0.6].map(Math.fround));
  });

  it('the Arrow table holds every column with its values and opens again as the view', async () => {
    const t = pointTable(view, buffers, classNames, 3, [localId]);
    const table = tableFromIPC(tableArrow(t));
    expect(table.numRows).toBe(n);
    expect(table.names).toEqual(['point', 'row', 'embedding', 'PC1', 'PC2', 'PC3', 'class', 'label', 'caption, long', 'local_id_mle_k20']);
    expect(Array.from(table.getChild('PC2')!.toArray() as Float32Array)).toEqual(Array.from({ length: n }, (_, i) => view.coords[i * 3 + 1]));
    expect(Array.from(table.getChild('class')!.toArray())).toEqual(['a', 'b', 'a', 'b', 'c', 'c']);
    expect(Array.from(table.getChild('caption, long')!.toArray())).toEqual(buffers.meta.values[1]);
    expect(Array.from(table.getChild('row')!.toArray() as Int32Array)).toEqual(Array.from(buffers.rowIndex));
    // It opens again as the view: the embedding column is the vectors, the rest metadata.
    const cli = await loadEmbeddingsAsync('table.arrow', tableArrow(t));
    expect([cli.n, cli.dim]).toEqual([n, 3]);
    expect(Array.from(cli.vectors)).toEqual(Array.from(view.coords));
    expect(cli.classNames?.length).toBe(3);
  });

  it('writes text arrays numpy reads (UTF-32 code points, fixed width)', () => {
    const arr = parseNpy(textNpy(['a', 'ÿ€𝄞', '']), 'text.npy');
    expect(arr.dtype).toBe('<U3');
    expect(arr.data).toEqual(['a', 'ÿ€𝄞', '']);
  });
});
