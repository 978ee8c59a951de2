/**
 * The files of a drop with their paths: a dropped folder is walked (FileSystemEntry API), so a
 * folder of images in class sub-folders arrives as "shapes/circle/001.png", ... .
 */
import type { PathedFile } from '../../state/trainingFile';

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, path: string, out: PathedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ file, path });
    return;
  }
  if (!entry.isDirectory) return;
  for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, `${path}/${child.name}`, out);
}

/** Every file of the drop (folders walked), with its path from the dropped item. */
export async function droppedFiles(dt: DataTransfer): Promise<PathedFile[]> {
  const entries = Array.from(dt.items ?? [])
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0) return Array.from(dt.files, (file) => ({ file, path: file.name }));
  const out: PathedFile[] = [];
  for (const e of entries) await walk(e, e.name, out);
  return out;
}
