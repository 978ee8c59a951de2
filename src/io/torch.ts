/**
 * PyTorch .pt/.pth files (torch.save since 1.6): a zip holding PREFIX/data.pkl, whose pickle rebuilds
 * tensors (torch._utils._rebuild_tensor_v2) over storages kept as PREFIX/data/KEY. The pickle is read
 * by pickle.ts with only the tensor, storage and container globals allowed; the tensors found in the
 * object (a tensor, a dict or OrderedDict such as a state_dict, lists, tuples, nested) become an
 * ArrayStore, with Python lists of ints or strings as possible labels.
 */
import type { ArrayInfo, ArrayStore } from './arrayStore';
import { InputError } from './errors';
import { DEFAULT_BUDGET_BYTES } from './inflate';
import { halfToFloat } from './npyHeader';
import type { NpyArray, NpyNumeric } from './npy';
import { PickleDict, PickleTuple, unpickle, type PickleCall, type PickleValue } from './pickle';
import { listZip, readZipEntry, type ZipEntry } from './zip';

/** Storage classes: numpy dtype, bytes per element. */
const STORAGES: Readonly<Record<string, [dtype: string, size: number]>> = {
  FloatStorage: ['<f4', 4], DoubleStorage: ['<f8', 8], HalfStorage: ['<f2', 2], BFloat16Storage: ['bf16', 2],
  LongStorage: ['<i8', 8], IntStorage: ['<i4', 4], ShortStorage: ['<i2', 2], CharStorage: ['|i1', 1],
  ByteStorage: ['|u1', 1], BoolStorage: ['|b1', 1],
};

/** A storage named by a persistent id: its dtype and the zip entry holding its bytes. */
interface Storage {
  kind: 'storage';
  dtype: string;
  size: number;
  key: string;
}

/** A tensor view of a storage (nothing read yet). */
interface Tensor {
  kind: 'tensor';
  storage: Storage;
  offset: number;
  shape: number[];
  stride: number[];
}

const isTensor = (x: unknown): x is Tensor => typeof x === 'object' && x !== null && (x as Tensor).kind === 'tensor';
const isStorageClass = (x: unknown): x is { kind: 'global'; name: string } => typeof x === 'object' && x !== null && (x as { kind?: string }).kind === 'global';

function intsOf(x: PickleValue, name: string, what: string): number[] {
  const items = x instanceof PickleTuple ? x.items : Array.isArray(x) ? x : null;
  if (!items || !items.every((i) => typeof i === 'number' && Number.isSafeInteger(i) && i >= 0)) throw new InputError(`${name} has a tensor whose ${what} is not a tuple of sizes.`, 'Re-save it with torch.save.');
  return items as number[];
}

function globals(name: string): Record<string, PickleCall> {
  const rebuild: PickleCall = (args) => {
    const [storage, offset, size, stride] = args;
    if (typeof storage !== 'object' || storage === null || (storage as Storage).kind !== 'storage' || typeof offset !== 'number') {
      throw new InputError(`${name} has a tensor that is not built over a storage.`, 'Re-save it with torch.save.');
    }
    return { kind: 'tensor', storage: storage as Storage, offset, shape: intsOf(size, name, 'size'), stride: intsOf(stride, name, 'stride') } satisfies Tensor;
  };
  const g: Record<string, PickleCall> = {
    'torch._utils._rebuild_tensor_v2': rebuild,
    'torch._utils._rebuild_tensor': rebuild,
    'torch._utils._rebuild_parameter': (args) => args[0],
    'torch._utils._rebuild_parameter_with_state': (args) => args[0],
    'collections.OrderedDict': () => new PickleDict(),
    'torch.Size': (args) => (args[0] instanceof PickleTuple ? args[0] : new PickleTuple([])),
  };
  for (const s of Object.keys(STORAGES)) g[`torch.${s}`] = () => ({ kind: 'global', name: `torch.${s}` });
  return g;
}

