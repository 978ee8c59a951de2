/**
 * Selection: search labels and metadata by text or regex, box or lasso (shift-drag), isolate,
 * re-analyse the selection as a dataset of its own (every view and metric on those rows), clear.
 */
import { useState } from 'react';
import { useAnalysisStore, useInspectStore } from '../../state/appStore';
import { useViewStore } from '../../state/viewStore';
import { analyseRows } from './analyseRows';
import { isDerived, rootOf } from './derivedSource';
import { Segmented, type SegmentOption } from '../fields/Segmented';

const TOOLS: readonly SegmentOption<'box' | 'lasso'>[] = [
  { value: 'box', label: 'box', testId: 'tool-box' },
  { value: 'lasso', label: 'lasso', testId: 'tool-lasso' },
];

export function SelectionSection() {
  const ready = useAnalysisStore((s) => s.dataVersion > 0);
  const { selectionCount, selectionSource, isolate, queryError, search, setIsolate, setSelection } = useInspectStore();
  const query = useInspectStore((s) => s.query);
  const { selectTool, setSelectTool } = useViewStore();
  const selection = useInspectStore((s) => s.selection);
  const shownSource = useAnalysisStore((s) => s.shownSource);
  const run = useAnalysisStore((s) => s.run);
  const [text, setText] = useState(query);
  const [regex, setRegex] = useState(false);
  const [lastQuery, setLastQuery] = useState(query);
  if (query !== lastQuery) {
    setLastQuery(query);
    setText(query);
  }
  return (
    <fieldset className="control">
      <legend>Select</legend>
      <form
        className="search-row"
        onSubmit={(e) => {
          e.preventDefault();
          search(text, regex);
        }}
      >
        <input
          type="search"
          value={text}
          disabled={!ready}
          placeholder="search labels and metadata"
          aria-label="Search labels and metadata"
          data-testid="search-input"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={!ready} data-testid="search-button">
          Find
        </button>
      </form>
      <label className="check">
        <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} data-testid="search-regex" />
        regular expression
      </label>
      {queryError ? (
        <p className="control-error" role="alert">
          {queryError}
        </p>
      ) : null}
      <p className="control-note" data-testid="selection-status">
        {selectionCount > 0 ? `${selectionCount.toLocaleString('en-US')} points selected (${selectionSource})` : `Shift-drag in the view to select points with the ${selectTool}.`}
      </p>
      <Segmented value={selectTool} options={TOOLS} onChange={setSelectTool} className="segmented-small tool-toggle" ariaLabel="Selection tool" />
      <div className="button-row">
        <button type="button" disabled={selectionCount === 0} aria-pressed={isolate} onClick={() => setIsolate(!isolate)} data-testid="isolate">
          {isolate ? 'Show all' : 'Isolate'}
        </button>
        <button type="button" disabled={selectionCount === 0} onClick={() => setSelection(null, '')} data-testid="clear-selection">
          Clear
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={selectionCount < 3 || !selection}
          onClick={() => selection && analyseRows(selection, selectionCount, 'selected')}
          data-testid="reanalyse-selection"
          title="Analyse only the selected points: every view is re-projected and every metric recomputed on them"
        >
          Re-analyse selection
        </button>
        {shownSource && isDerived(shownSource) ? (
          <button type="button" onClick={() => run(rootOf(shownSource))} data-testid="back-to-all">
            Back to all points
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
