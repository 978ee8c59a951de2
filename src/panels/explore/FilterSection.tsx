/**
 * Filter rows by their metadata: one filter per column (FilterColumnView), combined with AND,
 * each column's counts taken over the rows the other filters keep; the cloud dims or hides the
 * rows filtered out; the rows kept can become the selection or be re-analysed on their own.
 */
import { useEffect } from 'react';
import { useAnalysisStore, useInspectStore } from '../../state/appStore';
import { getCrossfilter, getFilterCounts, getFilterMask, useFilterStore } from '../../state/filterStore';
import { analyseRows } from './analyseRows';
import { FilterColumnView } from './FilterColumnView';

export function FilterSection() {
  const dataVersion = useAnalysisStore((s) => s.dataVersion);
  const classNames = useAnalysisStore((s) => s.classNames);
  const { built, values, errors, mode, passing, version, build, clear, setMode } = useFilterStore();
  useEffect(() => build(dataVersion, classNames), [build, dataVersion, classNames]);
  const engine = built === dataVersion ? getCrossfilter() : null;
  const counts = getFilterCounts();
  if (dataVersion > 0 && built !== dataVersion) {
    // The columns are being typed (one per task, milliseconds each).
    return (
      <fieldset className="control" data-testid="filter-section-building">
        <legend>Filter</legend>
        <p className="control-note">Reading the columns…</p>
      </fieldset>
    );
  }
  if (!engine || engine.columns.length === 0) {
    return (
      <fieldset className="control">
        <legend>Filter</legend>
        <p className="control-note">No labels or metadata to filter by: load a metadata file (a TSV with a header) beside the vectors.</p>
      </fieldset>
    );
  }
  const active = values.some((v) => v !== null);
  const n = engine.n;
  return (
    <fieldset className="control filter-section" data-testid="filter-section" data-passing={passing} data-version={version}>
      <legend>Filter</legend>
      <p className="control-note" data-testid="filter-status">
        {active ? `${passing.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} rows pass every filter.` : `${n.toLocaleString('en-US')} rows; filters combine (AND).`}
      </p>
      <label className="inline-select">
        rows filtered out
        <select value={mode} onChange={(e) => setMode(e.target.value as 'dim' | 'hide')} data-testid="filter-mode">
          <option value="dim">dimmed</option>
          <option value="hide">hidden</option>
        </select>
      </label>
      {engine.columns.map((column, c) => (
        <FilterColumnView key={`${dataVersion}:${column.name}`} index={c} column={column} totals={engine.totals[c]} counts={counts[c]} value={values[c]} error={errors[c]} />
      ))}
      <div className="button-row">
        <button type="button" disabled={!active || passing === 0} onClick={() => useInspectStore.getState().setSelection(getFilterMask(), 'filters')} data-testid="filter-select">
          Select them
        </button>
        <button type="button" disabled={!active} onClick={clear} data-testid="filter-clear">
          Clear filters
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={!active || passing < 3}
          onClick={() => {
            const m = getFilterMask();
            if (m) analyseRows(m, passing, 'filtered');
          }}
          data-testid="filter-reanalyse"
          title="Recompute every view and metric on the rows that pass the filters"
        >
          Recompute metrics on these rows
        </button>
      </div>
    </fieldset>
  );
}