/** The zip entries of a torch.save archive: its data.pkl and storages, under one top folder. */
function layout(bytes: Uint8Array, name: string): { pkl: ZipEntry; storages: Map<string, ZipEntry>; bigEndian: boolean } {
  const entries = listZip(bytes, name);
  const pkl = entries.find((e) => /^[^/]*\/?data\.pkl$/.test(e.name));
  if (!pkl) {
    const listed = entries.slice(0, 5).map((e) => e.name).join(', ');
    throw new InputError(`${name} is a zip without a data.pkl (it holds ${listed || 'nothing'}${entries.length > 5 ? ', ...' : ''}), so it is not a torch.save file.`, 'Save the tensors with torch.save(obj, path) (PyTorch 1.6 or later).');
  }
  const prefix = pkl.name.slice(0, pkl.name.length - 'data.pkl'.length);
  const storages = new Map<string, ZipEntry>();
  for (const e of entries) if (e.name.startsWith(`${prefix}data/`)) storages.set(e.name.slice(prefix.length + 5), e);
  const order = entries.find((e) => e.name === `${prefix}byteorder`);
  const bigEndian = order ? new TextDecoder().decode(readZipEntry(bytes, order, name, { budget: 64 })).trim() === 'big' : false;
  return { pkl, storages, bigEndian };
}

/** Walks the unpickled object: tensors and lists of labels, named by their path ('state_dict.fc.weight', '0'). */
function collect(value: PickleValue, path: string, out: Map<string, Tensor | (string | number)[]>, depth = 0): void {
  if (depth > 20) return;
  if (isTensor(value)) {
    out.set(path || 'tensor', value);
    return;
  }
  const join = (k: string) => (path ? `${path}.${k}` : k);
  if (value instanceof PickleDict) {
    for (const [k, v] of value.entries) if (typeof k === 'string' || typeof k === 'number') collect(v, join(String(k)), out, depth + 1);
    return;
  }
  const items = value instanceof PickleTuple ? value.items : Array.isArray(value) ? value : null;
  if (!items) return;
  if (items.length > 0 && (items.every((x) => typeof x === 'string') || items.every((x) => typeof x === 'number' && Number.isSafeInteger(x)))) {
    out.set(path || 'list', items as (string | number)[]);
    return;
  }
  items.forEach((x, i) => collect(x, join(String(i)), out, depth + 1));
}

