/**
 * Lesson 7: the objective landscape (Li, Farkhoor, Liu and Yosinski 2018), d_int90 on the UCI
 * digits. Its steps drive Landscape sweeps (full Landscape queries, src/url/landscapeFields.ts);
 * thresholds measured first with `npx tsx scripts/teach/measure.ts objective-landscape` (the app's sweep code
 * in Node on wasm; seeds 1-3 gave d_int90 266, 214, 261 for the small network).
 */
import { sweepStep } from './steps';
import type { Lesson } from './types';

/** UCI digits, the Train preset's 64-128-32-10 MLP (D = 12,778); 300 Adam steps a run, cosine schedule, seven d from 10 to 800. */
export const LANDSCAPE_DIGITS = 'preset=digits&dims=10,25,50,100,200,400,800&steps=300';
/** The same with hidden layers of 256 and 128 (D = 50,826, about 4x); four d from 100 to 800. */
export const LANDSCAPE_DIGITS_WIDE = 'preset=digits&width=256&features=128&dims=100,200,400,800&steps=300';

export const OBJECTIVE_LANDSCAPE: Lesson = {
  id: 'objective-landscape',
  title: 'The objective landscape: d_int90 on digits',
  summary: 'Train a network only inside a random d-dimensional slice of its parameters (Li et al. 2018): a few hundred directions reach 90% of ordinary training, and a 4x larger network needs barely more.',
  view: 'landscape',
  steps: [
    sweepStep(
      {
        title: 'Training in a random subspace',
        text: 'Freeze the network at its random start theta0 (D numbers) and train only d numbers theta_d, mapped in by a fixed random projection: theta = theta0 + P theta_d. The smallest d whose test accuracy reaches 90% of ordinary training of all D parameters is d_int90, the intrinsic dimension of the objective landscape. Here: the 1,797 handwritten digits, a 64-128-32-10 MLP with D = 12,778, 300 steps for every run, d from 10 to 800.',
      },
      LANDSCAPE_DIGITS,
      null,
    ),
    sweepStep(
      {
        title: 'Sweep d',
        text: 'Run the sweep: first the baseline (all D parameters), then one run per d, each from the same start with the same batches. Watch accuracy climb with d on the chart: the dashed line is the baseline, the dotted one 90% of it, and d_int90 is where the curve crosses it (interpolated in log d).',
      },
      LANDSCAPE_DIGITS,
      'Run the sweep (baseline and 7 subspace runs)',
      [
        { kind: 'baseline', atLeast: 0.9, claim: 'Ordinary training of all 12,778 parameters reaches at least 90% test accuracy' },
        { kind: 'run', d: 100, relation: 'misses', claim: "Accuracy at d = 100 stays below 90% of the full model's" },
        { kind: 'run', d: 400, relation: 'reaches', claim: "Accuracy at d = 400 reaches 90% of the full model's" },
        { kind: 'dInt90', atLeast: 120, atMost: 500, claim: 'd_int90 lies between 120 and 500' },
        { kind: 'compression', atLeast: 20, claim: 'So at least 20x fewer directions than parameters suffice' },
      ],
      [
        { name: 'the small network', metric: 'dInt90' },
        { name: "the small network's compression", metric: 'compression' },
      ],
    ),
    sweepStep(
      {
        title: 'A 4x larger network',
        text: 'The same digits with hidden layers of 256 and 128: D = 50,826, about 4x more parameters. Li et al. found d_int90 depends on the problem far more than on the network\'s size: the extra parameters add directions that do not matter. The small network\'s sweep stays on the chart for comparison.',
      },
      LANDSCAPE_DIGITS_WIDE,
      'Run the sweep (baseline and 4 subspace runs)',
      [
        { kind: 'baseline', atLeast: 0.9, claim: 'The larger network also reaches at least 90% test accuracy' },
        { kind: 'run', d: 100, relation: 'misses', claim: "Accuracy at d = 100 still stays below 90% of the full model's" },
        { kind: 'run', d: 800, relation: 'reaches', claim: "Accuracy at d = 800 reaches 90% of the full model's" },
        { kind: 'sweepCompare', metric: 'dInt90', than: 'the small network', ratio: { atMost: 2 }, claim: 'D grew about 4x, but d_int90 grew less than 2x' },
        { kind: 'sweepCompare', metric: 'compression', than: "the small network's compression", ratio: { atLeast: 2 }, claim: 'So D / d_int90 at least doubled: most of the new parameters are redundant directions' },
      ],
    ),
  ],
};
