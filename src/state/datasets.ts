/** The examples the app ships (files under public/data) and seeded synthetic sets, as sources the worker loads. */
import { FASHION_MNIST_CLASSES, FASHION_MNIST_FILES } from '../datasets/fashionMnist';
import { gunzipIfNeeded } from '../datasets/idx';
import { idxImages } from '../explore/idxSource';
import { npyToMatrix, parseNpy } from '../io/npy';
import { decodeUriSafe, tryDecodeUri } from '../io/text';
import type { DatasetSource, SyntheticSource } from '../workers/analysisProtocol';

export interface DemoDataset {
  id: string;
  /** Short name for menus. */
  label: string;
  /** One line for the control panel: what the points are. */
  description: string;
  /** Where the data came from, for attribution. */
  credit: string;
  /** Paths relative to the app's base URL (shipped files), or a generator (synthetic sets). */
  vectorsPath?: string;
  labelsPath?: string;
  synthetic?: SyntheticSource['params'];
  /** The vectors are images of this size (row-major grey levels): the view can show them. */
  image?: { width: number; height: number };
  /** Names of the label values 0, 1, ... of an IDX labels file. */
  classNames?: readonly string[];
}

export const DEMO_DATASETS: readonly DemoDataset[] = [
  {
    id: 'digits',
    label: 'Digits (8×8 handwritten)',
    description: '1,797 handwritten digits, each an 8×8 image read as a 64-dimensional vector of pixel counts (0–16).',
    credit: 'UCI Optical Recognition of Handwritten Digits (Alpaydin & Kaynak), CC BY 4.0',
    vectorsPath: 'data/digits.npy',
    labelsPath: 'data/digits-labels.txt',
    image: { width: 8, height: 8 },
  },
  {
    id: 'fashion-mnist',
    label: 'Fashion-MNIST (28×28 clothing images)',
    description: '10,000 Fashion-MNIST test images in 10 classes, each a 28×28 grey image read as a 784-dimensional vector (pixel / 255).',
    credit: 'Fashion-MNIST by Zalando Research (Xiao, Rasul & Vollgraf 2017), MIT licence',
    vectorsPath: FASHION_MNIST_FILES.images,
    labelsPath: FASHION_MNIST_FILES.labels,
    image: { width: 28, height: 28 },
    classNames: FASHION_MNIST_CLASSES,
  },
  {
    id: 'blobs-64',
    label: 'Synthetic: 8 tight classes in 64-D',
    description: '2,400 points: 8 Gaussian classes in 64 dimensions with small spread around far-apart means (close to neural collapse).',
    credit: 'Generated in the browser (seeded Gaussian blobs, seed 3)',
    synthetic: { n: 2400, dim: 64, classes: 8, separation: 10, noise: 0.6, seed: 3 },
  },
  {
    id: 'blobs-3d',
    label: 'Synthetic: 4 classes in 3-D',
    description: '1,200 points: 4 overlapping Gaussian classes in 3 dimensions (raw coordinates can be shown).',
    credit: 'Generated in the browser (seeded Gaussian blobs, seed 5)',
    synthetic: { n: 1200, dim: 3, classes: 4, separation: 3, noise: 1, seed: 5 },
  },
];

/** The worker-side source of an example, with absolute same-origin URLs for shipped files. */
export function demoSource(d: DemoDataset, base: string): DatasetSource {
  if (d.synthetic) return { kind: 'synthetic', name: d.id, generator: 'blobs', params: d.synthetic };
  return {
    kind: 'url',
    name: d.id,
    vectorsUrl: new URL(d.vectorsPath as string, base).href,
    labelsUrl: d.labelsPath ? new URL(d.labelsPath, base).href : undefined,
    ...(d.classNames ? { classNames: [...d.classNames] } : {}),
  };
}

/** The `?data=` (and optional `&labels=`) parameters: a same-origin source, an error, or null when absent. */
export function sourceFromQuery(search: string, base: string, origin: string): { source: DatasetSource } | { error: string; fix: string } | null {
  const params = new URLSearchParams(search);
  const data = params.get('data');
  if (data === null || data === '') return null;
  const labels = params.get('labels') || undefined;
  const urls: string[] = [];
  for (const value of [data, labels]) {
    if (value === undefined) continue;
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      return { error: `The data address ${JSON.stringify(value)} is not valid.`, fix: 'Give a path on this site, e.g. ?data=data/digits.npy&labels=data/digits-labels.txt.' };
    }
    if (tryDecodeUri(url.pathname) === null) {
      return {
        error: `The data address ${JSON.stringify(value)} has a "%" that starts no valid escape (or escapes that are not UTF-8), so it names no file.`,
        fix: 'Write each "%" in a file path as %25 (in the address bar: %2525), or rename the file without "%".',
      };
    }
    if (url.origin !== origin) {
      return {
        error: `Refused to load ${url.href}: it is on another site (${url.origin}), and Subspace Lab only loads data from its own origin (${origin}).`,
        fix: 'Download the file and drop it on the page, or serve it from this site and give its path, e.g. ?data=data/my.npy.',
      };
    }
    urls.push(url.href);
  }
  const name = decodeUriSafe(new URL(urls[0]).pathname.split('/').pop() || 'data');
  return { source: { kind: 'url', name, vectorsUrl: urls[0], labelsUrl: urls[1] } };
}

/** The pixels of an example whose vectors are images: its .npy or IDX file fetched and parsed (rows x width*height), or null. */
export async function loadDemoPixels(d: DemoDataset, base: string): Promise<{ rows: number; data: Float32Array } | null> {
  if (!d.image || !d.vectorsPath) return null;
  const res = await fetch(new URL(d.vectorsPath, base).href);
  if (!res.ok) return null;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const idx = idxImages(gunzipIfNeeded(bytes), d.vectorsPath);
  if (idx) return idx.width === d.image.width && idx.height === d.image.height ? { rows: idx.rows, data: Float32Array.from(idx.data, (v) => v / 255) } : null;
  const m = npyToMatrix(parseNpy(bytes, d.vectorsPath), d.vectorsPath);
  return m.cols === d.image.width * d.image.height ? { rows: m.rows, data: m.data } : null;
}
