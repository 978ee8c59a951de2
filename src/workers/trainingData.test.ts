import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMAGE_SIDE } from '../datasets/images';
import type { FileSourceSpec } from '../datasets/userData';
import { createUserData, type PointsStore, type UserRows } from './trainingData';

const csv = 'a,b,label\n' + Array.from({ length: 12 }, (_, i) => `${i},${i * 2},${i % 2 ? 'odd' : 'even'}`).join('\n') + '\n';
const empty: FileSourceSpec = { kind: 'file', name: '', size: 0, hash: '', rows: 0, classes: 0, limit: 5000 };
const signal = new AbortController().signal;

function memoryStore(): PointsStore & { puts: number } {
  const m = new Map<string, UserRows>();
  return {
    puts: 0,
    async get(h) {
      return m.get(h) ?? null;
    },
    async put(h, p) {
      this.puts++;
      m.set(h, p);
    },
  };
}

describe("the training worker's reader of the user's files", () => {
  it('reads a labelled CSV once, names it by the SHA-256 of its bytes, and answers again from memory and storage', async () => {
    const store = memoryStore();
    const data = createUserData({ store });
    const file = new File([csv], 'mine.csv');
    const got = await data.points(empty, { kind: 'table', vectors: file }, signal);
    expect(got.spec).toMatchObject({ name: 'mine.csv', size: csv.length, rows: 12, classes: 2, images: false });
    expect(got.spec.hash).toBe(createHash('sha256').update(csv).digest('hex').slice(0, 16));
    expect(got.points.dim).toBe(2);
    expect(Array.from(got.points.vectors.subarray(0, 4))).toEqual([0, 0, 1, 2]);
    expect(store.puts).toBe(1);
    // A link naming the hash, with no file: from storage (a fresh reader, as after a reload).
    const reloaded = await createUserData({ store }).points({ ...empty, name: 'mine.csv', hash: got.spec.hash, rows: 12 }, undefined, signal);
    expect(Array.from(reloaded.points.vectors)).toEqual(Array.from(got.points.vectors));
  });

  it('says which file a link needs when it is not here', async () => {
    const data = createUserData({ store: memoryStore() });
    await expect(data.points({ ...empty, name: 'mine.csv', hash: '0123456789abcdef', rows: 1200 }, undefined, signal)).rejects.toThrow(
      'This run trained on mine.csv (1,200 rows): drop it to continue.',
    );
    await expect(data.points(empty, undefined, signal)).rejects.toThrow(/No file is chosen/);
  });

  it('refuses an unlabelled file with the fix', async () => {
    const data = createUserData({});
    await expect(data.points(empty, { kind: 'table', vectors: new File(['1,2\n3,4\n5,6\n'], 'v.csv') }, signal)).rejects.toThrow(/v.csv has no labels/);
  });

  it('decodes a zip of images once: a second reader with the same storage does not decode again', async () => {
    let decoded = 0;
    const decode = async () => {
      decoded++;
      return new Uint8ClampedArray(IMAGE_SIDE * IMAGE_SIDE * 4).fill(255);
    };
    const zip = zipSync({ 'set/a/1.png': Uint8Array.of(1), 'set/a/2.png': Uint8Array.of(2), 'set/b/1.png': Uint8Array.of(3), 'set/b/2.png': Uint8Array.of(4) });
    const up = { kind: 'images' as const, name: 'set.zip', files: [new File([zip as BlobPart], 'set.zip')], paths: ['set.zip'] };
    const store = memoryStore();
    const first = await createUserData({ decode, store }).points(empty, up, signal);
    expect(first.spec).toMatchObject({ rows: 4, classes: 2, images: true, name: 'set.zip' });
    expect(decoded).toBe(4);
    const again = await createUserData({ decode, store }).points(empty, up, signal);
    expect(again.spec.hash).toBe(first.spec.hash);
    expect(decoded).toBe(4);
  });
});
