/** The CLI's surroundings and the steps every command shares: reading input files, starting the tfjs backend. */
import type { NamedBytes } from '../io/detect';
import { InputError } from '../io/errors';
import type { Backend } from './args';

/** What the CLI needs from its surroundings (the process in main.ts, captured buffers in tests). */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The file's bytes; throws a Node system error (code ENOENT, EISDIR, ...) when it cannot. */
  readFile(path: string): Uint8Array;
  /** Show progress on stderr (an interactive terminal). */
  progress?: boolean;
  /** Aborted on Ctrl-C: the streaming path stops between chunks and writes no partial file. */
  signal?: AbortSignal;
}

/** Reads one input file, turning file-system failures into InputErrors that name the option. */
export function readInput(io: CliIO, path: string, role: string): NamedBytes {
  try {
    return { name: path, bytes: io.readFile(path) };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new InputError(`${role} file ${path} does not exist.`, 'Check the path (relative paths start at the current directory).');
    if (code === 'EISDIR') throw new InputError(`${role} path ${path} is a directory.`, 'Pass a file, not a folder.');
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${role} file ${path} cannot be read (permission denied).`, 'Fix its permissions or copy it somewhere readable.');
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new InputError(`${role} file ${path} is too large to read at once (over 2 GiB).`, 'Pass a smaller sample of the rows.');
    throw e;
  }
}

/** Registers the cpu and wasm tfjs backends and activates the chosen one. */
export async function startBackend(backend: Backend): Promise<void> {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(backend))) throw new Error(`the tfjs ${backend} backend failed to start (try --backend cpu)`);
  await tf.ready();
}

/**
 * Runs work with console.log/info/debug sent to stderr (stdout belongs to the report), handing it a
 * progress callback that draws one line on stderr when io.progress is set.
 */
export async function quietly<T>(io: CliIO, work: (onProgress?: (fraction: number, stage: string) => void) => Promise<T>): Promise<T> {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = (...a: unknown[]) => io.stderr(a.map(String).join(' '));
  console.log = console.info = console.debug = toStderr;
  try {
    const onProgress = io.progress
      ? (f: number, stage: string) => io.stderr(`\r${stage} ${Math.round(f * 100)}%`.padEnd(40))
      : undefined;
    const out = await work(onProgress);
    if (io.progress) io.stderr(`\r${' '.repeat(40)}\r`);
    return out;
  } finally {
    Object.assign(console, saved);
  }
}
