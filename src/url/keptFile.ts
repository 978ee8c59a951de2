/**
 * The last file the user opened, kept in the browser's own storage so a reload reopens it: the
 * origin private file system (OPFS) where the browser has it, IndexedDB otherwise. Nothing leaves
 * the machine and the file never goes into an address. `forget` removes it.
 */
import { create } from 'zustand';
import { idbRequest } from '../io/idb';

/** A kept vectors file and its optional labels / metadata file, with their original names. */
export interface KeptFiles {
  vectors: File;
  metadata?: File;
}

interface Manifest {
  vectors: string;
  metadata: string | null;
  type: { vectors: string; metadata: string };
}

const DIR = 'subspace-lab-kept-file';
const DB = 'subspace-lab';
const STORE = 'kept-file';

export interface KeptFileState {
  /** The kept file's name, or null when none is kept. */
  name: string | null;
  /** Why the last attempt to keep a file failed, or null. */
  error: string | null;
}

export const useKeptFile = create<KeptFileState>()(() => ({ name: null, error: null }));

const hasOpfs = () => typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';

async function opfsDir(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  const root = await navigator.storage.getDirectory();
  try {
    return await root.getDirectoryHandle(DIR, { create });
  } catch {
    return null;
  }
}

async function writeEntry(dir: FileSystemDirectoryHandle, name: string, data: Blob | string): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const w = await handle.createWritable();
  await w.write(data);
  await w.close();
}

function idb<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return idbRequest(DB, STORE, mode, act);
}

/** Keeps `files` (replacing any kept file). */
export async function keepFiles(files: KeptFiles): Promise<void> {
  try {
    if (hasOpfs()) {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(DIR, { recursive: true }).catch(() => undefined);
      const dir = (await opfsDir(true)) as FileSystemDirectoryHandle;
      await writeEntry(dir, 'vectors', files.vectors);
      if (files.metadata) await writeEntry(dir, 'metadata', files.metadata);
      const manifest: Manifest = { vectors: files.vectors.name, metadata: files.metadata?.name ?? null, type: { vectors: files.vectors.type, metadata: files.metadata?.type ?? '' } };
      await writeEntry(dir, 'manifest.json', JSON.stringify(manifest));
    } else {
      await idb('readwrite', (s) => s.put(files, 'files'));
    }
    useKeptFile.setState({ name: files.vectors.name, error: null });
  } catch (e) {
    useKeptFile.setState({ name: null, error: `This browser did not keep ${files.vectors.name} for the next visit (${(e as Error).message}); it stays open until the page is closed.` });
  }
}

/** The kept files, or null when none (or the storage cannot be read). */
export async function readKeptFiles(): Promise<KeptFiles | null> {
  try {
    if (hasOpfs()) {
      const dir = await opfsDir(false);
      if (!dir) return null;
      const manifest = JSON.parse(await (await (await dir.getFileHandle('manifest.json')).getFile()).text()) as Manifest;
      const raw = async (entry: string, name: string, type: string) => new File([await (await dir.getFileHandle(entry)).getFile()], name, { type });
      const vectors = await raw('vectors', manifest.vectors, manifest.type.vectors);
      const metadata = manifest.metadata ? await raw('metadata', manifest.metadata, manifest.type.metadata) : undefined;
      useKeptFile.setState({ name: vectors.name });
      return { vectors, metadata };
    }
    const files = await idb<KeptFiles | undefined>('readonly', (s) => s.get('files'));
    if (files) useKeptFile.setState({ name: files.vectors.name });
    return files ?? null;
  } catch {
    return null;
  }
}

/** Removes the kept file from the browser's storage. */
export async function forgetKeptFiles(): Promise<void> {
  if (hasOpfs()) {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(DIR, { recursive: true }).catch(() => undefined);
  } else await idb('readwrite', (s) => s.delete('files')).catch(() => undefined);
  useKeptFile.setState({ name: null, error: null });
}
