import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '../../tests/setup';
import { createRng, normalArray } from '../geometry/random';
import type { BatchMoments } from '../training/mlp';
import { Network } from '../training/network';
import { DEFAULT_MODEL } from '../training/presets';
import type { HeadConfig, ModelConfig } from '../training/types';
import { flatMlpConfigFromModel, flatMlpLayout, type FlatMlpConfig } from './flatLayout';
import { orthonormalColumns } from './flatHeads';
import { FlatMlp, flatMlpModel } from './flatMlp';

const GCR: HeadConfig = { kind: 'gcr', k: 3, gamma: 25, subspaceLearningRate: 0.05 };

/** Train mode's trainable numbers in theta's order: MLP [W, b, gamma, beta] per layer, linear head [W, b], GCR bases. */
function networkVariables(net: Network): tf.Variable[] {
  return [...net.euclidean, ...net.head.manifold];
}

async function networkTheta(net: Network): Promise<Float32Array> {
  const parts = await Promise.all(networkVariables(net).map((v) => v.data()));
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function loadInto(net: Network, theta: Float32Array): void {
  let o = 0;
  for (const v of networkVariables(net)) {
    tf.tidy(() => v.assign(tf.tensor(theta.subarray(o, o + v.size), v.shape)));
    o += v.size;
  }
  expect(o).toBe(theta.length);
}

function bits(a: Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length);
}

async function maxRelDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const [x, y] = [await a.data(), await b.data()];
  expect(x.length).toBe(y.length);
  let scale = 1e-6;
  for (const v of y) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
  return worst / scale;
}

const CASES: { name: string; model: ModelConfig }[] = [
  { name: 'ReLU, batch norm, linear head', model: { ...DEFAULT_MODEL, depth: 3, width: 12, featureWidth: 6, batchNorm: true } },
  { name: 'tanh, fixed simplex ETF head', model: { ...DEFAULT_MODEL, depth: 2, width: 10, featureWidth: 5, activation: 'tanh', head: { kind: 'etf' } } },
  { name: 'GELU, batch norm, GCR head', model: { ...DEFAULT_MODEL, depth: 2, width: 10, featureWidth: 7, activation: 'gelu', batchNorm: true, head: GCR } },
  { name: 'ReLU, GCR head, no batch norm', model: { ...DEFAULT_MODEL, depth: 1, featureWidth: 6, head: { ...GCR, k: 2 } } },
];

describe('flat layout', () => {
  it('counts D as theta holds it: weights, biases, BN gamma/beta and the head; 784-200-200-10 has 199,210', () => {
    const li = flatMlpLayout({ widths: [784, 200, 200, 10], activation: 'relu' });
    expect(li.numParams).toBe(199210);
    expect(li.layers.map((l) => l.offset)).toEqual([0, 157000]);
    expect(li.head).toEqual({ kind: 'linear', offset: 197200, size: 2010 });
    const bn = flatMlpLayout({ widths: [784, 200, 200, 10], activation: 'relu', batchNorm: true });
    expect(bn.numParams).toBe(199210 + 2 * 400);
    expect(bn.layers[1]).toEqual({ fanIn: 200, fanOut: 200, offset: 157400, bias: 197400, gamma: 197600, beta: 197800 });
    expect(flatMlpLayout({ widths: [784, 200, 200, 10], activation: 'relu', head: { kind: 'etf' } }).numParams).toBe(197200);
    expect(flatMlpLayout({ widths: [784, 200, 200, 10], activation: 'relu', head: { ...GCR, k: 8 } }).numParams).toBe(197200 + 10 * 200 * 8);
    expect(() => flatMlpLayout({ widths: [5], activation: 'relu' })).toThrow(RangeError);
    expect(() => flatMlpLayout({ widths: [5, 4, 3], activation: 'relu', head: { ...GCR, k: 5 } })).toThrow(/feature width = 4/);
  });

  it("maps every Train-mode model setting and its loss; D equals the Network's trainable count", () => {
    for (const { model } of CASES) {
      const cfg = flatMlpConfigFromModel(9, 4, model, { loss: 'mse', labelSmoothing: 0.1 });
      expect(cfg).toMatchObject({ activation: model.activation, batchNorm: model.batchNorm, head: model.head, loss: 'mse', labelSmoothing: 0.1 });
      const net = new Network(9, 4, model, 3);
      expect(flatMlpLayout(cfg).numParams).toBe(networkVariables(net).reduce((s, v) => s + v.size, 0));
      net.dispose();
    }
    expect(() => flatMlpConfigFromModel(9, 4, { ...DEFAULT_MODEL, featureWidth: 4, head: { ...GCR, k: 5 } })).toThrow(/model.head.k/);
  });
});

