/** The class legend over the 3D view: colour, name and count per class; a click hides or shows a class. */
import { useAnalysisStore } from '../state/appStore';
import { useViewStore } from '../state/viewStore';
import { classColor, UNIFORM_COLOR } from '../views/palette';

export function Legend() {
  const classNames = useAnalysisStore((s) => s.classNames);
  const counts = useAnalysisStore((s) => s.classCounts);
  const { colorMode, hiddenClasses, toggleClass, showAllClasses } = useViewStore();
  if (!classNames) return null;
  return (
    <div className="legend" data-testid="legend" aria-label="Classes">
      <div className="legend-title">
        class
        {hiddenClasses.length > 0 ? (
          <button type="button" className="legend-reset" onClick={showAllClasses}>
            show all
          </button>
        ) : null}
      </div>
      <ul>
        {classNames.map((name, k) => {
          const hidden = hiddenClasses.includes(k);
          return (
            <li key={k}>
              <button type="button" aria-pressed={!hidden} className={hidden ? 'legend-item legend-hidden' : 'legend-item'} onClick={() => toggleClass(k)} title={hidden ? 'Show this class' : 'Hide this class'}>
                <span className="legend-swatch" style={{ background: colorMode === 'class' ? classColor(k) : UNIFORM_COLOR }} />
                <span className="legend-name">{name}</span>
                <span className="legend-count">{counts?.[k] ?? ''}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
