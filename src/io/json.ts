/**
 * JSON and JSON Lines embeddings. Accepted shapes:
 *   [[0.1, 0.2], ...]                                  a list of vectors
 *   [{"embedding": [...], "label": "cat", "id": 7}, ...] records: a vector field plus scalar fields
 *   {"embeddings": [[...], ...], "labels": [...]}       an object of columns
 * and JSONL: one vector or one record per line. null inside a vector reads as NaN (such rows are
 * skipped and counted by the analysis); scalar fields become metadata columns.
 */
import type { Metadata } from '../geometry/types';
import type { ParsedEmbeddings } from './assemble';
import { InputError } from './errors';
import { jsonSyntaxError } from './jsonSyntax';
import { isLabelColumnName } from './labels';

/** Field names tried, in order, for the vectors of a record or of an object of columns. */
export const VECTOR_FIELDS = ['embedding', 'embeddings', 'vector', 'vectors', 'features', 'x', 'X'] as const;
/** Keys tried, in order, for the labels of an object of columns. */
export const JSON_LABEL_KEYS = ['labels', 'label', 'y', 'class'] as const;

export interface JsonOptions {
  /** The field (records) or key (object of columns) holding the vectors (--vectors). */
  vectors?: string;
}

/** How messages name item i and field f of item i ('p.json[3]', 'p.jsonl line 4 field "embedding"'). */
interface Locator {
  item(i: number): string;
  field(i: number, f: string): string;
}

