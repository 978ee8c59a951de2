/** The legend of Compare's item colours: a viridis bar with its range and title, or the class swatches. */
import { scaleColor } from '../colors';
import { classColor } from '../palette';
import { formatSig } from '../../format';
import type { ItemColours } from './itemColours';

export function ColourLegend({ colours }: { colours: ItemColours }) {
  const l = colours.legend;
  if (l.kind === 'classes') {
    return (
      <ul className="cmp-classes" data-testid="compare-colour-legend" data-kind="classes">
        {l.names.slice(0, 12).map((name, k) => (
          <li key={name}>
            <span className="ls-swatch" style={{ background: classColor(k) }} />
            {name}
          </li>
        ))}
        {l.names.length > 12 ? <li>{`+${l.names.length - 12} more`}</li> : null}
      </ul>
    );
  }
  const stops = Array.from({ length: 11 }, (_, i) => `${scaleColor(i / 10)} ${i * 10}%`).join(', ');
  return (
    <div className="cmp-scale" data-testid="compare-colour-legend" data-kind="scale">
      <div className="cmp-scale-title">{l.title}</div>
      <div className="cmp-scale-bar" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <div className="cmp-scale-ticks">
        <span>{formatSig(l.min, 2)}</span>
        <span>{formatSig(l.max, 3)}</span>
      </div>
    </div>
  );
}
