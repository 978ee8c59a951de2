/**
 * One table documenting every Compare measure: what the app's tooltips and the CLI's notes show.
 * `invariantTo` lists the transformations of B that leave the measure unchanged; docs.test.ts
 * applies each one and asserts it.
 */
import { COMPARE_DEFAULTS as D } from './types';

export type Invariance = 'rotation' | 'isotropic scale' | 'shift';

export interface MeasureDoc {
  /** Display name. */
  name: string;
  /** Where the value sits in the CompareReport (dot path). */
  field: string;
  formula: string;
  convention: string;
  /** One line for the CLI table and short tooltips. */
  short: string;
  reference: string;
  invariantTo: Invariance[];
}

const ALL: Invariance[] = ['rotation', 'isotropic scale', 'shift'];

export const COMPARE_DOCS = {
  ckaLinear: {
    name: 'linear CKA',
    field: 'cka.linear',
    formula: 'CKA = ||Ac^T Bc||_F^2 / (||Ac^T Ac||_F ||Bc^T Bc||_F), columns centred',
    convention: 'Feature-space Grams in float64 (never n x n); 1 when B is a rotated, isotropically scaled, shifted copy of A.',
    short: '||Ac^T Bc||_F^2 / (||Ac^T Ac||_F ||Bc^T Bc||_F); 1 = same up to rotation, scale, shift',
    reference: 'Kornblith, Norouzi, Lee & Hinton, Similarity of Neural Network Representations Revisited (ICML 2019)',
    invariantTo: ALL,
  },
  ckaDebiased: {
    name: 'debiased CKA',
    field: 'cka.debiased',
    formula: 'HSIC_1(K, L) / sqrt(HSIC_1(K, K) HSIC_1(L, L)), K = Ac Ac^T, L = Bc Bc^T, HSIC_1 the unbiased estimator',
    convention: "Song et al.'s unbiased HSIC estimator (zero-diagonal Grams), as in Nguyen, Raghu & Kornblith; computed through the feature-space identity n(n-3) HSIC_1 = ||Ac^T Bc||_F^2 - n/(n-2) r_A.r_B + ||Ac||_F^2 ||Bc||_F^2/((n-1)(n-2)), r = squared row norms. Can be negative; needs n >= 4.",
    short: 'CKA with the unbiased HSIC estimator (Song et al. 2012); less inflated when n is small relative to the dimension',
    reference: 'Nguyen, Raghu & Kornblith, Do Wide and Deep Networks Learn the Same Things? (ICLR 2021); Song et al., JMLR 2012',
    invariantTo: ALL,
  },
  mutualKnn: {
    name: 'mutual kNN',
    field: 'mutualKnn.value',
    formula: 'mean over items of |N_A(i) ∩ N_B(i)| / k',
    convention: `Rows L2-normalised (uncentred), neighbours by cosine, self excluded, exact; k = ${D.k} by default. A shift of either space changes its cosines.`,
    short: `mean share of the ${D.k} cosine neighbours both spaces agree on (k user-set)`,
    reference: 'Huh, Cheung, Wang & Isola, The Platonic Representation Hypothesis (ICML 2024)',
    invariantTo: ['rotation', 'isotropic scale'],
  },
  procrustes: {
    name: 'Procrustes disparity',
    field: 'procrustes.disparity',
    formula: 'disparity = 1 - (sum of singular values of As^T Bs)^2',
    convention: "scipy.spatial.procrustes's convention: A and B centred and scaled to unit Frobenius norm, the narrower zero-padded; R = U V^T from the SVD of As^T Bs. The aligned B shown is s Bs R^T. 0 for a rotated, scaled, shifted copy.",
    short: '1 - (sum of singular values of As^T Bs)^2 after centring and unit Frobenius norm; 0 = an exact rotated copy',
    reference: 'Schönemann 1966; Gower 1975; scipy.spatial.procrustes',
    invariantTo: ALL,
  },
  svcca: {
    name: 'SVCCA',
    field: 'svcca.mean',
    formula: 'correlations = singular values of U_A[:, :k]^T U_B[:, :k] (thin SVDs of the centred A and B); SVCCA = their mean',
    convention: `Cosines of the principal angles between the spans of the first k principal-component score vectors in R^n; k = ${D.svccaK} by default, clamped to both numerical ranks. At k = full rank every correlation is 1 for any invertible linear map.`,
    short: `mean canonical correlation of the top-${D.svccaK} principal subspaces (k user-set)`,
    reference: 'Raghu, Gilmer, Yosinski & Sohl-Dickstein, SVCCA (NeurIPS 2017)',
    invariantTo: ALL,
  },
  relative: {
    name: 'relative representations',
    field: 'relative.similarity',
    formula: 'rel_A(i)_j = cos(a_i, a_anchor_j); similarity = mean over items of cos(rel_A(i), rel_B(i))',
    convention: `m = ${D.anchors} anchors by default, a seeded uniform sample of the items (seed ${D.seed}), the same items on both sides; raw (uncentred) cosines.`,
    short: `mean cosine between each item's cosines to ${D.anchors} seeded anchors in A and in B`,
    reference: 'Moschella et al., Relative Representations Enable Zero-Shot Latent Space Communication (ICLR 2023)',
    invariantTo: ['rotation', 'isotropic scale'],
  },
  retrieval: {
    name: 'cross-space retrieval',
    field: 'retrieval.top1',
    formula: 'top-1 (top-5) = share of items i whose partner B_i is the nearest (among the 5 nearest) B row to s As_i R',
    convention: 'A aligned onto B by the Procrustes fit above; exact Euclidean neighbours among all B rows, ties by index.',
    short: "share of items whose own B row is the nearest to their Procrustes-aligned A row",
    reference: 'Plato\'s cave alignment retrieval; cf. Huh et al. 2024',
    invariantTo: ALL,
  },
  alignmentCurve: {
    name: 'alignment vs subspace dimension',
    field: 'alignmentCurve',
    formula: 'at each k: mutual kNN and retrieval top-1/top-5 of the scores on each side\'s own top-k principal axes',
    convention: `k = 1..10, then x1.5 steps, then min(rank A, rank B); exact Euclidean neighbours of the scores (k = ${D.k}); on a seeded sample of ${D.curveRows} items when there are more (say so in the chart).`,
    short: 'mutual kNN and retrieval after projecting both onto their top-k principal subspaces',
    reference: 'Escaping Plato\'s Cave: alignment of 3D and text latent spaces after subspace projection',
    invariantTo: ALL,
  },
  classAngles: {
    name: 'per-class principal angles',
    field: 'classes.meanAngle',
    formula: 'theta_i = arccos sigma_i(Q_A^T Q_B), Q = top-k right singular vectors of the class\'s centred rows',
    convention: `Each class's subspace in As and in the Procrustes-aligned B (k = ${D.classK} by default); arcsin of the residual for small angles; radians.`,
    short: `principal angles between each class's top-${D.classK} subspace in A and in aligned B`,
    reference: 'Björck & Golub 1973 (principal angles)',
    invariantTo: ALL,
  },
} satisfies Record<string, MeasureDoc>;

export type MeasureKey = keyof typeof COMPARE_DOCS;
