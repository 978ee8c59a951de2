import { describe, expect, it } from 'vitest';
import { f32, formatBytes, formatEntry } from '../../tests/fixtures/io/formats/formats';
import { assembleEmbeddings } from './assemble';
import { hasSafetensorsLayout, parseSafetensors, parseSafetensorsHeader } from './safetensors';
import { expectInputError, safetensorsBytes, utf8 } from './testing.test-util';

const build = safetensorsBytes;

describe('safetensors golden files written from the format description by numpy', () => {
  it.each(['f32.safetensors', 'f16.safetensors', 'bf16.safetensors', 'f64.safetensors', 'ints.safetensors', 'unaligned.safetensors'])('%s', (file) => {
    const want = formatEntry(file);
    const p = parseSafetensors(formatBytes(file), file);
    expect([p.n, p.dim]).toEqual(want.shape);
    expect(Array.from(p.vectors)).toEqual(f32(want.values));
    expect(p.labels?.values).toEqual(want.labels);
  });

  it('views aligned F32 data without a copy and copies unaligned data', () => {
    const aligned = formatBytes('f32.safetensors');
    expect(parseSafetensors(aligned, 'a').vectors.buffer).toBe(aligned.buffer);
    const unaligned = formatBytes('unaligned.safetensors');
    expect(parseSafetensors(unaligned, 'u').vectors.buffer).not.toBe(unaligned.buffer);
  });

  it('reads labels, metadata and the tensor named by --vectors', () => {
    const bytes = formatBytes('f32.safetensors');
    const emb = assembleEmbeddings('f.safetensors', parseSafetensors(bytes, 'f.safetensors'));
    expect(emb.classNames).toEqual(['0', '1', '2']);
    expect(Array.from(emb.labels!)).toEqual([2, 0, 1, 2, 0, 1]);
    expect(parseSafetensorsHeader(bytes, 'f').metadata).toEqual({ format: 'np' });
    const ints = parseSafetensors(formatBytes('ints.safetensors'), 'i', { vectors: 'offsets' });
    expect(Array.from(ints.vectors)).toEqual(f32(formatEntry('ints.safetensors').offsets as number[]));
    expect(parseSafetensors(formatBytes('ambiguous.safetensors'), 'm', { vectors: 'b' }).dim).toBe(2);
    expect(hasSafetensorsLayout(bytes)).toBe(true);
    expect(hasSafetensorsLayout(utf8('{"a": [1, 2, 3]}'))).toBe(false);
  });
});

describe('bad safetensors input', () => {
  const good = formatBytes('f32.safetensors');

  it('rejects several or no 2-D tensors, listing them with how to choose', () => {
    expectInputError(
      () => parseSafetensors(formatBytes('ambiguous.safetensors'), 'm.safetensors'),
      /^m\.safetensors holds several 2-D tensors \(a F32 \[6, 4\], b F32 \[6, 2\]\), so the embeddings are ambiguous\. Choose one with --vectors NAME/,
    );
    expectInputError(() => parseSafetensors(good, 'f.safetensors', { vectors: 'nope' }), /f\.safetensors has no tensor named "nope" \(it holds labels I64 \[6\], embeddings F32 \[6, 4\]\)/);
    expectInputError(() => parseSafetensors(good, 'f.safetensors', { vectors: 'labels' }), /tensor "labels" has shape \[6\]; embeddings need a 2-D tensor/);
    const flat = build({ v: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, new Uint8Array(16));
    expectInputError(() => parseSafetensors(flat, 'v.safetensors'), /v\.safetensors has no 2-D tensor to use as embeddings \(it holds v F32 \[4\]\)/);
  });

  it('rejects a header length beyond the file, a corrupt header and truncated data', () => {
    const long = good.slice();
    new DataView(long.buffer).setUint32(0, good.length, true);
    expectInputError(() => parseSafetensors(long, 'l.safetensors'), new RegExp(`^l\\.safetensors declares a ${good.length}-byte safetensors header but only ${good.length - 8} bytes follow the length field\\. The file is truncated or not safetensors`));
    expectInputError(() => parseSafetensors(good.subarray(0, 5), 's.safetensors'), /s\.safetensors is too short \(5 bytes\)/);
    expectInputError(() => parseSafetensors(good.subarray(0, good.length - 4), 't.safetensors'), /^t\.safetensors is truncated: tensor "embeddings" ends 144 bytes into the data but only 140 data bytes follow the header\. Re-save or re-download/);
    expectInputError(() => parseSafetensors(build('{"a" 1}', new Uint8Array(0)), 'j.safetensors'), /^j\.safetensors header is not valid JSON at line 1, column 6/);
    expectInputError(() => parseSafetensors(build('[1]', new Uint8Array(0)), 'a.safetensors'), /a\.safetensors has a corrupt safetensors header \(it is not a JSON object\)/);
    const noOffsets = build({ e: { dtype: 'F32', shape: [2, 2] } }, new Uint8Array(16));
    expectInputError(() => parseSafetensors(noOffsets, 'o.safetensors'), /o\.safetensors has a corrupt safetensors header \(tensor "e" lacks a valid dtype, shape or data_offsets\)/);
    const wrongSize = build({ e: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 12] } }, new Uint8Array(16));
    expectInputError(() => parseSafetensors(wrongSize, 'w.safetensors'), /tensor "e" of F32 \[2, 2\] needs 16 bytes but its offsets span 12/);
  });

  it('rejects unknown dtypes and non-integer labels', () => {
    expectInputError(() => parseSafetensors(formatBytes('f8.safetensors'), 'q.safetensors'), /^q\.safetensors tensor "embeddings" has dtype F8_E4M3, which subspace-lab cannot read\. Convert it before saving/);
    const data = new Uint8Array(16 + 12);
    new DataView(data.buffer).setFloat32(16 + 4, 0.5, true);
    const file = build({
      embeddings: { dtype: 'F32', shape: [3, 1], data_offsets: [0, 12] },
      y: { dtype: 'F32', shape: [3], data_offsets: [16, 28] },
      pad: { dtype: 'U8', shape: [4], data_offsets: [12, 16] },
    }, data);
    expectInputError(() => parseSafetensors(file, 'y.safetensors'), /y\.safetensors tensor "y" element 1 is 0\.5, not an integer class label/);
    const short = build({
      embeddings: { dtype: 'F32', shape: [3, 1], data_offsets: [0, 12] },
      labels: { dtype: 'I64', shape: [2], data_offsets: [12, 28] },
    }, new Uint8Array(28));
    expectInputError(() => assembleEmbeddings('s.safetensors', parseSafetensors(short, 's.safetensors')), /^s\.safetensors:labels has 2 labels but s\.safetensors has 3 rows \(the embeddings are longer by 1\)/);
  });
});
