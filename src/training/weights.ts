/**
 * A trained network's parameters as named float32 arrays, for export: every MLP layer
 * (layer{l}.kernel, layer{l}.bias, batch-norm parameters and running statistics), then the head:
 * `W` (K x F) and `b` (K) for the linear and the fixed ETF head (the ETF has no bias: b = 0 is its
 * exact form, logits = h W^T), or `head.bases` (K x F x k) for the GCR head, which has no W.
 */
import { GcrHead } from './heads';
import type { Network } from './network';

/** One exported array: its name, shape and row-major values. */
export interface NamedArray {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** The network's parameters, read back from the device (copies, safe to transfer). */
export async function networkWeights(net: Network): Promise<NamedArray[]> {
  const out: NamedArray[] = [];
  for (const { name, tensor } of net.mlp.named()) out.push({ name, shape: tensor.shape.slice(), data: (await tensor.data()).slice() as Float32Array });
  const K = net.classes;
  const F = net.cfg.featureWidth;
  if (net.head instanceof GcrHead) {
    const b = net.head.bases;
    out.push({ name: 'head.bases', shape: b.shape.slice(), data: (await b.data()).slice() as Float32Array });
    return out;
  }
  const c = await net.head.classifier();
  if (c) {
    out.push({ name: 'W', shape: [K, F], data: c.weights });
    out.push({ name: 'b', shape: [K], data: c.bias ?? new Float32Array(K) });
  }
  return out;
}