/** The elements of a tensor, in C order (strides followed), as a typed array of its dtype. */
function materialise(t: Tensor, raw: Uint8Array, bigEndian: boolean, label: string): NpyNumeric {
  const [dtype, size] = STORAGES[t.storage.dtype.replace(/^torch\./, '')];
  const count = t.shape.reduce((a, b) => a * b, 1);
  let last = t.offset;
  for (let d = 0; d < t.shape.length; d++) if (t.shape[d] > 0) last += (t.shape[d] - 1) * (t.stride[d] ?? 0);
  if (count > 0 && (last + 1) * size > raw.length) {
    throw new InputError(`${label} reaches element ${last} of a storage holding ${Math.floor(raw.length / size)}.`, 'Re-save it with torch.save; the file may be damaged.');
  }
  const v = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const le = !bigEndian;
  const out: NpyNumeric = dtype === '<f8' ? new Float64Array(count) : dtype === '<i8' ? new BigInt64Array(count) : dtype === '<i4' ? new Int32Array(count)
    : dtype === '<i2' ? new Int16Array(count) : dtype === '|i1' ? new Int8Array(count) : dtype === '|u1' || dtype === '|b1' ? new Uint8Array(count) : new Float32Array(count);
  const read = (e: number): number | bigint => {
    const at = e * size;
    switch (dtype) {
      case '<f4': return v.getFloat32(at, le);
      case '<f8': return v.getFloat64(at, le);
      case '<f2': return halfToFloat(v.getUint16(at, le));
      case 'bf16': return new Float32Array(new Uint32Array([v.getUint16(at, le) << 16]).buffer)[0];
      case '<i8': return v.getBigInt64(at, le);
      case '<i4': return v.getInt32(at, le);
      case '<i2': return v.getInt16(at, le);
      case '|i1': return v.getInt8(at);
      default: return raw[at];
    }
  };
  const contiguous = t.shape.every((n, d) => n === 1 || t.stride[d] === t.shape.slice(d + 1).reduce((a, b) => a * b, 1));
  if (contiguous && dtype === '<f4' && le) return new Float32Array(raw.slice(t.offset * 4, (t.offset + count) * 4).buffer);
  if (contiguous) {
    for (let i = 0; i < count; i++) (out as unknown as (number | bigint)[])[i] = read(t.offset + i);
    return out;
  }
  const idx = new Array<number>(t.shape.length).fill(0);
  for (let i = 0; i < count; i++) {
    let e = t.offset;
    for (let d = 0; d < idx.length; d++) e += idx[d] * t.stride[d];
    (out as unknown as (number | bigint)[])[i] = read(e);
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < t.shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** Reads a torch.save archive into an ArrayStore (storages are inflated when a tensor is read, within `budget`). */
export function torchStore(bytes: Uint8Array, name: string, budget = DEFAULT_BUDGET_BYTES): ArrayStore {
  const { pkl, storages, bigEndian } = layout(bytes, name);
  const persistentLoad = (pid: PickleValue): PickleValue => {
    const t = pid instanceof PickleTuple ? pid.items : [];
    const [tag, cls, key] = t;
    if (tag !== 'storage' || !isStorageClass(cls) || (typeof key !== 'string' && typeof key !== 'number')) {
      throw new InputError(`${name} refers to a persistent object that is not a tensor storage.`, 'Save plain tensors with torch.save.');
    }
    const dtype = cls.name.replace(/^torch\./, '');
    if (!storages.has(String(key))) throw new InputError(`${name} names storage ${key}, which the archive does not hold.`, 'Re-save it with torch.save; the file may be truncated.');
    return { kind: 'storage', dtype, size: STORAGES[dtype][1], key: String(key) } satisfies Storage;
  };
  const root = unpickle(readZipEntry(bytes, pkl, name, { budget }), `${name}:${pkl.name}`, { globals: globals(name), persistentLoad });
  const found = new Map<string, Tensor | (string | number)[]>();
  collect(root, '', found);
  const arrays: ArrayInfo[] = [];
  for (const [k, x] of found) {
    if (isTensor(x)) arrays.push({ name: k, dtype: STORAGES[x.storage.dtype][0].replace('bf16', '<f2'), shape: x.shape });
    else arrays.push({ name: k, dtype: typeof x[0] === 'string' ? 'str' : '<i8', shape: [x.length] });
  }
  const read = (key: string): NpyArray => {
    const x = found.get(key);
    if (!x) throw new InputError(`${name} has no tensor named ${JSON.stringify(key)}.`, 'Choose one of the tensors it lists.');
    if (!isTensor(x)) return { shape: [x.length], dtype: typeof x[0] === 'string' ? '<U1' : '<i8', data: typeof x[0] === 'string' ? x.map(String) : new BigInt64Array(x.map((i) => BigInt(i))) };
    const raw = readZipEntry(bytes, storages.get(x.storage.key)!, name, { budget });
    return { shape: x.shape, dtype: STORAGES[x.storage.dtype][0], data: materialise(x, raw, bigEndian, `${name}:${key}`) };
  };
  return { what: 'tensor', arrays, read };
}

/** True for a zip that looks like torch.save output (an entry named data.pkl, at the top or in one folder). */
export function isTorchZip(bytes: Uint8Array, name: string): boolean {
  try {
    return listZip(bytes, name).some((e) => /^[^/]*\/?data\.pkl$/.test(e.name));
  } catch {
    return false;
  }
}
