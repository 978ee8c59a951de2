/**
 * Property tests for the HDF5, PyTorch (unpickler), Arrow and Projector readers, in the style of
 * parsers.property.test.ts: arbitrary bytes behind each format's magic, arbitrary opcode streams for
 * the unpickler, and the golden files with one byte changed. Nothing but an InputError is ever thrown,
 * and a hang fails by the test's timeout. (A changed byte may change a shape that the file states,
 * e.g. a tensor's size inside the pickle, so only the kind of failure is checked here.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInputError } from './errors';
import { loadEmbeddingsAsync } from './load';
import { PickleDict, unpickle } from './pickle';

const RUNS = Number(process.env.FC_RUNS ?? 100);
const BUDGET = 1 << 20;
const DIR = new URL('../../tests/fixtures/io/new/', import.meta.url).pathname;
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

async function outcome(name: string, bytes: Uint8Array, companions: Record<string, Uint8Array> = {}): Promise<string> {
  try {
    const emb = await loadEmbeddingsAsync(name, bytes, { budget: BUDGET, companion: (p) => (companions[p] ? { name: p, bytes: companions[p] } : undefined) });
    return `${emb.n}x${emb.dim}`;
  } catch (e) {
    if (isInputError(e)) return 'refused';
    throw e;
  }
}

const prefixed = (prefix: readonly number[], max = 600) => fc.uint8Array({ maxLength: max }).map((tail) => new Uint8Array([...prefix, ...tail]));
const HDF5 = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Opcode-shaped bytes: real pickle opcodes with short random arguments. */
const OPCODES = [0x80, 0x95, 0x2e, 0x28, 0x30, 0x31, 0x32, 0x4e, 0x88, 0x89, 0x4b, 0x4d, 0x4a, 0x8a, 0x47, 0x8c, 0x58, 0x43, 0x29, 0x85, 0x86, 0x87, 0x74,
  0x5d, 0x6c, 0x61, 0x65, 0x7d, 0x64, 0x73, 0x75, 0x71, 0x72, 0x94, 0x68, 0x6a, 0x63, 0x93, 0x52, 0x81, 0x62, 0x51, 0x69, 0x8f, 0x90];
const pickleish = fc.array(fc.tuple(fc.constantFrom(...OPCODES), fc.uint8Array({ maxLength: 6 })), { maxLength: 80 })
  .map((ops) => new Uint8Array(ops.flatMap(([op, arg]) => [op, ...arg])));

describe('new parsers: arbitrary bytes are loaded or refused with an InputError, never anything else', () => {
  it('bytes behind the HDF5 and Arrow magics, torch zips with random pickles, configs and .bytes', { timeout: 120_000 }, async () => {
    const inputs = fc.oneof(
      fc.tuple(fc.constant('x.h5'), prefixed(HDF5, 2000)),
      fc.tuple(fc.constant('x.arrow'), prefixed([...utf8('ARROW1'), 0, 0])),
      fc.tuple(fc.constant('x.arrows'), prefixed([0xff, 0xff, 0xff, 0xff])),
      fc.tuple(fc.constant('x.pt'), fc.tuple(pickleish, fc.uint8Array({ maxLength: 64 })).map(([pkl, data]) => zipSync({ 'a/data.pkl': pkl, 'a/data/0': data }))),
      fc.tuple(fc.constant('x.bytes'), fc.uint8Array({ maxLength: 200 })),
      fc.tuple(fc.constant('projector_config.json'), fc.jsonValue({ maxDepth: 4 }).map((j) => utf8(JSON.stringify({ embeddings: [{ tensorPath: 't.bytes', ...(typeof j === 'object' && j !== null ? j : { v: j }) }] })))),
    );
    const t = new Float32Array(24).fill(1);
    await fc.assert(fc.asyncProperty(inputs, async ([name, bytes]) => {
      await outcome(name, bytes, { 't.bytes': new Uint8Array(t.buffer) });
    }), { numRuns: RUNS * 2, seed: 15 });
  });

  it('the unpickler on opcode streams: a value, or an InputError; no global outside the table is ever called', { timeout: 60_000 }, () => {
    fc.assert(fc.property(fc.oneof(pickleish, fc.uint8Array({ maxLength: 300 })), (bytes) => {
      try {
        unpickle(bytes, 'p', { globals: { 'collections.OrderedDict': () => new PickleDict() }, maxOps: 10_000 });
      } catch (e) {
        expect(isInputError(e), String(e)).toBe(true);
      }
    }), { numRuns: RUNS * 5, seed: 9 });
  });
});

describe('a new-format golden file with one byte changed is loaded or refused with an InputError', () => {
  const configs = { 'vecs.bytes': fixture('projector/vecs.bytes'), 'meta.tsv': fixture('projector/meta.tsv') };
  for (const [name, file, companions] of [
    ['simple.h5', 'simple.h5', {}],
    ['tensors.pt', 'tensors.pt', {}],
    ['state_dict.pth', 'state_dict.pth', {}],
    ['vectors.arrow', 'vectors.arrow', {}],
    ['columns.arrows', 'columns.arrows', {}],
    ['projector_config.json', 'projector/projector_config.json', configs],
  ] as const) {
    it(name, { timeout: 60_000 }, async () => {
      const bytes = fixture(file);
      expect(await outcome(name, bytes, companions)).not.toBe('refused');
      await fc.assert(fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const mutated = bytes.slice();
        mutated[at] ^= flip;
        await outcome(name, mutated, companions);
      }), { numRuns: Math.ceil(RUNS / 2), seed: 42 });
    });
  }
});
