import { describe, expect, it } from 'vitest';
import { goldenBytes, goldenEntry } from '../../tests/fixtures/io/golden';
import { halfToFloat } from './npyHeader';
import { npyToMatrix, parseNpy, toFloat32, writeNpy } from './npy';
import { expectInputError } from './testing.test-util';

/** Compares element by element with NaN === NaN; float32 data is compared after rounding the expectation. */
function expectValues(actual: ArrayLike<number | bigint | string>, expected: number[], f32: boolean): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const want = f32 ? Math.fround(expected[i]) : expected[i];
    const got = Number(actual[i]);
    if (Number.isNaN(want)) expect(got, `element ${i}`).toBeNaN();
    else expect(got, `element ${i}`).toBe(want);
  }
}

describe('parseNpy golden files written by numpy', () => {
  const cases: [file: string, ctor: string][] = [
    ['f4_c.npy', 'Float32Array'],
    ['f4_fortran.npy', 'Float32Array'],
    ['f4_big_endian.npy', 'Float32Array'],
    ['f4_v2.npy', 'Float32Array'],
    ['f4_v3.npy', 'Float32Array'],
    ['f4_nonfinite.npy', 'Float32Array'],
    ['f8.npy', 'Float64Array'],
    ['f8_3d_fortran.npy', 'Float64Array'],
    ['f2.npy', 'Float32Array'],
    ['u1.npy', 'Uint8Array'],
    ['i4.npy', 'Int32Array'],
    ['i8.npy', 'BigInt64Array'],
    ['b1.npy', 'Uint8Array'],
    ['labels_i8.npy', 'BigInt64Array'],
  ];
  it.each(cases)('%s reads as %s with the values numpy wrote', (file, ctor) => {
    const want = goldenEntry(file);
    const arr = parseNpy(goldenBytes(file), file);
    expect(arr.shape).toEqual(want.shape);
    expect(arr.dtype).toBe(want.dtype);
    expect(arr.data.constructor.name).toBe(ctor);
    expectValues(arr.data as ArrayLike<number>, want.values, ctor === 'Float32Array');
  });

  it('reads a <U string array (labels) with non-ASCII text', () => {
    const arr = parseNpy(goldenBytes('labels_str.npy'));
    expect(arr.data).toEqual(['cat', 'dog', 'émeu', 'cat', 'dog']);
  });

  it('views little-endian f4 at an aligned offset without copying', () => {
    const bytes = goldenBytes('f4_c.npy');
    const arr = parseNpy(bytes);
    expect((arr.data as Float32Array).buffer).toBe(bytes.buffer);
    expect(npyToMatrix(arr, 'f4_c.npy').data).toBe(arr.data);
  });

  it('copies when the data offset is misaligned', () => {
    const src = goldenBytes('f4_c.npy');
    const shifted = new Uint8Array(src.length + 1);
    shifted.set(src, 1);
    const arr = parseNpy(shifted.subarray(1));
    expect((arr.data as Float32Array).buffer).not.toBe(shifted.buffer);
    expectValues(arr.data as Float32Array, goldenEntry('f4_c.npy').values, true);
  });
});

describe('writeNpy', () => {
  it('writes the same bytes as numpy.save for C and Fortran order', () => {
    const want = goldenEntry('f4_c.npy');
    const data = Float32Array.from(want.values);
    expect(writeNpy(data, want.shape)).toEqual(goldenBytes('f4_c.npy'));
    expect(writeNpy(data, want.shape, { fortranOrder: true })).toEqual(goldenBytes('f4_fortran.npy'));
    const f8 = goldenEntry('f8.npy');
    expect(writeNpy(Float64Array.from(f8.values), f8.shape)).toEqual(goldenBytes('f8.npy'));
    const i4 = goldenEntry('i4.npy');
    expect(writeNpy(Int32Array.from(i4.values), i4.shape)).toEqual(goldenBytes('i4.npy'));
    const i8 = goldenEntry('i8.npy');
    expect(writeNpy(BigInt64Array.from(i8.values, BigInt), i8.shape)).toEqual(goldenBytes('i8.npy'));
  });

  it('round-trips 1-D, 3-D Fortran and version 2/3 headers', () => {
    const x = Float64Array.from({ length: 24 }, (_, i) => i * 0.5 - 3);
    for (const version of [1, 2, 3] as const) {
      const back = parseNpy(writeNpy(x, [2, 3, 4], { fortranOrder: true, version }));
      expect(back.shape).toEqual([2, 3, 4]);
      expect(Array.from(back.data as Float64Array)).toEqual(Array.from(x));
    }
    const one = parseNpy(writeNpy(new Int32Array([4, -1, 7]), [3]));
    expect(one.shape).toEqual([3]);
    expect(Array.from(one.data as Int32Array)).toEqual([4, -1, 7]);
    expect(() => writeNpy(new Float32Array(5), [2, 3])).toThrow(RangeError);
  });
});

