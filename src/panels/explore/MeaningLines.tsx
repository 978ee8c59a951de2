/** A metric's meaning in its tooltip: how to read high and low values, its caveats and its reference. */
import type { MetricMeaning } from './metricMeanings';

export function MeaningLines({ meaning }: { meaning: MetricMeaning }) {
  return (
    <span className="tip-meaning">
      <span className="tip-line"><strong>High:</strong> {meaning.high}.</span>
      <span className="tip-line"><strong>Low:</strong> {meaning.low}.</span>
      <span className="tip-line"><strong>Caveats:</strong> {meaning.caveats}</span>
      <span className="tip-line tip-ref"><strong>Reference:</strong> {meaning.reference}.</span>
    </span>
  );
}
