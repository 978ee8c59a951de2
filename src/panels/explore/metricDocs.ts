/**
 * The one table of displayed metrics: where each value lives in the AnalysisReport, its label, and
 * its tooltip text: the formula and convention exactly as in ARCHITECTURE.md "Metric conventions".
 * The metrics panel renders from this table; the e2e test reads tooltips and data-values from it.
 */
import type { AnalysisReport } from '../../geometry/types';
import type { IdStageState } from '../../state/analysisStore';

export type MetricSection = 'data' | 'pca' | 'id' | 'collapse';

export interface MetricDoc {
  /** data-testid is `metric-${id}`. */
  id: string;
  label: string;
  /** Dotted path into AnalysisReport, e.g. 'neuralCollapse.nc1'. */
  path: string;
  section: MetricSection;
  /** 'count': an integer shown whole; 'real': 4 significant digits. */
  kind: 'count' | 'real';
  /** Formula and convention. */
  doc: string;
  /** Why the value can be null (shown as "—" with this reason). */
  nullReason?: (r: AnalysisReport) => string;
  /** Computed by the intrinsic-dimension stage, after the first view (pending until it arrives). */
  idStage?: boolean;
}

export const SECTION_TITLES: Record<MetricSection, string> = {
  data: 'Data',
  pca: 'Principal components',
  id: 'Intrinsic dimension',
  collapse: 'Neural collapse',
};

/** Sections whose short rows are laid out in two columns. */
export const TWO_COLUMN_SECTIONS: readonly MetricSection[] = ['data'];

const NOTATION = 'X is N x D, labels y in K classes, class means mu_k, n_k class sizes.';
const MU_G = 'Global mean mu_G = unweighted mean of the class means. Mc = centred means (K x D).';
const needsLabels = (r: AnalysisReport) =>
  r.classes === null ? 'needs class labels (load a labels file)' : 'not defined for this data';
const needsW = () => 'needs a classifier W (K x D): load the final-layer weights with "load W and b…" under the collapse metrics';
const needsWb = () => 'needs a classifier W and bias b: load the final-layer weights with "load W and b…" under the collapse metrics';
const idNull = () => 'not enough distinct points for the estimator';

