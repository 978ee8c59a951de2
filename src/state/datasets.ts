/** The examples the app ships (files under public/data) and seeded synthetic sets, as sources the worker loads. */
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

/** The pixels of an example whose vectors are images: its .npy fetched and parsed (rows x width*height), or null. */
export async function loadDemoPixels(d: DemoDataset, base: string): Promise<{ rows: number; data: Float32Array } | null> {
  if (!d.image || !d.vectorsPath) return null;
  const res = await fetch(new URL(d.vectorsPath, base).href);
  if (!res.ok) return null;
  const m = npyToMatrix(parseNpy(new Uint8Array(await res.arrayBuffer()), d.vectorsPath), d.vectorsPath);
  return m.cols === d.image.width * d.image.height ? { rows: m.rows, data: m.data } : null;
}
