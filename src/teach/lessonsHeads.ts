/**
 * Lessons 2 and 3: the classifier head. Every query is a full Train query (src/url/trainFields.ts),
 * and every threshold was measured first with `npx tsx scripts/teach/measure.ts ID` (the same
 * checkpoint code on the seeded run in Node on wasm); margins leave room for a few steps' drift.
 */
import { atLeast, atMost, compare, playStep, reached, recording } from './steps';
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
    playStep(
      {
        title: 'A learned classifier',
        text: 'Four Gaussian classes, a small MLP with 16 features and a learned linear classifier (weights and bias). Play 800 steps and watch the classifier rows: neural collapse predicts they drift towards a simplex equiangular tight frame, whose rows all meet at cosine -1/(K-1) = -1/3.',
      },
      ETF_LEARNED,
      800,
      ['simplex', 'classifier'],
      [reached('Train accuracy reached 100%'), atLeast('majorityCosine', -0.32, "After 800 steps the learned rows' mean cosine is still above -0.32 (a simplex ETF has -1/3)")],
      [recording('the learned head', 'etfDistance'), recording("the learned head's NC3", 'nc3')],
    ),
    playStep(
      {
        title: 'A fixed simplex ETF',
        text: 'Now the classifier is frozen at a simplex ETF on K of the feature axes and never trained; only the features learn. The same data, network, seed and 800 steps. Compare the ETF distance of the class means and NC3 (distance between classifier and means) with the learned head.',
      },
      ETF_FIXED,
      800,
      ['simplex', 'classifier'],
      [
        atMost('majorityCosine', -0.333, "The fixed rows' mean cosine is -1/3: a simplex ETF from step 0"),
        reached('Train accuracy reached 100% with the frozen classifier'),
        compare('etfDistance', 'the learned head', 'below', "The class means' distance to a simplex ETF is at least 1.5x lower than with the learned head", 1.5),
        compare('nc3', "the learned head's NC3", 'below', 'NC3 is at least 3x lower than with the learned head: the means line up with the fixed classifier', 3),
      ],
    ),
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
    playStep(
      { title: 'Softmax: one row per class', text: 'The baseline: 32 features and a learned linear (softmax) classifier, one row per class. Play 300 steps.' },
      GCR_SOFTMAX,
      300,
      ['accuracy'],
      [reached('Train accuracy reached 100%'), atLeast('testAccuracy', 0.95, 'Test accuracy is at least 95%')],
    ),
    playStep(
      {
        title: 'GCR with 4-dimensional class subspaces',
        text: "Each class is now a 4-dimensional subspace S_c of the 32 features; the logit of class c is gamma times the length of the normalised feature's projection onto S_c, and the bases are trained on the Grassmann manifold (no weight decay). A feature only has to point into its class's subspace, anywhere inside it. Play 300 steps; the Layers tab shows the principal angles between the class subspaces.",
      },
      GCR_K4,
      300,
      ['accuracy', 'nc1'],
      [
        atLeast('testAccuracy', 0.95, 'Test accuracy is at least 95%, as with softmax'),
        atLeast('minAngleDeg', 40, 'Four 4-dimensional subspaces fit apart in 32 dimensions: every principal angle is above 40 degrees'),
      ],
      [recording('k = 4', 'unitWithinVariance')],
    ),
    playStep(
      {
        title: 'GCR with 16-dimensional class subspaces',
        text: 'The same run with k = 16. Four 16-dimensional subspaces cannot all be apart in 32 dimensions, so some pair shares directions; and with more room inside each class, the normalised features of a class spread further from their mean (the intra-class variability the GCR paper links to better transfer).',
      },
      GCR_K16,
      300,
      ['accuracy', 'nc1'],
      [
        atLeast('testAccuracy', 0.95, 'Test accuracy is still at least 95%'),
        compare('unitWithinVariance', 'k = 4', 'above', 'The intra-class variability of the normalised features is at least 1.3x that with k = 4', 1.3),
        atMost('minAngleDeg', 10, 'Some pair of class subspaces shares a direction: the smallest principal angle is below 10 degrees'),
      ],
    ),
  ],
};
