/** Meanings (reference, high, low, caveats) of the metrics only Train mode shows; the shared ones are in explore/metricMeanings.ts. */
import type { MetricMeaning } from '../explore/metricMeanings';

const MCR2 = 'Yu, Chan, You, Song & Ma 2020, "Learning diverse and discriminative representations via the principle of maximal coding rate reduction" (NeurIPS)';
const TPT = 'Papyan, Han & Donoho 2020 (the terminal phase of training begins at train error 0)';
const NOT_SCALE = 'Computed on unit-normalised features, so it ignores feature norms; it grows with the feature width F and depends on eps^2.';

export const TRAIN_MEANINGS = {
  trainLoss: {
    reference: TPT,
    high: 'the model fits the training labels poorly (ln K nats = chance for cross-entropy)',
    low: 'the model fits the training labels; it keeps falling in the terminal phase',
    caveats: 'With label noise or mixup it cannot reach 0; label smoothing raises its floor. Measured without mixup or weight decay.',
  },
  testLoss: {
    reference: 'Held-out evaluation (standard practice)',
    high: 'predictions on unseen rows are poor or over-confident',
    low: 'predictions on unseen rows are right and calibrated',
    caveats: 'A small test set makes it noisy; it can rise while test accuracy stays flat (over-confidence).',
  },
  trainAccuracy: {
    reference: TPT,
    high: '1 = train error 0: the terminal phase, where neural collapse is expected to progress',
    low: 'many training rows are misclassified (1/K = chance)',
    caveats: 'Measured against the possibly noisy labels; with label noise, 1 means the net memorised the flipped rows.',
  },
  testAccuracy: {
    reference: 'Held-out evaluation (standard practice)',
    high: 'the model generalises to unseen rows',
    low: 'the model does not generalise (1/K = chance)',
    caveats: 'Small synthetic test sets make it coarse (steps of 1/test rows).',
  },
  effectiveRank: {
    reference: 'Roy & Vetterli 2007, "The effective rank: a measure of effective dimensionality" (EUSIPCO)',
    high: 'the features spread over many directions (up to min(sample, F))',
    low: 'the features lie along few directions; under neural collapse it tends to K − 1 (the simplex spans K − 1 dimensions)',
    caveats: 'Linear and on the fixed sample only; a few large singular values dominate it.',
  },
  codingRateR: {
    reference: MCR2,
    high: 'the features of all classes together fill a large volume (diverse, expanded)',
    low: 'all features lie in a small, low-dimensional region',
    caveats: NOT_SCALE,
  },
  codingRateRc: {
    reference: MCR2,
    high: 'each class on its own still fills a large volume (classes not compressed)',
    low: 'each class is compressed into a small, low-dimensional region',
    caveats: NOT_SCALE,
  },
  codingRateDeltaR: {
    reference: MCR2,
    high: 'the whole is much larger than its classes: classes compressed and spread apart (MCR^2 maximises it)',
    low: 'the classes are no more compact than the whole (no class structure in the features)',
    caveats: `${NOT_SCALE} Under full neural collapse each class is a single point, so R_c falls to its floor 1/2 log(1 + F/eps^2).`,
  },
  codingRateEps2: {
    reference: MCR2,
    high: 'a coarser code: smaller rates, less sensitive to small spreads',
    low: 'a finer code: larger rates that count small spreads',
    caveats: 'A setting, not a measurement: compare rates only at the same eps^2.',
  },
} satisfies Record<string, MetricMeaning>;
