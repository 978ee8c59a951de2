/**
 * A chart's frame: title, optional note (units, sample sizes), the chart, and an "SVG" button that
 * saves the chart (its first <svg>) as a standalone file named after the dataset and the title.
 */
import { useRef, type ReactNode } from 'react';
import { download, slug, svgMarkup } from '../download';

interface Props {
  title: string;
  /** One line under the title: what is shown, units, sample. */
  note?: ReactNode;
  /** Prefix of the exported file name (the dataset). */
  file: string;
  testId: string;
  children: ReactNode;
}

export function ChartFrame({ title, note, file, testId, children }: Props) {
  const body = useRef<HTMLDivElement>(null);
  const save = () => {
    const svg = body.current?.querySelector('svg');
    if (svg) download(`${slug(file)}-${slug(title)}.svg`, new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
  };
  return (
    <figure className="chart-frame" data-testid={testId}>
      <figcaption className="chart-head">
        <span className="chart-title">{title}</span>
        <button type="button" className="chart-export" onClick={save} title={`Save "${title}" as SVG`} data-testid={`${testId}-svg`}>
          SVG
        </button>
      </figcaption>
      {note ? <p className="chart-note">{note}</p> : null}
      <div ref={body} className="chart-body">
        {children}
      </div>
    </figure>
  );
}