type Scalar = string | number | boolean | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const scalarText = (v: Scalar): string => (v === null ? '' : String(v));
const isNumberArray = (v: unknown): boolean =>
  Array.isArray(v) && v.some((x) => typeof x === 'number') && v.every((x) => typeof x === 'number' || x === null);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}...` : v);
  return String(v);
}

const listNames = (names: readonly string[]) => names.map((k) => JSON.stringify(k)).join(', ') || 'none';

/** Copies one vector into out[base, base + dim): numbers as they are, null as NaN. */
function fillRow(row: unknown[], out: Float32Array, base: number, dim: number, at: string, ref: string): void {
  if (row.length !== dim) {
    throw new InputError(`${at} has ${row.length} values but ${ref} has ${dim}.`, 'Every point needs the same number of dimensions: look for a missing or extra value there.');
  }
  for (let j = 0; j < dim; j++) {
    const v = row[j];
    if (typeof v === 'number') out[base + j] = v;
    else if (v === null) out[base + j] = Number.NaN;
    else throw new InputError(`${at} element ${j} is ${describe(v)}, not a number.`, 'Write the vectors as arrays of numbers (null for a missing value).');
  }
}

function matrixFromArrays(items: unknown[], loc: Locator): ParsedEmbeddings {
  const n = items.length;
  const dim = (items[0] as unknown[]).length;
  const vectors = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const row = items[i];
    if (!Array.isArray(row)) {
      throw new InputError(`${loc.item(i)} is ${describe(row)}, but ${loc.item(0)} is an array of numbers.`, 'Write every point as an array of numbers.');
    }
    fillRow(row, vectors, i * dim, dim, loc.item(i), loc.item(0));
  }
  return { n, dim, vectors };
}

/** The vectors field of a record: the requested one, else the first of VECTOR_FIELDS, else the only numeric array. */
function pickVectorField(first: Record<string, unknown>, loc: Locator, requested?: string): string {
  const keys = Object.keys(first);
  if (requested !== undefined) {
    if (!Object.hasOwn(first, requested)) {
      throw new InputError(`${loc.item(0)} has no field ${JSON.stringify(requested)} (fields: ${listNames(keys)}).`, 'Pass one of those names with --vectors.');
    }
    return requested;
  }
  const named = VECTOR_FIELDS.find((k) => Array.isArray(first[k]));
  if (named !== undefined) return named;
  const numeric = keys.filter((k) => isNumberArray(first[k]));
  if (numeric.length === 1) return numeric[0];
  throw new InputError(
    numeric.length === 0
      ? `${loc.item(0)} has no field holding an array of numbers (fields: ${listNames(keys)}).`
      : `${loc.item(0)} has several fields holding arrays of numbers (${listNames(numeric)}), so the vectors are ambiguous.`,
    'Name the vectors field "embedding", or pass its name with --vectors.',
  );
}

function matrixFromRecords(items: unknown[], loc: Locator, requested?: string): ParsedEmbeddings {
  const n = items.length;
  const first = items[0] as Record<string, unknown>;
  const field = pickVectorField(first, loc, requested);
  const firstVector = first[field];
  const dim = Array.isArray(firstVector) ? firstVector.length : 0;
  const vectors = new Float32Array(n * dim);
  // null marks a column dropped because some row holds a non-scalar there.
  const columns = new Map<string, string[] | null>();
  for (let i = 0; i < n; i++) {
    const rec = items[i];
    if (!isObject(rec)) {
      throw new InputError(`${loc.item(i)} is ${describe(rec)}, but ${loc.item(0)} is an object.`, 'Write every point as an object with the same fields.');
    }
    const v = rec[field];
    if (!Array.isArray(v)) {
      throw new InputError(
        `${loc.item(i)} has no array in field ${JSON.stringify(field)}${v === undefined ? '' : ` (it holds ${describe(v)})`}.`,
        `Give every point its vector in ${JSON.stringify(field)}, or pass the vectors field with --vectors.`,
      );
    }
    fillRow(v, vectors, i * dim, dim, loc.field(i, field), loc.field(0, field));
    for (const key of Object.keys(rec)) {
      if (key === field) continue;
      let col = columns.get(key);
      if (col === null) continue;
      const value = rec[key];
      if (!isScalar(value)) {
        columns.set(key, null);
        continue;
      }
      if (col === undefined) {
        col = new Array<string>(n).fill('');
        columns.set(key, col);
      }
      col[i] = scalarText(value);
    }
  }
  const kept = [...columns].filter((e): e is [string, string[]] => e[1] !== null);
  if (kept.length === 0) return { n, dim, vectors };
  const meta: Metadata = { columns: kept.map((e) => e[0]), values: kept.map((e) => e[1]) };
  return { n, dim, vectors, meta, labelColumn: meta.columns.find(isLabelColumnName) };
}

/** A list of points: arrays of numbers, or records. */
function fromItems(items: unknown[], loc: Locator, opts: JsonOptions): ParsedEmbeddings {
  if (items.length === 0) return { n: 0, dim: 0, vectors: new Float32Array(0) };
  const first = items[0];
  if (Array.isArray(first)) {
    if (opts.vectors !== undefined) {
      throw new InputError(`--vectors ${JSON.stringify(opts.vectors)} was given, but ${loc.item(0)} is a plain array of numbers with no fields.`, 'Drop --vectors for a list of arrays.');
    }
    return matrixFromArrays(items, loc);
  }
  if (isObject(first)) return matrixFromRecords(items, loc, opts.vectors);
  throw new InputError(
    `${loc.item(0)} is ${describe(first)}; each point must be an array of numbers or an object with an "embedding" field.`,
    'Write [[0.1, 0.2, ...], ...] or [{"embedding": [0.1, ...], "label": "cat"}, ...].',
  );
}

/** {"embeddings": [...], "labels": [...], ...}: the vectors key, plus every other array of n scalars as a column. */
function fromObject(obj: Record<string, unknown>, name: string, opts: JsonOptions): ParsedEmbeddings {
  const keys = Object.keys(obj);
  const key = opts.vectors ?? VECTOR_FIELDS.find((k) => Array.isArray(obj[k])) ??
    (() => {
      const lists = keys.filter((k) => {
        const v = obj[k];
        return Array.isArray(v) && (Array.isArray(v[0]) || isObject(v[0]));
      });
      return lists.length === 1 ? lists[0] : undefined;
    })();
  if (key === undefined || !Array.isArray(obj[key])) {
    const problem = key === undefined
      ? `${name} is a JSON object without a list of vectors (keys: ${listNames(keys)}).`
      : `${name} has no array under ${JSON.stringify(key)} (keys: ${listNames(keys)}).`;
    throw new InputError(problem, 'Store the vectors under "embeddings" ({"embeddings": [[...], ...], "labels": [...]}), or pass their key with --vectors.');
  }
  const items = obj[key] as unknown[];
  const parsed = fromItems(items, { item: (i) => `${name} ${key}[${i}]`, field: (i, f) => `${name} ${key}[${i}].${f}` }, {});
  const meta: Metadata = { columns: [...(parsed.meta?.columns ?? [])], values: [...(parsed.meta?.values ?? [])] };
  for (const k of keys) {
    const v = obj[k];
    if (k === key || !Array.isArray(v) || !v.every(isScalar)) continue;
    if (v.length === parsed.n) {
      meta.columns.push(k);
      meta.values.push(v.map(scalarText));
    } else if ((JSON_LABEL_KEYS as readonly string[]).includes(k)) {
      throw new InputError(
        `${name} has ${v.length} values under ${JSON.stringify(k)} but ${parsed.n} vectors under ${JSON.stringify(key)}.`,
        'Give exactly one label per embeddings row, in the same order.',
      );
    }
  }
  if (meta.columns.length === 0) return parsed;
  const labelColumn = parsed.labelColumn ?? JSON_LABEL_KEYS.find((k) => meta.columns.includes(k)) ?? meta.columns.find(isLabelColumnName);
  return { ...parsed, meta, labelColumn };
}

/** True when the first non-blank line is a complete JSON array or object and more lines follow (JSON Lines). */
function looksLikeJsonLines(text: string): boolean {
  const m = /^\s*([^\n]*)\n\s*\S/.exec(text);
  if (!m) return false;
  try {
    const v: unknown = JSON.parse(m[1]);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}

/**
 * Parses JSON embeddings (any shape in the module comment). A .json file that is really JSON Lines is read
 * as such. Syntax errors name the line and column; shape errors name the item (p.json[3].embedding).
 */
export function parseJsonEmbeddings(text: string, name: string, opts: JsonOptions = {}): ParsedEmbeddings {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if (looksLikeJsonLines(text)) return parseJsonLines(text, name, opts);
    throw jsonSyntaxError(text, name);
  }
  if (Array.isArray(value)) return fromItems(value, { item: (i) => `${name}[${i}]`, field: (i, f) => `${name}[${i}].${f}` }, opts);
  if (isObject(value)) return fromObject(value, name, opts);
  throw new InputError(`${name} holds a single JSON value (${describe(value)}), not a list of points.`, 'Write [[0.1, 0.2, ...], ...] or {"embeddings": [[...], ...], "labels": [...]}.');
}

/** Parses JSON Lines: one array of numbers or one record per non-blank line; errors name the line. */
export function parseJsonLines(text: string, name: string, opts: JsonOptions = {}): ParsedEmbeddings {
  const items: unknown[] = [];
  const lines: number[] = [];
  let line = 0;
  for (let pos = 0; pos < text.length;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    line++;
    const s = text.slice(pos, end).replace(/\r$/, '');
    if (s.trim() !== '') {
      try {
        items.push(JSON.parse(s));
      } catch {
        throw jsonSyntaxError(s, `${name} line ${line}`, true);
      }
      lines.push(line);
    }
    pos = end + 1;
  }
  return fromItems(items, {
    item: (i) => `${name} line ${lines[i]}`,
    field: (i, f) => `${name} line ${lines[i]} field ${JSON.stringify(f)}`,
  }, opts);
}
