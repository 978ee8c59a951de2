/**
 * The user's files in the training worker: read once (a File posted to the worker is a handle; its
 * bytes are read here, never copied per step), identified by a SHA-256 content hash, parsed by the
 * same io as Explore (tables, arrays) or decoded as images, and kept: in memory for the next run,
 * and in the browser's storage (keptPoints.ts) so a reload, or a link naming the hash, trains
 * again without the file and without decoding again.
 */
import { compactNonFinite } from '../geometry/clean';
import type { LabelledPoints } from '../datasets/types';
import { imagePoints, isImagePath, zipImages, type DecodeImage, type ImageEntry } from '../datasets/images';
import { checkTrainable, type FileSourceSpec } from '../datasets/userData';
import { InputError } from '../io/errors';
import type { LoadChoice } from '../io/choices';
import { readBlob } from '../io/readFile';
import { parseFiles } from '../explore/sources';

/** A user's data as the store sends it: a table or array file (with an optional labels file), or images. */
export type DataUpload =
  | { kind: 'table'; vectors: File; metadata?: File; choice?: LoadChoice }
  /** PNG/JPEG files in class folders (paths like "cats/001.png", a folder's webkitRelativePath), or zips of them. */
  | { kind: 'images'; name: string; files: File[]; paths: string[] };

/** A user's rows; `images` when they are decoded images. */
export type UserRows = LabelledPoints & { images?: boolean };

/** Parsed rows kept in the browser's storage by content hash. */
export interface PointsStore {
  get(hash: string): Promise<UserRows | null>;
  put(hash: string, points: UserRows): Promise<void>;
}

/** Most values kept in the browser's storage (a larger file needs dropping again after a reload). */
const MAX_KEPT_VALUES = 16_000_000;

/** The first 16 hex digits of SHA-256 of `parts` (of the bytes themselves for one part, so `sha256sum FILE` shows it). */
export async function contentHash(parts: readonly Uint8Array[]): Promise<string> {
  const digest = async (b: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>));
  let d: Uint8Array;
  if (parts.length === 1) d = await digest(parts[0]);
  else {
    const all = new Uint8Array(parts.length * 32);
    for (let i = 0; i < parts.length; i++) all.set(await digest(parts[i]), i * 32);
    d = await digest(all);
  }
  return Array.from(d.subarray(0, 8), (x) => x.toString(16).padStart(2, '0')).join('');
}

/** The InputError of a link whose file is not here. */
export function missingFileError(spec: FileSourceSpec): InputError {
  if (!spec.name) return new InputError('No file is chosen for training yet.', 'Choose a labelled file (or a zip or folder of images in class folders) in the Data section, or drop it on the page.');
  const rows = spec.rows > 0 ? ` (${spec.rows.toLocaleString('en-US')} rows)` : '';
  return new InputError(`This run trained on ${spec.name}${rows}: drop it to continue.`, `Drop ${spec.name} on the page or choose it in the Data section; it stays on this machine.`);
}

const noop = () => undefined;

async function tablePoints(up: Extract<DataUpload, { kind: 'table' }>, signal: AbortSignal): Promise<{ hash: string; points: UserRows }> {
  const vectors = { name: up.vectors.name, bytes: await readBlob(up.vectors, up.vectors.name, signal, noop) };
  const metadata = up.metadata ? { name: up.metadata.name, bytes: await readBlob(up.metadata, up.metadata.name, signal, noop) } : undefined;
  const parts = metadata ? [vectors.bytes, metadata.bytes] : [vectors.bytes];
  // The hash first: a parser may view the bytes in place.
  const hash = await contentHash(parts);
  const loaded = await parseFiles(vectors, metadata, up.choice);
  if ('choose' in loaded) {
    throw new InputError(`${loaded.choose.reason}`, `Open ${up.vectors.name} in Explore, make that choice there, then press "Train on this file".`);
  }
  const { emb } = compactNonFinite(loaded.emb);
  checkTrainable(emb, up.vectors.name);
  return { hash, points: { n: emb.n, dim: emb.dim, vectors: emb.vectors, labels: emb.labels, classNames: emb.classNames } };
}

