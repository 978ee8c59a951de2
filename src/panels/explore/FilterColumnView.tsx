/**
 * One column's filter: a numeric column as a brushable histogram, a categorical one as bars with
 * toggles, a text column as a contains / regular-expression box. Every count is over the rows
 * passing the other columns' filters; brushing is coalesced to one update per animation frame.
 */
import { useEffect, useRef, useState } from 'react';
import type { FilterValue } from '../../state/crossfilter';
import type { FilterColumn } from '../../state/filterColumns';
import { useFilterStore } from '../../state/filterStore';
import { FilterHistogram } from '../../views/charts/FilterHistogram';
import { formatSig } from '../../format';

/** Categories listed before "show all". */
const SHOWN_CATEGORIES = 12;

interface Props {
  index: number;
  column: FilterColumn;
  totals: Int32Array;
  counts: Int32Array;
  value: FilterValue | null;
  error: string | null;
}

/** setFilter at most once per animation frame (the latest value wins). */
function useFrameThrottled(column: number): (v: FilterValue | null) => void {
  const pending = useRef<{ v: FilterValue | null; frame: number } | null>(null);
  useEffect(
    () => () => {
      if (pending.current) cancelAnimationFrame(pending.current.frame);
    },
    [],
  );
  return (v) => {
    if (pending.current) {
      pending.current.v = v;
      return;
    }
    pending.current = {
      v,
      frame: requestAnimationFrame(() => {
        const p = pending.current;
        pending.current = null;
        if (p) useFilterStore.getState().setFilter(column, p.v);
      }),
    };
  };
}

function NumericFilter({ index, column, totals, counts, value }: Props & { column: Extract<FilterColumn, { kind: 'numeric' }> }) {
  const apply = useFrameThrottled(index);
  const range = value?.kind === 'range' ? ([value.b0, value.b1] as const) : null;
  const kept = range ? counts.slice(range[0], range[1] + 1).reduce((s, c) => s + c, 0) : null;
  return (
    <>
      <FilterHistogram name={column.name} edges={column.edges} totals={totals} counts={counts} range={range} onRange={(r) => apply(r ? { kind: 'range', b0: r[0], b1: r[1] } : null)} />
      <p className="control-note" data-testid={`filter-range-${column.name}`}>
        {range
          ? `${formatSig(column.edges[range[0]], 3)} ≤ ${column.name} ${range[1] === column.edges.length - 2 ? '≤' : '<'} ${formatSig(column.edges[range[1] + 1], 3)}: ${(kept ?? 0).toLocaleString('en-US')} rows`
          : `Drag across the bars to keep a range.${column.missing > 0 ? ` ${column.missing.toLocaleString('en-US')} rows have no value.` : ''}`}
      </p>
    </>
  );
}

function CategoryFilter({ index, column, totals, counts, value }: Props & { column: Extract<FilterColumn, { kind: 'category' }> }) {
  const [all, setAll] = useState(false);
  const off = new Set(value?.kind === 'categories' ? value.off : []);
  const set = (next: Set<number>) => useFilterStore.getState().setFilter(index, next.size > 0 ? { kind: 'categories', off: [...next].sort((a, b) => a - b) } : null);
  const top = Math.max(1, ...totals);
  const shown = all ? column.categories : column.categories.slice(0, SHOWN_CATEGORIES);
  return (
    <div className="filter-bars" data-testid={`filter-bars-${column.name}`}>
      <div className="filter-bars-head">
        <span>{column.categories.length} values · rows</span>
        <button type="button" className="link-button" disabled={off.size === 0} onClick={() => set(new Set())}>
          all
        </button>
        <button type="button" className="link-button" onClick={() => set(new Set(column.categories.map((_, k) => k)))}>
          none
        </button>
      </div>
      {shown.map((name, k) => (
        <label key={name} className="filter-bar-row" title={`${name}: ${counts[k].toLocaleString('en-US')} of ${totals[k].toLocaleString('en-US')} rows pass the other filters`}>
          <input
            type="checkbox"
            checked={!off.has(k)}
            data-testid={`filter-cat-${column.name}-${k}`}
            onChange={(e) => {
              const next = new Set(off);
              if (e.target.checked) next.delete(k);
              else next.add(k);
              set(next);
            }}
          />
          <span className="filter-bar-name">{name}</span>
          <span className="filter-bar-track">
            <span className="filter-bar-fill-total" style={{ width: `${(100 * totals[k]) / top}%` }} />
            <span className={off.has(k) ? 'filter-bar-fill-out' : 'filter-bar-fill'} style={{ width: `${(100 * counts[k]) / top}%` }} />
          </span>
          <span className="filter-bar-count">{counts[k].toLocaleString('en-US')}</span>
        </label>
      ))}
      {column.categories.length > SHOWN_CATEGORIES ? (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? 'show fewer' : `show all ${column.categories.length}`}
        </button>
      ) : null}
    </div>
  );
}

function TextFilter({ index, column, counts, value, error }: Props & { column: Extract<FilterColumn, { kind: 'text' }> }) {
  const [text, setText] = useState(value?.kind === 'text' ? value.query : '');
  const [regex, setRegex] = useState(value?.kind === 'text' ? value.regex : false);
  const submit = (q: string, re: boolean) => useFilterStore.getState().setFilter(index, q === '' ? null : { kind: 'text', query: q, regex: re });
  return (
    <>
      <form
        className="search-row"
        onSubmit={(e) => {
          e.preventDefault();
          submit(text, regex);
        }}
      >
        <input type="search" value={text} placeholder={regex ? 'regular expression' : 'contains'} aria-label={`Filter ${column.name} by text`} data-testid={`filter-text-${column.name}`} onChange={(e) => setText(e.target.value)} />
        <button type="submit">Filter</button>
      </form>
      <label className="check">
        <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} />
        regular expression
      </label>
      {error ? (
        <p className="control-error" role="alert">
          {error.replace(/\.?$/, ".")} Fix the pattern (e.g. escape a bracket as \[) or untick “regular expression”.
        </p>
      ) : (
        <p className="control-note" data-testid={`filter-text-count-${column.name}`}>
          {value ? `${counts[0].toLocaleString('en-US')} rows match` : 'Text: keep the rows that contain a word (or match a pattern).'}
        </p>
      )}
    </>
  );
}

export function FilterColumnView(props: Props) {
  const { column } = props;
  const active = props.value !== null;
  return (
    <div className={`filter-column${active ? ' filter-active' : ''}`} data-testid={`filter-${column.name}`} data-kind={column.kind}>
      <div className="filter-column-head">
        <span className="filter-column-name">{column.name}</span>
        {active ? (
          <button type="button" className="link-button" onClick={() => useFilterStore.getState().setFilter(props.index, null)} data-testid={`filter-reset-${column.name}`}>
            reset
          </button>
        ) : null}
      </div>
      {column.kind === 'numeric' ? <NumericFilter {...props} column={column} /> : column.kind === 'category' ? <CategoryFilter {...props} column={column} /> : <TextFilter {...props} column={column} />}
    </div>
  );
}
