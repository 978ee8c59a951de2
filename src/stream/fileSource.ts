/**
 * .npy and .safetensors read in row chunks with fs reads into one reused buffer (never the whole
 * file): the header first, then rows x dim elements at a time, converted to float32 by the same
 * decoder the in-memory safetensors parser uses. Labels come from a labels tensor, a streamed .npy of
 * integers, or a labels file read whole (text labels are small beside the vectors).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { InputError } from '../io/errors';
import { formatShape, parseNpyHeader, type NpyDtype } from '../io/npyHeader';
import {
  parseSafetensorsHeader, pickVectorTensor, safetensorToFloat32, SAFETENSORS_DTYPES, TENSOR_LABEL_NAMES, type SafetensorsTensor,
} from '../io/safetensors';
import { CHUNK_ROWS, type Chunk, type RowSource } from './source';

/** A 2-D little-endian array of `rows` x `dim` elements of a safetensors dtype at byte `start` of a file. */
interface Layout {
  rows: number;
  dim: number;
  dtype: string;
  start: number;
}

/** Labels for a file source: a binary column in the same or another file, or text values already read. */
export type LabelSource = { kind: 'binary'; path: string; layout: Layout } | { kind: 'values'; values: readonly string[] } | null;

async function readAt(fh: FileHandle, buf: Uint8Array, length: number, position: number, name: string): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new InputError(`${name} ended early, ${position + done} bytes in.`, 'Re-save or re-download the file; it was cut short.');
    done += bytesRead;
  }
}

const NPY_TO_TENSOR: Record<string, string> = {
  f4: 'F32', f8: 'F64', f2: 'F16', i1: 'I8', i2: 'I16', i4: 'I32', i8: 'I64', u1: 'U8', u2: 'U16', u4: 'U32', u8: 'U64', b1: 'BOOL',
};

function npyElementType(dt: NpyDtype, name: string): string {
  const tensor = NPY_TO_TENSOR[`${dt.kind}${dt.itemSize}`];
  if (!tensor) throw new InputError(`${name} holds ${dt.descr} values, which cannot be streamed as numbers.`, 'Save the vectors as numbers, e.g. X.astype(np.float32).');
  if (dt.bigEndian && dt.itemSize > 1) {
    throw new InputError(`${name} is big-endian (${dt.descr}), which the streaming reader does not read.`, "Re-save it little-endian, e.g. np.save(path, X.astype('<f4')).");
  }
  return tensor;
}

/** The layout of a .npy file's data (C order, 2-D; 1-D for labels). */
export async function npyLayout(path: string, wantRank: 1 | 2): Promise<Layout> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const head = new Uint8Array(Math.min(size, 1 << 16));
    await readAt(fh, head, head.length, 0, path);
    const h = parseNpyHeader(head, path);
    const dtype = npyElementType(h.dtype, path);
    const rank = h.shape.length;
    if (h.fortranOrder && rank > 1) {
      throw new InputError(`${path} is stored in Fortran (column) order, which cannot be streamed by rows.`, 'Re-save it in C order: np.save(path, np.ascontiguousarray(X)).');
    }
    if (wantRank === 2 && rank !== 2) throw new InputError(`${path} has shape ${formatShape(h.shape)}; embeddings need a 2-D array (points x dimensions).`, 'Save a 2-D array, e.g. X.reshape(len(X), -1).');
    if (wantRank === 1 && !(rank === 1 || (rank === 2 && h.shape[1] === 1))) {
      throw new InputError(`${path} has shape ${formatShape(h.shape)}; labels need one value per point.`, 'Save the labels as a 1-D integer array.');
    }
    const [rows, dim = 1] = h.shape;
    const need = h.dataOffset + rows * dim * h.dtype.itemSize;
    if (size < need) {
      throw new InputError(`${path} is truncated: shape ${formatShape(h.shape)} of ${h.dtype.descr} needs ${need} bytes but the file has ${size}.`, 'Re-save or re-download the file; it was cut short.');
    }
    return { rows, dim, dtype, start: h.dataOffset };
  } finally {
    await fh.close();
  }
}

