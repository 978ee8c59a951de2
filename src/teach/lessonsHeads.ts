/**
 * Lessons 2 and 3: the classifier head. Every query is a full Train query (src/url/trainFields.ts),
 * and every threshold was measured first with `npx tsx scripts/teach/measure.ts ID` (the same
 * checkpoint code on the seeded run in Node on wasm); margins leave room for a few steps' drift.
 */
import type { Lesson } from './types';

/** Blobs, K = 4, 200 points in 512-d; a 512-64-F ReLU MLP, cross-entropy, SGD momentum 0.9, batch 32, seed 1; snapshots every 50 steps. */
const BLOBS = 'source=blobs&n=200&dim=512&classes=4&separation=6&noise=1&depth=2&width=64&loss=ce&opt=sgd&lr=0.05&momentum=0.9&batch=32&seed=1&dataseed=1&every=50';

export const ETF_LEARNED = `${BLOBS}&features=16&head=linear&wd=0.02&profile=400`;
export const ETF_FIXED = `${BLOBS}&features=16&head=etf&wd=0.02&profile=400`;

export const FIXED_ETF: Lesson = {
  id: 'fixed-etf',
  title: 'Learned vs fixed simplex-ETF classifier',
  summary: 'Neural collapse says the classifier ends up a simplex ETF. Fix it to one from the start (Zhu et al. 2021) and the features reach the same geometry sooner.',
  steps: [
    {
      title: 'A learned classifier',
      text: 'Four Gaussian classes, a small MLP with 16 features and a learned linear classifier (weights and bias). Play 800 steps and watch the classifier rows: neural collapse predicts they drift towards a simplex equiangular tight frame, whose rows all meet at cosine -1/(K-1) = -1/3.',
      settings: ETF_LEARNED,
      action: { kind: 'play-for', steps: 800, label: 'Play 800 steps' },
      watch: ['simplex', 'classifier'],
      record: [
        { name: 'the learned head', metric: 'etfDistance' },
        { name: "the learned head's NC3", metric: 'nc3' },
      ],
      checkpoints: [
        { kind: 'reached', metric: 'trainAccuracy', value: 1, claim: 'Train accuracy reached 100%' },
        { kind: 'atLeast', metric: 'majorityCosine', value: -0.32, claim: "After 800 steps the learned rows' mean cosine is still above -0.32 (a simplex ETF has -1/3)" },
      ],
    },
    {
      title: 'A fixed simplex ETF',
      text: 'Now the classifier is frozen at a simplex ETF on K of the feature axes and never trained; only the features learn. The same data, network, seed and 800 steps. Compare the ETF distance of the class means and NC3 (distance between classifier and means) with the learned head.',
      settings: ETF_FIXED,
      action: { kind: 'play-for', steps: 800, label: 'Play 800 steps' },
      watch: ['simplex', 'classifier'],
      checkpoints: [
        { kind: 'atMost', metric: 'majorityCosine', value: -0.333, claim: "The fixed rows' mean cosine is -1/3: a simplex ETF from step 0" },
        { kind: 'reached', metric: 'trainAccuracy', value: 1, claim: 'Train accuracy reached 100% with the frozen classifier' },
        { kind: 'compare', metric: 'etfDistance', than: 'the learned head', relation: 'below', factor: 1.5, claim: "The class means' distance to a simplex ETF is at least 1.5x lower than with the learned head" },
        { kind: 'compare', metric: 'nc3', than: "the learned head's NC3", relation: 'below', factor: 3, claim: 'NC3 is at least 3x lower than with the learned head: the means line up with the fixed classifier' },
      ],
    },
  ],
};

const GCR = `${BLOBS}&features=32&head=gcr&wd=0&profile=300`;
export const GCR_SOFTMAX = `${BLOBS}&features=32&head=linear&wd=0.02&profile=300`;
export const GCR_K4 = `${GCR}&k=4`;
export const GCR_K16 = `${GCR}&k=16`;

export const GRASSMANN: Lesson = {
  id: 'grassmann',
  title: 'Softmax vs Grassmann class subspaces',
  summary: 'Replace the classifier row of each class by a subspace (GCR, Wang et al. 2023): accuracy stays, the features spread within their class as the subspace grows, and principal angles show how the subspaces sit.',
  steps: [
    {
      title: 'Softmax: one row per class',
      text: 'The baseline: 32 features and a learned linear (softmax) classifier, one row per class. Play 300 steps.',
      settings: GCR_SOFTMAX,
      action: { kind: 'play-for', steps: 300, label: 'Play 300 steps' },
      watch: ['accuracy'],
      checkpoints: [
        { kind: 'reached', metric: 'trainAccuracy', value: 1, claim: 'Train accuracy reached 100%' },
        { kind: 'atLeast', metric: 'testAccuracy', value: 0.95, claim: 'Test accuracy is at least 95%' },
      ],
    },
    {
      title: 'GCR with 4-dimensional class subspaces',
      text: "Each class is now a 4-dimensional subspace S_c of the 32 features; the logit of class c is gamma times the length of the normalised feature's projection onto S_c, and the bases are trained on the Grassmann manifold (no weight decay). A feature only has to point into its class's subspace, anywhere inside it. Play 300 steps; the Layers tab shows the principal angles between the class subspaces.",
      settings: GCR_K4,
      action: { kind: 'play-for', steps: 300, label: 'Play 300 steps' },
      watch: ['accuracy', 'nc1'],
      record: [{ name: 'k = 4', metric: 'unitWithinVariance' }],
      checkpoints: [
        { kind: 'atLeast', metric: 'testAccuracy', value: 0.95, claim: 'Test accuracy is at least 95%, as with softmax' },
        { kind: 'atLeast', metric: 'minAngleDeg', value: 40, claim: 'Four 4-dimensional subspaces fit apart in 32 dimensions: every principal angle is above 40 degrees' },
      ],
    },
    {
      title: 'GCR with 16-dimensional class subspaces',
      text: 'The same run with k = 16. Four 16-dimensional subspaces cannot all be apart in 32 dimensions, so some pair shares directions; and with more room inside each class, the normalised features of a class spread further from their mean (the intra-class variability the GCR paper links to better transfer).',
      settings: GCR_K16,
      action: { kind: 'play-for', steps: 300, label: 'Play 300 steps' },
      watch: ['accuracy', 'nc1'],
      checkpoints: [
        { kind: 'atLeast', metric: 'testAccuracy', value: 0.95, claim: 'Test accuracy is still at least 95%' },
        { kind: 'compare', metric: 'unitWithinVariance', than: 'k = 4', relation: 'above', factor: 1.3, claim: 'The intra-class variability of the normalised features is at least 1.3x that with k = 4' },
        { kind: 'atMost', metric: 'minAngleDeg', value: 10, claim: 'Some pair of class subspaces shares a direction: the smallest principal angle is below 10 degrees' },
      ],
    },
  ],
};