describe("flat model against Train mode's Network", () => {
  for (const { name, model } of CASES) {
    it(`${name}: theta0 is the Network's initialisation bit for bit; train- and eval-mode forward passes agree`, async () => {
      const before = tf.memory().numTensors;
      const [inputDim, K, seed, B] = [9, 4, 11, 16];
      const net = new Network(inputDim, K, model, seed);
      const flat = new FlatMlp(flatMlpConfigFromModel(inputDim, K, model), seed);
      const theta0 = flat.initialParams();
      expect(bits(theta0)).toEqual(bits(await networkTheta(net)));
      if (model.head.kind === 'etf') expect(Array.from(flat.etf!)).toEqual(Array.from((await net.head.classifier())!.weights));

      // Move every Euclidean parameter off its initial value (GCR bases stay orthonormal, as Train mode keeps them).
      const theta = theta0.slice();
      const rng = createRng(5);
      const headStart = flat.layout.head.offset;
      const end = model.head.kind === 'gcr' ? headStart : theta.length;
      for (let t = 0; t < end; t++) theta[t] += 0.3 * rng.normal();
      loadInto(net, theta);
      const thetaT = tf.tensor1d(theta);
      const state = flat.createState();
      expect(state === null).toBe(!model.batchNorm);
      for (let batch = 0; batch < 3; batch++) {
        const x = tf.tensor2d(normalArray(rng, B * inputDim), [B, inputDim]);
        const moments: BatchMoments = [];
        const [a, b] = [tf.tidy(() => net.forward(x, 'train', false, moments).logits), tf.tidy(() => flat.forward(thetaT, x, 'train', state).logits)];
        expect(await maxRelDiff(b, a)).toBeLessThan(2e-5);
        net.mlp.updateRunningStats(moments);
        state?.commit();
        tf.dispose([x, a, b]);
      }
      const x = tf.tensor2d(normalArray(rng, B * inputDim).map((v) => 2 * v + 0.5), [B, inputDim]);
      const outs = tf.tidy(() => {
        const n = net.forward(x, 'eval');
        const f = flat.forward(thetaT, x, 'eval', state);
        return [n.logits, f.logits, n.features, f.features];
      });
      expect(await maxRelDiff(outs[1], outs[0])).toBeLessThan(2e-5);
      expect(await maxRelDiff(outs[3], outs[2])).toBeLessThan(2e-5);
      if (model.batchNorm) {
        expect(() => tf.tidy(() => flat.forward(thetaT, x, 'eval', null))).toThrow(/running statistics/);
        const fresh = flat.createState();
        const stale = tf.tidy(() => flat.forward(thetaT, x, 'eval', fresh).logits);
        expect(await maxRelDiff(stale, outs[0])).toBeGreaterThan(1e-3);
        stale.dispose();
        fresh?.dispose();
      }
      tf.dispose([...outs, x, thetaT]);
      state?.dispose();
      net.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

describe('orth() of the GCR blocks', () => {
  it('is the identity map on orthonormal bases (diag R > 0: no sign flips)', async () => {
    const flat = new FlatMlp({ widths: [5, 8, 3], activation: 'relu', head: { ...GCR, k: 4 } }, 2);
    const { offset, size } = flat.layout.head;
    const S = tf.tensor3d(flat.initialParams().subarray(offset, offset + size), [3, 8, 4]);
    const Q = orthonormalColumns(S);
    expect(await maxRelDiff(Q, S)).toBeLessThan(1e-6);
    tf.dispose([S, Q]);
  });

  it('gives the thin-QR Q factor of any full-rank block: Q^T Q = I, Q^T A upper triangular with a positive diagonal', async () => {
    const [K, F, k] = [3, 9, 5];
    const rng = createRng(4);
    const A = normalArray(rng, K * F * k).map((v, i) => v * (1 + (i % k)));
    const At = tf.tensor3d(A, [K, F, k]);
    const Q = orthonormalColumns(At);
    const gram = await tf.tidy(() => tf.matMul(Q, Q, true, false)).data();
    const R = await tf.tidy(() => tf.matMul(Q, At, true, false)).data();
    const QR = await tf.tidy(() => tf.matMul(Q, tf.matMul(Q, At, true, false))).data();
    for (let c = 0; c < K; c++) {
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          expect(Math.abs(gram[c * k * k + i * k + j] - (i === j ? 1 : 0))).toBeLessThan(1e-5);
          if (i > j) expect(Math.abs(R[c * k * k + i * k + j])).toBeLessThan(1e-4);
        }
        expect(R[c * k * k + i * k + i]).toBeGreaterThan(0);
      }
    }
    for (let t = 0; t < A.length; t++) expect(Math.abs(QR[t] - A[t])).toBeLessThan(1e-4 * (1 + Math.abs(A[t])));
    tf.dispose([At, Q]);
  });

  it('lets gradients through: the directional derivative of the GCR loss matches central differences', async () => {
    const cfg: FlatMlpConfig = { widths: [4, 6, 3], activation: 'tanh', head: { ...GCR, k: 2, gamma: 4 } };
    const net = new FlatMlp(cfg, 7);
    const model = flatMlpModel(net);
    const rng = createRng(9);
    const theta = net.initialParams().map((v) => v + 0.3 * rng.normal());
    const x = tf.tensor2d(normalArray(rng, 8 * 4), [8, 4]);
    const targets = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1], 'int32'), 3), 'float32') as tf.Tensor2D);
    const dir = normalArray(rng, theta.length);
    const { offset } = net.layout.head;
    for (let t = 0; t < offset; t++) dir[t] = 0;
    const lossAt = (th: Float32Array) => tf.tidy(() => model.loss(tf.tensor1d(th), { x, targets }).dataSync()[0]);
    const g = tf.tidy(() => tf.grad((th: tf.Tensor) => model.loss(th as tf.Tensor1D, { x, targets }))(tf.tensor1d(theta)));
    const grad = await g.data();
    let analytic = 0;
    for (let t = 0; t < theta.length; t++) analytic += grad[t] * dir[t];
    const h = 1e-2;
    const numeric = (lossAt(theta.map((v, t) => v + h * dir[t])) - lossAt(theta.map((v, t) => v - h * dir[t]))) / (2 * h);
    expect(Math.abs(analytic)).toBeGreaterThan(1e-3);
    expect(Math.abs(analytic - numeric)).toBeLessThan(2e-2 * Math.abs(numeric) + 1e-4);
    tf.dispose([x, targets, g]);
  });
});

