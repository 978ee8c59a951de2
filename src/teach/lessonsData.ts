/**
 * Lessons 4 and 5: what the training data does to the geometry (mixup, class imbalance). Full
 * Train queries; thresholds measured first with `npx tsx scripts/teach/measure.ts ID`.
 */
import { atLeast, compare, playStep, reached, recording } from './steps';
import type { Lesson } from './types';

/** Blobs, K = 4, 200 points in 512-d; a 512-64-16 ReLU MLP, cross-entropy, SGD with weight decay 0.02, seed 1; snapshots every 50 steps. */
const BLOBS = 'source=blobs&n=200&dim=512&classes=4&separation=6&noise=1&depth=2&width=64&features=16&head=linear&loss=ce&opt=sgd&lr=0.05&momentum=0.9&wd=0.02&batch=32&seed=1&dataseed=1&every=50&profile=1000';

export const MIXUP_RUN = `${BLOBS}&mixup=1`;
export const IMBALANCE_10 = `${BLOBS}&imbalance=10&minority=2`;
export const IMBALANCE_100 = `${BLOBS}&imbalance=100&minority=2`;

export const MIXUP: Lesson = {
  id: 'mixup',
  title: 'Mixup and neural collapse',
  summary: 'Train on mixed inputs and follow 96 fixed mixed pairs in 3D: their features settle between the two class means, placed by the mixing weight (Fisher et al. 2024).',
  steps: [
    playStep(
      {
        title: 'Mixup',
        text: 'Mixup trains on blends x = lambda x_A + (1 - lambda) x_B of two inputs with the blended label, lambda drawn from Beta(1, 1). The 3D view also shows a fixed probe: 96 such blends of training pairs from different classes, each drawn in a colour between its two classes and joined to both class means (turn it on with "mixup probe" under the view). At step 0 they lie anywhere.',
      },
      MIXUP_RUN,
      null,
      ['accuracy'],
    ),
    playStep(
      {
        title: 'Train and watch the probe',
        text: 'Play 300 steps. Each mixed feature moves onto the segment between its two class means, and its position along the segment follows lambda: the network has learned to map blends to blends, so the mixed features fill the space between the classes, along the decision boundaries.',
      },
      undefined,
      300,
      ['accuracy', 'nc1'],
      [
        reached('Train accuracy on the unmixed training points reached 100%'),
        atLeast('probeBetween', 0.9, 'At least 90% of the mixed features lie between their two class means'),
        atLeast('probeLambdaCorrelation', 0.85, 'Their position between the means follows lambda (correlation at least 0.85)'),
        { kind: 'sinceStart', metric: 'probeLambdaCorrelation', relation: 'rose', factor: 2, claim: 'That order was learned: the correlation rose at least 2x since step 0' },
      ],
    ),
  ],
};

export const IMBALANCE: Lesson = {
  id: 'imbalance',
  title: 'Imbalance and minority collapse',
  summary: 'Shrink two of four classes and their classifier rows crowd together (Fang et al. 2021): the rarer they are, the closer, and the worse they are recognised on new data.',
  steps: [
    playStep(
      {
        title: 'Ratio 10',
        text: 'The same four blobs, but two classes keep only 1/10 of their training rows. Play 500 steps and read the classifier: in a balanced run its four rows spread into a simplex (cosine -1/3 between any two). Here the two minority rows stay further from that.',
      },
      IMBALANCE_10,
      500,
      ['classifier', 'accuracy'],
      [reached('Train accuracy reached 100%'), atLeast('minorityCosine', -0.3, "The two minority rows' cosine is above -0.3 (a simplex has -1/3)")],
      [recording('ratio 10', 'minorityCosine'), recording('the test accuracy at ratio 10', 'testAccuracy')],
    ),
    playStep(
      {
        title: 'Ratio 100: minority collapse',
        text: 'Now the two minority classes keep 1/100 of their rows (one or two points each). Every training point is still classified correctly, but the two minority classifier rows fold onto each other: the loss barely pays for them, so the majority classes take the room.',
      },
      IMBALANCE_100,
      500,
      ['classifier', 'accuracy'],
      [
        reached('Train accuracy still reached 100%'),
        compare('minorityCosine', 'ratio 10', 'above', "The minority rows' cosine is higher than at ratio 10: they crowd together"),
        atLeast('minorityCosine', -0.05, "The minority rows are at least nearly orthogonal (cosine above -0.05), far from the simplex's -1/3"),
        compare('testAccuracy', 'the test accuracy at ratio 10', 'below', 'Test accuracy is lower than at ratio 10: the minority classes are lost on new data'),
      ],
    ),
  ],
};
