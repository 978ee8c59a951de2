/**
 * The Embedding Projector's own formats: raw little-endian float32 `.bytes` tensors, and the
 * projector_config.json that names them ({embeddings: [{tensorName, tensorShape: [N, D], tensorPath,
 * metadataPath, sprite: {imagePath, singleImageDim: [w, h]}}]}). A config is read with the files it
 * names, which the caller resolves (the CLI next to the config, the app among the dropped files).
 */
import type { ParsedEmbeddings } from './assemble';
import { InputError } from './errors';

/** One embedding of a projector config. */
export interface ProjectorEmbedding {
  tensorName: string;
  /** [N, D] when the config gives it. */
  tensorShape?: [number, number];
  tensorPath: string;
  metadataPath?: string;
  sprite?: { imagePath: string; singleImageDim: [number, number] };
}

/** The base name of a path as the config writes it ('oss_data/x.bytes' -> 'x.bytes'). */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

const CONFIG_FIX = 'Write it as the Projector does: {"embeddings": [{"tensorName": "...", "tensorShape": [N, D], "tensorPath": "x.bytes", "metadataPath": "meta.tsv"}]}.';

/** True when `bytes` (a .json file) is an Embedding Projector config: an object whose "embeddings" is a list of objects with tensorPath. */
export function isProjectorConfig(bytes: Uint8Array): boolean {
  if (bytes.length > 1 << 20) return false;
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09 || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)) i++;
  if (bytes[i] !== 0x7b) return false;
  try {
    const j = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as unknown;
    if (typeof j !== 'object' || j === null || Array.isArray(j)) return false;
    const e = (j as { embeddings?: unknown }).embeddings;
    return Array.isArray(e) && e.length > 0 && e.every((x) => typeof x === 'object' && x !== null && 'tensorPath' in x);
  } catch {
    return false;
  }
}

const isDim = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;

/** The embeddings a config lists; a malformed entry is an InputError naming it. */
export function parseProjectorConfig(bytes: Uint8Array, name: string): ProjectorEmbedding[] {
  let j: { embeddings?: unknown };
  try {
    j = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as { embeddings?: unknown };
  } catch {
    throw new InputError(`${name} is not valid JSON.`, CONFIG_FIX);
  }
  if (!Array.isArray(j.embeddings) || j.embeddings.length === 0) throw new InputError(`${name} lists no embeddings.`, CONFIG_FIX);
  return j.embeddings.map((raw: unknown, i: number) => {
    const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const where = `${name} embeddings[${i}]`;
    if (typeof e.tensorPath !== 'string' || e.tensorPath === '') throw new InputError(`${where} has no tensorPath.`, CONFIG_FIX);
    const out: ProjectorEmbedding = { tensorName: typeof e.tensorName === 'string' && e.tensorName ? e.tensorName : baseName(e.tensorPath), tensorPath: e.tensorPath };
    if (e.tensorShape !== undefined) {
      const s = e.tensorShape;
      if (!Array.isArray(s) || s.length !== 2 || !s.every(isDim)) throw new InputError(`${where} has tensorShape ${JSON.stringify(s)}; it must be [N, D], two positive integers.`, CONFIG_FIX);
      out.tensorShape = [s[0], s[1]];
    }
    if (typeof e.metadataPath === 'string' && e.metadataPath) out.metadataPath = e.metadataPath;
    const sp = e.sprite as { imagePath?: unknown; singleImageDim?: unknown } | undefined;
    if (sp && typeof sp === 'object' && typeof sp.imagePath === 'string') {
      const d = sp.singleImageDim;
      if (!Array.isArray(d) || d.length !== 2 || !d.every(isDim)) throw new InputError(`${where} has a sprite without singleImageDim [width, height].`, 'Give the sprite its tile size, e.g. "singleImageDim": [28, 28].');
      out.sprite = { imagePath: sp.imagePath, singleImageDim: [d[0], d[1]] };
    }
    return out;
  });
}

/** The embedding `tensorName` of a config, else the only one; several and none chosen is an InputError listing them. */
export function pickEmbedding(list: readonly ProjectorEmbedding[], name: string, tensorName?: string): ProjectorEmbedding {
  const names = list.map((e) => e.tensorName);
  if (tensorName !== undefined) {
    const e = list.find((x) => x.tensorName === tensorName);
    if (!e) throw new InputError(`${name} has no embedding named ${JSON.stringify(tensorName)} (it lists ${names.map((x) => JSON.stringify(x)).join(', ')}).`, 'Pass one of those names with --vectors.');
    return e;
  }
  if (list.length > 1) throw new InputError(`${name} lists ${list.length} embeddings (${names.map((x) => JSON.stringify(x)).join(', ')}); which one should be read?`, 'Choose one with --vectors NAME (in the app: the dialog that lists them).');
  return list[0];
}

/** The float32 count of a .bytes file; a length that is not a whole number of float32s is an InputError. */
export function floatCount(bytes: Uint8Array, name: string): number {
  if (bytes.length % 4 !== 0) {
    throw new InputError(`${name} is ${bytes.length} bytes, not a whole number of float32 values (4 bytes each), so it is not a Projector .bytes tensor.`, 'Write it with X.astype(np.float32).tobytes(), or give its projector_config.json.');
  }
  return bytes.length / 4;
}

/** The rows x D matrix of a .bytes tensor with `dim` columns (`rows` when known); a size that does not fit is an InputError. */
export function parseBytesTensor(bytes: Uint8Array, name: string, dim: number, rows?: number, shapeSource = 'the shape'): ParsedEmbeddings {
  const count = floatCount(bytes, name);
  if (!Number.isSafeInteger(dim) || dim < 1) throw new InputError(`The dimension for ${name} must be a positive integer (got ${dim}).`, 'Give the number of values per point, e.g. --dim 128.');
  const n = rows ?? count / dim;
  if (!Number.isInteger(n) || n * dim !== count) {
    throw new InputError(
      rows === undefined
        ? `${name} holds ${count} float32 values, which is not a whole number of rows of ${dim}.`
        : `${name} holds ${count} float32 values, but ${shapeSource} says ${rows} x ${dim} = ${rows * dim}.`,
      'Check the dimension (or the tensorShape in projector_config.json); the file may be truncated.',
    );
  }
  const vectors = new Float32Array(count);
  new Uint8Array(vectors.buffer).set(bytes);
  return { n, dim, vectors };
}

/** The InputError for a .bytes file given without its shape. */
export function bytesNeedShape(name: string, count: number): InputError {
  return new InputError(
    `${name} is a raw float32 tensor (${count} values) with no shape, so its dimension cannot be known.`,
    'Give its projector_config.json with it, the metadata file (its row count fixes the shape), or the dimension (--dim D; in the app, the dialog asks).',
  );
}

/** The InputError for a config dropped or given without the files it names. */
export function missingFilesError(name: string, e: ProjectorEmbedding, missing: string[]): InputError {
  return new InputError(
    `${name} names ${missing.map((m) => baseName(m)).join(' and ')}, which ${missing.length === 1 ? 'was' : 'were'} not given with it (embedding ${JSON.stringify(e.tensorName)}).`,
    `Drop or choose the config together with ${[e.tensorPath, e.metadataPath].filter((x): x is string => !!x).map(baseName).join(' and ')}; the CLI reads them next to the config.`,
  );
}
