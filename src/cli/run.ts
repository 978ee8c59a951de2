/**
 * The CLI flow, independent of the process: parse arguments, read and parse the files, start the tfjs
 * backend, run analyze(), print the report. Returns the exit status (0 ok, 2 bad input, 1 internal error).
 */
import type { AnalysisReport, Classifier, Embeddings } from '../geometry/types.ts';
import { loadClassifier } from '../io/classifier.ts';
import type { NamedBytes } from '../io/detect.ts';
import { InputError, isInputError } from '../io/errors.ts';
import { loadEmbeddingsAsync } from '../io/load.ts';
import { parseArgs, usage, type AnalyzeArgs, type Backend } from './args.ts';
import { formatReport, reportToJson } from './format.ts';
import { wantsStream } from './streamChoice.ts';

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

async function loadInputs(args: AnalyzeArgs, io: CliIO): Promise<{ emb: Embeddings; classifier?: Classifier }> {
  const file = readInput(io, args.embeddings, 'embeddings');
  const labels = args.labels === undefined ? undefined : readInput(io, args.labels, '--labels');
  const emb = await loadEmbeddingsAsync(file.name, file.bytes, { labels, labelColumn: args.labelColumn, vectors: args.vectors });
  let classifier: Classifier | undefined;
  if (args.weights !== undefined) {
    const weights = readInput(io, args.weights, '--weights');
    const bias = args.bias === undefined ? undefined : readInput(io, args.bias, '--bias');
    classifier = loadClassifier(weights, bias, emb.dim, emb.classNames ? emb.classNames.length : null);
  }
  return { emb, classifier };
}

/** Runs analyze() with anything it logs kept off stdout, which belongs to the report. */
async function analyzeQuietly(emb: Embeddings, args: AnalyzeArgs, classifier: Classifier | undefined, io: CliIO): Promise<AnalysisReport> {
  const { analyze } = await import('../geometry/analyze.ts');
  const { availableParallelism } = await import('node:os');
  const threads = args.backend === 'wasm' ? args.threads ?? availableParallelism() : 1;
  const pool = threads > 1 ? new (await import('../geometry/parallel/nodePool.ts')).NodeTilePool(threads) : undefined;
  const warming = pool?.warm();
  try {
    return await quietly(io, async () => {
      const onProgress = io.progress
        ? (f: number, stage: string) => io.stderr(`\r${stage} ${Math.round(f * 100)}%`.padEnd(40))
        : undefined;
      const report = await analyze(emb, { k: args.k, classifier, onProgress, idSample: args.idSample, pool });
      if (io.progress) io.stderr(`\r${' '.repeat(40)}\r`);
      return report;
    });
  } finally {
    await warming?.catch(() => undefined);
    await pool?.close();
  }
}

/** Runs fn with console.log/info/debug sent to stderr, since stdout belongs to the report. */
export async function quietly<T>(io: CliIO, fn: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  const toStderr = (...a: unknown[]) => io.stderr(a.map(String).join(' '));
  console.log = console.info = console.debug = toStderr;
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
}

/** The whole CLI: returns the exit status; the only stdout output is the help, the table or the JSON. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout(`${usage()}\n`);
      return 0;
    }
    if (wantsStream(args)) return await (await import('./stream.ts')).runStream(args, io);
    const { emb, classifier } = await loadInputs(args, io);
    await startBackend(args.backend);
    const report = await analyzeQuietly(emb, args, classifier, io);
    io.stdout(args.json
      ? `${reportToJson(report)}\n`
      : `${formatReport(report, { file: args.embeddings, backend: args.backend, hasClassifier: classifier !== undefined })}\n`);
    return 0;
  } catch (e) {
    if (isInputError(e)) {
      io.stderr(`subspace-lab: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    const detail = e instanceof Error ? (process.env.SUBSPACE_LAB_DEBUG ? e.stack ?? e.message : e.message) : String(e);
    io.stderr(`subspace-lab: internal error: ${detail}. This is a bug; rerun with SUBSPACE_LAB_DEBUG=1 for the stack and report it.\n`);
    return 1;
  }
}
