import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, findPreset } from '../training/presets';
import { EXPLORE_FIELDS } from './exploreFields';
import { LANDSCAPE_FIELDS, landscapeBase } from './landscapeFields';
import { TRAIN_FIELDS, trainBase } from './trainFields';
import { noteText, parseUrl, writeUrl } from './urlState';

/** One non-default value per field (with what it needs first, e.g. a spirals source before `turns`). */
const TRAIN_SAMPLES: Record<string, string> = {
  source: 'source=shells',
  n: 'n=321',
  dim: 'dim=40',
  classes: 'classes=6',
  separation: 'separation=2.5',
  turns: 'source=spirals&turns=2.25',
  gap: 'source=shells&gap=0.75',
  rank: 'source=subspaces&rank=4',
  cells: 'source=checkerboard&cells=6',
  noise: 'noise=0.3',
  limit: 'source=fashion-mnist&limit=2000',
  file: 'source=file&file=0123456789abcdef:1234:150:my%20data.csv',
  keep: 'source=file&keep=3000',
  test: 'test=0.35',
  imbalance: 'imbalance=5',
  minority: 'minority=2',
  labelnoise: 'labelnoise=0.1',
  dataseed: 'dataseed=7',
  depth: 'depth=3',
  width: 'width=96',
  features: 'features=12',
  act: 'act=gelu',
  bn: 'bn=1',
  head: 'head=etf',
  k: 'head=gcr&k=3',
  gamma: 'head=gcr&gamma=12.5',
  sublr: 'head=gcr&sublr=0.01',
  loss: 'loss=mse',
  smoothing: 'smoothing=0.1',
  opt: 'opt=adam',
  lr: 'lr=0.0003',
  momentum: 'momentum=0.5',
  wd: 'wd=0.0005',
  batch: 'batch=64',
  mixup: 'mixup=0.4',
  seed: 'seed=42',
  every: 'every=20',
  profile: 'profile=500',
  sample: 'sample=300',
  mlek: 'mlek=10',
  speed: 'speed=slow',
  backend: 'backend=wasm',
  frame: 'frame=fixed',
  side: 'side=layers',
};

const LANDSCAPE_SAMPLES: Record<string, string> = {
  depth: 'depth=2',
  width: 'width=48',
  features: 'features=20',
  act: 'act=tanh',
  bn: 'bn=1',
  head: 'head=etf',
  k: 'head=gcr&k=4',
  gamma: 'head=gcr&gamma=10',
  sublr: 'head=gcr&sublr=0.2',
  dims: 'dims=5,10,20',
  steps: 'steps=120',
  batch: 'batch=16',
  opt: 'opt=sgd',
  momentum: 'momentum=0.8',
  loss: 'loss=mse',
  smoothing: 'smoothing=0.05',
  schedule: 'schedule=constant',
  lr: 'lr=0.02',
  baselr: 'baselr=0.005',
  proj: 'proj=sparse',
  seed: 'seed=9',
  backend: 'backend=cpu',
  idsample: 'idsample=500',
};

const EXPLORE_SAMPLES: Record<string, string> = {
  dims: 'dims=2',
  proj: 'proj=simplex',
  pcs: 'pcs=2,4,5',
  class: 'proj=class&class=3',
  umapseed: 'proj=umap&umapseed=5',
  umapk: 'proj=umap&umapk=8',
  mindist: 'proj=umap&mindist=0.4',
  umapmetric: 'proj=umap&umapmetric=cosine',
  tsneseed: 'proj=tsne&tsneseed=4',
  perplexity: 'proj=tsne&perplexity=12',
  layoutpoints: 'proj=tsne&layoutpoints=600',
  layoutsample: 'proj=umap&layoutsample=stratified',
  color: 'color=meta:split',
  means: 'means=1',
  etf: 'etf=1',
  ticks: 'ticks=0',
  density: 'density=on',
  labelby: 'labelby=class',
  metric: 'metric=cosine',
  point: 'point=17',
  tab: 'tab=inspect',
  cam: 'cam=1.5,-0.25,2,0.1,0,0',
  idsample: 'idsample=5000',
  idstrategy: 'idstrategy=stratified',
  idseed: 'idseed=7',
};

const cases = [
  { mode: 'train', fields: TRAIN_FIELDS, samples: TRAIN_SAMPLES },
  { mode: 'landscape', fields: LANDSCAPE_FIELDS, samples: LANDSCAPE_SAMPLES },
  { mode: 'explore', fields: EXPLORE_FIELDS, samples: EXPLORE_SAMPLES },
] as const;

