/**
 * A zip reader for .npz archives (and the zips other formats use): the central directory lists the
 * entries (zip64 included, as numpy.savez writes it) without inflating anything, and an entry is
 * inflated through inflateCapped, so a declared or actual size over the budget is refused first.
 */
import { InputError } from './errors';
import { DEFAULT_BUDGET_BYTES, inflateCapped, overBudgetError } from './inflate';

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the directory declares. */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const FIX = 'Re-save it (numpy.savez writes a readable archive); the file may be truncated.';

function damaged(name: string, what: string): InputError {
  return new InputError(`${name} is not a readable zip archive (${what}).`, FIX);
}

/** Offset of the end-of-central-directory record (searched back over a comment of up to 64 kB). */
function findEnd(bytes: Uint8Array, v: DataView, name: string): number {
  for (let e = bytes.length - 22; e >= 0 && bytes.length - e <= 22 + 0xffff; e--) {
    if (v.getUint32(e, true) === 0x06054b50) return e;
  }
  throw damaged(name, 'no end-of-directory record; it may be truncated');
}

/** Reads the zip64 extended sizes/offset of a central-directory entry where the 32-bit fields are saturated. */
function zip64Fields(v: DataView, at: number, end: number, want: { size: boolean; csize: boolean; offset: boolean }): number[] {
  const out: number[] = [];
  for (let p = at; p + 4 <= end;) {
    const id = v.getUint16(p, true);
    const len = v.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const take = () => {
        if (q + 8 > p + 4 + len) throw new RangeError('short zip64 field');
        const x = Number(v.getBigUint64(q, true));
        q += 8;
        return x;
      };
      if (want.size) out.push(take());
      if (want.csize) out.push(take());
      if (want.offset) out.push(take());
      return out;
    }
    p += 4 + len;
  }
  throw new RangeError('missing zip64 field');
}

/** The entries of a zip archive, from its central directory. A damaged directory is an InputError. */
export function listZip(bytes: Uint8Array, name: string): ZipEntry[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) throw damaged(name, `only ${bytes.length} bytes`);
  const e = findEnd(bytes, v, name);
  let count = v.getUint16(e + 10, true);
  let dir = v.getUint32(e + 16, true);
  try {
    if ((count === 0xffff || dir === 0xffffffff) && e >= 20 && v.getUint32(e - 20, true) === 0x07064b50) {
      const z = Number(v.getBigUint64(e - 12, true));
      if (z + 56 > bytes.length || v.getUint32(z, true) !== 0x06064b50) throw damaged(name, 'a bad zip64 end record');
      count = Number(v.getBigUint64(z + 32, true));
      dir = Number(v.getBigUint64(z + 48, true));
    }
    const entries: ZipEntry[] = [];
    let p = dir;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || v.getUint32(p, true) !== 0x02014b50) throw damaged(name, `directory entry ${i + 1} is damaged`);
      const method = v.getUint16(p + 10, true);
      let compressedSize = v.getUint32(p + 20, true);
      let size = v.getUint32(p + 24, true);
      const nameLen = v.getUint16(p + 28, true);
      const extraLen = v.getUint16(p + 30, true);
      const commentLen = v.getUint16(p + 32, true);
      let localOffset = v.getUint32(p + 42, true);
      const nameEnd = p + 46 + nameLen;
      if (nameEnd + extraLen > bytes.length) throw damaged(name, `directory entry ${i + 1} runs past the end`);
      const entryName = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, nameEnd));
      const want = { size: size === 0xffffffff, csize: compressedSize === 0xffffffff, offset: localOffset === 0xffffffff };
      if (want.size || want.csize || want.offset) {
        const ext = zip64Fields(v, nameEnd, nameEnd + extraLen, want);
        if (want.size) size = ext.shift()!;
        if (want.csize) compressedSize = ext.shift()!;
        if (want.offset) localOffset = ext.shift()!;
      }
      entries.push({ name: entryName, method, compressedSize, size, localOffset });
      p = nameEnd + extraLen + commentLen;
    }
    return entries;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw damaged(name, err instanceof Error ? err.message : String(err));
  }
}

/** The compressed bytes of an entry (after its local header). */
function entryData(bytes: Uint8Array, entry: ZipEntry, name: string): Uint8Array {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || v.getUint32(p, true) !== 0x04034b50) throw damaged(name, `the local header of ${entry.name} is missing`);
  const start = p + 30 + v.getUint16(p + 26, true) + v.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged(name, `${entry.name} runs past the end of the file`);
  return bytes.subarray(start, end);
}

/**
 * The bytes of one entry, at most `budget` of them (a declared size over the budget is refused before
 * inflating); `headOnly`: just the first bytes (to read an .npy header without the data).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, name: string, opts: { budget?: number; headOnly?: number } = {}): Uint8Array {
  const budget = opts.budget ?? DEFAULT_BUDGET_BYTES;
  const label = `${name}:${entry.name}`;
  if (opts.headOnly === undefined && entry.size > budget) throw overBudgetError(label, entry.size, budget, true);
  const data = entryData(bytes, entry, name);
  if (entry.method === 0) return opts.headOnly === undefined ? data.slice() : data.slice(0, opts.headOnly);
  if (entry.method !== 8) {
    throw new InputError(`${label} uses zip compression method ${entry.method}, which subspace-lab cannot read.`, 'Re-save it with numpy.savez or numpy.savez_compressed (stored or deflated).');
  }
  return inflateCapped(data, label, { budget, headOnly: opts.headOnly });
}
