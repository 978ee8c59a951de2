/**
 * The legend over the 3D view, kept to a corner (its list scrolls inside a capped height) and
 * foldable to its title. For categories: colour, name and count (a click hides or shows a
 * category, pointing at one dims the others); above SEARCH_FROM categories a search box filters
 * the list. For a continuous colouring: the colour bar with its range and the points without a value.
 */
import { useMemo, useState } from 'react';
import { useUiStore } from '../../state/uiStore';
import { useViewStore } from '../../state/viewStore';
import { MISSING_COLOR, scaleColor, type ColorPlan } from '../../views/colors';
import { formatSig } from '../../format';
import { useColorPlan } from '../../views/useColorPlan';
import { distinctLabelsToWidth } from '../../views/shortLabels';

const BAR_STOPS = Array.from({ length: 11 }, (_, i) => i / 10);
/**
 * A category's name fits this width on one line (14 px semibold), cut where the names stay apart
 * (shortLabels.ts: at the end, the middle or the start); the full name is in its title. When no
 * cut keeps them apart the names are written whole, wrapped.
 */
const NAME_PX = 120;
const NAME_FONT = "600 14px Inter, 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif";
let measurer: CanvasRenderingContext2D | null | undefined;
function nameWidth(text: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 8.5;
  measurer.font = NAME_FONT;
  return measurer.measureText(text).width;
}

/** Categorical legends with more entries than this get a search box. */
export const SEARCH_FROM = 12;

function ContinuousBody({ plan }: { plan: Extract<ColorPlan, { kind: 'continuous' }> }) {
  const gradient = `linear-gradient(to top, ${BAR_STOPS.map((t) => `${scaleColor(t)} ${t * 100}%`).join(', ')})`;
  return (
    <div className="legend legend-continuous" data-testid="legend" aria-label={plan.title}>
      <div className="legend-title">{plan.title}</div>
      <div className="legend-scale">
        <span className="legend-bar" style={{ background: gradient }} />
        <span className="legend-ticks">
          <span>≥ {formatSig(plan.max, 3)}</span>
          <span>{formatSig((plan.min + plan.max) / 2, 3)}</span>
          <span>≤ {formatSig(plan.min, 3)}</span>
        </span>
      </div>
      {plan.missing > 0 ? (
        <div className="legend-missing">
          <span className="legend-swatch" style={{ background: MISSING_COLOR }} /> no value: {plan.missing.toLocaleString('en-US')}
        </div>
      ) : null}
    </div>
  );
}

function CategoricalBody({ plan }: { plan: Extract<ColorPlan, { kind: 'categorical' }> }) {
  const { hidden, toggleHidden, showAll, setFocus } = useViewStore();
  const [query, setQuery] = useState('');
  const shortNames = useMemo(() => distinctLabelsToWidth(plan.categories, NAME_PX, nameWidth), [plan.categories]);
  const q = query.trim().toLowerCase();
  const entries = plan.categories.map((name, k) => ({ name, k })).filter((e) => q === '' || e.name.toLowerCase().includes(q));
  return (
    <div className="legend" data-testid="legend" aria-label={plan.title} onMouseLeave={() => setFocus(null)}>
      <div className="legend-title">
        {plan.title}
        {hidden.length > 0 ? (
          <button type="button" className="legend-reset" onClick={showAll}>
            show all
          </button>
        ) : null}
      </div>
      {plan.categories.length > SEARCH_FROM ? (
        <input
          type="search"
          className="legend-search"
          value={query}
          placeholder={`find one of ${plan.categories.length}`}
          aria-label={`Find a ${plan.title} in the legend`}
          data-testid="legend-search"
          onChange={(e) => setQuery(e.target.value)}
        />
      ) : null}
      <ul className="legend-list">
        {entries.map(({ name, k }) => {
          const off = hidden.includes(name);
          return (
            <li key={k}>
              <button
                type="button"
                aria-pressed={!off}
                className={off ? 'legend-item legend-hidden' : 'legend-item'}
                onClick={() => toggleHidden(name)}
                onMouseEnter={() => setFocus(name)}
                onFocus={() => setFocus(name)}
                onBlur={() => setFocus(null)}
                title={`${name}: ${off ? 'show these points' : 'hide these points'} (pointing at it dims the others)`}
                data-color={plan.colors[k]}
              >
                <span className="legend-swatch" style={{ background: plan.colors[k] }} />
                <span className={shortNames ? 'legend-name' : 'legend-name legend-name-whole'}>{shortNames ? shortNames[k] : name}</span>
                <span className="legend-count">{plan.counts[k]?.toLocaleString('en-US') ?? ''}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {entries.length === 0 ? <p className="legend-empty">no {plan.title} matches “{query}”</p> : null}
    </div>
  );
}

export function Legend() {
  const plan = useColorPlan();
  const collapsed = useUiStore((s) => s.legendCollapsed);
  const setCollapsed = useUiStore((s) => s.setLegendCollapsed);
  if (!plan || plan.kind === 'uniform') return null;
  const count = plan.kind === 'categorical' ? ` (${plan.categories.length})` : '';
  return (
    <div className={collapsed ? 'legend-box legend-collapsed' : 'legend-box'}>
      <button
        type="button"
        className="legend-fold"
        aria-expanded={!collapsed}
        onClick={() => setCollapsed(!collapsed)}
        title={collapsed ? 'Show the legend' : 'Fold the legend away'}
        data-testid="legend-toggle"
      >
        {collapsed ? `legend: ${plan.title}${count} ▸` : '▾'}
      </button>
      {collapsed ? null : plan.kind === 'continuous' ? <ContinuousBody plan={plan} /> : <CategoricalBody key={`${plan.title}|${plan.categories.length}`} plan={plan} />}
    </div>
  );
}