describe('npyToMatrix and helpers', () => {
  it('converts other dtypes to float32 and rejects non-2-D shapes', () => {
    const m = npyToMatrix(parseNpy(goldenBytes('u1.npy')), 'u1.npy');
    expect([m.rows, m.cols]).toEqual([4, 5]);
    expectValues(m.data, goldenEntry('u1.npy').values, true);
    expectInputError(() => npyToMatrix(parseNpy(goldenBytes('labels_i8.npy')), 'y.npy'), /y\.npy has shape \(5,\); embeddings need a 2-D array/);
    expectInputError(() => npyToMatrix(parseNpy(goldenBytes('f8_3d_fortran.npy')), 'x.npy'), /shape \(2, 3, 4\).*Reshape/);
    expectInputError(() => npyToMatrix(parseNpy(goldenBytes('labels_str.npy')), 's.npy'), /holds text/);
    expect(Array.from(toFloat32(new BigInt64Array([3n, -2n])))).toEqual([3, -2]);
  });

  it('decodes binary16 edge cases', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });
});

describe('parseNpy bad input', () => {
  const good = () => goldenBytes('f4_c.npy');
  const withHeader = (dict: string) => {
    const bytes = writeNpy(new Float32Array(4), [2, 2]);
    const text = new TextDecoder('latin1').decode(bytes.subarray(10, 128));
    const replaced = new TextEncoder().encode(text.replace(/\{.*\}/, dict).padEnd(118, ' ').slice(0, 117) + '\n');
    const out = bytes.slice();
    out.set(replaced, 10);
    return out;
  };

  it('names a missing magic, unknown version and short header', () => {
    expectInputError(() => parseNpy(new TextEncoder().encode('1,2,3\n'), 'a.npy'), /a\.npy is not a \.npy file/);
    const v9 = good();
    v9[6] = 9;
    expectInputError(() => parseNpy(v9, 'v.npy'), /version 9\.0/);
    expectInputError(() => parseNpy(good().subarray(0, 40), 'h.npy'), /h\.npy has a corrupt \.npy header \(the header claims 118 bytes/);
    expectInputError(() => parseNpy(good().subarray(0, 8), 'tiny.npy'), /corrupt \.npy header \(only 8 bytes\)/);
  });

  it('names truncated data with the byte counts', () => {
    const bytes = good();
    expectInputError(() => parseNpy(bytes.subarray(0, bytes.length - 5), 't.npy'), /t\.npy is truncated: shape \(5, 3\) of <f4 needs 60 data bytes but only 55/);
  });

  it('names a damaged header dict and unsupported dtypes', () => {
    expectInputError(() => parseNpy(withHeader("{'descr': '<f4', 'shape': (2, 2), }")), /no 'fortran_order'/);
    expectInputError(() => parseNpy(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }")), /shape entry "x"/);
    expectInputError(() => parseNpy(withHeader("'descr': '<f4'")), /not a dict literal/);
    expectInputError(() => parseNpy(withHeader("{'descr': '|O', 'fortran_order': False, 'shape': (2, 2), }")), /Python objects/);
    expectInputError(() => parseNpy(withHeader("{'descr': '<c8', 'fortran_order': False, 'shape': (2, 2), }")), /complex numbers/);
    expectInputError(() => parseNpy(withHeader("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }")), /structured/);
  });
});
