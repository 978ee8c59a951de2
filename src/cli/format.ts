/**
 * The human-readable report: aligned rows in sections (data, PCA, intrinsic dimension, neural collapse,
 * skipped), each metric with a one-line note on its convention (ARCHITECTURE.md, "Metric conventions").
 */
import type { AnalysisReport, CollapseMetricKey } from '../geometry/types';
import { formatNumber, formatFixedList } from '../format';

export interface Row {
  label: string;
  value: string;
  note: string;
  /** A long value (a list): printed in full, with its note on the next line. */
  wide?: boolean;
}

function sections(r: AnalysisReport, hasClassifier: boolean): [string, Row[]][] {
  const nc = r.neuralCollapse;
  const needLabels = r.classes === null ? ' (needs --labels)' : '';
  const needW = hasClassifier ? '' : ' (needs --weights)';
  const k = r.intrinsicDimension.mle.k;
  const s = r.intrinsicDimension.sample;
  const search = r.intrinsicDimension.neighbourSearch ? `; exact kNN by ${r.intrinsicDimension.neighbourSearch}` : '';
  const on = `${s ? `seeded ${s.strategy === 'stratified' ? 'stratified (per-class) ' : ''}sample of ${s.size} of ${s.of} unique rows (seed ${s.seed})` : 'unique rows'}${search}`;
  /** A collapse row: its note, or why its value is missing. */
  const why = (key: CollapseMetricKey, note: string) => {
    const reason = nc.reasons?.[key];
    return reason ? `n/a: ${reason}` : note;
  };
  return [
    ['data', [
      { label: 'points', value: formatNumber(r.n), note: 'rows analysed (finite rows)' },
      { label: 'dimensions', value: formatNumber(r.dim), note: 'values per row' },
      { label: 'classes', value: formatNumber(r.classes), note: `distinct labels${needLabels}` },
    ]],
    ['PCA', [
      {
        label: 'explained variance',
        value: formatFixedList(Array.from(r.pca.explainedVarianceRatio).slice(0, 10)),
        note: `first 10 eigenvalue ratios of the centred covariance (${r.pca.method})`,
        wide: true,
      },
      { label: 'pcId90', value: formatNumber(r.pca.pcId90), note: 'fewest components reaching 90% of the variance' },
      { label: 'participation ratio', value: formatNumber(r.pca.participationRatio), note: '(sum lambda)^2 / sum lambda^2' },
    ]],
    ['intrinsic dimension', [
      { label: 'twoNN', value: formatNumber(r.intrinsicDimension.twoNN), note: `Facco: fit -log(1-F) on log(r2/r1), smallest 90% of ratios, ${on}` },
      { label: `MLE harmonic (k=${k})`, value: formatNumber(r.intrinsicDimension.mle.harmonic), note: `Levina-Bickel, 1/mean(1/m) over points (MacKay-Ghahramani), ${on}` },
      { label: `MLE mean (k=${k})`, value: formatNumber(r.intrinsicDimension.mle.mean), note: `Levina-Bickel, mean of the pointwise estimates, ${on}` },
    ]],
    ['neural collapse', [
      { label: 'nc1', value: formatNumber(nc.nc1), note: why('nc1', `Tr(Sigma_W Sigma_B^+)/K from the thin SVD of Mc, rank K-1; 0 at collapse${needLabels}`) },
      { label: 'conditioning', value: formatNumber(nc.conditioning ?? null), note: `s_r/s_1 of Mc over the ${nc.nc1Rank ?? 'r'} directions nc1 keeps${needLabels}` },
      { label: 'nc1 smallest share', value: formatNumber(nc.nc1SmallestShare ?? null), note: `part of nc1 from the smallest kept direction; > 0.5: dominated by it${needLabels}` },
      { label: 'nc1 quotient', value: formatNumber(nc.nc1Quotient), note: why('nc1Quotient', `Tr Sigma_W / Tr Sigma_B${needLabels}`) },
      { label: 'cdnv', value: formatNumber(nc.cdnv), note: why('cdnv', `mean over class pairs of (V_i + V_j) / (2 ||mu_i - mu_j||^2)${needLabels}`) },
      { label: 'equinorm', value: formatNumber(nc.equinorm), note: why('equinorm', `std/mean of ||mu_k - mu_G||; 0 = equal norms${needLabels}`) },
      { label: 'equinorm (W)', value: formatNumber(nc.equinormClassifier), note: why('equinormClassifier', `std/mean of ||w_k||${needW}`) },
      { label: 'equiangularity', value: formatNumber(nc.equiangularity), note: why('equiangularity', `mean |cos(mu_k, mu_l) + 1/(K-1)|; 0 = simplex ETF${needLabels}`) },
      { label: 'ETF distance', value: formatNumber(nc.etfDistance), note: why('etfDistance', `|| G/||G||_F - (I - 11^T/K)/sqrt(K-1) ||_F, G = Mc Mc^T${needLabels}`) },
      { label: 'nc3', value: formatNumber(nc.nc3), note: why('nc3', `|| W/||W||_F - Mc/||Mc||_F ||_F^2; 0 = self-dual${needW}`) },
      { label: 'nc4', value: formatNumber(nc.nc4), note: why('nc4', `share of rows where nearest class mean != argmax(W x + b)${needW}`) },
    ]],
    ...further(r),
    ['skipped', [
      { label: 'non-finite rows', value: formatNumber(r.skipped.nonFinite), note: 'rows with NaN or Inf, dropped before everything' },
      { label: 'duplicate rows', value: formatNumber(r.skipped.duplicates), note: 'exact duplicates, left out of the intrinsic-dimension estimators' },
    ]],
  ];
}