/** The vectors tensor (and a labels tensor, if any) of a .safetensors file. */
export async function safetensorsLayout(path: string, vectors?: string): Promise<{ vectors: Layout; labels: Layout | null }> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const len = new Uint8Array(8);
    await readAt(fh, len, 8, 0, path);
    const view = new DataView(len.buffer);
    const headerLength = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
    const head = new Uint8Array(Math.min(size, 8 + headerLength));
    await readAt(fh, head, head.length, 0, path);
    const { tensors } = parseSafetensorsHeader(head, path, size);
    const chosen = pickVectorTensor(tensors, path, vectors);
    const toLayout = (t: SafetensorsTensor): Layout => {
      if (SAFETENSORS_DTYPES[t.dtype] === undefined) throw new InputError(`${path} tensor ${JSON.stringify(t.name)} has dtype ${t.dtype}, which cannot be read.`, 'Convert it before saving, e.g. t.float() in PyTorch.');
      return { rows: t.shape[0], dim: t.shape[1] ?? 1, dtype: t.dtype, start: t.start };
    };
    const labelTensor = TENSOR_LABEL_NAMES.map((k) => tensors.find((t) => t.name === k)).find((t) => t !== undefined);
    return { vectors: toLayout(chosen), labels: labelTensor && labelTensor !== chosen ? toLayout(labelTensor) : null };
  } finally {
    await fh.close();
  }
}

/** Chunks of `layout` as float32, `chunkRows` rows at a time, through one reused read buffer. */
async function* layoutChunks(path: string, layout: Layout, chunkRows: number, signal?: AbortSignal): AsyncGenerator<{ start: number; rows: number; values: Float32Array }> {
  const item = SAFETENSORS_DTYPES[layout.dtype];
  const rowBytes = layout.dim * item;
  const buf = new Uint8Array(chunkRows * rowBytes);
  const fh = await open(path, 'r');
  try {
    for (let start = 0; start < layout.rows; start += chunkRows) {
      signal?.throwIfAborted();
      const rows = Math.min(chunkRows, layout.rows - start);
      await readAt(fh, buf, rows * rowBytes, layout.start + start * rowBytes, path);
      const t: SafetensorsTensor = { name: path, dtype: layout.dtype, shape: [rows, layout.dim], start: 0, end: rows * rowBytes };
      yield { start, rows, values: safetensorToFloat32(buf, t, path) };
    }
  } finally {
    await fh.close();
  }
}

function labelText(v: number, name: string, row: number): string {
  if (!Number.isInteger(v)) throw new InputError(`${name} element ${row} is ${v}, not an integer class label.`, 'Save integer labels, e.g. y.astype(np.int64).');
  return String(v);
}

/** A RowSource over a 2-D array in a binary file, with optional labels. */
export function fileSource(path: string, layout: Layout, labels: LabelSource, chunkRows = CHUNK_ROWS): RowSource {
  const labelRows = labels === null ? null : labels.kind === 'values' ? labels.values.length : labels.layout.rows;
  if (labelRows !== null && labelRows !== layout.rows) {
    throw new InputError(`The labels have ${labelRows} entries but ${path} has ${layout.rows} rows.`, 'Give exactly one label per embeddings row, in the same order.');
  }
  async function* chunks(signal?: AbortSignal): AsyncGenerator<Chunk> {
    const labelIter = labels?.kind === 'binary' ? layoutChunks(labels.path, labels.layout, chunkRows, signal) : null;
    try {
      for await (const c of layoutChunks(path, layout, chunkRows, signal)) {
        let rowLabels: string[] | null = null;
        if (labels?.kind === 'values') rowLabels = labels.values.slice(c.start, c.start + c.rows) as string[];
        else if (labelIter) {
          const next = await labelIter.next();
          if (next.done) throw new InputError(`${labels!.kind === 'binary' ? labels!.path : 'the labels'} ended before the embeddings.`, 'Give one label per row.');
          rowLabels = Array.from(next.value.values, (v, i) => labelText(v, path, c.start + i));
        }
        yield { rows: c.rows, vectors: c.values, labels: rowLabels };
      }
    } finally {
      await labelIter?.return(undefined);
    }
  }
  return {
    name: path,
    dim: layout.dim,
    rows: layout.rows,
    async distinctLabels() {
      if (labels === null) return null;
      if (labels.kind === 'values') return [...new Set(labels.values)];
      const seen = new Set<string>();
      for await (const c of layoutChunks(labels.path, labels.layout, 1 << 16)) c.values.forEach((v, i) => seen.add(labelText(v, labels.path, c.start + i)));
      return [...seen];
    },
    chunks,
    async close() {},
    describe: () => ({ engine: 'file', format: path.toLowerCase().endsWith('.npy') ? 'npy' : 'safetensors', dtype: layout.dtype, chunkRows }),
  };
}
