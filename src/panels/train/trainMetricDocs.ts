/**
 * Tooltips of Train mode's metrics: the Explore table's text (METRIC_DOCS, the ARCHITECTURE.md
 * conventions) where the metric is the same, plus what is specific to a training run (losses,
 * accuracies, effective rank, the fixed sample, the layer profile, GCR angles).
 */
import type { SnapshotMetrics } from '../../training/types';
import { METRIC_DOCS } from '../explore/metricDocs';
import { meaningOf, type MetricMeaning } from '../explore/metricMeanings';
import { TRAIN_MEANINGS } from './trainMeanings';

export type MetricKey = Exclude<keyof SnapshotMetrics, 'step' | 'epoch'>;

export interface TrainMetricDoc {
  label: string;
  doc: string;
  /** Why the value is null, shown instead of a number. */
  nullReason?: string;
  /** Reference, how to read high and low values, caveats. */
  meaning: MetricMeaning;
}

const explore = (id: string): string => {
  const d = METRIC_DOCS.find((m) => m.id === id);
  if (!d) throw new Error(`metricDocs has no entry '${id}'`);
  return d.doc;
};

const ALL_TRAIN = 'Computed on the features h (penultimate layer) of all training rows, eval mode, at the snapshot.';
const SAMPLE = 'On the features of the fixed sample of training rows (the same rows at every snapshot; see the 3D view).';
const GCR_NULL = 'GCR heads have no affine classifier (their logits are projection norms), so this is not defined.';

const CODING = 'Coding rate (MCR^2, Yu et al. 2020) of the unit-normalised features h of all training rows, eps^2 = 0.5 (natural log, nats): ';

export const TRAIN_METRIC_DOCS: Record<MetricKey, TrainMetricDoc> = {
  trainLoss: {
    label: 'train loss',
    doc: 'Training objective over all training rows in eval mode: cross-entropy of softmax(logits) (nats), or MSE 1/2 ||logits - target||^2; with label smoothing, targets (1 - eps) onehot + eps/K; no mixup, no weight decay. Averaged over rows.',
    meaning: TRAIN_MEANINGS.trainLoss,
  },
  testLoss: { label: 'test loss', doc: 'The same loss over the held-out test rows (balanced, clean labels).', nullReason: 'no test rows (test fraction 0)', meaning: TRAIN_MEANINGS.testLoss },
  trainAccuracy: {
    label: 'train accuracy',
    doc: 'Fraction of training rows whose argmax logit equals their (possibly noisy) label. The terminal phase of training is every span of snapshots where it is 1 (train error 0).',
    meaning: TRAIN_MEANINGS.trainAccuracy,
  },
  testAccuracy: { label: 'test accuracy', doc: 'Fraction of test rows whose argmax logit equals their label.', nullReason: 'no test rows (test fraction 0)', meaning: TRAIN_MEANINGS.testAccuracy },
  nc1: { label: 'NC1', doc: `${explore('nc1')} ${ALL_TRAIN}`, meaning: meaningOf('nc1') },
  nc1Quotient: { label: 'NC1 quotient', doc: `${explore('nc1Quotient')} ${ALL_TRAIN}`, meaning: meaningOf('nc1Quotient') },
  cdnv: { label: 'CDNV', doc: `${explore('cdnv')} ${ALL_TRAIN}`, meaning: meaningOf('cdnv') },
  equinorm: { label: 'NC2 equinorm (means)', doc: `${explore('equinorm')} ${ALL_TRAIN}`, meaning: meaningOf('equinorm') },
  equinormClassifier: {
    label: 'NC2 equinorm (W rows)',
    doc: `${explore('equinormClassifier')} W = the head's effective classifier (learned, or the frozen ETF).`,
    nullReason: GCR_NULL,
    meaning: meaningOf('equinormClassifier'),
  },
  equiangularity: { label: 'NC2 equiangularity', doc: `${explore('equiangularity')} ${ALL_TRAIN}`, meaning: meaningOf('equiangularity') },
  etfDistance: { label: 'NC2 ETF distance', doc: `${explore('etfDistance')} ${ALL_TRAIN}`, meaning: meaningOf('etfDistance') },
  nc3: { label: 'NC3 (self-duality)', doc: `${explore('nc3')} Mc from all training rows.`, nullReason: GCR_NULL, meaning: meaningOf('nc3') },
  nc4: { label: 'NC4 (NCC mismatch)', doc: `${explore('nc4')} Over all training rows.`, nullReason: GCR_NULL, meaning: meaningOf('nc4') },
  twoNN: { label: 'TwoNN ID', doc: `${explore('twoNN')} ${SAMPLE}`, nullReason: 'not enough distinct points in the sample', meaning: meaningOf('twoNN') },
  mle: { label: 'MLE ID (harm.)', doc: `${explore('mle-harmonic')} ${SAMPLE}`, nullReason: 'not enough distinct points in the sample', meaning: meaningOf('mle-harmonic') },
  effectiveRank: {
    label: 'effective rank',
    doc: `Effective rank (Roy & Vetterli 2007) = exp(-sum p_i log p_i), p_i = s_i / sum s_j over the singular values s of the column-centred sample. Between 1 and min(sample, F). ${SAMPLE}`,
    meaning: TRAIN_MEANINGS.effectiveRank,
  },
  codingRateR: { label: 'coding rate R', doc: `${CODING}R = 1/2 logdet(I + F/(N eps^2) Z^T Z) over all rows together.`, meaning: TRAIN_MEANINGS.codingRateR },
  codingRateRc: { label: 'coding rate R_c', doc: `${CODING}R_c = sum_k (n_k/2N) logdet(I + F/(n_k eps^2) Z_k^T Z_k), class by class.`, meaning: TRAIN_MEANINGS.codingRateRc },
  codingRateDeltaR: { label: 'rate reduction ΔR', doc: `${CODING}deltaR = R - R_c.`, meaning: TRAIN_MEANINGS.codingRateDeltaR },
  codingRateEps2: { label: 'coding eps²', doc: 'eps^2, the squared distortion of the coding rates R, R_c and deltaR (ARCHITECTURE.md default 0.5); fixed for every snapshot.', meaning: TRAIN_MEANINGS.codingRateEps2 },
};