/** Sections for the measures analyze adds with extras (coding rate, the PCA picture) and --cluster. */
function further(r: AnalysisReport): [string, Row[]][] {
  const out: [string, Row[]][] = [];
  const c = r.clusters;
  if (c) {
    out.push(['clusters', [
      { label: 'method', value: `${c.method} (${c.k})`, note: `seed ${c.seed}; these clusters are the labels of every metric above` },
      { label: 'ARI vs labels', value: formatNumber(c.ari), note: 'adjusted Rand index against the given labels (sklearn); 1 = same partition, ~0 = chance' },
      { label: 'NMI vs labels', value: formatNumber(c.nmi), note: 'normalised mutual information, arithmetic mean of the entropies (sklearn)' },
    ]]);
  }
  if (r.codingRate) {
    const cr = r.codingRate;
    out.push(['coding rate', [
      { label: 'R', value: formatNumber(cr.R), note: `1/2 logdet(I + D/(N eps2) Z^T Z), unit-normalised rows, eps2 = ${cr.eps2}` },
      { label: 'R_c', value: formatNumber(cr.Rc), note: 'sum_k (n_k/2N) logdet(I + D/(n_k eps2) Z_k^T Z_k)' },
      { label: 'delta R', value: formatNumber(cr.deltaR), note: 'R - R_c: the rate reduction (MCR^2, Yu et al. 2020)' },
    ]]);
  }
  const p = r.projection?.pca3;
  if (p) {
    const on = p.sample ? `, on a seeded sample of ${p.sample.size} of ${p.sample.of} rows` : '';
    out.push(['PCA picture (PC1-3)', [
      { label: `trustworthiness (k=${p.k})`, value: formatNumber(p.trustworthiness), note: `Venna & Kaski, sklearn convention: 1 = no false neighbours in the picture${on}` },
      { label: `continuity (k=${p.k})`, value: formatNumber(p.continuity), note: 'the same with the spaces swapped: 1 = no neighbours torn apart' },
      { label: 'neighbours kept', value: formatNumber(p.meanPreservation), note: `mean share of each row's ${p.k} nearest that stay among its ${p.k} nearest in the picture` },
    ]]);
  }
  return out;
}

/** The readable table printed without --json. */
export function formatReport(r: AnalysisReport, source: { file: string; backend: string; hasClassifier: boolean }): string {
  const notes = { 'neural collapse': (r.neuralCollapse.notes ?? []).map((t) => `note: ${t}`) };
  return renderSections(`subspace-lab analyze ${source.file} (backend ${source.backend})`, sections(r, source.hasClassifier), notes);
}

/** A header line, then each titled section's rows with labels, values and notes in aligned columns. */
export function renderSections(header: string, all: [string, Row[]][], notes: Record<string, string[]> = {}): string {
  const rows = all.flatMap(([, rs]) => rs);
  const labelWidth = Math.max(...rows.map((x) => x.label.length));
  const valueWidth = Math.max(...rows.filter((x) => !x.wide).map((x) => x.value.length));
  const noteIndent = ' '.repeat(2 + labelWidth + 2 + valueWidth + 2);
  const lines = [header];
  for (const [title, rs] of all) {
    lines.push('', title);
    for (const x of rs) {
      const head = `  ${x.label.padEnd(labelWidth)}  `;
      if (x.wide) lines.push(head + x.value, noteIndent + x.note);
      else lines.push(`${head}${x.value.padStart(valueWidth)}  ${x.note}`);
    }
    for (const note of notes[title] ?? []) lines.push(`  ${note}`);
  }
  return lines.join('\n');
}