async function imageEntries(up: Extract<DataUpload, { kind: 'images' }>, signal: AbortSignal): Promise<ImageEntry[]> {
  const out: ImageEntry[] = [];
  for (let i = 0; i < up.files.length; i++) {
    if (signal.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const path = up.paths[i] ?? up.files[i].name;
    if (/\.zip$/i.test(path)) out.push(...zipImages(await readBlob(up.files[i], path, signal, noop), path));
    else if (isImagePath(path)) out.push({ path, bytes: await readBlob(up.files[i], path, signal, noop) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Reports what the reader is doing (for the progress line). */
export type DataProgress = (stage: string) => void;

/**
 * The reader of the user's data: `points(spec, upload)` answers the rows of the upload (read,
 * hashed, parsed or decoded) or, without one, of the spec's hash from memory or the browser's
 * storage; it resolves with the spec completed (name, size, hash, rows, classes).
 */
export function createUserData(deps: { decode?: DecodeImage; store?: PointsStore | null }) {
  let last: { key: string; hash: string; points: UserRows } | null = null;

  const uploadKey = (up: DataUpload) =>
    (up.kind === 'table' ? [up.vectors, ...(up.metadata ? [up.metadata] : [])] : up.files).map((f) => `${f.name}|${f.size}|${f.lastModified}`).join('/') +
    (up.kind === 'table' ? JSON.stringify(up.choice ?? {}) : '');

  async function read(up: DataUpload, signal: AbortSignal, progress: DataProgress): Promise<{ hash: string; points: UserRows }> {
    if (up.kind === 'table') {
      progress(`reading ${up.vectors.name}`);
      return tablePoints(up, signal);
    }
    progress(`reading the images of ${up.name}`);
    const entries = await imageEntries(up, signal);
    const hash = await contentHash([new TextEncoder().encode(entries.map((e) => e.path).join('\n')), ...entries.map((e) => e.bytes)]);
    const kept = await deps.store?.get(hash).catch(() => null);
    if (kept) return { hash, points: kept };
    if (!deps.decode) throw new InputError('This browser cannot decode images in a worker.', 'Use a recent Chromium, Firefox or Safari.');
    const decode = deps.decode;
    const points = await imagePoints(entries, up.name, decode, (done, total) => {
      if (done % 50 === 0 || done === total) progress(`decoding images: ${done} of ${total}`);
    });
    return { hash, points: { ...points, images: true } };
  }

  async function points(spec: FileSourceSpec, upload: DataUpload | undefined, signal: AbortSignal, progress: DataProgress = noop): Promise<{ spec: FileSourceSpec; points: UserRows }> {
    const complete = (hash: string, p: UserRows): { spec: FileSourceSpec; points: UserRows } => ({
      spec: { ...spec, hash, rows: p.n, classes: p.classNames.length, images: p.images === true, ...(upload ? uploadFacts(upload) : {}) },
      points: p,
    });
    if (upload) {
      const key = uploadKey(upload);
      if (last?.key === key) return complete(last.hash, last.points);
      const got = await read(upload, signal, progress);
      last = { key, ...got };
      if (deps.store && got.points.n * got.points.dim <= MAX_KEPT_VALUES) await deps.store.put(got.hash, got.points).catch(() => undefined);
      return complete(got.hash, got.points);
    }
    if (spec.hash && last?.hash === spec.hash) return complete(last.hash, last.points);
    const kept = spec.hash ? await deps.store?.get(spec.hash).catch(() => null) : null;
    if (!kept) throw missingFileError(spec);
    last = { key: `kept:${spec.hash}`, hash: spec.hash, points: kept };
    return complete(spec.hash, kept);
  }

  return { points };
}

/** The name and size of an upload as the spec states them. */
function uploadFacts(up: DataUpload): { name: string; size: number } {
  if (up.kind === 'table') return { name: up.vectors.name, size: up.vectors.size + (up.metadata?.size ?? 0) };
  return { name: up.name, size: up.files.reduce((s, f) => s + f.size, 0) };
}
