/**
 * The centre of Compare mode: the aligned view (A and Procrustes-aligned B with a segment per
 * item), the alignment-vs-k chart, the linked side-by-side views and, with three or more
 * representations, the CKA matrix. A failed comparison is reported above the last one, which stays.
 */
import { useMemo } from 'react';
import { getCompareOutcome, useCompareStore, type ColourBy } from '../../state/compareStore';
import { ChartFrame } from '../../views/charts/ChartFrame';
import { Heatmap } from '../../views/charts/Heatmap';
import { AlignedView } from '../../views/compare/AlignedView';
import { AlignmentChart } from '../../views/compare/AlignmentChart';
import { LinkedViews } from '../../views/compare/LinkedViews';
import { effectiveColourBy, itemColours } from '../../views/compare/itemColours';
import { formatSig } from '../../format';
import { Segmented, type SegmentOption } from '../fields/Segmented';
import { useWidth } from '../landscape/useWidth';
import { ExampleButton } from './ExampleButton';
import type { CompareOutcome } from '../../workers/compareProtocol';
import { usePick } from '../../views/usePick';

function colourOptions(o: CompareOutcome): SegmentOption<ColourBy>[] {
  return [
    { value: 'displacement', label: 'displacement', title: '||A_i - aligned B_i||: the sum of squares is the Procrustes disparity', testId: 'compare-colour-displacement' },
    { value: 'agreement', label: 'neighbour agreement', title: '|N_A(i) ∩ N_B(i)|/k of the mutual kNN', testId: 'compare-colour-agreement' },
    { value: 'class', label: 'class', title: 'The class of each item', disabled: !o.labels, testId: 'compare-colour-class' },
  ];
}

function ErrorBox() {
  const error = useCompareStore((s) => s.error);
  if (!error) return null;
  return (
    <div className="view-error cmp-error" role="alert" data-testid="compare-error">
      <div className="view-error-text">
        <strong>These two cannot be compared.</strong>
        <p data-testid="compare-error-problem">{error.problem}</p>
        <p className="view-error-fix">{error.fix}</p>
        {getCompareOutcome() ? <p className="view-error-kept">The previous comparison stays on screen.</p> : null}
      </div>
      <button type="button" className="view-error-close" aria-label="Dismiss" onClick={() => useCompareStore.setState({ error: null })}>
        ×
      </button>
    </div>
  );
}

/** The names without the words they all start with (e.g. "run 1 step 0", "run 1 step 25" -> "0", "25"), and those words. */
function shortNames(names: readonly string[]): { labels: string[]; common: string } {
  let common = names[0] ?? '';
  for (const s of names) while (!s.startsWith(common)) common = common.slice(0, -1);
  common = common.slice(0, common.lastIndexOf(' ') + 1);
  const labels = names.map((s) => s.slice(common.length));
  return labels.every((l) => l.length > 0) ? { labels, common: common.trim() } : { labels: [...names], common: '' };
}

function CkaMatrixChart({ o }: { o: CompareOutcome }) {
  const m = o.ckaMatrix;
  if (!m) return null;
  const { labels, common } = shortNames(m.names);
  return (
    <ChartFrame title="Linear CKA between every pair" note={`${m.names.length} representations of the same ${o.report.n} items${common ? ` (${common} …)` : ''}, Kornblith et al. 2019; 1 on the diagonal`} file="compare" testId="compare-cka-matrix">
      <Heatmap labels={labels} values={m.linear} domain={[0, 1]} scheme="sequential" legend="linear CKA" describe={(i, j, v) => `${m.names[i]} vs ${m.names[j]}: linear CKA ${formatSig(v)}, debiased ${formatSig(m.debiased[i * m.names.length + j])}`} size={220} maxWidth={520} testId="compare-cka-heatmap" />
    </ChartFrame>
  );
}

export function CompareCenter() {
  const { version, colourBy, dims, selected } = usePick(useCompareStore, 'version', 'colourBy', 'dims', 'selected');
  const { setColourBy, setDims, setSelected } = useCompareStore.getState();
  const [ref, width] = useWidth<HTMLDivElement>();
  const o = getCompareOutcome();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the outcome changes exactly when version does
  const colours = useMemo(() => (o ? itemColours(colourBy, o) : null), [version, colourBy]);
  const data = useMemo(() => (o ? { n: o.report.n, components: o.projection.components, a: o.projection.a, b: o.projection.b } : null), [o]);
  const chartW = Math.max(320, width - 4);
  return (
    <main className="center cmp-center" aria-label="Compare views">
      <ErrorBox />
      <div className="cmp-center-inner" ref={ref}>
        {o && colours && data ? (
          <>
            <section className="cmp-aligned-frame">
              <div className="cmp-view-bar">
                <span className="chart-title">A and B after the Procrustes fit</span>
                <Segmented value={effectiveColourBy(colourBy, o)} options={colourOptions(o)} onChange={setColourBy} className="segmented-small" ariaLabel="Colour items by" testId="compare-colour" />
                <Segmented value={dims} options={[{ value: 2, label: '2D', testId: 'compare-2d' }, { value: 3, label: '3D', testId: 'compare-3d' }]} onChange={setDims} className="segmented-small" ariaLabel="Dimensions" />
              </div>
              <AlignedView data={data} colours={colours} dims={dims} selected={selected} explained={o.projection.explained} />
            </section>
            {o.report.alignmentCurve ? (
              <ChartFrame
                title="Alignment vs subspace dimension"
                note={o.report.alignmentCurve.rows ? `On a seeded sample of ${o.report.alignmentCurve.rows.size} of ${o.report.alignmentCurve.rows.of} items (seed ${o.report.alignmentCurve.rows.seed})` : `All ${o.report.n} items`}
                file="compare"
                testId="compare-curve"
              >
                <AlignmentChart curve={o.report.alignmentCurve} width={chartW} height={280} />
              </ChartFrame>
            ) : null}
            <ChartFrame title="Linked views" note="The same items in A and in aligned B, on A's first two principal axes at one scale" file="compare" testId="compare-linked-frame">
              <LinkedViews o={o} rgb={colours.rgb} width={chartW} selected={selected} onSelect={setSelected} />
            </ChartFrame>
            <CkaMatrixChart o={o} />
          </>
        ) : (
          <div className="tab-empty cmp-empty" data-testid="compare-empty">
            <p>Choose representation A and representation B on the left: two files of the same items (rows matched by order or by an id column), two arrays of one .npz or .safetensors, Explore's data and a second file, or two steps of a Train run.</p>
            <p>
              <ExampleButton testId="compare-example" />
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
