import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatasetCache, fileNameOf, loadUrlDataset } from './datasetLoader';
import type { DatasetSource } from './protocol';

const digits: DatasetSource = {
  kind: 'url',
  name: 'digits',
  vectorsUrl: 'http://127.0.0.1:4173/data/digits.npy',
  labelsUrl: 'http://127.0.0.1:4173/data/digits-labels.txt',
};

/** Serves public/ like the preview server does. */
function servePublic() {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname;
    try {
      return new Response(readFileSync(`public${path}`));
    } catch {
      return new Response('missing', { status: 404, statusText: 'Not Found' });
    }
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('fileNameOf', () => {
  it('takes the last path segment, decoded, without the query', () => {
    expect(fileNameOf('http://h/data/digits.npy?v=2')).toBe('digits.npy');
    expect(fileNameOf('/a/my%20file.tsv')).toBe('my file.tsv');
  });
});

describe('loadUrlDataset', () => {
  it('parses the shipped digits with their labels', async () => {
    servePublic();
    const emb = await loadUrlDataset(digits, new AbortController().signal);
    expect([emb.n, emb.dim]).toEqual([1797, 64]);
    expect(emb.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const counts = new Array(10).fill(0);
    for (const y of emb.labels!) counts[y]++;
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  });

  it('turns an HTTP failure into an InputError naming the file', async () => {
    servePublic();
    const p = loadUrlDataset({ ...digits, labelsUrl: 'http://127.0.0.1:4173/data/nope.txt' }, new AbortController().signal);
    await expect(p).rejects.toMatchObject({ name: 'InputError', problem: 'Could not fetch nope.txt: HTTP 404 Not Found.' });
  });
});

describe('createDatasetCache', () => {
  it('loads a source once, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const cache = createDatasetCache(async () => {
      calls++;
      if (fail) throw new Error('offline');
      return { n: 3, dim: 1, vectors: new Float32Array(3) };
    });
    const signal = new AbortController().signal;
    await expect(cache(digits, signal)).rejects.toThrow('offline');
    fail = false;
    const a = await cache(digits, signal);
    const b = await cache(digits, signal);
    expect(a).toBe(b);
    expect(calls).toBe(2);
    await cache({ ...digits, labelsUrl: undefined }, signal);
    expect(calls).toBe(3);
  });
});
