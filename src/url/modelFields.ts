/** URL fields of a model (body and head), shared by Train and Landscape through a lens to the ModelConfig. */
import { patchGcrHead, patchModelConfig, withHeadKind } from '../training/modelConfig';
import type { Activation, HeadKind, ModelConfig } from '../training/types';
import { boolField, enumField, numberField, type Field } from './fields';

const ACTIVATIONS: readonly Activation[] = ['relu', 'gelu', 'tanh'];
const HEADS: readonly HeadKind[] = ['linear', 'etf', 'gcr'];

/** The model fields of a state S whose model `get` reads and `set` replaces. */
export function modelFields<S>(get: (s: S) => ModelConfig, set: (s: S, m: ModelConfig) => S): Field<S>[] {
  const body = (key: 'depth' | 'width' | 'featureWidth') => ({ get: (s: S) => get(s)[key], set: (s: S, v: number) => set(s, patchModelConfig(get(s), { [key]: v })) });
  const gcr = (key: 'k' | 'gamma' | 'subspaceLearningRate') => ({
    get: (s: S) => {
      const h = get(s).head;
      return h.kind === 'gcr' ? h[key] : null;
    },
    set: (s: S, v: number) => set(s, patchGcrHead(get(s), { [key]: v })),
  });
  return [
    numberField('depth', 'hidden layers', { min: 1, max: 6, int: true }, body('depth')),
    numberField('width', 'width of the hidden layers before the features', { min: 8, max: 1024, int: true }, body('width')),
    numberField('features', 'feature width F', { min: 1, max: 1024, int: true }, body('featureWidth')),
    enumField('act', 'activation', ACTIVATIONS, { get: (s) => get(s).activation, set: (s, v) => set(s, patchModelConfig(get(s), { activation: v })) }),
    boolField('bn', 'batch norm', { get: (s) => get(s).batchNorm, set: (s, v) => set(s, patchModelConfig(get(s), { batchNorm: v })) }),
    enumField('head', 'classifier head', HEADS, { get: (s) => get(s).head.kind, set: (s, v) => set(s, withHeadKind(get(s), v)) }),
    numberField('k', 'GCR subspace dimension (at most F)', { min: 1, max: 1024, int: true }, gcr('k')),
    numberField('gamma', 'GCR logit scale', { min: 0.01, max: 1000 }, gcr('gamma')),
    numberField('sublr', 'GCR Riemannian step size', { min: 0, max: 10 }, gcr('subspaceLearningRate')),
  ];
}
