import { afterAll, describe, expect, it } from 'vitest';
import '../../../tests/setup';
import { knn, POOL_MIN_WORK } from '../knn';
import { bruteForce, expectSame } from '../knnTesting';
import { createRng, normalArray } from '../random';
import { NodeTilePool } from './nodePool';
import { CandidateLists, upperTiles } from './tiles';
import { scanTiles } from '../knnTiled';
import { KnnRows } from '../knnRows';


describe('NodeTilePool (worker_threads over SharedArrayBuffers)', () => {
  const pool = new NodeTilePool(3);
  afterAll(() => pool.close());

  it('merges the shares of three threads into the lists one thread builds', async () => {
    const [n, d, T, c] = [700, 12, 64, 9];
    const rows = new KnnRows(normalArray(createRng(2), n * d), n, d, false).centred();
    const tiles = upperTiles(n, T);
    const seen: number[] = [];
    const merged = await pool.scan({ rows, T, c, tiles, onProgress: (f) => seen.push(f) });
    const single = new CandidateLists(n, c);
    await scanTiles(rows, T, tiles, single);
    for (let i = 0; i < n; i++) {
      const set = (l: CandidateLists) => Array.from(l.candidates(i)).sort((a, b) => a - b);
      expect(set(merged)).toEqual(set(single));
      expect(merged.worst[i]).toBe(single.worst[i]);
    }
    expect(seen.length).toBe(tiles.length);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('gives knn() the exact brute-force neighbours when the work reaches the threshold, and is skipped below it', async () => {
    const [n, d] = [900, 6];
    const X = normalArray(createRng(6), n * d);
    for (let i = 0; i < n; i++) X[i * d] = Math.round(X[i * d]);
    let used = 0;
    const counting = { threads: pool.threads, scan: (job: Parameters<NodeTilePool['scan']>[0]) => (used++, pool.scan(job)) };
    const work = (n * n * d) / 2;
    expectSame(await knn(X, n, d, 7, { pool: counting, blockRows: 100, poolMinWork: work, kernel: 'float32' }), bruteForce(X, n, d, 7, false));
    expectSame(await knn(X, n, d, 7, { pool: counting, blockRows: 100, poolMinWork: work, kernel: 'int16' }), bruteForce(X, n, d, 7, false));
    expect(used).toBe(2);
    expectSame(await knn(X, n, d, 7, { pool: counting, blockRows: 100, poolMinWork: work + 1, metric: 'cosine' }), bruteForce(X, n, d, 7, true));
    expect(used).toBe(2);
    expect(POOL_MIN_WORK).toBeGreaterThan(work);
  });

  it('stops every thread with an AbortError and stays usable after', async () => {
    const [n, d, T] = [3000, 64, 64];
    const rows = new KnnRows(normalArray(createRng(3), n * d), n, d, false).centred();
    const controller = new AbortController();
    const run = pool.scan({ rows, T, c: 5, tiles: upperTiles(n, T), signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const again = await pool.scan({ rows, T: 1000, c: 5, tiles: upperTiles(n, 1000) });
    expect(again.count[n - 1]).toBe(5);
  }, 60_000);
});
