/** The datasets the app ships, as sources the analysis worker can fetch. */
import type { DatasetSource } from '../workers/protocol';

export interface DemoDataset {
  id: string;
  /** Short name for menus. */
  label: string;
  /** One line for the control panel: what the points are. */
  description: string;
  /** Where the data came from, for attribution. */
  credit: string;
  /** Paths relative to the app's base URL. */
  vectorsPath: string;
  labelsPath: string;
}

export const DEMO_DATASETS: readonly DemoDataset[] = [
  {
    id: 'digits',
    label: 'Digits (8×8 handwritten)',
    description: '1,797 handwritten digits, each an 8×8 image read as a 64-dimensional vector of pixel counts (0–16).',
    credit: 'UCI Optical Recognition of Handwritten Digits (Alpaydin & Kaynak), CC BY 4.0',
    vectorsPath: 'data/digits.npy',
    labelsPath: 'data/digits-labels.txt',
  },
];

/** The worker-side source of a demo dataset, with absolute same-origin URLs. */
export function demoSource(d: DemoDataset, base: string): DatasetSource {
  return {
    kind: 'url',
    name: d.id,
    vectorsUrl: new URL(d.vectorsPath, base).href,
    labelsUrl: new URL(d.labelsPath, base).href,
  };
}
