/**
 * The worker's side of the formats that leave a choice open beyond .npz and tables: HDF5 and PyTorch
 * files (which array holds the vectors, which the labels), Projector configs (which embedding; its
 * tensor, metadata and sprite among the dropped files) and raw .bytes tensors (the dimension, unless
 * the metadata file dropped with it fixes it). When no default is sensible the user is asked.
 */
import { parseStore, type ArrayStore } from '../io/arrayStore';
import { assembleEmbeddings, type NamedBytes } from '../io/assemble';
import type { EmbeddingsFormat } from '../io/detect';
import { floatCount } from '../io/projector';
import { loadBytes, loadProjector } from '../io/projectorLoad';
import { parseProjectorConfig } from '../io/projector';
import { torchStore } from '../io/torch';
import { storeChoices, type FileChoices, type LoadChoice } from '../io/choices';
import type { Loaded } from './sources';

/** Finds a file a config names among the dropped files (by base name), read on demand. */
export type Companion = (path: string) => Promise<NamedBytes | undefined>;

async function openStore(format: 'hdf5' | 'torch', file: NamedBytes, name: string): Promise<ArrayStore & { close?: () => void }> {
  if (format === 'torch') return torchStore(file.bytes, name);
  return (await import('../io/hdf5')).hdf5Store(file.bytes, name);
}

/** HDF5 or PyTorch: the arrays' defaults, or the question when several 2-D arrays are unnamed. */
async function fromStore(format: 'hdf5' | 'torch', file: NamedBytes, name: string, metadata: NamedBytes | undefined, choice: LoadChoice | undefined): Promise<Loaded> {
  const store = await openStore(format, file, name);
  try {
    const choices = storeChoices(store.arrays, name, format, choice);
    if (choices.reason && !choice) return { choose: choices };
    const parsed = parseStore(store, name, { vectors: choices.chosen.vectors, labels: metadata ? '' : choices.chosen.labelsArray });
    return { emb: assembleEmbeddings(name, parsed, { labels: metadata }), choices };
  } finally {
    store.close?.();
  }
}

/** A Projector config: a chooser when it lists several embeddings; the sprite of the chosen one is noted for the thumbnails. */
async function fromConfig(file: NamedBytes, name: string, metadata: NamedBytes | undefined, choice: LoadChoice | undefined, companion: Companion): Promise<Loaded> {
  const list = parseProjectorConfig(file.bytes, name);
  const arrays = list.map((e) => ({ name: e.tensorName, dtype: '<f4', shape: e.tensorShape ? [...e.tensorShape] : [] }));
  const vectors = choice?.vectors ?? list[0].tensorName;
  const base: FileChoices = { file: name, kind: 'projector', arrays, chosen: { vectors, labelsArray: '', labelColumn: '' }, reason: '' };
  if (list.length > 1 && !choice) return { choose: { ...base, reason: `${name} lists ${list.length} embeddings; which one should be shown?` } };
  const loaded = await loadProjector(file, name, { vectors, labels: metadata, companion });
  const sprite = loaded.embedding.sprite;
  return { emb: loaded.emb, choices: { ...base, ...(sprite ? { sprite: { path: sprite.imagePath, tile: sprite.singleImageDim } } : {}) } };
}

/** A .bytes tensor: shaped by the metadata dropped with it, else by the dimension the user gives. */
function fromBytes(file: NamedBytes, name: string, metadata: NamedBytes | undefined, choice: LoadChoice | undefined): Loaded {
  const floats = floatCount(file.bytes, name);
  const base: FileChoices = { file: name, kind: 'bytes', floats, chosen: { labelsArray: '', labelColumn: '', ...(choice?.dim ? { dim: choice.dim } : {}) }, reason: '' };
  if (!choice?.dim && !metadata) {
    return { choose: { ...base, reason: `${name} holds ${floats.toLocaleString('en-US')} raw float32 values and no shape; how many values does each point have? (Dropping its metadata file with it fixes the shape from the row count.)` } };
  }
  const emb = loadBytes(file, name, { labels: metadata, dim: choice?.dim });
  return { emb, choices: { ...base, chosen: { ...base.chosen, dim: emb.dim } } };
}

/** The Loaded of a format this file handles, or null for the others (npz, tables, single-array formats). */
export async function parseContainer(format: EmbeddingsFormat, file: NamedBytes, name: string, metadata: NamedBytes | undefined, choice: LoadChoice | undefined, companion: Companion): Promise<Loaded | null> {
  if (format === 'hdf5' || format === 'torch') return fromStore(format, file, name, metadata, choice);
  if (format === 'projector') return fromConfig(file, name, metadata, choice, companion);
  if (format === 'bytes') return fromBytes(file, name, metadata, choice);
  return null;
}
