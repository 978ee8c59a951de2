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
    expect(demoSource(DEMO_DATASETS[1], base)).toMatchObject({ kind: 'synthetic', generator: 'blobs' });
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

  it('never throws on an address that is not valid percent-encoding (%ZZ, a lone %), in ?data= or &labels=', () => {
    expect(sourceFromQuery('?data=%25ZZ.npy', base, origin)).toEqual({
      source: { kind: 'url', name: '%ZZ.npy', vectorsUrl: 'http://127.0.0.1:4173/%ZZ.npy', labelsUrl: undefined },
    });
    expect(sourceFromQuery('?data=%25', base, origin)).toMatchObject({ source: { name: '%', vectorsUrl: 'http://127.0.0.1:4173/%' } });
    expect(sourceFromQuery('?data=data/x.npy&labels=%25', base, origin)).toMatchObject({ source: { labelsUrl: 'http://127.0.0.1:4173/%' } });
  });
});
