/**
 * The lessons. Each step's settings are a full Train query (not a preset's), so a change to the
 * presets leaves the lessons as measured. Every checkpoint was measured on the seeded run first
 * (the trainer in Node on wasm), and e2e/teach.spec.ts runs each lesson in the built app on wasm.
 */
import type { Lesson } from './types';
import { FIXED_ETF, GRASSMANN } from './lessonsHeads';
import { IMBALANCE, MIXUP } from './lessonsData';
import { INTRINSIC_DIMENSION } from './lessonsDimension';
import { OBJECTIVE_LANDSCAPE } from './lessonsLandscape';
import { atLeast, atMost, fell, playStep, reached } from './steps';

/** Gaussian blobs, K = 4, 200 points in 512-d; a 512-64-16 ReLU MLP, cross-entropy, SGD with weight decay, seed 1. */
export const BLOBS_COLLAPSE = 'source=blobs&n=200&dim=512&classes=4&separation=6&noise=1&depth=2&width=64&features=16&head=linear&loss=ce&opt=sgd&lr=0.05&momentum=0.9&wd=0.02&batch=32&seed=1&dataseed=1&every=25';

/** UCI digits (1,797 x 64, K = 10); a 64-128-32 ReLU MLP, Adam lr 0.002, weight decay 0.001, batch 64, seed 1. */
export const DIGITS_COLLAPSE = 'source=digits&depth=2&width=128&features=32&head=linear&loss=ce&opt=adam&lr=0.002&wd=0.001&batch=64&seed=1&dataseed=1&every=25';

const NEURAL_COLLAPSE: Lesson = {
  id: 'neural-collapse',
  title: 'Neural collapse in five minutes',
  summary: 'Train past 100% accuracy and watch NC1 to NC4 happen: on Gaussian blobs, then on real handwritten digits.',
  steps: [
    playStep(
      {
        title: 'The setting',
        text: 'Four Gaussian classes in 512 dimensions, a small MLP with 16 features, cross-entropy and weight decay. The 3D view shows the features of a fixed sample of training points, coloured by class. Papyan, Han and Donoho (2020) saw that if you keep training after the training error is zero, the features of each class shrink to their mean and the means spread into a regular simplex.',
      },
      BLOBS_COLLAPSE,
      null,
      ['accuracy'],
    ),
    playStep(
      { title: 'Reach 100% training accuracy', text: 'Play until every training point is classified correctly. This is where the terminal phase of training begins; most training would stop here.' },
      undefined,
      { until: 'trainAccuracy', atLeast: 1, maxSteps: 1000, label: 'Play until train accuracy is 100%' },
      ['accuracy', 'loss'],
      [reached('Train accuracy reached 100%')],
    ),
    playStep(
      {
        title: 'Keep training: the terminal phase',
        text: 'Keep going for 1,800 more steps. Accuracy cannot improve, but the geometry does: NC1 (within-class variability relative to the spread of the means) keeps falling, the class means approach a simplex equiangular tight frame (NC2), the classifier rows line up with the means (NC3), and classifying by the nearest class mean agrees with the network (NC4).',
      },
      undefined,
      { steps: 1800, label: 'Play 1,800 more steps' },
      ['nc1', 'simplex', 'classifier'],
      [
        fell('nc1', 10, 'NC1 fell 10x since the terminal phase began'),
        fell('etfDistance', 3, "NC2: the means' distance to a simplex ETF fell 3x since the terminal phase began"),
        fell('nc3', 5, "NC3: the classifier's distance to the class means fell 5x since the terminal phase began"),
        atMost('nc4', 0, 'NC4: the nearest class mean agrees with the classifier on every training point'),
      ],
    ),
    playStep(
      {
        title: 'Real data: handwritten digits',
        text: 'The same kind of network on 1,797 real 8x8 digits (10 classes), trained with Adam. Play until every training digit is classified correctly, then compare NC1 with the blobs: real data reaches zero training error, but within a few minutes its features are far from collapsed; Papyan et al. trained for hundreds of epochs.',
      },
      DIGITS_COLLAPSE,
      { until: 'trainAccuracy', atLeast: 1, maxSteps: 1500, label: 'Play until train accuracy is 100%' },
      ['accuracy', 'nc1'],
      [
        reached('Train accuracy on the digits reached 100%'),
        atMost('nc4', 0.02, 'NC4: the nearest class mean agrees with the classifier on at least 98% of the digits'),
        atLeast('nc1', 0.1, 'NC1 on the digits is still above 0.1 (the blobs fell below 0.005): collapse on real data takes far longer'),
      ],
    ),
  ],
};

/** Every lesson, menu order; ids are stable (links name them). */
export const LESSONS: readonly Lesson[] = [NEURAL_COLLAPSE, FIXED_ETF, GRASSMANN, MIXUP, IMBALANCE, INTRINSIC_DIMENSION, OBJECTIVE_LANDSCAPE];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
