/**
 * Inputs of the browser bench, written once into the OS temp folder and reused: seeded Gaussian
 * blobs n x 768 (10 classes) as float32 .npy and as Embedding-Projector TSV (vectors + a one-column
 * metadata file, no header), and 1,000,000 x 3 point sets for the 3D view.
 *
 * Values are rounded to 3 decimals before both files are written, so the .npy and the TSV hold
 * the same numbers (the TSV's "1.234" parses to the float32 the .npy stores) and a 100,000 x 768
 * TSV stays near 500 MB: the app decodes a text file into one string, and V8 strings stop at
 * 2^29 - 24 characters (~512 MiB), so full-precision TSV at that size (~750 MB) is refused.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gaussianBlobs } from '../../src/datasets/blobs';
import { writeNpy } from '../../src/io/npy';

export const DATA_DIR = join(tmpdir(), 'subspace-lab-bench', 'browser');
/** Embedding width of the Explore inputs. */
export const EXPLORE_DIM = 768;
const CLASSES = 10;

export interface ExploreFiles {
  n: number;
  d: number;
  npy: string;
  labels: string;
  /** The labels as an int32 .npy (for the numpy baseline). */
  labelsNpy: string;
  tsv: string;
  metadata: string;
  /** Bytes of the .npy and of the TSV. */
  npyBytes: number;
  tsvBytes: number;
}

/** Writes `path` through a temporary name, so an interrupted run never leaves a half file behind. */
function writeAtomic(path: string, write: (tmp: string) => void): void {
  const tmp = `${path}.part`;
  write(tmp);
  renameSync(tmp, path);
}

/** Seeded blobs rounded to 3 decimals (x = round(1000 x) / 1000, stored as float32). */
function roundedBlobs(n: number, d: number, seed: number): { X: Float32Array; labels: Int32Array } {
  const emb = gaussianBlobs({ n, dim: d, classes: CLASSES, separation: 6, noise: 1, seed });
  const X = emb.vectors;
  for (let i = 0; i < X.length; i++) X[i] = Math.round(X[i] * 1000) / 1000;
  return { X, labels: emb.labels as Int32Array };
}

/** The n x 768 Explore inputs (.npy + labels.txt, and vectors.tsv + metadata.tsv), created when missing. */
export function exploreFiles(n: number): ExploreFiles {
  mkdirSync(DATA_DIR, { recursive: true });
  const d = EXPLORE_DIM;
  const stem = join(DATA_DIR, `explore-${n}x${d}`);
  const files = { npy: `${stem}.npy`, labels: `${stem}-labels.txt`, labelsNpy: `${stem}-labels.npy`, tsv: `${stem}.tsv`, metadata: `${stem}-metadata.tsv` };
  let blobs: ReturnType<typeof roundedBlobs> | null = null;
  const make = (path: string, bytes: (b: ReturnType<typeof roundedBlobs>) => string | Uint8Array) => {
    if (existsSync(path)) return;
    blobs ??= roundedBlobs(n, d, 7);
    const data = bytes(blobs);
    writeAtomic(path, (tmp) => writeFileSync(tmp, data));
  };
  const names = ({ labels }: ReturnType<typeof roundedBlobs>) => `${Array.from(labels, (k) => `class ${k}`).join('\n')}\n`;
  make(files.labels, names);
  make(files.metadata, names);
  make(files.labelsNpy, ({ labels }) => writeNpy(labels, [n]));
  make(files.npy, ({ X }) => writeNpy(X, [n, d]));
  if (!existsSync(files.tsv)) {
    blobs ??= roundedBlobs(n, d, 7);
    const { X } = blobs;
    writeAtomic(files.tsv, (tmp) => {
      const fd = openSync(tmp, 'w');
      try {
        const rowsPerChunk = 500;
        for (let r0 = 0; r0 < n; r0 += rowsPerChunk) {
          const lines: string[] = [];
          for (let i = r0; i < Math.min(n, r0 + rowsPerChunk); i++) {
            const cells = new Array<string>(d);
            for (let j = 0; j < d; j++) cells[j] = X[i * d + j].toFixed(3);
            lines.push(cells.join('\t'));
          }
          writeSync(fd, `${lines.join('\n')}\n`);
        }
      } finally {
        closeSync(fd);
      }
    });
  }
  return { n, d, ...files, npyBytes: statSync(files.npy).size, tsvBytes: statSync(files.tsv).size };
}

/**
 * n x 3 float32 points for the 3D view. `distinct` of them are different (3-D blobs) and row i
 * repeats point i mod distinct: the app's intrinsic-dimension estimates run their exact kNN on
 * unique rows only, so few distinct rows keep the load short while the view still draws every row.
 */
export function cloudFile(n: number, distinct: number): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `cloud-${n}x3-${distinct}-distinct.npy`);
  if (!existsSync(path)) {
    const base = gaussianBlobs({ n: distinct, dim: 3, classes: CLASSES, separation: 6, noise: 1, seed: 3 }).vectors;
    const X = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) X.set(base.subarray((i % distinct) * 3, (i % distinct) * 3 + 3), i * 3);
    writeAtomic(path, (tmp) => writeFileSync(tmp, writeNpy(X, [n, 3])));
  }
  return path;
}
