/**
 * The rows of the picture and coding-rate sections: the coding rate (MCR^2) and the PCA-3
 * picture's faithfulness as the report (and the CLI's analyze --json) hold them, with their
 * formulas from ARCHITECTURE.md, in the shape MetricRow renders.
 */
import type { MetricDoc } from './metricDocs';

const CR = 'coding rate (MCR^2, unit-normalised features Z, eps2 = 0.5): ';
const TC =
  'trustworthiness (k = 10, Venna & Kaski; scikit-learn\'s convention) = 1 - 2/(N k (2N - 3k - 1)) sum_i sum_{j in V_k(i)} max(0, r(i, j) - k): view neighbours penalised by their rank in the original space. ';

export const CODING_RATE_DOCS: readonly MetricDoc[] = [
  { id: 'codingRate-R', idStage: true, label: 'R', path: 'codingRate.R', section: 'collapse', kind: 'real', doc: `${CR}R = 1/2 logdet(I + D/(N eps2) Z^T Z), over every row.` },
  { id: 'codingRate-Rc', idStage: true, label: 'R_c', path: 'codingRate.Rc', section: 'collapse', kind: 'real', nullReason: () => 'needs class labels', doc: `${CR}R_c = sum_k (n_k/2N) logdet(I + D/(n_k eps2) Z_k^T Z_k).` },
  { id: 'codingRate-deltaR', idStage: true, label: 'ΔR = R − R_c', path: 'codingRate.deltaR', section: 'collapse', kind: 'real', nullReason: () => 'needs class labels', doc: `${CR}deltaR = R - R_c: large when the classes span subspaces that are each compact and together wide.` },
  { id: 'codingRate-eps2', idStage: true, label: 'ε²', path: 'codingRate.eps2', section: 'collapse', kind: 'real', doc: `${CR}eps2 = the squared distortion used (0.5, ARCHITECTURE.md's default).` },
];

export const PCA3_DOCS: readonly MetricDoc[] = [
  { id: 'pca3-trustworthiness', idStage: true, label: 'PCA-3 trustworth.', path: 'projection.pca3.trustworthiness', section: 'pca', kind: 'real', nullReason: () => 'needs more than 20 points', doc: `${TC}Of the PC1-PC3 picture, as analyze --json's projection.pca3.` },
  { id: 'pca3-continuity', idStage: true, label: 'PCA-3 continuity', path: 'projection.pca3.continuity', section: 'pca', kind: 'real', nullReason: () => 'needs more than 20 points', doc: 'continuity (k = 10) = trustworthiness with the two spaces swapped: original neighbours torn apart in the picture. Of the PC1-PC3 picture, as analyze --json\'s projection.pca3.' },
];

export const CLUSTER_DOCS: readonly MetricDoc[] = [
  { id: 'clusters-k', label: 'clusters', path: 'clusters.k', section: 'collapse', kind: 'count', doc: 'The number of clusters that label the points (k-means / k-subspaces: k; density: the peaks found, plus "unclustered" when some points are noise).' },
  { id: 'clusters-ari', label: 'ARI vs true labels', path: 'clusters.ari', section: 'collapse', kind: 'real', nullReason: () => 'the data had no labels', doc: 'Adjusted Rand index of the clusters against the true labels (scikit-learn\'s adjusted_rand_score): 1 = the same partition, ~0 = chance.' },
  { id: 'clusters-nmi', label: 'NMI vs true labels', path: 'clusters.nmi', section: 'collapse', kind: 'real', nullReason: () => 'the data had no labels', doc: 'Normalised mutual information of the clusters and the true labels (scikit-learn\'s normalized_mutual_info_score, arithmetic mean): 1 = the same partition.' },
];