describe('flat model loss', () => {
  it("equals a float64 reference of the linear-head MLP's cross-entropy and accuracy", async () => {
    const cfg: FlatMlpConfig = { widths: [5, 7, 6, 3], activation: 'tanh' };
    const net = new FlatMlp(cfg, 2);
    const model = flatMlpModel(net);
    const theta = net.initialParams();
    const rng = createRng(8);
    for (let t = 0; t < theta.length; t++) theta[t] += 0.1 * rng.normal();
    const B = 4;
    const x = normalArray(rng, B * 5);
    let a = Float64Array.from(x);
    for (const l of net.layout.layers) {
      const z = new Float64Array(B * l.fanOut);
      for (let i = 0; i < B; i++) {
        for (let o = 0; o < l.fanOut; o++) {
          let s = theta[l.bias + o];
          for (let k = 0; k < l.fanIn; k++) s += a[i * l.fanIn + k] * theta[l.offset + k * l.fanOut + o];
          z[i * l.fanOut + o] = Math.tanh(s);
        }
      }
      a = z;
    }
    const { offset } = net.layout.head;
    const ref = new Float64Array(B * 3);
    for (let i = 0; i < B; i++) {
      for (let c = 0; c < 3; c++) {
        let s = theta[offset + 3 * 6 + c];
        for (let k = 0; k < 6; k++) s += a[i * 6 + k] * theta[offset + c * 6 + k];
        ref[i * 3 + c] = s;
      }
    }
    const labels = [0, 1, 2, 2];
    let ce = 0;
    let hits = 0;
    for (let i = 0; i < B; i++) {
      const row = Array.from(ref.subarray(i * 3, i * 3 + 3));
      const m = Math.max(...row);
      ce -= row[labels[i]] - m - Math.log(row.reduce((s, z) => s + Math.exp(z - m), 0));
      if (row.indexOf(m) === labels[i]) hits++;
    }
    const thetaT = tf.tensor1d(theta);
    const xT = tf.tensor2d(x, [B, 5]);
    const targets = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 3), 'float32') as tf.Tensor2D);
    const loss = model.loss(thetaT, { x: xT, targets });
    const acc = model.accuracy!(thetaT, { x: xT, targets });
    expect((await loss.data())[0]).toBeCloseTo(ce / B, 5);
    expect((await acc.data())[0]).toBeCloseTo(hits / B, 6);
    tf.dispose([thetaT, xT, targets, loss, acc]);
  });
});
