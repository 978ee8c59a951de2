/**
 * Tooltips of Train mode's metrics: the Explore table's text (METRIC_DOCS, the ARCHITECTURE.md
 * conventions) where the metric is the same, plus what is specific to a training run (losses,
 * accuracies, effective rank, the fixed sample, the layer profile, GCR angles).
 */
import type { SnapshotMetrics } from '../../training/types';
import { METRIC_DOCS } from '../explore/metricDocs';

export type MetricKey = Exclude<keyof SnapshotMetrics, 'step' | 'epoch'>;

export interface TrainMetricDoc {
  label: string;
  doc: string;
  /** Why the value is null, shown instead of a number. */
  nullReason?: string;
}

const explore = (id: string): string => {
  const d = METRIC_DOCS.find((m) => m.id === id);
  if (!d) throw new Error(`metricDocs has no entry '${id}'`);
  return d.doc;
};

const ALL_TRAIN = 'Computed on the features h (penultimate layer) of all training rows, eval mode, at the snapshot.';
const SAMPLE = 'On the features of the fixed sample of training rows (the same rows at every snapshot; see the 3D view).';
const GCR_NULL = 'GCR heads have no affine classifier (their logits are projection norms), so this is not defined.';

export const TRAIN_METRIC_DOCS: Record<MetricKey, TrainMetricDoc> = {
  trainLoss: {
    label: 'train loss',
    doc: 'Training objective over all training rows in eval mode: cross-entropy of softmax(logits) (nats), or MSE 1/2 ||logits - target||^2; with label smoothing, targets (1 - eps) onehot + eps/K; no mixup, no weight decay. Averaged over rows.',
  },
  testLoss: { label: 'test loss', doc: 'The same loss over the held-out test rows (balanced, clean labels).', nullReason: 'no test rows (test fraction 0)' },
  trainAccuracy: {
    label: 'train accuracy',
    doc: 'Fraction of training rows whose argmax logit equals their (possibly noisy) label. The terminal phase of training starts at the first snapshot where it reaches 1 (train error 0).',
  },
  testAccuracy: { label: 'test accuracy', doc: 'Fraction of test rows whose argmax logit equals their label.', nullReason: 'no test rows (test fraction 0)' },
  nc1: { label: 'NC1', doc: `${explore('nc1')} ${ALL_TRAIN}` },
  nc1Quotient: { label: 'NC1 quotient', doc: `${explore('nc1Quotient')} ${ALL_TRAIN}` },
  cdnv: { label: 'CDNV', doc: `${explore('cdnv')} ${ALL_TRAIN}` },
  equinorm: { label: 'equinorm (means)', doc: `${explore('equinorm')} ${ALL_TRAIN}` },
  equinormClassifier: { label: 'equinorm (W rows)', doc: `${explore('equinormClassifier')} W = the head's effective classifier (learned, or the frozen ETF).`, nullReason: GCR_NULL },
  equiangularity: { label: 'equiangularity', doc: `${explore('equiangularity')} ${ALL_TRAIN}` },
  etfDistance: { label: 'distance to ETF', doc: `${explore('etfDistance')} ${ALL_TRAIN}` },
  nc3: { label: 'NC3 (self-duality)', doc: `${explore('nc3')} Mc from all training rows.`, nullReason: GCR_NULL },
  nc4: { label: 'NC4 (NCC mismatch)', doc: `${explore('nc4')} Over all training rows.`, nullReason: GCR_NULL },
  twoNN: { label: 'TwoNN ID', doc: `${explore('twoNN')} ${SAMPLE}`, nullReason: 'not enough distinct points in the sample' },
  mle: { label: 'MLE ID (harm.)', doc: `${explore('mle-harmonic')} ${SAMPLE}`, nullReason: 'not enough distinct points in the sample' },
  effectiveRank: {
    label: 'effective rank',
    doc: `Effective rank (Roy & Vetterli 2007) = exp(-sum p_i log p_i), p_i = s_i / sum s_j over the singular values s of the column-centred sample. Between 1 and min(sample, F). ${SAMPLE}`,
  },
};

export const STEP_DOC = 'step = optimisation steps taken (one minibatch each); epoch = step / steps per epoch (the last partial batch of an epoch is dropped).';

export const TERMINAL_DOC =
  'Terminal phase of training: from the first snapshot where train accuracy reaches 1 (train error 0). Neural collapse keeps progressing there: NC1 and the distance to the simplex ETF keep falling (Papyan, Han & Donoho 2020).';

export const LAYER_PROFILE_DOC =
  "TwoNN intrinsic dimension of every layer's activations on the fixed sample (input, hidden layers after their activation, features, logits), every 'profile every' steps. Deep nets often show a 'hunchback': the ID rises in early layers and falls towards the output (Ansuini et al. 2019).";

export const ANGLES_DOC =
  'Principal angles between the k-dimensional class subspaces S_a, S_b of the GCR head: theta_i = arccos sigma_i(S_a^T S_b), ascending (arcsin of the singular values of (I - S_a S_a^T) S_b for small angles). 90 degrees = orthogonal subspaces.';

export const FRAME_DOCS = {
  procrustes:
    "Each snapshot's own top-3 principal axes of the sample about the global mean, rotated by the orthogonal Procrustes map that best matches the previous snapshot's coordinates of the same rows: motion means the features changed, not that the basis flipped.",
  fixed: "The top-3 principal axes of the run's first snapshot, kept for the whole run: an absolute frame, but features that move out of those axes fade towards the centre.",
} as const;

export const CLOUD_DOC =
  'Points: the fixed sample of training rows, coloured by label. Solid arrows: class means mu_k - mu_G from the global mean mu_G (unweighted mean of the class means). Dark arrows: classifier rows w_k, rescaled so the longest has the longest mean\'s length. Rings joined by grey edges: the simplex ETF nearest the centred means (Procrustes-aligned, same scale). Everything is scaled so the cloud fits the unit ball.';
