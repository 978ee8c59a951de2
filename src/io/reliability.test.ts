/** Issue 16's silently-wrong inputs: each is refused (or said) instead of loading as garbage. */
import { describe, expect, it } from 'vitest';
import { loadEmbeddingsFromBytes } from './detect';
import { readLabels } from './labels';
import { writeNpy } from './npy';
import { parseSafetensors } from './safetensors';
import { expectInputError, safetensorsBytes, utf8 } from './testing.test-util';

const points = (n: number, d: number) => writeNpy(Float32Array.from({ length: n * d }, (_, i) => Math.sin(i + 1)), [n, d]);

describe('safetensors data_offsets: in bounds, the size of dtype x shape, and never overlapping', () => {
  const data = new Uint8Array(4 * 12);
  it('refuses two tensors that share bytes, naming both', () => {
    const header = {
      embeddings: { dtype: 'F32', shape: [3, 2], data_offsets: [0, 24] },
      labels: { dtype: 'I32', shape: [3], data_offsets: [12, 24] },
    };
    expectInputError(() => parseSafetensors(safetensorsBytes(header, data), 'o.safetensors'), /o\.safetensors has a corrupt safetensors header \(tensors "embeddings" \[0, 24\] and "labels" \[12, 24\] overlap in the data\)/);
  });
  it('accepts adjacent tensors and still checks bounds and sizes', () => {
    const ok = { embeddings: { dtype: 'F32', shape: [3, 2], data_offsets: [0, 24] }, labels: { dtype: 'I32', shape: [3], data_offsets: [24, 36] } };
    expect(parseSafetensors(safetensorsBytes(ok, data), 'a').labels?.values).toEqual(['0', '0', '0']);
    const short = { embeddings: { dtype: 'F32', shape: [3, 2], data_offsets: [0, 20] } };
    expectInputError(() => parseSafetensors(safetensorsBytes(short, data), 's'), /needs 24 bytes but its offsets span 20/);
    const out = { embeddings: { dtype: 'F32', shape: [3, 4], data_offsets: [8, 56] } };
    expectInputError(() => parseSafetensors(safetensorsBytes(out, data), 'b'), /b is truncated: tensor "embeddings" ends 56 bytes/);
  });
});

describe('labels that are not valid UTF-8 are refused with the line (a lenient decoder would merge \\xff and \\xfe)', () => {
  it('names the first line holding invalid bytes, in a labels file and in a metadata table', () => {
    const bytes = new Uint8Array([...utf8('a\nb\n'), 0xff, 0x0a, 0xfe, 0x0a]);
    expectInputError(() => readLabels('l.txt', bytes), /l\.txt line 3 is not valid UTF-8 text \(invalid bytes would merge distinct labels\)\. Re-save the file as UTF-8/);
    const tsv = new Uint8Array([...utf8('name\tkind\nx\t'), 0xc3, 0x28, 0x0a]);
    expectInputError(() => readLabels('m.tsv', tsv), /m\.tsv line 2 is not valid UTF-8/);
    expectInputError(() => loadEmbeddingsFromBytes('p.npy', points(4, 2), { labels: { name: 'l.txt', bytes: new Uint8Array([...bytes, 0x63]) } }), /l\.txt line 3/);
  });
  it('reads valid multi-byte labels (and a byte-order mark) unchanged', () => {
    expect(readLabels('u.txt', utf8('\ufeffé\n日本\n🙂\n')).values).toEqual(['é', '日本', '🙂']);
  });
  it('refuses invalid UTF-8 in a delimited embeddings file too', () => {
    const csv = new Uint8Array([...utf8('1,2\n3,4\n'), 0x35, 0x2c, 0x80, 0x0a]);
    expectInputError(() => loadEmbeddingsFromBytes('v.csv', csv), /v\.csv line 3 is not valid UTF-8/);
  });
});

describe('integers beyond float32\'s exact range', () => {
  it('refuses int64 values near 2^60 that would all become one float32 value', () => {
    const big = 2n ** 60n;
    const data = BigInt64Array.from({ length: 8 * 2 }, (_, i) => big + BigInt(i * 7));
    expectInputError(
      () => loadEmbeddingsFromBytes('ids.npy', writeNpy(data, [8, 2])),
      /ids\.npy column 1 holds integers as large as 1152921504606847\d+ that span only 98; they exceed float32's exact range \(integers up to 2\^24 = 16,777,216\).*Subtract a reference first/,
    );
  });
  it('accepts wide integers whose rounding is tiny next to their spread, and small integers exactly', () => {
    const wide = Int32Array.from({ length: 6 * 2 }, (_, i) => (Math.floor(i / 2) % 2 ? 1 : -1) * (2 ** 25 + 2 * i + 1));
    expect(loadEmbeddingsFromBytes('w.npy', writeNpy(wide, [6, 2])).n).toBe(6);
    const small = BigInt64Array.from({ length: 6 }, (_, i) => BigInt(i * 1000));
    expect(Array.from(loadEmbeddingsFromBytes('s.npy', writeNpy(small, [3, 2])).vectors)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
  });
  it('checks safetensors I64 tensors the same way', () => {
    const v = new BigInt64Array(6).map((_, i) => 2n ** 59n + BigInt(i));
    const header = { embeddings: { dtype: 'I64', shape: [3, 2], data_offsets: [0, 48] } };
    expectInputError(() => parseSafetensors(safetensorsBytes(header, new Uint8Array(v.buffer)), 'i.safetensors'), /i\.safetensors tensor "embeddings" column 1 holds integers/);
  });
});

describe('messages: an empty file says so, and a huge label is cut with an ellipsis', () => {
  it('says "is empty" for 0 bytes whatever the name', () => {
    for (const name of ['e.npy', 'e.csv', 'e.json', 'e.bin']) expectInputError(() => loadEmbeddingsFromBytes(name, new Uint8Array(0)), new RegExp(`^${name.replace('.', '\\.')} is empty \\(0 bytes\\)\\. Choose the file again`));
    expectInputError(() => readLabels('l.txt', new Uint8Array(0)), /l\.txt is empty \(0 bytes\)/);
  });
  it('echoes at most 80 characters of a 100,000-character label', () => {
    const huge = 'x'.repeat(100_000);
    let message = '';
    try {
      loadEmbeddingsFromBytes('p.npy', points(3, 2), { labels: { name: 'l.txt', bytes: utf8(`${huge}\na\nb\nc\n`) } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/its first line "x{80}"… \(100,000 characters\) looks like a header row/);
    expect(message.length).toBeLessThan(400);
  });
});
