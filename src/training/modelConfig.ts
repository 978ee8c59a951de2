/**
 * Editing a ModelConfig so that it stays valid: a GCR head's subspace dimension k never exceeds
 * the feature width F (k = min(k, F)), and a new GCR head starts from DEFAULT_GCR_HEAD.
 */
import { DEFAULT_GCR_HEAD } from './presets';
import type { GcrHeadConfig, HeadConfig, HeadKind, ModelConfig } from './types';

/** `head` with a GCR head's k clamped to `featureWidth` (other heads unchanged). */
export function fitHead(head: HeadConfig, featureWidth: number): HeadConfig {
  return head.kind === 'gcr' && head.k > featureWidth ? { ...head, k: featureWidth } : head;
}

/** Changes body fields (depth, widths, activation, batch norm); a GCR head's k is clamped to the new F. */
export function patchModelConfig(model: ModelConfig, patch: Partial<Omit<ModelConfig, 'head'>>): ModelConfig {
  const next = { ...model, ...patch };
  return { ...next, head: fitHead(next.head, next.featureWidth) };
}

/** Switches the head to `kind` (the same kind: unchanged; GCR: DEFAULT_GCR_HEAD with k = min(8, F)). */
export function withHeadKind(model: ModelConfig, kind: HeadKind): ModelConfig {
  if (kind === model.head.kind) return model;
  const head: HeadConfig = kind === 'gcr' ? { ...DEFAULT_GCR_HEAD } : { kind };
  return { ...model, head: fitHead(head, model.featureWidth) };
}

/** Changes a GCR head's k, gamma or Riemannian step (k clamped to F); other heads are unchanged. */
export function patchGcrHead(model: ModelConfig, patch: Partial<Omit<GcrHeadConfig, 'kind'>>): ModelConfig {
  if (model.head.kind !== 'gcr') return model;
  return { ...model, head: fitHead({ ...model.head, ...patch }, model.featureWidth) };
}