export const STEP_DOC = 'step = optimisation steps taken (one minibatch each); epoch = step / steps per epoch (the last partial batch of an epoch is dropped).';

export const TERMINAL_DOC =
  'Terminal phase of training (Papyan, Han & Donoho 2020): the snapshots where train accuracy is 1 (train error 0), shaded on every timeline; each shaded span runs from the first to the last snapshot of such a run of snapshots, and ends where a snapshot measures accuracy below 1. Papyan et al. report that NC1 and the distance to the simplex ETF keep falling there; the curves show whether this run does.';

export const LAYER_PROFILE_DOC =
  "TwoNN intrinsic dimension of every layer's activations on the fixed sample, every 'profile every' steps: layer 0 is the input itself, then the hidden layers after their activation, the features and the logits. Ansuini et al. 2019 report a 'hunchback' (ID rising in early layers, then falling) in deep convolutional nets; the line under the chart says which shape this run's latest profile has, measured, not assumed.";

export const ANGLES_DOC =
  'Principal angles between the k-dimensional class subspaces S_a, S_b of the GCR head: theta_i = arccos sigma_i(S_a^T S_b), ascending (arcsin of the singular values of (I - S_a S_a^T) S_b for small angles). 90 degrees = orthogonal subspaces.';

export const FRAME_DOCS = {
  procrustes:
    "Each snapshot's own top-3 principal axes of the sample about the global mean, rotated by the orthogonal Procrustes map that best matches the previous snapshot's coordinates of the same rows: motion means the features changed, not that the basis flipped. With more than 4 classes the means span more than 3 dimensions and the top-3 axes can put a mean at the centre or two on top of each other; then the axes are turned (ascent on the smallest distance between the projected means and the centre) to keep every class mean apart, and the note says so: they show less of the spread.",
  fixed: "The top-3 principal axes of the run's first snapshot (or, with more than 4 classes whose means they do not keep apart, 3 axes that do), kept for the whole run: an absolute frame, but features that move out of those axes fade towards the centre.",
} as const;

export const CLOUD_DOC =
  'Points: the fixed sample of training rows, coloured by label. Solid arrows: class means mu_k - mu_G from the global mean mu_G (unweighted mean of the class means). Dark arrows: classifier rows w_k, rescaled so the longest has the longest mean\'s length. Rings joined by grey edges: the simplex ETF nearest the centred means (Procrustes-aligned, same scale). Everything is scaled so the cloud fits the unit ball.';
