/**
 * Training on the user's own files: the files chosen in Train's Data section, dropped on Train,
 * or handed over by Explore's "Train on this file" become the run's upload (File handles, kept
 * here out of reactive state and sent with every configure; the worker reads the bytes once). The
 * run's source names the file (name, size, content hash), never its contents.
 */
import type { FileSourceSpec } from '../datasets/userData';
import type { SourceSpec } from '../datasets/build';
import type { LoadChoice } from '../io/choices';
import type { DataUpload } from '../workers/trainingData';
import { pairFiles } from './files';
import { emptyFileSource } from './trainingConfig';
import type { RunConfig } from '../training/types';

let upload: DataUpload | null = null;
/** The content hash the worker found for `upload` ('' until a run has read it). */
let uploadHash = '';

const IMAGE_OR_ZIP = /\.(png|jpe?g|zip)$/i;

/** A file with the path it had in a dropped or chosen folder ("cats/001.png"), or its name. */
export interface PathedFile {
  file: File;
  path: string;
}

/**
 * The upload of chosen or dropped files: images (PNG/JPEG files, or .zip archives of them, in
 * class folders) when every file is one, else one table/array file with an optional labels
 * file (Explore's pairing rule). An error names the problem.
 */
export function uploadOf(files: readonly PathedFile[], choice?: LoadChoice): DataUpload | { error: string } {
  if (files.length === 0) return { error: 'No file was given.' };
  if (files.every((f) => IMAGE_OR_ZIP.test(f.path))) {
    const top = files[0].path.split('/')[0];
    const name = files.length === 1 ? files[0].file.name : files.every((f) => f.path.split('/')[0] === top) && files[0].path.includes('/') ? top : `${files.length} images`;
    return { kind: 'images', name, files: files.map((f) => f.file), paths: files.map((f) => f.path) };
  }
  const pair = pairFiles(files.map((f) => f.file));
  if ('error' in pair) return pair;
  return { kind: 'table', vectors: pair.vectors, metadata: pair.metadata, choice };
}

/** The name and byte size a source of `up` starts with (the worker adds hash, rows and classes). */
function specOf(up: DataUpload, limit: number): FileSourceSpec {
  const files = up.kind === 'table' ? [up.vectors, ...(up.metadata ? [up.metadata] : [])] : up.files;
  const name = up.kind === 'table' ? up.vectors.name : up.name;
  return { ...emptyFileSource(), name, size: files.reduce((s, f) => s + f.size, 0), limit };
}

/** Makes `up` the file to train on; returns the settings with a source naming it (hash, rows, classes unknown until read). */
export function withUpload(c: RunConfig, up: DataUpload): RunConfig {
  upload = up;
  uploadHash = '';
  const limit = c.data.source.kind === 'file' ? c.data.source.limit : emptyFileSource().limit;
  return { ...c, data: { ...c.data, source: specOf(up, limit), minorityClasses: 0 } };
}

/** The upload to send with a configure of `source`: none for other sources, or when the source names another file's hash. */
export function uploadFor(source: SourceSpec): DataUpload | undefined {
  if (source.kind !== 'file' || !upload) return undefined;
  if (source.hash && uploadHash && source.hash !== uploadHash) return undefined;
  return upload;
}

/** Records the hash the worker found for the current upload (from a run's facts). */
export function noteUploadHash(file: FileSourceSpec): void {
  if (upload) uploadHash = file.hash;
}

/** True while a file chosen in this page is held (a reload or a link without it holds none). */
export function hasUpload(): boolean {
  return upload !== null;
}
