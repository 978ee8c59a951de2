import { describe, expect, it } from 'vitest';
import { DEMO_DATASETS, demoSource, sourceFromQuery } from './datasets';

const base = 'http://127.0.0.1:4173/';
const origin = 'http://127.0.0.1:4173';

describe('datasets', () => {
  it('turns shipped examples into same-origin URL sources and synthetic ones into generator sources', () => {
    expect(demoSource(DEMO_DATASETS[0], base)).toEqual({
      kind: 'url',
      name: 'digits',
      vectorsUrl: 'http://127.0.0.1:4173/data/digits.npy',
      labelsUrl: 'http://127.0.0.1:4173/data/digits-labels.txt',
    });
    expect(demoSource(DEMO_DATASETS.find((d) => d.id === 'fashion-mnist')!, base)).toEqual({
      kind: 'url',
      name: 'fashion-mnist',
      vectorsUrl: 'http://127.0.0.1:4173/data/fashion-mnist-t10k-images-idx3-ubyte.gz',
      labelsUrl: 'http://127.0.0.1:4173/data/fashion-mnist-t10k-labels-idx1-ubyte.gz',
      classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
    });
    expect(demoSource(DEMO_DATASETS.find((d) => d.id === 'blobs-64')!, base)).toMatchObject({ kind: 'synthetic', generator: 'blobs' });
  });

  it('reads ?data= and &labels= as same-origin paths and refuses other sites', () => {
    expect(sourceFromQuery('', base, origin)).toBeNull();
    expect(sourceFromQuery('?data=data/my%20set.npy&labels=data/l.txt', base, origin)).toEqual({
      source: { kind: 'url', name: 'my set.npy', vectorsUrl: 'http://127.0.0.1:4173/data/my%20set.npy', labelsUrl: 'http://127.0.0.1:4173/data/l.txt' },
    });
    const off = sourceFromQuery('?data=https://evil.example/x.npy', base, origin);
    expect(off && 'error' in off && off.error).toMatch(/another site \(https:\/\/evil\.example\)/);
    const sneaky = sourceFromQuery('?data=data/x.npy&labels=//evil.example/l.txt', base, origin);
    expect(sneaky && 'error' in sneaky).toBe(true);
  });

  it('refuses an address that is not valid percent-encoding (%ZZ, a lone %) in ?data= or &labels=, without throwing', () => {
    for (const q of ['?data=%25ZZ.npy', '?data=%25', '?data=data/x.npy&labels=%25', '?data=a%25zz/x.npy', '?data=%25FF.npy']) {
      const r = sourceFromQuery(q, base, origin);
      expect(r && 'error' in r && r.error, q).toMatch(/^The data address ".*%.*" has a "%" that starts no valid escape \(or escapes that are not UTF-8\), so it names no file\.$/);
      expect(r && 'fix' in r && r.fix).toMatch(/%25/);
    }
    expect(sourceFromQuery('?data=data/100%2525.npy', base, origin)).toMatchObject({ source: { name: '100%.npy', vectorsUrl: 'http://127.0.0.1:4173/data/100%25.npy' } });
  });
});