describe('URL tables', () => {
  for (const { mode, fields, samples } of cases) {
    it(`${mode}: every field has a sample and field names are unique`, () => {
      const names = fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      expect(Object.keys(samples).sort()).toEqual([...names].sort());
    });

    for (const f of fields) {
      it(`${mode}: ${f.name} round-trips and is written only when not the default`, () => {
        const prefix = mode === 'explore' ? '' : `mode=${mode}&`;
        const query = `?${prefix}${samples[f.name]}`;
        const { state, notes } = parseUrl(query);
        expect(notes).toEqual([]);
        const written = writeUrl(state);
        const last = samples[f.name].split('&').pop() as string;
        expect(new URLSearchParams(written).get(f.name)).toBe(new URLSearchParams(last).get(f.name));
        expect(parseUrl(written).state).toEqual(state);
        expect(writeUrl(parseUrl(written).state)).toBe(written);
      });
    }
  }

  it('defaults are left out: the default state of each mode writes only its mode', () => {
    expect(writeUrl(parseUrl('').state)).toBe('');
    expect(writeUrl(parseUrl('?mode=train').state)).toBe('?mode=train');
    expect(writeUrl(parseUrl('?mode=landscape').state)).toBe('?mode=landscape');
    expect(writeUrl({ mode: 'train', train: trainBase() })).toBe('?mode=train');
    expect(writeUrl({ mode: 'landscape', landscape: landscapeBase() })).toBe('?mode=landscape');
    // A value equal to the default is dropped when written back.
    expect(writeUrl(parseUrl(`?mode=train&seed=${DEFAULT_PRESET.config.train.seed}&lr=${DEFAULT_PRESET.config.train.learningRate}`).state)).toBe('?mode=train');
  });

  it('a preset is the base of the defaults: its own values are not written', () => {
    const { state } = parseUrl('?mode=train&preset=digits&seed=3');
    if (state.mode !== 'train') throw new Error('not train');
    const digits = findPreset('digits');
    expect(state.train.config).toEqual({ ...digits?.config, train: { ...digits?.config.train, seed: 3 } });
    expect(writeUrl(state)).toBe('?mode=train&preset=digits&seed=3');
  });

  it('the seed, settings and speed together reproduce the run settings exactly', () => {
    const q = '?mode=train&source=spirals&turns=1.5&depth=3&opt=adam&lr=0.001&mixup=0.2&seed=11&every=5&speed=medium';
    const { state, notes } = parseUrl(q);
    expect(notes).toEqual([]);
    if (state.mode !== 'train') throw new Error('not train');
    expect(state.train.config.data.source).toMatchObject({ kind: 'spirals', turns: 1.5 });
    expect(state.train.config.train).toMatchObject({ optimizer: 'adam', learningRate: 0.001, mixupAlpha: 0.2, seed: 11, snapshotEvery: 5 });
    expect(state.train.speed).toBe('medium');
    expect(writeUrl(state)).toBe(q);
  });

  it('bad values are ignored with a note naming the field, the value and the problem', () => {
    const { state, notes } = parseUrl('?mode=train&lr=abc&depth=9&act=sigmoid&bn=yes&turns=2&preset=nope&zoom=4&seed=1.5');
    expect(state).toEqual({ mode: 'train', train: trainBase() });
    expect(notes.map((n) => n.field).sort()).toEqual(['act', 'bn', 'depth', 'lr', 'preset', 'seed', 'turns', 'zoom']);
    const text = notes.map(noteText);
    expect(text).toContain('Ignored "lr=abc" in the address: it is not a number.');
    expect(text).toContain('Ignored "depth=9" in the address: it is outside [1, 6].');
    expect(text).toContain('Ignored "turns=2" in the address: it does not apply to these settings.');
    expect(text).toContain('Ignored "zoom=4" in the address: it is not a setting of this mode.');
    expect(text).toContain('Ignored "seed=1.5" in the address: it is not an integer.');
  });

  it('an unknown mode opens Explore with a note; Explore keeps data and labels', () => {
    const { state, notes } = parseUrl('?mode=dance&data=data/x.npy&labels=data/y.txt&pcs=1,2&color=red');
    expect(state.mode).toBe('explore');
    expect(notes.map((n) => n.field)).toEqual(['mode', 'pcs', 'color']);
    expect(writeUrl(state)).toBe('?data=data%2Fx.npy&labels=data%2Fy.txt');
  });

  it('Landscape: a refused d grid names the bad entry', () => {
    const { notes } = parseUrl('?mode=landscape&dims=10,x');
    expect(notes).toEqual([{ field: 'dims', value: '10,x', problem: '"x" is not a positive integer.' }]);
  });

  it('reads the testing flag backend=webgpu-fallback as the explicit WebGPU choice in Train and Landscape, without a note', () => {
    const train = parseUrl('?mode=train&backend=webgpu-fallback');
    expect(train.notes).toEqual([]);
    expect(train.state.mode === 'train' && train.state.train.preference).toBe('webgpu');
    const landscape = parseUrl('?mode=landscape&backend=webgpu-fallback');
    expect(landscape.notes).toEqual([]);
    expect(landscape.state.mode === 'landscape' && landscape.state.landscape.backend).toBe('webgpu');
    expect(parseUrl('?mode=train&backend=quantum').notes.map((n) => n.field)).toEqual(['backend']);
  });
});
