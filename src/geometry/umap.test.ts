import { describe, expect, it } from 'vitest';
import '../../tests/setup';
import { umapLayout } from './umap';
import { nearestTo } from './neighbours';
import { createRng } from './random';

function blobs(n: number, d: number, seed: number): { X: Float32Array; labels: Int32Array } {
  const rng = createRng(seed);
  const X = new Float32Array(n * d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 3;
    for (let t = 0; t < d; t++) X[i * d + t] = (t === labels[i] ? 20 : 0) + rng.normal();
  }
  return { X, labels };
}

describe('umapLayout', () => {
  it('keeps separated classes apart, is seeded, and reports progress', async () => {
    const n = 150;
    const { X, labels } = blobs(n, 8, 1);
    const stages = new Set<string>();
    let last = 0;
    const Y = await umapLayout(X, n, 8, { epochs: 120, onProgress: (f, s) => {
      stages.add(s);
      expect(f).toBeGreaterThanOrEqual(last);
      last = f;
    } });
    expect([...stages]).toEqual(['neighbours', 'layout']);
    expect(last).toBe(1);
    let same = 0;
    for (let i = 0; i < n; i++) for (const j of nearestTo(Y, n, 3, i, 5).indices) same += labels[j] === labels[i] ? 1 : 0;
    expect(same / (5 * n)).toBeGreaterThan(0.95);
    const again = await umapLayout(X, n, 8, { epochs: 120 });
    expect(Array.from(again)).toEqual(Array.from(Y));
    const flat = await umapLayout(X, n, 8, { epochs: 20, dims: 2 });
    for (let i = 0; i < n; i++) expect(flat[i * 3 + 2]).toBe(0);
  });

  it('stops with an AbortError', async () => {
    const { X } = blobs(60, 4, 2);
    const ctl = new AbortController();
    const run = umapLayout(X, 60, 4, { epochs: 200, signal: ctl.signal, onProgress: (f) => (f > 0.5 ? ctl.abort() : undefined) });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});
