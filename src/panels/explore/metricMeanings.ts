/**
 * What each metric means, beside its formula (metricDocs.ts): the paper it comes from, how to read
 * a high and a low value, and when not to trust it. Explore's and Train's tooltips both show it.
 */

export interface MetricMeaning {
  /** The paper (authors year) that defines or motivates the metric. */
  reference: string;
  high: string;
  low: string;
  caveats: string;
}

const PAPYAN = 'Papyan, Han & Donoho 2020, "Prevalence of neural collapse during the terminal phase of deep learning training" (PNAS)';
const ETF_CAVEAT = 'Trivially 0 for K = 2 (two centred means are always opposite), and undefined when the features have fewer than K − 1 dimensions (no simplex fits); the panel then shows the reason, not a value.';

/** Keyed by the metric's id in METRIC_DOCS (Train reuses them by the same ids). */
export const METRIC_MEANINGS: Record<string, MetricMeaning> = {
  pcId90: {
    reference: 'Pearson 1901 / Hotelling 1933 (principal components); the 90% cut-off is a convention',
    high: 'the variance is spread over many directions (high linear dimension)',
    low: 'a few directions carry 90% of the variance (the data lie near a low-dimensional linear subspace)',
    caveats: 'Linear only: a curved low-dimensional manifold can need many components. Depends on the scale of each coordinate.',
  },
  participationRatio: {
    reference: 'Gao et al. 2017, "A theory of multineuronal dimensionality, dynamics and measurement"',
    high: 'variance evenly shared by many components (up to D when all eigenvalues are equal)',
    low: 'one or a few components dominate (1 when a single direction holds all variance)',
    caveats: 'Linear and dominated by the largest eigenvalues; not an integer count of dimensions.',
  },
  twoNN: {
    reference: 'Facco, d\'Errico, Rodriguez & Laio 2017, "Estimating the intrinsic dimension of datasets by a minimal neighborhood information" (Sci. Rep.)',
    high: 'the points fill many dimensions locally (a rich, high-dimensional manifold, or noise)',
    low: 'the points lie on a low-dimensional (possibly curved) manifold',
    caveats: 'Assumes locally uniform density; noise inflates it, duplicates are removed first, and with few points (or on a sample) it is a rough estimate. It underestimates very high dimensions.',
  },
  'mle-harmonic': {
    reference: 'Levina & Bickel 2004, "Maximum likelihood estimation of intrinsic dimension" (NeurIPS); harmonic mean: MacKay & Ghahramani 2005',
    high: 'the k-neighbourhoods grow like a high-dimensional ball',
    low: 'the k-neighbourhoods grow like a low-dimensional ball',
    caveats: 'Depends on k (neighbourhood size): small k is noisy, large k mixes scales. Biased downward in high dimensions.',
  },
  'mle-mean': {
    reference: 'Levina & Bickel 2004, "Maximum likelihood estimation of intrinsic dimension" (NeurIPS)',
    high: 'the k-neighbourhoods grow like a high-dimensional ball',
    low: 'the k-neighbourhoods grow like a low-dimensional ball',
    caveats: 'The arithmetic mean of the per-point estimates is pulled up by a few large ones; MacKay & Ghahramani recommend the harmonic mean (the headline).',
  },
  'mle-k': {
    reference: 'Levina & Bickel 2004 (the neighbourhood size of their estimator; a setting, not a measurement)',
    high: 'the MLE averages over larger neighbourhoods: smoother, but mixes scales and bends down on curved data',
    low: 'the MLE looks very locally: sensitive to noise and duplicates',
    caveats: 'Compare MLE values only at the same k.',
  },
  nc1: {
    reference: PAPYAN,
    high: 'within-class spread is large against the separation of the class means (classes overlap)',
    low: 'each class has collapsed to its mean (NC1, variability collapse); 0 = fully collapsed',
    caveats: 'The pseudo-inverse weights each between-class direction by 1/s²: a direction of tiny between-class spread can dominate it (see conditioning). Trivially 0 with one row per class; undefined when all class means coincide.',
  },
  nc1Quotient: {
    reference: 'A trace-ratio form of NC1 (Fisher-style), beside the pseudo-inverse form of ' + PAPYAN,
    high: 'the total within-class variance exceeds the total between-class variance',
    low: 'within-class variance is small against between-class variance (collapse)',
    caveats: 'Ignores how the variance is oriented: unlike NC1 it does not notice within-class spread along directions where the means barely differ.',
  },
  cdnv: {
    reference: 'Galanti, György & Hutter 2022, "On the role of neural collapse in transfer learning" (ICLR)',
    high: 'some pairs of classes overlap (their spread is large against the distance of their means)',
    low: 'every pair of classes is far apart relative to its spread (collapse)',
    caveats: 'Infinite when two classes share a mean; with many classes it runs on a seeded sample of pairs (said so).',
  },
  equinorm: {
    reference: `NC2 (equinorm) in ${PAPYAN}`,
    high: 'class means lie at very different distances from the global mean',
    low: 'all class means are equally far from the global mean (NC2); 0 = equal norms',
    caveats: 'Trivially 0 for K = 2. Imbalanced classes legitimately bend it (minority collapse).',
  },
  equinormClassifier: {
    reference: `NC2 (equinorm of the classifier) in ${PAPYAN}`,
    high: 'the classifier rows have very different lengths (some classes favoured)',
    low: 'all classifier rows have the same length; 0 = equal norms',
    caveats: 'Needs the classifier W; a frozen ETF head has equal norms by construction (0 always).',
  },
  equiangularity: {
    reference: `NC2 (equiangularity) in ${PAPYAN}`,
    high: 'the angles between centred class means are far from the simplex angle arccos(−1/(K−1))',
    low: 'all pairs of centred means meet at the same, maximal angle (NC2); 0 = equiangular',
    caveats: ETF_CAVEAT,
  },
  etfDistance: {
    reference: `NC2 (convergence to a simplex ETF) in ${PAPYAN}; this normalised Gram distance follows Zhu et al. 2021`,
    high: 'the centred means are far from a simplex equiangular tight frame (up to 2)',
    low: 'the centred means form a simplex ETF: equal norms and equal maximal angles; 0 = exact ETF',
    caveats: ETF_CAVEAT,
  },
  nc3: {
    reference: `NC3 (self-duality) in ${PAPYAN}`,
    high: 'the classifier rows point away from the class means (up to 4)',
    low: 'each classifier row is proportional to its centred class mean (NC3); 0 = self-dual',
    caveats: 'Needs the classifier W. Compares normalised matrices, so a common scale does not matter, but a class-dependent bias is ignored.',
  },
  nc4: {
    reference: `NC4 (nearest class centre) in ${PAPYAN}`,
    high: 'the classifier often disagrees with the nearest-class-mean rule',
    low: 'the classifier decides like a nearest-class-centre rule (NC4); 0 = always agrees',
    caveats: 'Needs W and b. Says nothing about accuracy: both rules can agree and be wrong.',
  },
  conditioning: {
    reference: 'A numerical diagnostic of NC1 (not from a paper): the spread of the singular values of the centred class means',
    high: 'close to 1: the kept between-class directions are comparably spread, NC1 is well conditioned',
    low: 'close to 0: some kept direction has almost no between-class spread, so NC1 can be dominated by it',
    caveats: 'Only about NC1; a low value is a warning, not an error (the value is exact, but mostly measures that one direction).',
  },
};

/** The meaning of metric `id`; throws when the table lacks it (a test checks every displayed metric has one). */
export function meaningOf(id: string): MetricMeaning {
  const m = METRIC_MEANINGS[id];
  if (!m) throw new Error(`metricMeanings has no entry '${id}'`);
  return m;
}
