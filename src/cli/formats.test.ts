import { describe, expect, it } from 'vitest';
import { formatBytes, formatEntry } from '../../tests/fixtures/io/formats/formats';
import { writeNpy } from '../io/npy';
import { runInMemory, utf8 } from './cli.test-util';

const run = runInMemory;

describe('subspace-lab analyze on JSON, JSON Lines, Parquet and safetensors', () => {
  it.each(['records.json', 'records.jsonl', 'list_snappy.parquet', 'f32.safetensors'])(
    '%s gives the same report as its vectors in .npy with a labels file',
    async (file) => {
      const want = formatEntry(file);
      const files = {
        [file]: formatBytes(file),
        'same.npy': writeNpy(Float32Array.from(want.values), want.shape),
        'same.txt': utf8(`${want.labels!.join('\n')}\n`),
      };
      const args = ['--json', '--backend', 'cpu', '--k', '2'];
      const direct = await run(['analyze', file, ...args], files);
      expect(direct.code, direct.stderr).toBe(0);
      const viaNpy = await run(['analyze', 'same.npy', '--labels', 'same.txt', ...args], files);
      expect(viaNpy.code, viaNpy.stderr).toBe(0);
      expect(JSON.parse(direct.stdout)).toEqual(JSON.parse(viaNpy.stdout));
      expect(JSON.parse(direct.stdout).classes).toBe(new Set(want.labels).size);
    },
  );

  it('bad input in the new formats exits 2 with one line naming the problem and the fix', async () => {
    const cases: [string[], Record<string, Uint8Array>, RegExp][] = [
      [['analyze', 'b.json'], { 'b.json': utf8('[[1, 2], [3 4]]') }, /^b\.json is not valid JSON at line 1, column 13 .*Fix the text there/],
      [['analyze', 'r.jsonl'], { 'r.jsonl': utf8('[1, 2]\n[3, 4]\n[5]\n') }, /^r\.jsonl line 3 has 1 values but r\.jsonl line 1 has 2\./],
      [['analyze', 'a.safetensors'], { 'a.safetensors': formatBytes('ambiguous.safetensors') }, /^a\.safetensors holds several 2-D tensors .* Choose one with --vectors NAME/],
      [['analyze', 'q.safetensors'], { 'q.safetensors': formatBytes('f8.safetensors') }, /^q\.safetensors tensor "embeddings" has dtype F8_E4M3/],
      [['analyze', 'r.parquet'], { 'r.parquet': formatBytes('ragged.parquet') }, /^r\.parquet row index 2 has 2 values/],
      [['analyze', 'l.parquet', '--label-column', 'colour'], { 'l.parquet': formatBytes('plain.parquet') }, /^l\.parquet has no column named "colour" \(columns: "emb", "class"\)/],
    ];
    for (const [argv, files, pattern] of cases) {
      const r = await run(argv, files);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.slice('subspace-lab: '.length)).toMatch(pattern);
    }
  });

  it('--vectors picks the tensor, and the help lists it', async () => {
    const r = await run(['analyze', 'a.safetensors', '--vectors', 'b', '--json', '--backend', 'cpu', '--k', '2'], { 'a.safetensors': formatBytes('ambiguous.safetensors') });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dim).toBe(2);
    const help = await run(['--help'], {});
    expect(help.stdout).toMatch(/--vectors NAME +array, field, column, tensor, dataset or embedding holding the vectors/);
    expect(help.stdout).toMatch(/\.parquet, \.safetensors, \.h5\/\.hdf5, \.pt\/\.pth \(torch\.save\), \.arrow\/\.feather,/);
    expect(help.stdout).toMatch(/Embedding Projector \.bytes or projector_config\.json/);
    expect(help.stdout).toMatch(/--dim D +values per point of a raw float32 Projector \.bytes tensor/);
  });
});
