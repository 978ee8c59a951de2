/**
 * Compare's right panel: exactly the CLI's `compare --json` values (each with its formula and
 * convention from COMPARE_DOCS), how the rows were matched, and with labels the per-class angles
 * and each side's collapse metrics side by side.
 */
import { COMPARE_DOCS as DOCS } from '../../compare/docs';
import type { CompareReport } from '../../compare/types';
import { getCompareOutcome, useCompareStore } from '../../state/compareStore';
import { ClassTable } from './ClassTable';
import { MeasureRow } from './MeasureRow';

function Matching({ r }: { r: CompareReport }) {
  const m = r.matching;
  const dropped = m.nonFiniteA + m.nonFiniteB;
  return (
    <p className="metric-note" data-testid="compare-matching">
      {m.by === 'id' ? `Matched by id column "${m.idColumn}"` : 'Matched by order (row i of A is row i of B)'}
      {m.unmatchedA + m.unmatchedB > 0 ? `; left out: ${m.unmatchedA} rows of A and ${m.unmatchedB} rows of B without a partner` : ''}
      {dropped > 0 ? `; ${dropped} pairs dropped for NaN/Infinity (${m.nonFiniteA} in A, ${m.nonFiniteB} in B)` : ''}.
    </p>
  );
}

export function MeasuresPanel() {
  useCompareStore((s) => s.version);
  const status = useCompareStore((s) => s.status);
  const r = getCompareOutcome()?.report ?? null;
  return (
    <aside className={status === 'running' && r ? 'panel cmp-measures stale' : 'panel cmp-measures'} aria-label="Compare measures" data-testid="compare-measures">
      <h2 className="panel-title">Measures</h2>
      {r ? (
        <>
          <section className="metric-section">
            <h3>Data</h3>
            <MeasureRow label="items n" path="n" value={r.n} tip="Matched rows with finite vectors on both sides" />
            <MeasureRow label="dimensions A" path="dimA" value={r.dimA} tip="Values per row of A" />
            <MeasureRow label="dimensions B" path="dimB" value={r.dimB} tip="Values per row of B" />
            <Matching r={r} />
          </section>
          <section className="metric-section">
            <h3>Similarity</h3>
            <MeasureRow label="linear CKA" path="cka.linear" value={r.cka.linear} doc={DOCS.ckaLinear} />
            <MeasureRow label="debiased CKA" path="cka.debiased" value={r.cka.debiased} doc={DOCS.ckaDebiased} />
            <MeasureRow label="mutual kNN k" path="mutualKnn.k" value={r.mutualKnn.k} tip="Cosine neighbours per item, self excluded" />
            <MeasureRow label="mutual kNN" path="mutualKnn.value" value={r.mutualKnn.value} doc={DOCS.mutualKnn} />
            <MeasureRow label="Procrustes disparity" path="procrustes.disparity" value={r.procrustes.disparity} doc={DOCS.procrustes} />
            <MeasureRow label="SVCCA k" path="svcca.k" value={r.svcca.k} tip={`Principal directions per side (asked ${r.svcca.requestedK}, clamped to both numerical ranks)`} />
            <MeasureRow label="SVCCA mean" path="svcca.mean" value={r.svcca.mean} doc={DOCS.svcca} />
            <MeasureRow label="SVCCA correlations" path="svcca.correlations" value={r.svcca.correlations} tip="Canonical correlations of the top-k principal subspaces, descending" />
            <MeasureRow label="relative anchors" path="relative.anchors" value={r.relative.anchors} tip={`Seeded anchor items (seed ${r.relative.seed}), the same on both sides`} />
            <MeasureRow label="relative similarity" path="relative.similarity" value={r.relative.similarity} doc={DOCS.relative} />
            <MeasureRow label="retrieval top-1" path="retrieval.top1" value={r.retrieval.top1} doc={DOCS.retrieval} />
            <MeasureRow label="retrieval top-5" path="retrieval.top5" value={r.retrieval.top5} doc={DOCS.retrieval} />
          </section>
          {r.classes ? <ClassTable c={r.classes} /> : <p className="metric-note">With labels (a labels file on either side), the per-class principal angles and both sides' collapse metrics appear here.</p>}
        </>
      ) : (
        <p className="tab-empty">
          Choose two representations of the same items: linear and debiased CKA, mutual kNN, Procrustes disparity, SVCCA, relative representations and cross-space retrieval, the values the command line prints with subspace-lab compare A B --json.
        </p>
      )}
    </aside>
  );
}
