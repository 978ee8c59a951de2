/**
 * The legend over the 3D view: for categories, colour, name and count (a click hides or shows a
 * category); for a continuous colouring, the colour bar with its range and the points without a value.
 */
import { useViewStore } from '../../state/viewStore';
import { MISSING_COLOR, scaleColor } from '../../views/colors';
import { formatSig } from '../../views/format';
import { useColorPlan } from '../../views/useColorPlan';

const BAR_STOPS = Array.from({ length: 11 }, (_, i) => i / 10);

export function Legend() {
  const plan = useColorPlan();
  const { hidden, toggleHidden, showAll } = useViewStore();
  if (!plan || plan.kind === 'uniform') return null;
  if (plan.kind === 'continuous') {
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
  return (
    <div className="legend" data-testid="legend" aria-label={plan.title}>
      <div className="legend-title">
        {plan.title}
        {hidden.length > 0 ? (
          <button type="button" className="legend-reset" onClick={showAll}>
            show all
          </button>
        ) : null}
      </div>
      <ul>
        {plan.categories.map((name, k) => {
          const off = hidden.includes(name);
          return (
            <li key={k}>
              <button type="button" aria-pressed={!off} className={off ? 'legend-item legend-hidden' : 'legend-item'} onClick={() => toggleHidden(name)} title={off ? 'Show these points' : 'Hide these points'}>
                <span className="legend-swatch" style={{ background: plan.colors[k] }} />
                <span className="legend-name">{name}</span>
                <span className="legend-count">{plan.counts[k]?.toLocaleString('en-US') ?? ''}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
