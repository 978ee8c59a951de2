/** The compare report for people (aligned sections, notes from COMPARE_DOCS) and as JSON. */
import type { CompareReport } from '../compare/types';
import { COMPARE_DOCS as DOCS } from '../compare/docs';
import { formatNumber, formatFixedList } from '../format';
import { typedArraysAsArrays } from '../geometry/report';
import { renderSections, type Row } from './format';

/** The report JSON (non-finite numbers as null). */
export function compareToJson(report: CompareReport): string {
  return JSON.stringify(report, typedArraysAsArrays);
}


function dataRows(r: CompareReport): Row[] {
  const m = r.matching;
  return [
    { label: 'items', value: formatNumber(r.n), note: 'matched rows with finite vectors on both sides' },
    { label: 'dimensions A', value: formatNumber(r.dimA), note: 'values per row of A' },
    { label: 'dimensions B', value: formatNumber(r.dimB), note: 'values per row of B' },
    { label: 'matched by', value: m.by === 'id' ? `id ${m.idColumn}` : 'order', note: m.by === 'id' ? `unmatched left out: ${m.unmatchedA} of A, ${m.unmatchedB} of B` : 'row i of A is row i of B' },
    { label: 'non-finite', value: formatNumber(m.nonFiniteA + m.nonFiniteB), note: `pairs dropped for NaN/Inf (${m.nonFiniteA} in A, ${m.nonFiniteB} in B)` },
  ];
}

function measureRows(r: CompareReport): Row[] {
  return [
    { label: 'linear CKA', value: formatNumber(r.cka.linear), note: DOCS.ckaLinear.short },
    { label: 'debiased CKA', value: formatNumber(r.cka.debiased), note: DOCS.ckaDebiased.short },
    { label: `mutual kNN (k=${r.mutualKnn.k})`, value: formatNumber(r.mutualKnn.value), note: DOCS.mutualKnn.short },
    { label: 'Procrustes disparity', value: formatNumber(r.procrustes.disparity), note: DOCS.procrustes.short },
    { label: `SVCCA (k=${r.svcca.k})`, value: formatNumber(r.svcca.mean), note: DOCS.svcca.short },
    { label: 'SVCCA correlations', value: formatFixedList(r.svcca.correlations), note: 'canonical correlations, descending', wide: true },
    { label: `relative (m=${r.relative.anchors})`, value: formatNumber(r.relative.similarity), note: `${DOCS.relative.short} (seed ${r.relative.seed})` },
    { label: 'retrieval top-1', value: formatNumber(r.retrieval.top1), note: DOCS.retrieval.short },
    { label: 'retrieval top-5', value: formatNumber(r.retrieval.top5), note: 'share whose own B row is among the 5 nearest' },
  ];
}

function curveRows(r: CompareReport): Row[] {
  const c = r.alignmentCurve;
  if (!c) return [{ label: 'curve', value: 'n/a', note: 'skipped (--no-curve)' }];
  const on = c.rows ? `a seeded sample of ${c.rows.size} of ${c.rows.of} items (seed ${c.rows.seed})` : 'all items';
  return [
    { label: 'k', value: c.k.join(' '), note: `subspace dimensions (1..10, x1.5 steps, min rank); on ${on}`, wide: true },
    { label: `mutual kNN (k=${c.knnK})`, value: formatFixedList(c.mutualKnn), note: 'Euclidean neighbours of the top-k principal-component scores', wide: true },
    { label: 'retrieval top-1', value: formatFixedList(c.top1), note: 'Procrustes-aligned top-k scores of A, nearest top-k score row of B', wide: true },
    { label: 'retrieval top-5', value: formatFixedList(c.top5), note: 'the same within the 5 nearest', wide: true },
  ];
}

function classRows(r: CompareReport): Row[] {
  const c = r.classes;
  if (!c) return [{ label: 'classes', value: 'n/a', note: 'needs labels (--labels, or labels stored in A or B)' }];
  const angles = c.names.map((name, k) => ({
    label: `class ${name}`,
    value: formatNumber(c.meanAngle[k]),
    note: `mean principal angle (rad) of the top-${c.k} class subspaces, A vs aligned B (ranks ${c.ranksA[k]}/${c.ranksB[k]}, ${c.counts[k]} items)`,
  }));
  const collapse = (['nc1', 'cdnv', 'equinorm', 'equiangularity', 'etfDistance'] as const).map((key) => ({
    label: `${key} A / B`,
    value: `${formatNumber(c.collapseA[key])} / ${formatNumber(c.collapseB[key])}`,
    note: 'neural-collapse metric of each side on its own (ARCHITECTURE.md conventions)',
  }));
  return [...angles, ...collapse];
}

/** The readable table printed without --json. */
export function formatCompare(r: CompareReport, source: { a: string; b: string; backend: string }): string {
  return renderSections(`subspace-lab compare ${source.a} ${source.b} (backend ${source.backend})`, [
    ['data', dataRows(r)],
    ['similarity', measureRows(r)],
    ['alignment vs subspace dimension', curveRows(r)],
    ['classes', classRows(r)],
  ]);
}
