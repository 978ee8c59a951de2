/**
 * Lesson 6: intrinsic dimension of the data and of each layer. Full Train queries; thresholds
 * measured first with `npx tsx scripts/teach/measure.ts intrinsic-dimension`.
 */
import { atLeast, atMost, compare, playStep, recording } from './steps';
import type { Lesson } from './types';

/** Five classes, each a rank-3 Gaussian in 32-d (noise 0.05); a 32-64-64-16 ReLU MLP, Adam lr 0.002, seed 1; profiles every 200 steps. */
export const ID_SUBSPACES = 'source=subspaces&n=1000&dim=32&classes=5&rank=3&noise=0.05&depth=3&width=64&features=16&head=linear&loss=ce&opt=adam&lr=0.002&wd=0.001&batch=64&seed=1&dataseed=1&every=50&profile=200';
/** Gaussian blobs, K = 4, in 512-d; a 512-64-16 ReLU MLP, SGD with weight decay 0.02; profiles every 200 steps. */
export const ID_BLOBS = 'source=blobs&n=200&dim=512&classes=4&separation=6&noise=1&depth=2&width=64&features=16&head=linear&loss=ce&opt=sgd&lr=0.05&momentum=0.9&wd=0.02&batch=32&seed=1&dataseed=1&every=50&profile=200';

export const INTRINSIC_DIMENSION: Lesson = {
  id: 'intrinsic-dimension',
  title: 'Intrinsic dimension of data and of each layer',
  summary: 'How many numbers does a point really need? TwoNN and MLE on the inputs and on every layer: data far below its coordinates, and a last layer that compresses.',
  steps: [
    playStep(
      {
        title: 'Data on thin subspaces',
        text: 'Five classes, each a 3-dimensional Gaussian inside 32 coordinates, with a little noise. TwoNN (Facco et al. 2017) estimates the intrinsic dimension from the ratio of each point\'s two nearest-neighbour distances; the MLE (Levina and Bickel 2005) from its 20 nearest. Play 400 steps and open the Layers tab: it shows the TwoNN of the inputs and of every layer.',
      },
      ID_SUBSPACES,
      400,
      ['dimension'],
      [
        atMost('inputId', 6, 'The inputs have 32 coordinates but intrinsic dimension (TwoNN) at most 6'),
        atLeast('inputId', 2.5, 'and at least 2.5: about the rank 3 of each class, plus the noise'),
        atLeast('mleOverTwoNN', 0.7, 'On these features MLE and TwoNN nearly agree: MLE is at least 0.7x TwoNN'),
      ],
    ),
    playStep(
      {
        title: 'Noisy data, a compressing network',
        text: 'Four Gaussian blobs in 512 dimensions: isotropic noise fills many directions, so the inputs\' TwoNN is high. Play 600 steps. The last hidden layer keeps only the few directions that separate the classes: its ID is far below the input\'s (Ansuini et al. 2019 found a low last-layer ID goes with good generalisation). As the classes collapse into tight clusters, the two estimators part: TwoNN looks at the smallest scale, inside a cluster; the MLE\'s 20 neighbours see a larger one.',
      },
      ID_BLOBS,
      600,
      ['dimension'],
      [
        atLeast('inputId', 50, 'The inputs\' intrinsic dimension (TwoNN) is above 50'),
        atMost('featureId', 10, 'The feature layer\'s TwoNN is at most 10 (of 16 features)'),
        compare('featureId', 'the input ID', 'below', 'The last layer\'s ID is at least 5x below the input ID', 5),
        atMost('mleOverTwoNN', 0.75, 'On the clustered features MLE is below 3/4 of TwoNN: the estimators disagree'),
      ],
      [recording('the input ID', 'inputId')],
    ),
  ],
};
