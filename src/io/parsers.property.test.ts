/**
 * Property tests for every parser (fast-check): arbitrary bytes, bytes behind each format's magic,
 * and valid files with one byte changed. Nothing but an InputError is ever thrown; a mutated file
 * either loads with the same shape or is refused; decompression never passes the budget. A hang
 * fails the test by its timeout. numRuns stay modest so CI time stays small.
 */
import { gzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldenBytes } from '../../tests/fixtures/io/golden';
import { formatBytes } from '../../tests/fixtures/io/formats/formats';
import { isInputError } from './errors';
import { inflateCapped } from './inflate';
import { readLabels } from './labels';
import { loadEmbeddingsAsync } from './load';
import { NPY_MAGIC } from './npyHeader';
import { writeNpy } from './npy';
import { safetensorsBytes, utf8 } from './testing.test-util';

/** Runs per property (FC_RUNS=5000 for a deeper local search). */
const RUNS = Number(process.env.FC_RUNS ?? 150);
const BUDGET = 1 << 20;

/** Loads `bytes` as `name`; returns the shape, or 'refused' for an InputError. Any other throw fails the property. */
async function outcome(name: string, bytes: Uint8Array, labels?: Uint8Array): Promise<string> {
  try {
    const emb = await loadEmbeddingsAsync(name, bytes, { budget: BUDGET, labels: labels && { name: 'labels.txt', bytes: labels } });
    expect(emb.vectors.byteLength).toBeLessThanOrEqual(BUDGET + bytes.length);
    return `${emb.n}x${emb.dim}`;
  } catch (e) {
    if (isInputError(e)) return 'refused';
    throw e;
  }
}

const NAMES = ['x.npy', 'x.npz', 'x.safetensors', 'x.parquet', 'x.json', 'x.jsonl', 'x.csv', 'x.tsv', 'x.txt', 'x.npy.gz', 'x.bin', 'x.pt'];

const prefixed = (prefix: readonly number[]) => fc.uint8Array({ maxLength: 600 }).map((tail) => new Uint8Array([...prefix, ...tail]));

/** Bytes behind each format's magic, so the fuzzing reaches past the format check. */
const STRUCTURED = fc.oneof(
  fc.uint8Array({ maxLength: 1200 }),
  prefixed([...NPY_MAGIC, 1, 0, 0x46, 0]),
  fc.tuple(fc.constantFrom('<f4', '>f8', '|u1', '<i8', '<U3', '|b1', '<c8', 'O'), fc.array(fc.nat(9), { maxLength: 3 }), fc.boolean(), fc.uint8Array({ maxLength: 400 }))
    .map(([d, shape, f, tail]) => {
      const dict = `{'descr': '${d}', 'fortran_order': ${f ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
      const head = utf8(dict.padEnd(118, ' ') + '\n');
      return new Uint8Array([...NPY_MAGIC, 1, 0, head.length, 0, ...head, ...tail]);
    }),
  prefixed([0x50, 0x4b, 0x03, 0x04]),
  prefixed([0x50, 0x41, 0x52, 0x31]),
  prefixed([0x1f, 0x8b, 8, 0]),
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.uint8Array({ maxLength: 200 })).map(([j, data]) => safetensorsBytes({ t: j }, data)),
  fc.string({ maxLength: 300 }).map((s) => utf8(s)),
  fc.array(fc.array(fc.oneof(fc.double(), fc.constantFrom('a', '', 'NaN', '1e400', '"')), { maxLength: 5 }), { maxLength: 8 })
    .map((rows) => utf8(rows.map((r) => r.join(',')).join('\n'))),
);

describe('every parser: arbitrary bytes load or are refused with an InputError, never anything else', () => {
  it('raw and structured bytes under every name', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(STRUCTURED, fc.constantFrom(...NAMES), async (bytes, name) => {
      await outcome(name, bytes);
    }), { numRuns: RUNS * 2, seed: 16 });
  });

  it('labels files of arbitrary bytes', { timeout: 30_000 }, () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('l.txt', 'l.tsv', 'l.csv', 'l.npy'), (bytes, name) => {
      try {
        readLabels(name, bytes);
      } catch (e) {
        expect(isInputError(e), String(e)).toBe(true);
      }
    }), { numRuns: RUNS, seed: 7 });
  });

  it('inflation of arbitrary deflate or gzip data never returns more than the budget', { timeout: 30_000 }, () => {
    const bomb = (n: number) => gzipSync(new Uint8Array(n), { level: 1 });
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 500 }), fc.integer({ min: 1, max: 1 << 20 }).map(bomb)), fc.boolean(), (bytes, gzip) => {
      try {
        expect(inflateCapped(bytes, 'z', { gzip, budget: 1 << 16 }).length).toBeLessThanOrEqual(1 << 16);
      } catch (e) {
        expect(isInputError(e), String(e)).toBe(true);
      }
    }), { numRuns: Math.ceil(RUNS / 3), seed: 3 });
  });
});

/** Valid files of each parser (numpy-written goldens where they exist). */
function validFiles(): [string, Uint8Array][] {
  const values = Float32Array.from({ length: 6 * 4 }, (_, i) => (i * 7) % 11 - 5);
  const npy = writeNpy(values, [6, 4]);
  const rows = Array.from({ length: 6 }, (_, r) => Array.from(values.subarray(4 * r, 4 * r + 4)));
  return [
    ['f4_c.npy', goldenBytes('f4_c.npy')],
    ['f8.npy', goldenBytes('f8.npy')],
    ['deflated.npz', goldenBytes('deflated.npz')],
    ['stored.npz', goldenBytes('stored.npz')],
    ['f32.safetensors', formatBytes('f32.safetensors')],
    ['records.json', formatBytes('records.json')],
    ['records.jsonl', formatBytes('records.jsonl')],
    ['plain.parquet', formatBytes('plain.parquet')],
    ['x.csv', utf8(rows.map((r) => r.join(',')).join('\n') + '\n')],
    ['x.tsv', utf8(rows.map((r) => r.join('\t')).join('\n') + '\n')],
    ['x.npy.gz', gzipSync(npy)],
    ['x.npz', zipSync({ 'embeddings.npy': npy }, { level: 6 })],
  ];
}

describe('a valid file with one byte changed loads with the same shape or is refused', () => {
  it('a Parquet footer with a negative num_children (found by this search: hyparquet\'s geo pass looped forever) is refused', { timeout: 10_000 }, async () => {
    const bytes = formatBytes('plain.parquet').slice();
    bytes[139] ^= 3;
    expect(await outcome('p.parquet', bytes)).toBe('refused');
  });

  for (const [name, bytes] of validFiles()) {
    it(name, { timeout: 30_000 }, async () => {
      const want = await outcome(name, bytes);
      expect(want).not.toBe('refused');
      await fc.assert(fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const mutated = bytes.slice();
        mutated[at] ^= flip;
        const got = await outcome(name, mutated);
        const allowed = [want, 'refused'];
        // Delimited text: a first line that stops being all numbers is read as a header row (the format's rule).
        if (/\.(csv|tsv)$/.test(name) && at < bytes.indexOf(0x0a)) allowed.push(`${Number(want.split('x')[0]) - 1}x${want.split('x')[1]}`);
        expect(allowed, `byte ${at} ^ ${flip}`).toContain(got);
      }), { numRuns: Math.ceil(RUNS / 2), seed: 42 });
    });
  }
});
