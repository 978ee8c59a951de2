/**
 * HDF5 (.h5/.hdf5) through h5wasm (the HDF5 C library compiled to WebAssembly, loaded on first use):
 * the file is written to h5wasm's in-memory file system, its groups are walked, and every numeric or
 * string dataset becomes an array of an ArrayStore (named by its path, e.g. 'train/embeddings').
 */
import type { ArrayInfo, ArrayStore } from './arrayStore';
import { InputError } from './errors';
import type { NpyArray, NpyNumeric } from './npy';

/** Bytes 0..7 of an HDF5 file (superblock at offset 0): \x89HDF\r\n\x1a\n. */
export function hasHdf5Magic(b: Uint8Array): boolean {
  const m = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
  return b.length >= 8 && m.every((x, i) => b[i] === x);
}

const RESAVE = 'Re-save it with h5py (f.create_dataset("embeddings", data=X)); the file may be truncated.';

type H5 = typeof import('h5wasm').default;
type H5Dataset = InstanceType<H5['Dataset']>;
type H5Group = InstanceType<H5['Group']>;

let ready: Promise<{ h5: H5; FS: { writeFile(p: string, d: Uint8Array): void; unlink(p: string): void } }> | null = null;
let serial = 0;

/** True while this module calls into HDF5: its diagnostics (HDF5-DIAG lines) are then kept off the console; the InputError says it. */
let quiet = false;

async function h5wasm() {
  ready ??= (async () => {
    // The wasm module binds console.error once, when it is created: it gets a filter that drops output while `quiet`.
    const real = console.error;
    console.error = (...a: unknown[]) => {
      if (!quiet) real.apply(console, a);
    };
    try {
      const h5 = (await import('h5wasm')).default;
      const mod = await h5.ready;
      return { h5, FS: mod.FS as unknown as { writeFile(p: string, d: Uint8Array): void; unlink(p: string): void } };
    } finally {
      console.error = real;
    }
  })();
  return ready;
}

function quietly<T>(work: () => T): T {
  quiet = true;
  try {
    return work();
  } finally {
    quiet = false;
  }
}

/** numpy's notation for an h5wasm dataset type, or null for types this reader does not take (compound, enum, ...). */
function dtypeOf(meta: { type: number; size: number; signed: boolean; vlen: boolean }): string | null {
  if (meta.type === 1 && (meta.size === 4 || meta.size === 8 || meta.size === 2)) return `<f${meta.size}`;
  if (meta.type === 0 && [1, 2, 4, 8].includes(meta.size)) return `${meta.size === 1 ? '|' : '<'}${meta.signed ? 'i' : 'u'}${meta.size}`;
  if (meta.type === 3) return 'str';
  return null;
}

/** Walks the groups from `group` (at most `limit` datasets), collecting numeric and string datasets. */
function walk(group: H5Group, prefix: string, out: Map<string, { info: ArrayInfo; ds: H5Dataset }>, seen: Set<string>, depth = 0): void {
  if (depth > 32 || out.size > 10_000) return;
  for (const key of group.keys()) {
    const path = prefix ? `${prefix}/${key}` : key;
    if (seen.has(path)) continue;
    seen.add(path);
    const child = group.get(key) as { type?: string } | null;
    if (!child) continue;
    if (child.type === 'Group') walk(child as unknown as H5Group, path, out, seen, depth + 1);
    else if (child.type === 'Dataset') {
      const ds = child as unknown as H5Dataset;
      const dtype = ds.metadata ? dtypeOf(ds.metadata) : null;
      if (dtype && ds.shape) out.set(path, { info: { name: path, dtype, shape: [...ds.shape] }, ds });
    }
  }
}

function asNpy(ds: H5Dataset, info: ArrayInfo, label: string): NpyArray {
  const value = ds.value as unknown;
  if (info.dtype === 'str') {
    const items = Array.isArray(value) ? value : [value];
    return { shape: info.shape, dtype: '<U1', data: items.map((s) => String(s)) };
  }
  if (!ArrayBuffer.isView(value)) throw new InputError(`${label} could not be read as numbers.`, RESAVE);
  const data = value as unknown as NpyNumeric;
  if (info.dtype === '<f2') return { shape: info.shape, dtype: '<f4', data: Float32Array.from(data as unknown as ArrayLike<number>) };
  return { shape: info.shape, dtype: info.dtype, data };
}

/** An open HDF5 file as an ArrayStore; `close` frees the in-memory copy. */
export async function hdf5Store(bytes: Uint8Array, name: string): Promise<ArrayStore & { close(): void }> {
  const { h5, FS } = await h5wasm();
  const path = `/subspace-lab-${++serial}.h5`;
  FS.writeFile(path, bytes);
  let file: InstanceType<H5['File']>;
  const found = new Map<string, { info: ArrayInfo; ds: H5Dataset }>();
  try {
    file = quietly(() => new h5.File(path, 'r'));
    try {
      quietly(() => walk(file, '', found, new Set()));
    } catch (e) {
      quietly(() => file.close());
      throw e;
    }
  } catch (e) {
    FS.unlink(path);
    if (e instanceof InputError) throw e;
    throw new InputError(`${name} is not a readable HDF5 file (the HDF5 library could not open it or list its groups).`, RESAVE);
  }
  let open = true;
  return {
    what: 'HDF5 dataset',
    arrays: [...found.values()].map((f) => f.info),
    read(key) {
      const f = found.get(key);
      if (!f || !open) throw new InputError(`${name} has no dataset named ${JSON.stringify(key)}.`, 'Choose one of the datasets it lists.');
      try {
        return quietly(() => asNpy(f.ds, f.info, `${name}:${key}`));
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw new InputError(`${name}:${key} could not be read (${e instanceof Error ? e.message : String(e)}).`, RESAVE);
      }
    },
    close() {
      if (!open) return;
      open = false;
      try {
        quietly(() => file.close());
      } finally {
        FS.unlink(path);
      }
    },
  };
}