export const METRIC_DOCS: readonly MetricDoc[] = [
  { id: 'n', label: 'points N', path: 'n', section: 'data', kind: 'count', doc: `${NOTATION} N = rows analysed (rows with NaN/Inf are dropped first).` },
  { id: 'dim', label: 'dim. D', path: 'dim', section: 'data', kind: 'count', doc: 'D = number of coordinates per point.' },
  { id: 'classes', label: 'classes K', path: 'classes', section: 'data', kind: 'count', doc: 'K = number of distinct labels.', nullReason: () => 'no labels loaded' },
  { id: 'skipped-nonFinite', label: 'NaN/Inf rows', path: 'skipped.nonFinite', section: 'data', kind: 'count', doc: 'skipped.nonFinite = rows dropped for NaN/Inf before any metric.' },
  { id: 'skipped-duplicates', label: 'duplicates', path: 'skipped.duplicates', section: 'data', kind: 'count', doc: 'skipped.duplicates = exact duplicate rows removed before the ID estimators (ID estimators run on unique rows only; PCA and collapse metrics use all finite rows).' },
  { id: 'pcId90', label: 'PCs for 90%', path: 'pca.pcId90', section: 'pca', kind: 'count', doc: 'pcId90 = fewest components reaching 90% of the variance (explained variance ratios of the centred data).' },
  { id: 'participationRatio', label: 'participation ratio', path: 'pca.participationRatio', section: 'pca', kind: 'real', doc: 'participationRatio = (sum lambda)^2 / sum lambda^2, lambda = eigenvalues of the covariance of the centred data.' },
  { id: 'twoNN', idStage: true, label: 'TwoNN', path: 'intrinsicDimension.twoNN', section: 'id', kind: 'real', nullReason: idNull, doc: 'twoNN (Facco): mu_i = r2/r1 over each point\'s 2 nearest neighbours; sort; keep the smallest floor(0.9 N); F_i = i/N with N all points; least squares through the origin of -log(1-F) on log(mu). Duplicates (r1 = 0) are removed first and counted. Centre data before distances.' },
  { id: 'mle-harmonic', idStage: true, label: 'MLE harm.', path: 'intrinsicDimension.mle.harmonic', section: 'id', kind: 'real', nullReason: idNull, doc: 'mle (Levina-Bickel, k = 20 default, self excluded): m(x) = [(1/(k-1)) sum_{j<k} log(T_k/T_j)]^-1; harmonic = 1/mean(1/m) (MacKay-Ghahramani; the headline).' },
  { id: 'mle-mean', idStage: true, label: 'MLE mean', path: 'intrinsicDimension.mle.mean', section: 'id', kind: 'real', nullReason: idNull, doc: 'mle (Levina-Bickel, self excluded): m(x) = [(1/(k-1)) sum_{j<k} log(T_k/T_j)]^-1; mean = arithmetic mean of m(x) over points.' },
  { id: 'mle-k', label: 'MLE k', path: 'intrinsicDimension.mle.k', section: 'id', kind: 'count', doc: 'k = neighbours per point in the Levina-Bickel MLE (k = 20 default, self excluded).' },
  { id: 'nc1', label: 'NC1', path: 'neuralCollapse.nc1', section: 'collapse', kind: 'real', nullReason: needsLabels, doc: `nc1 = Tr(Sigma_W Sigma_B^+)/K, pseudo-inverse truncated to rank K-1. Sigma_W = (1/N) sum_i (x_i - mu_{y_i})(x_i - mu_{y_i})^T (pooled). Sigma_B = Mc^T Mc / K. ${MU_G}` },
  { id: 'nc1Quotient', label: 'NC1 quotient', path: 'neuralCollapse.nc1Quotient', section: 'collapse', kind: 'real', nullReason: needsLabels, doc: 'nc1Quotient = Tr Sigma_W / Tr Sigma_B. Sigma_W = (1/N) sum_i (x_i - mu_{y_i})(x_i - mu_{y_i})^T (pooled). Sigma_B = Mc^T Mc / K.' },
  { id: 'cdnv', label: 'CDNV', path: 'neuralCollapse.cdnv', section: 'collapse', kind: 'real', nullReason: needsLabels, doc: 'cdnv = mean over class pairs i<j of (V_i + V_j) / (2 ||mu_i - mu_j||^2), V_k = mean squared distance of class k\'s samples to mu_k.' },
  { id: 'conditioning', label: 'NC1 conditioning', path: 'neuralCollapse.conditioning', section: 'collapse', kind: 'real', nullReason: needsLabels, doc: 'conditioning = s_r/s_1: the smallest over the largest singular value of Mc among the r (= K-1 unless Mc is rank-deficient) directions nc1 keeps. nc1 = sum_{i<=r} (v_i^T Sigma_W v_i)/s_i^2, so a small s_r can make one direction dominate it.' },
  { id: 'equinorm', label: 'NC2 equinorm (means)', path: 'neuralCollapse.equinorm', section: 'collapse', kind: 'real', nullReason: needsLabels, doc: `equinorm = std/mean of ||mu_k - mu_G|| (population std). ${MU_G}` },
  { id: 'equinormClassifier', label: 'NC2 equinorm (W rows)', path: 'neuralCollapse.equinormClassifier', section: 'collapse', kind: 'real', nullReason: needsW, doc: 'equinorm of the classifier = std/mean of ||w_k|| over the rows of W (population std).' },
  { id: 'equiangularity', label: 'NC2 equiangularity', path: 'neuralCollapse.equiangularity', section: 'collapse', kind: 'real', nullReason: needsLabels, doc: `equiangularity = mean over k != l of |cos(mu_k - mu_G, mu_l - mu_G) + 1/(K-1)|. ${MU_G}` },
  { id: 'etfDistance', label: 'NC2 ETF distance', path: 'neuralCollapse.etfDistance', section: 'collapse', kind: 'real', nullReason: needsLabels, doc: 'etfDistance = || G/||G||_F - (I - 11^T/K)/sqrt(K-1) ||_F, G = Mc Mc^T.' },
  { id: 'nc3', label: 'NC3 (self-duality)', path: 'neuralCollapse.nc3', section: 'collapse', kind: 'real', nullReason: needsW, doc: 'nc3 (needs W, K x D) = || W/||W||_F - Mc/||Mc||_F ||_F^2.' },
  { id: 'nc4', label: 'NC4 (NCC mismatch)', path: 'neuralCollapse.nc4', section: 'collapse', kind: 'real', nullReason: needsWb, doc: 'nc4 (needs W, b) = fraction of samples where the nearest class mean disagrees with argmax(W x + b).' },
];

/** Tooltip text of the explained-variance chart. */
export const EVR_DOC =
  'pca: explained variance ratios of the centred data (eigenvalue / sum of eigenvalues), first 10 components.';

/** The value at a dotted path of the report (undefined when absent). */
export function valueAt(report: AnalysisReport, path: string): unknown {
  let v: unknown = report;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The sentence shown next to sampled ID values and in their tooltips, or null when they ran on all unique rows. */
export function idSampleNote(sample: AnalysisReport['intrinsicDimension']['sample']): string | null {
  if (!sample) return null;
  const f = (v: number) => v.toLocaleString('en-US');
  return `twoNN/MLE on a seeded ${sample.strategy === 'stratified' ? 'stratified (per-class) ' : ''}sample of ${f(sample.size)} of ${f(sample.of)} unique rows (seed ${sample.seed})`;
}

/** What stands in for the ID estimates until they arrive ("computing… 42%"), or null once they have. */
/** idPendingText for the global TwoNN/MLE: null once they arrived (the per-class estimates may still run). */
export function globalIdPendingText(stage: IdStageState): string | null {
  return stage.global ? null : idPendingText(stage);
}

export function idPendingText(stage: IdStageState): string | null {
  if (stage.status === 'running') return `computing… ${Math.floor(stage.progress.fraction * 100)}%`;
  if (stage.status === 'cancelled') return 'cancelled';
  if (stage.status === 'error') return 'failed';
  return null;
}
