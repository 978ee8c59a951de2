/**
 * `subspace-lab compare`: read both inputs (FILE or FILE:NAME), labels and metadata tables, start
 * the tfjs backend, run compareRepresentations(), print the report as JSON or as a table.
 */
import type { Embeddings } from '../geometry/types';
import { InputError } from '../io/errors';
import { loadEmbeddingsAsync } from '../io/load';
import { parseMetadata } from '../io/labels';
import type { LoadOptions, NamedBytes } from '../io/detect';
import { compareRepresentations } from '../compare/compare';
import { compareUsage, parseCompareArgs, type CompareArgs } from './compareArgs';
import { compareToJson, formatCompare } from './compareFormat';
import { quietly, readInput, startBackend, type CliIO } from './io';

/** FILE, or FILE:NAME when FILE alone does not exist: the file's bytes and the vectors name. */
function readSpec(io: CliIO, spec: string, role: string): { file: NamedBytes; vectors?: string } {
  const cut = spec.lastIndexOf(':');
  try {
    return { file: readInput(io, spec, role) };
  } catch (e) {
    if (cut <= 0 || cut === spec.length - 1 || !(e instanceof InputError) || !/does not exist/.test(e.problem)) throw e;
    return { file: readInput(io, spec.slice(0, cut), role), vectors: spec.slice(cut + 1) };
  }
}

/** A metadata table with a header row (a one-column file counts as headed when its first cell is the id column). */
function readMeta(io: CliIO, path: string, role: string, emb: Embeddings, idColumn: string): Embeddings {
  const f = readInput(io, path, role);
  const text = new TextDecoder('utf-8').decode(f.bytes);
  const { meta, hasHeader } = parseMetadata(text, path, /\.csv$/i.test(path) ? ',' : '\t');
  const table = hasHeader ? meta : meta.values[0][0] === idColumn ? { columns: [idColumn], values: [meta.values[0].slice(1)] } : null;
  if (!table) throw new InputError(`${path} has one column and no header row naming it.`, `Start the file with a header line (e.g. ${JSON.stringify(idColumn)}).`);
  const rows = table.values[0].length;
  if (rows !== emb.n) {
    throw new InputError(`${path} has ${rows} rows but its embeddings have ${emb.n}.`, 'Give the metadata table one row per embeddings row, in the same order, after one header row.');
  }
  return { ...emb, meta: table };
}

async function loadSide(io: CliIO, spec: string, role: string, opts: LoadOptions, metaPath: string | undefined, idColumn: string | undefined): Promise<Embeddings> {
  const { file, vectors } = readSpec(io, spec, role);
  const emb = await loadEmbeddingsAsync(file.name, file.bytes, { ...opts, vectors });
  return metaPath !== undefined && idColumn !== undefined ? readMeta(io, metaPath, `--meta-${role.toLowerCase()}`, emb, idColumn) : emb;
}

/** The compare command after its name; returns the exit status (InputErrors propagate to runCli). */
export async function runCompare(rest: readonly string[], io: CliIO): Promise<number> {
  const args = parseCompareArgs(rest);
  if (args.command === 'help') {
    io.stdout(`${compareUsage()}\n`);
    return 0;
  }
  const labels = args.labels === undefined ? undefined : readInput(io, args.labels, '--labels');
  const a = await loadSide(io, args.a, 'A', { labels, labelColumn: args.labelColumn }, args.metaA, args.idColumn);
  const b = await loadSide(io, args.b, 'B', {}, args.metaB, args.idColumn);
  await startBackend(args.backend);
  const { report } = await quietly(io, (onProgress) => compareRepresentations(a, b, options(args, onProgress)));
  io.stdout(args.json ? `${compareToJson(report)}\n` : `${formatCompare(report, { a: args.a, b: args.b, backend: args.backend })}\n`);
  return 0;
}

function options(args: CompareArgs, onProgress?: (f: number, stage: string) => void) {
  return {
    idColumn: args.idColumn, sharedOnly: args.sharedOnly, names: [args.a, args.b] as [string, string],
    k: args.k, svccaK: args.svccaK, anchors: args.anchors, seed: args.seed,
    curveRows: args.curveRows, curve: args.curve, classK: args.classK, onProgress,
  };
}
